import { describe, expect, it } from 'vitest';
import { issueDecay, judgeNovelty, rankTopics, termSimilarity } from '../../src/rank/index.js';
import type { Item, SentTopic } from '../../src/types.js';
import { input, item, weeklyRank } from './builders.js';

const cfg = weeklyRank();

const rubin = (id: number, h: number, source: string, title: string, body: string): Item =>
  item({ id, title, body, h, source });
const week = [
  rubin(
    1,
    30,
    'A',
    "엔비디아, 차세대 AI 칩 '루빈' 공개…블랙웰보다 2.6배",
    '엔비디아가 차세대 인공지능 가속기 루빈을 공개했다. 추론 성능이 블랙웰 대비 2.6배 높다.',
  ),
  rubin(
    2,
    28,
    'B',
    '젠슨 황 "루빈, 추론 성능 2.6배"…엔비디아 차세대 GPU',
    '엔비디아가 루빈을 처음 선보였다. 젠슨 황은 블랙웰 대비 2.6배의 추론 성능을 강조했다.',
  ),
  item({
    id: 3,
    title: '카카오톡 2시간 먹통…메시지 전송 오류',
    body: '카카오톡에서 메시지가 전송되지 않는 장애가 이어졌다.',
    h: 5,
  }),
  item({ id: 4, title: '누리호 4차 발사 성공', body: '한국형 발사체 누리호가 4차 발사에 성공했다.', h: 8 }),
];

function sentFrom(items: Item[], issuesAgo: number, issueId = '2026-11-16'): SentTopic[] {
  return rankTopics(input({ items })).topics.map((t) => ({
    issueId,
    topicId: t.id,
    title: t.title,
    terms: t.terms,
    sentAt: '2026-11-16T07:00:00+09:00',
    issuesAgo,
  }));
}

describe('novelty against sent topics', () => {
  it('measures similarity of ranked term lists from 1 (same) to 0 (disjoint)', () => {
    expect(termSimilarity(['a', 'b', 'c'], ['a', 'b', 'c'])).toBeCloseTo(1, 12);
    expect(termSimilarity(['a', 'b'], ['c', 'd'])).toBe(0);
    expect(termSimilarity(['a', 'b', 'c'], ['c', 'b', 'a'])).toBeLessThan(1);
    expect(termSimilarity(['a', 'x', 'y'], ['a', 'p', 'q'])).toBeGreaterThan(
      termSimilarity(['x', 'y', 'a'], ['p', 'q', 'a']),
    );
    expect(termSimilarity([], ['a'])).toBe(0);
  });

  it('fades a sent topic linearly with issues ago and forgets it after noveltyIssues', () => {
    expect(issueDecay(0, 4)).toBe(1);
    expect(issueDecay(1, 4)).toBe(0.75);
    expect(issueDecay(3, 4)).toBe(0.25);
    expect(issueDecay(4, 4)).toBe(0);
    expect(issueDecay(0, 0)).toBe(0);
  });

  it('calls a close match a rehash, a partial one a follow-up, and anything else new', () => {
    const sent: SentTopic = {
      issueId: 'i1',
      topicId: 't',
      title: 'T',
      terms: ['a', 'b', 'c', 'd'],
      sentAt: '',
      issuesAgo: 0,
    };
    expect(judgeNovelty(['a', 'b', 'c', 'd'], [sent], cfg).kind).toBe('rehash');
    const partial = judgeNovelty(['a', 'x', 'y', 'z'], [sent], cfg);
    expect(partial.kind).toBe('follow-up');
    expect(partial.novelty).toBeCloseTo(1 - partial.similarity, 12);
    expect(partial.of?.issueId).toBe('i1');
    expect(judgeNovelty(['p', 'q', 'r', 's'], [sent], cfg)).toEqual({ kind: 'new', novelty: 1, similarity: 0 });
  });

  it('drops a story already sent, naming the issue, and keeps the rest', () => {
    const r = rankTopics(input({ items: week, sent: sentFrom(week.slice(0, 2), 0) }));
    expect(r.topics.some((t) => t.items.some((i) => i.itemId === 1))).toBe(false);
    const d = r.dropped.find((x) => x.topic.items.some((i) => i.itemId === 1));
    expect(d?.reason).toMatch(/^rehash of “.+” sent in 2026-11-16 \(0 issue\(s\) ago\): similarity \d\.\d\d ≥ 0\.70$/);
    expect(r.topics.map((t) => t.items[0]?.itemId).sort()).toEqual([3, 4]);
  });

  it('brings a story back as new once it was sent more than noveltyIssues issues ago', () => {
    const r = rankTopics(input({ items: week, sent: sentFrom(week.slice(0, 2), 4) }));
    const t = r.topics.find((x) => x.items.some((i) => i.itemId === 1));
    expect(t?.followUp).toBe(false);
    expect(t?.explain.novelty).toBe(1);
  });

  it('keeps a development of a sent story, marked as a follow-up and scored below the same story when new', () => {
    const earlier = [
      rubin(
        11,
        200,
        'A',
        '엔비디아, 루빈 개발 착수…2026년 출시 목표',
        '엔비디아가 차세대 가속기 루빈 개발에 착수했다. 젠슨 황은 블랙웰 후속이라고 말했다.',
      ),
    ];
    const sent = sentFrom(
      earlier.map((i) => ({ ...i, publishedAt: '2026-11-22T00:00:00Z' })),
      1,
      '2026-11-09',
    );
    const plain = rankTopics(input({ items: week }));
    const r = rankTopics(input({ items: week, sent }));
    const before = plain.topics.find((t) => t.items.some((i) => i.itemId === 1));
    const after = r.topics.find((t) => t.items.some((i) => i.itemId === 1));
    expect(after?.followUp).toBe(true);
    expect(after?.explain.followUpOf).toBe(sent[0]?.title);
    expect(after?.explain.followUpIssue).toBe('2026-11-09');
    expect(after?.explain.novelty).toBeGreaterThan(0);
    expect(after?.explain.novelty).toBeLessThan(1);
    expect(after?.score).toBeLessThan(before?.score ?? 0);
    expect(after?.explain.formula).toContain(`novelty ${after?.explain.novelty.toFixed(2)}`);
  });

  it('keeps a pinned rehash, as a follow-up', () => {
    const sent = sentFrom(week.slice(0, 2), 0);
    const r = rankTopics(input({ items: week, sent, pins: [week[0]?.link ?? ''] }));
    expect(r.topics[0]?.items.some((i) => i.itemId === 1)).toBe(true);
    expect(r.topics[0]?.followUp).toBe(true);
  });
});
