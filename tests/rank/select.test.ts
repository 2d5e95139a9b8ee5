import { describe, expect, it } from 'vitest';
import { PIN_BONUS, rankTopics } from '../../src/rank/index.js';
import { selectDiverse, type SelectCandidate } from '../../src/rank/select.js';
import { DenseRow, finishVector } from '../../src/rank/vectors.js';
import type { Item } from '../../src/types.js';
import { input, item } from './builders.js';

const vec = (weights: Record<number, number>) =>
  finishVector(Int32Array.from(Object.keys(weights), Number), Float64Array.from(Object.values(weights)));
const cand = (
  key: string,
  score: number,
  v: Record<number, number>,
  sources = ['A'],
  pinned = false,
): SelectCandidate => ({
  key,
  score,
  sources,
  pinned,
  centroid: vec(v),
});

describe('selection', () => {
  const twins = [cand('a', 1.0, { 1: 1, 2: 1 }), cand('b', 0.95, { 1: 1, 2: 0.9 }), cand('c', 0.8, { 3: 1, 4: 1 })];

  it('prefers a different story over a near-twin of one already taken (MMR)', () => {
    const sel = selectDiverse(twins, { count: 2, lambda: 0.7, maxPerSource: 9 }, new DenseRow(8));
    expect(sel.selected.map((i) => twins[i]?.key)).toEqual(['a', 'c']);
    expect(sel.redundancy[1]).toBeCloseTo(0, 12);
  });

  it('takes topics in score order when lambda is 1', () => {
    const sel = selectDiverse(twins, { count: 3, lambda: 1, maxPerSource: 9 }, new DenseRow(8));
    expect(sel.selected.map((i) => twins[i]?.key)).toEqual(['a', 'b', 'c']);
    expect(sel.redundancy[1]).toBeGreaterThan(0.9);
  });

  it('lets a source lead at most maxPerSource topics, crediting a topic to its next source when it has one', () => {
    const cs = [
      cand('a', 1.0, { 1: 1 }, ['Wire']),
      cand('b', 0.9, { 2: 1 }, ['Wire', 'Daily']),
      cand('c', 0.8, { 3: 1 }, ['Wire']),
      cand('d', 0.7, { 4: 1 }, ['Blog']),
    ];
    const sel = selectDiverse(cs, { count: 4, lambda: 1, maxPerSource: 1 }, new DenseRow(8));
    expect(sel.selected.map((i) => cs[i]?.key)).toEqual(['a', 'b', 'd']);
    expect(sel.credited).toEqual(['Wire', 'Daily', 'Blog']);
    expect(sel.capped.map((c) => cs[c.index]?.key)).toEqual(['c']);
  });

  it('takes pinned topics first, whatever their score and source', () => {
    const cs = [cand('a', 1.0, { 1: 1 }, ['Wire']), cand('b', 0.1, { 1: 1 }, ['Wire'], true)];
    const sel = selectDiverse(cs, { count: 2, lambda: 0.7, maxPerSource: 1 }, new DenseRow(8));
    expect(sel.selected.map((i) => cs[i]?.key)).toEqual(['b']);
    expect(sel.capped.map((c) => cs[c.index]?.key)).toEqual(['a']);
  });
});

