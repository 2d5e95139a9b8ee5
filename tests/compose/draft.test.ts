import { describe, expect, it } from 'vitest';
import { draftToYaml, parseDraft } from '../../src/compose/index.js';
import { BriefingError } from '../../src/errors.js';
import { composeInput, composeChecked } from './fixtures.js';

const draft = composeChecked(composeInput());
const yaml = draftToYaml(draft);
const lines = yaml.split('\n');

/** 1-based line number of the first line containing `text` (after line `after`). */
function lineOf(text: string, after = 0): number {
  const i = lines.findIndex((l, n) => n >= after && l.includes(text));
  if (i < 0) throw new Error(`no line with ${text}`);
  return i + 1;
}

function replaceLine(n: number, text: string): string {
  return lines.map((l, i) => (i === n - 1 ? text : l)).join('\n');
}

function draftError(text: string): BriefingError {
  try {
    parseDraft(text, 'outbox/2026-03-19/draft.yaml');
  } catch (e) {
    if (e instanceof BriefingError) return e;
    throw e;
  }
  throw new Error('parseDraft accepted the draft');
}

describe('draftToYaml', () => {
  it('round-trips: the YAML parses back to the same draft', () => {
    expect(parseDraft(yaml, 'draft.yaml')).toEqual(draft);
  });

  it('writes Korean as is, without escapes or folded lines', () => {
    expect(yaml).toContain('headline: "반도체 수출 역대 최대…AI 메모리가 끌어올렸다"');
    expect(yaml).not.toMatch(/\\u[0-9a-f]{4}|\\x/i);
    const longest = draft.stories.flatMap((s) => [...s.lead, ...s.why]).reduce((a, b) => (b.length > a.length ? b : a));
    expect(lines.some((l) => l.includes(longest))).toBe(true);
    expect(yaml).toContain('marker: "💡"');
  });

  it('opens with a comment telling the editor what they can change', () => {
    const header = lines.slice(
      0,
      lines.findIndex((l) => !l.startsWith('#')),
    );
    expect(header.length).toBeGreaterThanOrEqual(3);
    const text = header.join('\n');
    for (const word of ['stories', '순서', '지우면', '고쳐', 'pins', 'blocks', 'topicId', 'briefing render'])
      expect(text).toContain(word);
  });

  it('writes the comment header in English for an English issue', () => {
    const en = draftToYaml({ ...draft, locale: 'en' });
    expect(en.split('\n')[0]).toMatch(/^# Draft of the issue/);
    expect(parseDraft(en, 'draft.yaml').locale).toBe('en');
  });

  it('reads back an editor’s reordering, rewrite, deletion and pins', () => {
    const edited = parseDraft(
      draftToYaml({
        ...draft,
        title: '[브리핑] 편집자가 고친 제목',
        stories: [draft.stories[1]!, { ...draft.stories[0]!, lead: ['편집자가 다시 쓴 리드 문장이다.'] }],
        headlines: draft.headlines.slice(1),
        pins: ['t-chips', 'https://nuri.example.com/news/2'],
      }),
      'draft.yaml',
    );
    expect(edited.stories.map((s) => s.topicId)).toEqual(['t-ailaw', 't-chips']);
    expect(edited.stories[1]!.lead).toEqual(['편집자가 다시 쓴 리드 문장이다.']);
    expect(edited.headlines.map((e) => e.topicId)).toEqual(['t-weather']);
    expect(edited.pins).toEqual(['t-chips', 'https://nuri.example.com/news/2']);
  });
});

describe('parseDraft', () => {
  it('reports a YAML syntax error with its line', () => {
    const n = lineOf('  - topicId: t-ailaw');
    const e = draftError(replaceLine(n, '  - topicId: [t-ailaw'));
    expect(e.code).toBe('EDRAFT');
    expect(e.message).toMatch(/^outbox\/2026-03-19\/draft\.yaml line \d+: /);
    const reported = Number(/line (\d+)/.exec(e.message)?.[1]);
    expect(reported).toBeGreaterThanOrEqual(n);
    expect(reported).toBeLessThanOrEqual(n + 1);
    expect(e.hint).toMatch(/indent|quote/);
  });

  it('reports an unknown key with its line and path', () => {
    const n = lineOf('    headline: "AI 기본법');
    const e = draftError(replaceLine(n, '    headlin: AI 기본법 오늘부터 시행'));
    expect(e.message).toBe(`outbox/2026-03-19/draft.yaml line ${n}: stories[1].headlin is not a draft field`);
    expect(e.hint).toContain('headline');
  });

  it('lists the draft’s fields when a top-level key is unknown', () => {
    const e = draftError(`${yaml}\ntitel: 오타\n`);
    expect(e.message).toBe(`outbox/2026-03-19/draft.yaml line ${lines.length + 1}: titel is not a draft field`);
    expect(e.hint).toContain('title, subject, preheader');
  });

  it('reports a missing field at the line of the entry that lacks it', () => {
    const n = lineOf('    headline: "AI 기본법');
    const text = lines.filter((_, i) => i !== n - 1).join('\n');
    const e = draftError(text);
    expect(e.message).toBe(
      `outbox/2026-03-19/draft.yaml line ${lineOf('  - topicId: t-ailaw')}: stories[1].headline is missing`,
    );
    expect(e.hint).toContain('add stories[1].headline');
  });

  it('reports a value of the wrong type with its line', () => {
    const n = lineOf('    lead:');
    const e = draftError(
      replaceLine(n, '    lead: 3').replace(
        /\n {6}- "지난달[^\n]*|\n {6}- "산업통상자원부[^\n]*|\n {6}- "증가세를[^\n]*|\n {6}- "메모리 가격이[^\n]*/g,
        '',
      ),
    );
    expect(e.message).toBe(`outbox/2026-03-19/draft.yaml line ${n}: stories[0].lead must be a list`);
  });

  it('reports a link that is not http(s)', () => {
    const n = lineOf('url: "https://techon.example.com/p/10"');
    const e = draftError(
      replaceLine(n, lines[n - 1]!.replace('https://techon.example.com/p/10', 'javascript:alert(1)')),
    );
    expect(e.message).toBe(
      `outbox/2026-03-19/draft.yaml line ${n}: stories[1].sources[0].url must be an http(s) link like https://example.com/article`,
    );
  });

  it('reports a marker that is neither 🖊️ nor 💡', () => {
    const n = lineOf('marker: "💡"');
    const e = draftError(replaceLine(n, '    marker: ⭐'));
    expect(e.message).toContain(`line ${n}: stories[1].marker must be 🖊️ (news) or 💡 (analysis, follow-up)`);
  });

  it('reports a duplicated key with its line', () => {
    const n = lineOf('title: "[브리핑]');
    const e = draftError(replaceLine(n, `${lines[n - 1]!}\ntitle: 두 번째 제목`));
    expect(e.message).toMatch(new RegExp(`line ${n + 1}: .*unique`));
  });

  it('reports a file that is not a map of fields', () => {
    expect(draftError('- 목록만 있다\n').message).toBe(
      'outbox/2026-03-19/draft.yaml line 1: the draft is not a map of fields',
    );
  });

  it('uses the title as the subject when the editor deletes the subject', () => {
    const text = lines
      .filter((l) => !l.startsWith('subject:'))
      .join('\n')
      .replace(/^title: .*$/m, 'title: "[브리핑] 새 제목"');
    const d = parseDraft(text, 'draft.yaml');
    expect(d.subject).toBe('[브리핑] 새 제목');
  });

  it('accepts a single sentence written without list dashes and 🖊 without its variation selector', () => {
    const d = parseDraft(
      draftToYaml({ ...draft, stories: [{ ...draft.stories[0]!, marker: '🖊️' }] })
        .replace('marker: "🖊️"', 'marker: 🖊')
        .replace(/ {4}why:\n( {6}- [^\n]*\n)+/, '    why: 한 문장으로 바꾼 이유.\n'),
      'draft.yaml',
    );
    expect(d.stories[0]!.marker).toBe('🖊️');
    expect(d.stories[0]!.why).toEqual(['한 문장으로 바꾼 이유.']);
  });

  it('round-trips text with ": ", "#" and a leading "[" or "*", and keeps a person\'s edit inside the quotes as text', () => {
    const tricky = {
      ...draft,
      title: '[단독] 한은 총재: "금리 인하 서두르지 않겠다"',
      stories: [
        { ...draft.stories[0]!, headline: '*속보* 코스피 2,600선 #회복: 외국인 매수' },
        ...draft.stories.slice(1),
      ],
    };
    const text = draftToYaml(tricky);
    expect(parseDraft(text, 'draft.yaml')).toEqual(tricky);
    const edited = text.replace(/^( {4}headline: )"[^\n]*"$/m, '$1"반도체: 수출 14개월 연속 증가 # 산업부 발표"');
    expect(parseDraft(edited, 'draft.yaml').stories[0]!.headline).toBe('반도체: 수출 14개월 연속 증가 # 산업부 발표');
  });

  it('takes a headline added by hand without a topic id; its link stands in for one', () => {
    const added = draftToYaml(draft).replace(
      /^headlines:\n/m,
      'headlines:\n  - text: "국토부: 수도권 광역급행철도 B노선 착공"\n    url: "https://news.example.kr/articles/2026/03/18/gtx-b"\n    publisher: "국토일보"\n',
    );
    const d = parseDraft(added, 'draft.yaml');
    expect(d.headlines[0]).toEqual({
      topicId: 'https://news.example.kr/articles/2026/03/18/gtx-b',
      text: '국토부: 수도권 광역급행철도 B노선 착공',
      url: 'https://news.example.kr/articles/2026/03/18/gtx-b',
      publisher: '국토일보',
    });
    expect(d.headlines.slice(1)).toEqual(draft.headlines);
  });
});
