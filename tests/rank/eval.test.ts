import { describe, expect, it } from 'vitest';
import { rankTopics } from '../../src/rank/index.js';
import type { RankResult, SentTopic } from '../../src/types.js';
import { input } from './builders.js';
import {
  evalNow,
  evalSources,
  goldLabels,
  predictedDuplicatePairs,
  predictedLabels,
  storyOf,
  toItems,
} from './eval/dataset.js';
import { bcubed, pairwise } from './eval/metrics.js';
import { EARLIER_ITEMS, EVAL_ITEMS } from './eval/stories.js';

const HOUR = 3_600_000;
const gold = goldLabels();

function rankEval(over: Parameters<typeof input>[0] extends infer T ? Partial<T> : never = {}): RankResult {
  return rankTopics(input({ items: toItems(), sources: evalSources(), now: evalNow, ...over }));
}

const stories = (r: RankResult): string[] => r.topics.map((t) => storyOf(t, gold));

describe('grouping quality on the labelled set', () => {
  // Measured with the default config: pairwise P 0.961 R 0.880 F1 0.918; B-cubed P 0.979 R 0.932 F1 0.955
  // (73 items, 27 gold stories; `npx tsx tests/rank/eval/report.ts` prints them). The assertions keep a
  // margin of about 0.05.
  const result = rankEval();
  const pred = predictedLabels(result);

  it('has the 73 labelled items and 27 stories it claims', () => {
    expect(EVAL_ITEMS).toHaveLength(73);
    expect(new Set(gold.values()).size).toBe(27);
    expect(result.considered).toBe(73);
    expect(pred.size).toBe(73);
  });

  it('groups items into stories with pairwise precision ≥ 0.91, recall ≥ 0.83 and F1 ≥ 0.87', () => {
    const p = pairwise(pred, gold);
    expect(p.precision).toBeGreaterThanOrEqual(0.91);
    expect(p.recall).toBeGreaterThanOrEqual(0.83);
    expect(p.f1).toBeGreaterThanOrEqual(0.87);
  });

  it('groups items into stories with B-cubed precision ≥ 0.93, recall ≥ 0.88 and F1 ≥ 0.90', () => {
    const b = bcubed(pred, gold);
    expect(b.precision).toBeGreaterThanOrEqual(0.93);
    expect(b.recall).toBeGreaterThanOrEqual(0.88);
    expect(b.f1).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps look-alike stories apart: 삼성 HBM4 vs 하이닉스 HBM4, 한은 vs 연준, 오픈AI model vs funding, 쿠팡 breach vs fees', () => {
    const topicOf = (id: number): string | undefined => pred.get(id);
    for (const [a, b] of [
      [7, 72],
      [23, 27],
      [14, 18],
      [51, 68],
      [14, 59],
    ] as const) {
      expect(topicOf(a), `items ${a} and ${b}`).not.toBe(topicOf(b));
    }
  });

  it('collapses every wire copy into its original and nothing else', () => {
    const pairs = predictedDuplicatePairs(result).map(([d, k]) => [Math.min(d, k), Math.max(d, k)].join('-'));
    const expected = EVAL_ITEMS.filter((e) => e.dupOf !== undefined).map((e) =>
      [Math.min(e.id, e.dupOf ?? 0), Math.max(e.id, e.dupOf ?? 0)].join('-'),
    );
    expect(pairs.sort()).toEqual(expected.sort());
  });
});

describe('expected order on the labelled set', () => {
  it('leads a weekly issue with the fresh stories several sources carry', () => {
    const r = rankEval();
    expect(new Set(stories(r).slice(0, 3))).toEqual(new Set(['coupang-breach', 'nvidia-rubin', 'kakao-outage']));
    expect(r.topics.slice(0, 3).every((t) => t.explain.sourceCount >= 3)).toBe(true);
    expect(stories(r)).toContain('openai-model');
    expect(stories(r)).toContain('bok-rate');
    // A week-old single-source game launch does not make an issue of eleven.
    expect(stories(r)).not.toContain('krafton-inzoi');
  });

  it('keeps a daily issue to the last two days, freshest multi-source stories first', () => {
    const r = rankEval({ cadence: 'daily', windowMs: 48 * HOUR });
    const old = EVAL_ITEMS.filter((e) => e.h > 48).map((e) => e.id);
    const shown = r.topics.flatMap((t) => t.items.flatMap((i) => [i.itemId, ...i.duplicates]));
    expect(shown.filter((id) => old.includes(id))).toEqual([]);
    expect(new Set(stories(r).slice(0, 3))).toEqual(new Set(['coupang-breach', 'nvidia-rubin', 'kakao-outage']));
  });

  it('drops a story already sent as a rehash and marks a development of an older one as a follow-up', () => {
    const lastWeek = new Date(evalNow.getTime() - 7 * 24 * HOUR);
    // The last issue carried the chip law (its items are still in the window) and the GPT-5
    // launch, which this week's GPT-5.5 story follows up.
    const chipLaw = [...rankEval().topics, ...rankEval().dropped.map((d) => d.topic)].filter(
      (t) => storyOf(t, gold) === 'chip-law',
    );
    const gpt5 = rankTopics(
      input({
        items: toItems(
          EARLIER_ITEMS.map((e) => ({ ...e, h: e.h - 168 })),
          lastWeek,
        ),
        now: lastWeek,
      }),
    );
    const sent: SentTopic[] = [...chipLaw, ...gpt5.topics].map((t) => ({
      issueId: '2026-11-16',
      topicId: t.id,
      title: t.title,
      terms: t.terms,
      sentAt: lastWeek.toISOString(),
      issuesAgo: 0,
    }));
    const before = rankEval();
    const after = rankEval({ sent });
    expect(stories(after)).not.toContain('chip-law');
    const rehash = after.dropped.filter((d) => storyOf(d.topic, gold) === 'chip-law');
    expect(rehash.length).toBeGreaterThan(0);
    expect(rehash.every((d) => d.reason.startsWith('rehash of') && d.reason.includes('2026-11-16'))).toBe(true);

    const followUp = after.topics.find((t) => storyOf(t, gold) === 'openai-model');
    const fresh = before.topics.find((t) => storyOf(t, gold) === 'openai-model');
    expect(followUp?.followUp).toBe(true);
    expect(followUp?.explain.followUpOf).toContain('GPT-5');
    expect(fresh?.followUp).toBe(false);
    expect(followUp?.score ?? 0).toBeLessThan(fresh?.score ?? 0);
    expect(stories(after).indexOf('openai-model')).toBeGreaterThan(stories(before).indexOf('openai-model'));
  });

  it('puts an editor pin first and leaves a blocked story out', () => {
    const nvidia = rankEval().topics.find((t) => storyOf(t, gold) === 'nvidia-rubin');
    const r = rankEval({ pins: ['https://news.example.com/lgd-plant/64'], blocks: [nvidia?.id ?? ''] });
    expect(stories(r)[0]).toBe('lgd-plant');
    expect(r.topics[0]?.explain.pin).toBeGreaterThan(0);
    expect(stories(r)).not.toContain('nvidia-rubin');
    expect(r.dropped.find((d) => d.topic.id === nvidia?.id)?.reason).toMatch(/^blocked by the editor/);
  });
});
