import { describe, expect, it } from 'vitest';
import { rankTopics } from '../../src/rank/index.js';
import { input, item, NOW } from './builders.js';

const HOUR = 3_600_000;
const ids = (r: ReturnType<typeof rankTopics>): number[] =>
  [...r.topics, ...r.dropped.map((d) => d.topic)]
    .flatMap((t) => t.items.flatMap((i) => [i.itemId, ...i.duplicates]))
    .sort((a, b) => a - b);

describe('the window', () => {
  const at = (id: number, h: number) =>
    item({ id, title: `소식 ${id}번 발표`, body: `고유한 내용 ${id}호 문장이다.`, h });

  it('never shows an item older than the window or published after now, nor counts it', () => {
    const r = rankTopics(input({ items: [at(1, 1), at(2, 167), at(3, 169), at(4, -2)], windowMs: 168 * HOUR }));
    expect(ids(r)).toEqual([1, 2]);
    expect(r.considered).toBe(2);
  });

  it('applies the max age when it is shorter than the window', () => {
    const r = rankTopics(input({ items: [at(1, 10), at(2, 30)], windowMs: 30 * 24 * HOUR, rank: { maxAgeHours: 24 } }));
    expect(ids(r)).toEqual([1]);
  });

  it('does not flood a first run: a year of stored items yields only the last week', () => {
    const old = Array.from({ length: 300 }, (_, k) => at(100 + k, 200 + k * 24));
    const r = rankTopics(input({ items: [...old, at(1, 5), at(2, 50)] }));
    expect(ids(r)).toEqual([1, 2]);
  });

  it('falls back to the fetch time for an unreadable date and skips an item with neither', () => {
    const bad = { ...at(1, 1), publishedAt: 'not a date' };
    const worse = { ...at(2, 1), publishedAt: '', fetchedAt: '' };
    const r = rankTopics(input({ items: [bad, worse, at(3, 2)] }));
    expect(ids(r)).toEqual([1, 3]);
  });

  it('takes the reference time from the input, not the clock', () => {
    const then = new Date(NOW.getTime() - 365 * 24 * HOUR);
    const r = rankTopics(
      input({
        items: [at(1, 1), item({ id: 2, title: '작년 소식', body: '작년 이맘때 일이다.', h: 2, now: then })],
        now: then,
      }),
    );
    expect(ids(r)).toEqual([2]);
  });

  it('returns an empty result for no items', () => {
    const r = rankTopics(input({ items: [] }));
    expect(r).toEqual({ topics: [], dropped: [], considered: 0, topStories: 0 });
  });
});
