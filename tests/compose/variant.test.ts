import { describe, expect, it } from 'vitest';
import { draftToYaml, parseDraft, resolveInterests, variantOf } from '../../src/compose/index.js';
import type { Draft, InterestConfig } from '../../src/types.js';
import { headline, sampleDraft } from '../render/draft-builder.js';
import { LABELS_KO } from './fixtures.js';

const INTERESTS: InterestConfig[] = [
  { id: 'ai', label: 'AI', match: ['인공지능'], categories: [] },
  { id: 'markets', label: '증시', match: ['코스피'], categories: [] },
  { id: 'sports', label: '스포츠', match: ['프로야구'], categories: [] },
];

/** The sample draft with interests: AI chips and the startup story are ai, rates are markets. */
function tagged(): Draft {
  const d = sampleDraft();
  const [chips, rates, startup] = d.stories;
  if (!chips || !rates || !startup) throw new Error('sample draft changed');
  return {
    ...d,
    stories: [
      { ...chips, interests: ['ai'] },
      { ...rates, interests: ['markets'] },
      { ...startup, interests: ['ai'] },
    ],
    headlines: d.headlines.map((h, i) => ({
      ...h,
      interests: i === 3 ? ['markets', 'ai'] : i === 4 ? ['markets'] : [],
    })),
  };
}

describe('a reader’s variant of an issue', () => {
  it('keeps the stories and headlines of the reader’s interests, in issue order', () => {
    const v = variantOf(tagged(), ['markets'], LABELS_KO);
    expect(v.matched).toBe(true);
    expect(v.draft.stories.map((s) => s.topicId)).toEqual(['t-rates']);
    expect(v.draft.headlines.map((h) => h.topicId)).toEqual(['t-h3', 't-h4']);
    expect(v.draft.title).toBe('[브리핑] 한국은행, 기준금리 3.0%로 동결… 연내 인하 가능성은 열어둬');
    expect(v.draft.subject).toBe(v.draft.title);
    expect(v.draft.preheader).toBe('오늘의 브리핑: 한국은행, 기준금리 3.0%로 동결… 연내 인하 가능성은 열어둬 외 2건');
    expect(v.draft.note).toBeUndefined();
  });

  it('gives equal keys to readers whose interests choose the same parts, different keys otherwise', () => {
    const d = tagged();
    expect(variantOf(d, ['ai'], LABELS_KO).key).toBe(variantOf(d, ['ai', 'sports'], LABELS_KO).key);
    expect(variantOf(d, ['ai'], LABELS_KO).key).not.toBe(variantOf(d, ['markets'], LABELS_KO).key);
    expect(variantOf(d, ['ai', 'markets'], LABELS_KO).key).not.toBe(variantOf(d, ['ai'], LABELS_KO).key);
  });

  it('gives the whole issue to a reader without interests', () => {
    const d = tagged();
    expect(variantOf(d, [], LABELS_KO)).toEqual({ key: '*', draft: d, matched: false });
  });

  it('never sends an empty issue: no story for the interests means the whole issue with a note', () => {
    const d = tagged();
    const v = variantOf(d, ['sports'], LABELS_KO);
    expect(v.matched).toBe(false);
    expect(v.draft.stories).toEqual(d.stories);
    expect(v.draft.headlines).toEqual(d.headlines);
    expect(v.draft.note).toMatch(/관심사의 소식이 없어 전체 브리핑/);
  });

  it('takes the title from the first headline when the reader’s parts are headlines only', () => {
    const title = `[브리핑] ${headline(0).text}`;
    const briefs = { ...tagged(), stories: [], title, subject: title };
    const v = variantOf(briefs, ['markets'], LABELS_KO);
    expect(v.draft.headlines.map((h) => h.topicId)).toEqual(['t-h3', 't-h4']);
    expect(v.draft.title).toBe(`[브리핑] ${headline(3).text}`);
    expect(v.draft.subject).toBe(v.draft.title);
  });

  it('keeps a title and a subject the editor wrote', () => {
    const d = { ...tagged(), title: '이번 주 꼭 볼 소식', subject: '11월 셋째 주 브리핑' };
    const v = variantOf(d, ['markets'], LABELS_KO);
    expect(v.draft.title).toBe('이번 주 꼭 볼 소식');
    expect(v.draft.subject).toBe('11월 셋째 주 브리핑');
  });
});

describe('subscribers’ interests', () => {
  it('resolve by id or label in any case, in config order, leaving out names the config lacks', () => {
    expect(resolveInterests(['증시', 'AI', '날씨'], INTERESTS)).toEqual(['ai', 'markets']);
    expect(resolveInterests(['Ai', 'SPORTS'], INTERESTS)).toEqual(['ai', 'sports']);
    expect(resolveInterests([], INTERESTS)).toEqual([]);
  });
});

describe('interests in the draft file', () => {
  it('are written and read back, and an editor may change them (one id as plain text is a list)', () => {
    const d = tagged();
    const yaml = draftToYaml(d);
    expect(yaml).toContain('interests:');
    const back = parseDraft(yaml, 'draft.yaml');
    expect(back.stories.map((s) => s.interests)).toEqual([['ai'], ['markets'], ['ai']]);
    const edited = parseDraft(yaml.replace(/interests:\n\s+- markets/, 'interests: ai, markets'), 'draft.yaml');
    expect(edited.stories[1]?.interests).toEqual(['ai', 'markets']);
  });

  it('are left out of a draft composed without interests, and refused when not ids', () => {
    expect(draftToYaml(sampleDraft())).not.toContain('interests');
    const yaml = draftToYaml(tagged()).replace(/interests:\n\s+- markets/, 'interests: [증시 소식]');
    expect(() => parseDraft(yaml, 'draft.yaml')).toThrow(/interests.*interest ids like ai/);
  });
});
