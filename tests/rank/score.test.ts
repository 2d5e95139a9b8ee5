import { describe, expect, it } from 'vitest';
import { formulaOf, momentumFactor, rankTopics, recencyOf, scoreOf } from '../../src/rank/index.js';
import type { Item, Topic } from '../../src/types.js';
import { input, item, sources } from './builders.js';

/** Distinct one-item stories, so each topic is one item. */
const STORIES = [
  [
    '누리호 4차 발사 성공…위성 13기 궤도 안착',
    '한국형 발사체 누리호가 4차 발사에 성공했다. 차세대중형위성 3호와 큐브위성 12기가 목표 궤도에 올랐다.',
  ],
  [
    '카카오톡 2시간 먹통…메시지 전송 오류',
    '카카오톡에서 메시지가 전송되지 않는 장애가 두 시간 동안 이어졌다. 카카오는 서버 설정 오류라고 밝혔다.',
  ],
  [
    '비트코인 9만달러 붕괴…한 달 새 20% 하락',
    '가상자산 비트코인 가격이 9만달러 아래로 떨어졌다. 현물 ETF 자금 유출이 원인으로 꼽힌다.',
  ],
  [
    'LG디스플레이, 광저우 LCD 공장 매각 완료',
    'LG디스플레이가 중국 광저우 LCD 공장 매각을 마무리했다. 매각 대금은 약 2조2천억원이다.',
  ],
] as const;

function story(k: number, spec: { id: number; h: number; source?: string; title?: string }): Item {
  const [title, body] = STORIES[k] ?? STORIES[0];
  return item({ id: spec.id, title: spec.title ?? title, body, h: spec.h, source: spec.source ?? 'A' });
}

const topicWith = (topics: Topic[], id: number): Topic | undefined =>
  topics.find((t) => t.items.some((i) => i.itemId === id));

describe('the score formula', () => {
  it('halves recency every half-life and never rewards a date after now', () => {
    expect(recencyOf(0, 72)).toBe(1);
    expect(recencyOf(72, 72)).toBeCloseTo(0.5, 12);
    expect(recencyOf(144, 72)).toBeCloseTo(0.25, 12);
    expect(recencyOf(-5, 72)).toBe(1);
  });

  it('grows momentum with the log of the weighted source count, from 1 for a single normal source', () => {
    expect(momentumFactor(1)).toBe(1);
    expect(momentumFactor(0.5)).toBe(1);
    expect(momentumFactor(3)).toBeCloseTo(1 + Math.log(3), 12);
    expect(momentumFactor(6) - momentumFactor(3)).toBeLessThan(momentumFactor(3) - momentumFactor(1));
  });

  it('multiplies weight, recency, momentum and novelty and adds the pin, and writes that out', () => {
    const t = { weight: 1.2, ageHours: 36, halfLifeHours: 72, momentum: 3, novelty: 0.6, pin: 0 };
    const expected = 1.2 * 0.5 ** 0.5 * (1 + Math.log(3)) * 0.6;
    expect(scoreOf(t)).toBeCloseTo(expected, 12);
    expect(scoreOf({ ...t, pin: 10 })).toBeCloseTo(expected + 10, 12);
    const f = formulaOf(t);
    for (const part of [
      'weight 1.20',
      'recency 0.71',
      '36.0h/72h',
      'momentum 2.10',
      'novelty 0.60',
      'pin 0',
      `= ${expected.toFixed(2)}`,
    ])
      expect(f).toContain(part);
  });

  it('ranks the fresher of two otherwise equal stories first', () => {
    const r = rankTopics(input({ items: [story(0, { id: 1, h: 100 }), story(1, { id: 2, h: 5 })] }));
    expect(r.topics.map((t) => t.items[0]?.itemId)).toEqual([2, 1]);
    expect(topicWith(r.topics, 2)?.explain.recency).toBeGreaterThan(topicWith(r.topics, 1)?.explain.recency ?? 1);
  });

  it('decays faster with the daily half-life than with the weekly one', () => {
    const items = [story(0, { id: 1, h: 36 })];
    const weekly = rankTopics(input({ items })).topics[0]?.explain;
    const daily = rankTopics(input({ items, cadence: 'daily' })).topics[0]?.explain;
    expect(weekly?.halfLifeHours).toBe(72);
    expect(daily?.halfLifeHours).toBe(18);
    expect(daily?.recency).toBeCloseTo(0.25, 6);
    expect(weekly?.recency).toBeCloseTo(0.5 ** 0.5, 6);
  });

  it('ranks a story three independent sources carry above a fresher one only one carries', () => {
    const big = [
      story(0, { id: 1, h: 30, source: 'A' }),
      item({
        id: 2,
        title: '누리호, 4차 발사 성공…첫 민간 주도 제작',
        body: '누리호가 4차 발사에 성공했다. 한화에어로스페이스가 제작을 주관했다. 위성 13기가 궤도에 올랐다.',
        h: 29,
        source: 'B',
      }),
      item({
        id: 3,
        title: '새벽 하늘 가른 누리호…위성 13기 궤도 안착 성공',
        body: '누리호가 새벽 나로우주센터에서 발사돼 위성 13기를 목표 궤도에 올렸다. 4차 발사 성공이다.',
        h: 28,
        source: 'C',
      }),
    ];
    const r = rankTopics(input({ items: [...big, story(1, { id: 4, h: 20, source: 'D' })] }));
    const t = topicWith(r.topics, 1);
    expect(t?.items).toHaveLength(3);
    expect(t?.explain.sourceCount).toBe(3);
    expect(t?.explain.momentum).toBe(3);
    expect(r.topics[0]?.id).toBe(t?.id);
  });

  it('weighs momentum and score by the configured source weight', () => {
    const items = [story(0, { id: 1, h: 10, source: 'Heavy' }), story(1, { id: 2, h: 10, source: 'Light' })];
    const r = rankTopics(input({ items, sources: sources(['Heavy', 2], ['Light', 0.5]) }));
    expect(r.topics.map((t) => t.items[0]?.itemId)).toEqual([1, 2]);
    expect(topicWith(r.topics, 1)?.explain.weight).toBe(2);
    expect(topicWith(r.topics, 2)?.explain.weight).toBe(0.5);
    expect(topicWith(r.topics, 1)?.explain.sources).toEqual([{ name: 'Heavy', weight: 2 }]);
    // An unconfigured source weighs 1.
    expect(rankTopics(input({ items: [story(2, { id: 3, h: 1, source: 'Nobody' })] })).topics[0]?.explain.weight).toBe(
      1,
    );
  });

  it('gives every topic a score equal to its written-out formula', () => {
    const r = rankTopics(input({ items: STORIES.map((_, k) => story(k, { id: k + 1, h: 5 + k * 20 })) }));
    for (const t of r.topics) expect(t.explain.formula.endsWith(`= ${t.score.toFixed(2)}`)).toBe(true);
  });
});