/** Eight unrelated one-item stories from source 'Wire' and one from 'Blog'. */
const TITLES = [
  ['누리호 4차 발사 성공', '한국형 발사체 누리호가 4차 발사에 성공했다.'],
  ['카카오톡 2시간 먹통', '카카오톡 메시지 전송 장애가 두 시간 이어졌다.'],
  ['비트코인 9만달러 붕괴', '비트코인 가격이 9만달러 아래로 떨어졌다.'],
  ['LG디스플레이 광저우 공장 매각', 'LG디스플레이가 광저우 LCD 공장 매각을 마쳤다.'],
  ['크래프톤 인조이 정식 출시', '크래프톤의 생활 시뮬레이션 게임 인조이가 출시됐다.'],
  ['KT 무단 소액결제 피해', 'KT 이용자 휴대전화에서 무단 소액결제가 이뤄졌다.'],
  ['배민 쿠팡이츠 수수료 상생안', '배달앱 수수료를 낮추는 상생안에 합의했다.'],
  ['테슬라 FSD 국내 출시', '테슬라가 감독형 완전자율주행 기능을 한국에 내놨다.'],
] as const;
const items: Item[] = TITLES.map(([title, body], k) => item({ id: k + 1, title, body, h: 2 + k, source: 'Wire' }));
const blog = item({
  id: 9,
  title: '애플 폴더블 아이폰 출시 예정',
  body: '애플이 첫 폴더블 아이폰을 내년에 내놓는다.',
  h: 40,
  source: 'Blog',
});

describe('ranking output', () => {
  it('returns at most topStories + headlines topics and says how many are top stories', () => {
    const r = rankTopics(input({ items: [...items, blog], topStories: 2, headlines: 3, rank: { maxPerSource: 9 } }));
    expect(r.topics).toHaveLength(5);
    expect(r.topStories).toBe(2);
    expect(r.dropped.filter((d) => d.reason.startsWith('below the cut'))).toHaveLength(4);
  });

  it('keeps a source to maxPerSource topics and says so for the ones left out', () => {
    const r = rankTopics(input({ items: [...items, blog], rank: { maxPerSource: 3 } }));
    expect(r.topics.map((t) => t.items[0]?.source)).toEqual(['Wire', 'Wire', 'Wire', 'Blog']);
    const capped = r.dropped.filter((d) => d.reason.startsWith('source limit'));
    expect(capped).toHaveLength(5);
    expect(capped[0]?.reason).toBe('source limit: Wire already leads 3 selected topic(s)');
  });

  it('pins a topic by item link or by topic id: it goes first with the pin bonus', () => {
    const byLink = rankTopics(input({ items: [...items, blog], pins: [` ${blog.link} `] }));
    expect(byLink.topics[0]?.items[0]?.itemId).toBe(9);
    expect(byLink.topics[0]?.explain.pin).toBe(PIN_BONUS);
    expect(byLink.topics[0]?.score).toBeGreaterThan(PIN_BONUS);
    const id = byLink.topics[0]?.id ?? '';
    const byId = rankTopics(input({ items: [...items, blog], pins: [id] }));
    expect(byId.topics[0]?.id).toBe(id);
    expect(byId.topics.slice(1).every((t) => t.explain.pin === 0)).toBe(true);
  });

  it('blocks a topic by item link or topic id, with the reason', () => {
    const plain = rankTopics(input({ items }));
    const first = plain.topics[0];
    const byId = rankTopics(input({ items, blocks: [first?.id ?? ''] }));
    expect(byId.topics.map((t) => t.id)).not.toContain(first?.id);
    expect(byId.dropped.find((d) => d.topic.id === first?.id)?.reason).toBe(`blocked by the editor (${first?.id})`);
    const link = items[1]?.link ?? '';
    const byLink = rankTopics(input({ items, blocks: [link] }));
    expect(byLink.topics.some((t) => t.items.some((i) => i.itemId === 2))).toBe(false);
    expect(byLink.dropped.find((d) => d.topic.items.some((i) => i.itemId === 2))?.reason).toBe(
      `blocked by the editor (${link})`,
    );
  });

  it('matches a block against a collapsed duplicate too', () => {
    const copy = { ...item({ id: 20, title: TITLES[0][0], body: TITLES[0][1], h: 1.5, source: 'Copy' }) };
    const r = rankTopics(input({ items: [...items, copy], blocks: [copy.link] }));
    expect(r.topics.some((t) => t.items.some((i) => i.itemId === 1 || i.duplicates.includes(20)))).toBe(false);
  });
});
