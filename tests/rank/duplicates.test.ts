import { describe, expect, it } from 'vitest';
import { rankTopics } from '../../src/rank/index.js';
import { input, item, sources } from './builders.js';

const LEAD =
  '엔비디아가 차세대 인공지능 가속기 루빈을 공개했다. 젠슨 황 최고경영자는 루빈이 블랙웰 대비 추론 성능이 2.6배 높다고 밝혔다.';
const MORE = '루빈은 TSMC의 3나노 공정으로 생산되며 HBM4를 탑재한다. 엔비디아는 내년 하반기부터 공급할 계획이다.';
const OTHER = [
  item({
    title: '카카오톡 2시간 먹통…메시지 전송 오류',
    body: '카카오톡에서 메시지가 전송되지 않는 장애가 두 시간 동안 이어졌다.',
    h: 3,
  }),
  item({ title: '한은, 기준금리 2.50% 동결', body: '한국은행 금융통화위원회가 기준금리를 연 2.50%로 동결했다.', h: 4 }),
];

describe('near-duplicate collapse', () => {
  it('collapses a wire copy into one item that lists it, and counts its source once', () => {
    const original = item({
      title: "엔비디아, 차세대 AI 칩 '루빈' 공개",
      body: [LEAD, MORE],
      source: '연합뉴스',
      h: 10,
    });
    const copy = item({
      title: "엔비디아, 차세대 AI 칩 '루빈' 공개(종합)",
      body: [LEAD, MORE],
      source: '지역일보',
      h: 9,
    });
    const r = rankTopics(input({ items: [original, copy, ...OTHER] }));
    const topic = r.topics.find((t) => t.items.some((i) => i.itemId === original.id));
    expect(topic?.items).toHaveLength(1);
    expect(topic?.items[0]?.duplicates).toEqual([copy.id]);
    expect(topic?.explain.sourceCount).toBe(1);
    expect(topic?.explain.momentum).toBe(1);
  });

  it('treats two items with the same canonical link as one', () => {
    const a = item({ title: '루빈 공개', body: LEAD, source: 'A', link: 'https://x.example.com/1', h: 5 });
    const b = item({
      title: '완전히 다른 제목의 같은 기사',
      body: '본문도 다르다고 치자.',
      source: 'B',
      link: 'https://x.example.com/1',
      h: 4,
    });
    const r = rankTopics(input({ items: [a, b, ...OTHER] }));
    const topic = r.topics.find((t) => t.items.some((i) => i.itemId === a.id || i.itemId === b.id));
    expect(topic?.items).toHaveLength(1);
    expect(topic?.items[0]?.duplicates).toHaveLength(1);
  });

  it('keeps the copy from the heavier source as the item and lists the lighter one as its duplicate', () => {
    const light = item({ title: '엔비디아 루빈 공개', body: [LEAD, MORE], source: '블로그', h: 10 });
    const heavy = item({ title: '엔비디아 루빈 공개', body: [LEAD, MORE], source: '연합뉴스', h: 9 });
    const r = rankTopics(
      input({ items: [light, heavy, ...OTHER], sources: sources(['블로그', 0.5], ['연합뉴스', 1.5]) }),
    );
    const topic = r.topics.find((t) => t.items.some((i) => i.itemId === heavy.id));
    expect(topic?.items.map((i) => i.itemId)).toEqual([heavy.id]);
    expect(topic?.items[0]?.duplicates).toEqual([light.id]);
    // The topic id still comes from the earliest item, whichever leads.
    expect(topic?.id).toBe(
      rankTopics(input({ items: [light, ...OTHER] })).topics.find((t) => t.items[0]?.itemId === light.id)?.id,
    );
  });

  it('does not collapse different coverage of the same story: both stay, from two sources', () => {
    const a = item({ title: "엔비디아, 차세대 AI 칩 '루빈' 공개", body: [LEAD, MORE], source: '연합뉴스', h: 10 });
    const b = item({
      title: '젠슨 황 "루빈, 추론 성능 2.6배"…엔비디아 차세대 GPU 베일 벗었다',
      body: '엔비디아가 차세대 GPU 아키텍처 루빈을 처음 선보였다. 루빈 기반 서버가 블랙웰 대비 2.6배의 추론 성능을 낸다고 강조했다.',
      source: '전자신문',
      h: 8,
    });
    const r = rankTopics(input({ items: [a, b, ...OTHER] }));
    const topic = r.topics.find((t) => t.items.some((i) => i.itemId === a.id));
    expect(topic?.items.map((i) => i.itemId).sort()).toEqual([a.id, b.id].sort());
    expect(topic?.items.every((i) => i.duplicates.length === 0)).toBe(true);
    expect(topic?.explain.sourceCount).toBe(2);
  });
});
