import { describe, expect, it } from 'vitest';
import { isBoilerplate, isCompleteSentence, splitSentences } from '../../src/compose/index.js';
import type { Draft, Item } from '../../src/types.js';
import { fingerprint } from '../../src/compose/text.js';
import {
  aiLaw,
  allItems,
  chipsBest,
  chipsSecond,
  chipsThird,
  composeInput,
  h,
  item,
  NEWSLETTER,
  p,
  topic,
  transit,
  weather,
  composeChecked,
} from './fixtures.js';

const draft = composeChecked(composeInput());

/** Every sentence of the issue (a bullet or headline may hold two). */
function allSentences(d: Draft): string[] {
  return [
    ...d.stories.flatMap((s) => [...s.lead, ...s.why, ...s.sections.flatMap((x) => x.bullets)]),
    ...d.headlines.map((e) => e.text),
  ].flatMap((t) => splitSentences(t));
}

/** The text of all blocks of some items, to check that a sentence was taken whole. */
function bodyOf(items: readonly Item[]): string {
  return items.flatMap((i) => i.blocks.map((b) => b.text)).join('\n');
}

describe('composeIssue', () => {
  it('titles the issue [브리핑] <top headline>, with the subject equal to the title', () => {
    expect(draft.title).toBe('[브리핑] 반도체 수출 역대 최대…AI 메모리가 끌어올렸다');
    expect(draft.subject).toBe(draft.title);
  });

  it('fills the preheader label with the top headline and the count of other entries', () => {
    expect(draft.preheader).toBe('오늘의 브리핑: 반도체 수출 역대 최대…AI 메모리가 끌어올렸다 외 3건');
  });

  it('makes the configured number of top stories and the rest headlines, in rank order', () => {
    expect(draft.stories.map((s) => s.topicId)).toEqual(['t-chips', 't-ailaw']);
    expect(draft.headlines.map((e) => e.topicId)).toEqual(['t-transit', 't-weather']);
  });

  it('writes a lead of 2–4 whole sentences from the start of the best item', () => {
    for (const story of draft.stories) {
      expect(story.lead.length).toBeGreaterThanOrEqual(2);
      expect(story.lead.length).toBeLessThanOrEqual(4);
    }
    const chips = draft.stories[0]!;
    expect(chips.lead[0]).toBe('지난달 반도체 수출이 월간 기준 역대 최대를 기록했다.');
    for (const s of chips.lead) expect(bodyOf([chipsBest])).toContain(s);
  });

  it('gives 왜 중요하냐면 2–3 whole sentences that do not repeat the lead', () => {
    for (const story of draft.stories) {
      expect(story.why.length).toBeGreaterThanOrEqual(2);
      expect(story.why.length).toBeLessThanOrEqual(3);
      for (const w of story.why) expect(story.lead).not.toContain(w);
    }
  });

  it('draws 왜 중요하냐면 from all of the topic’s items', () => {
    const chips = draft.stories[0]!;
    const body = bodyOf([chipsBest, chipsSecond, chipsThird]);
    for (const w of chips.why.flatMap((t) => splitSentences(t))) expect(body).toContain(w);
    expect(chips.why.some((w) => !bodyOf([chipsBest]).includes(w))).toBe(true);
  });

  it('skips a sentence that restates a figure of the lead', () => {
    expect(draft.stories[0]!.why.join(' ')).not.toContain('152억');
  });

  it('builds sections from the article’s own subheadings, 1–3 bullets each', () => {
    const law = draft.stories[1]!;
    expect(law.sections.map((s) => s.heading)).toEqual(['무엇이 바뀌나', '앞으로는']);
    for (const s of law.sections) {
      expect(s.bullets.length).toBeGreaterThanOrEqual(1);
      expect(s.bullets.length).toBeLessThanOrEqual(3);
    }
    const under = [
      '채용이나 대출 심사에 AI를 쓰는 기업은 위험 관리 계획을 세워야 한다.',
      '정부는 1년 동안 과태료 부과를 미루는 계도 기간을 둔다.',
    ];
    for (const b of law.sections[0]!.bullets) expect(under).toContain(b);
    expect(draft.stories[0]!.sections).toEqual([]);
  });

  it('only ever outputs whole sentences taken from the items', () => {
    const body = bodyOf(allItems);
    for (const s of allSentences(draft)) {
      expect(isCompleteSentence(s), s).toBe(true);
      expect(body, s).toContain(s);
    }
  });

  it('never repeats a sentence anywhere in the issue', () => {
    const keys = allSentences(draft).map(fingerprint);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('never outputs bylines, e-mail addresses, copyright or "most read" lines', () => {
    const text = allSentences(draft).join('\n');
    for (const s of allSentences(draft)) expect(isBoilerplate(s), s).toBe(false);
    expect(text).not.toMatch(/기자|@|무단|ⓒ|많이 본|관련 기사/);
  });

  it('lists the sources best first, one per publisher', () => {
    const refs = draft.stories[0]!.sources;
    expect(refs.map((r) => r.publisher)).toEqual(['한빛일보', '누리경제', '테크온']);
    expect(refs[0]).toEqual({
      publisher: '한빛일보',
      publishedAt: chipsBest.publishedAt,
      title: '[단독] 반도체 수출 역대 최대…AI 메모리가 끌어올렸다',
      url: chipsBest.link,
    });
  });

  it('writes each headline as the cleaned title and one or two sentences of one item, with its publisher', () => {
    expect(draft.headlines[0]).toEqual({
      topicId: 't-transit',
      title: '서울 지하철 요금 150원 오른다',
      text: '서울 지하철 기본요금이 다음 달부터 1550원으로 150원 오른다. 서울시는 누적 적자를 줄이기 위해 요금 조정이 불가피하다고 설명했다.',
      url: transit.link,
      publisher: '누리경제',
    });
    const w = draft.headlines[1]!;
    expect(w.url).toBe(weather.link);
    expect(w.title).toBe('주말 전국에 봄비…미세먼지 씻겨');
    expect(w.text).not.toContain('…');
    expect(w.text.length).toBeLessThanOrEqual(220);
  });

  it('marks analysis, explainers and follow-ups with 💡 and news with 🖊️', () => {
    expect(draft.stories[0]!.marker).toBe('🖊️');
    expect(draft.stories[1]!.marker).toBe('💡');
    const followUp = composeChecked(composeInput({ topics: [topic('t-chips', [chipsBest], { followUp: true })] }));
    expect(followUp.stories[0]!.marker).toBe('💡');
    expect(followUp.stories[0]!.followUp).toBe(true);
  });

  it('gives a short item a shorter lead rather than inventing sentences', () => {
    const one = item({ title: '한 문장 기사', blocks: [p('이 기사는 한 문장으로만 이루어져 있다.')] });
    const d = composeChecked(composeInput({ topics: [topic('t-one', [one])], items: new Map([[one.id, one]]) }));
    expect(d.stories[0]!.lead).toEqual(['이 기사는 한 문장으로만 이루어져 있다.']);
    expect(d.stories[0]!.why).toEqual([]);
  });

  it('moves a topic without a usable sentence to the headlines, under its cleaned title', () => {
    const empty = item({
      title: '[속보] 본문 없는 기사 - 한빛일보',
      blocks: [p('김민수 기자'), p('무단 전재 및 재배포 금지')],
    });
    const d = composeChecked(
      composeInput({
        topics: [topic('t-empty', [empty]), topic('t-transit', [transit])],
        items: new Map([
          [empty.id, empty],
          [transit.id, transit],
        ]),
        newsletter: { ...NEWSLETTER, topStories: 1 },
      }),
    );
    expect(d.stories.map((s) => s.topicId)).toEqual(['t-transit']);
    expect(d.headlines).toEqual([
      { topicId: 't-empty', text: '본문 없는 기사', url: empty.link, publisher: '한빛일보' },
    ]);
  });

  it('skips topics whose items are missing and keeps to the headline count', () => {
    const d = composeChecked(
      composeInput({
        items: new Map([chipsBest, aiLaw, transit].map((i) => [i.id, i])),
        newsletter: { ...NEWSLETTER, topStories: 1, headlines: 1 },
      }),
    );
    expect(d.stories.map((s) => s.topicId)).toEqual(['t-chips']);
    expect(d.headlines.map((e) => e.topicId)).toEqual(['t-ailaw']);
  });

  it('uses the locale labels and the newsletter title when there is nothing to say', () => {
    const d = composeChecked(
      composeInput({
        topics: [],
        labels: { titlePrefix: '[Briefing]', preheaderOne: "Today's briefing: {headline}" },
        newsletter: { ...NEWSLETTER, locale: 'en' },
      }),
    );
    expect(d.title).toBe('[Briefing] 테크 브리핑');
    expect(d.preheader).toBe("Today's briefing: 테크 브리핑");
    expect(d.locale).toBe('en');
    expect(d.stories).toEqual([]);
  });

  it('is pure: the same input gives the same draft, stamped with the given time', () => {
    const input = composeInput();
    const before = JSON.stringify([...input.items.values()]);
    expect(composeChecked(input)).toEqual(composeChecked(input));
    expect(JSON.stringify([...input.items.values()])).toBe(before);
    expect(draft.asOf).toBe('2026-03-19T00:00:00.000Z');
    expect(draft).toMatchObject({
      version: 1,
      issueId: '2026-03-19',
      timezone: 'Asia/Seoul',
      style: 'briefing',
      pins: [],
      blocks: [],
    });
  });

  it('reads ✅ lines as subheadings too', () => {
    const checked = item({
      title: '전기요금 체계 바뀐다',
      blocks: [
        p('정부가 전기요금 체계를 40년 만에 바꾼다. 계절과 시간대에 따라 요금이 달라진다.'),
        p('산업용 요금도 함께 손본다. 업계는 비용 부담을 우려하고 있다.'),
        p('✅ 가정은 무엇이 달라지나'),
        p('여름철 누진 구간이 넓어진다. 심야 요금은 낮아진다.'),
        h('기업은'),
        p('대형 공장은 피크 시간대 요금을 더 낸다.'),
      ],
    });
    const d = composeChecked(
      composeInput({ topics: [topic('t-power', [checked])], items: new Map([[checked.id, checked]]) }),
    );
    expect(d.stories[0]!.sections.map((s) => s.heading)).toEqual(['가정은 무엇이 달라지나', '기업은']);
  });
});
