import { describe, expect, it } from 'vitest';
import { rankTopics } from '../../src/rank/index.js';
import { bestFirst, topicIdOf, type WindowItem } from '../../src/rank/topic.js';
import { rankDocOf } from '../../src/opening.js';
import { input, item, sources } from './builders.js';

const w = (id: number, weight: number, chars: number, time: number): WindowItem => ({
  item: rankDocOf(item({ id, title: `t${id}`, body: 'x'.repeat(chars) })),
  time,
  weight,
  completeness: -1,
});

describe("a topic's items", () => {
  it('orders items best first: heavier source, then more complete body, then earlier, then lower id', () => {
    const list = [w(1, 1, 900, 5), w(2, 2, 100, 9), w(3, 1, 2000, 7), w(4, 1, 900, 3), w(5, 1, 950, 3)];
    // 1, 4 and 5 share a completeness step (900–1199 characters), so the earlier wins, then the lower id.
    expect([...list].sort(bestFirst).map((x) => x.item.id)).toEqual([2, 3, 4, 5, 1]);
  });

  it('titles the topic after its best item and keeps the id of its earliest item', () => {
    const a = item({
      id: 1,
      title: '누리호 4차 발사 성공…위성 13기 궤도 안착',
      body: '한국형 발사체 누리호가 4차 발사에 성공했다. 위성 13기가 궤도에 올랐다.',
      h: 30,
      source: 'Small',
    });
    const b = item({
      id: 2,
      title: '새벽 하늘 가른 누리호…첫 야간 발사도 성공',
      body: '누리호가 새벽 나로우주센터에서 발사됐다. 누리호의 첫 야간 발사로, 위성 13기가 궤도에 안착했다.',
      h: 20,
      source: 'Big',
    });
    const other = item({
      id: 3,
      title: '카카오톡 2시간 먹통',
      body: '카카오톡 메시지 전송 장애가 두 시간 이어졌다.',
      h: 5,
    });
    const r = rankTopics(input({ items: [a, b, other], sources: sources(['Small', 0.5], ['Big', 1.5]) }));
    const t = r.topics.find((x) => x.items.some((i) => i.itemId === 1));
    expect(t?.items.map((i) => i.itemId)).toEqual([2, 1]);
    expect(t?.title).toBe(b.title);
    expect(t?.id).toBe(topicIdOf(a));
  });

  it('derives the id from the canonical link: the same first item gives the same id', () => {
    const a = item({ id: 1, title: 'x', link: 'https://news.example.com/a?utm_source=rss' });
    const same = { ...a, id: 99, canonicalLink: a.canonicalLink };
    expect(topicIdOf(same)).toBe(topicIdOf(a));
    expect(topicIdOf({ ...a, canonicalLink: 'https://news.example.com/b' })).not.toBe(topicIdOf(a));
    expect(topicIdOf(a)).toMatch(/^t-[0-9a-f]{10}$/);
  });

  it('carries a readable publication time for every item, the fetch time when the feed date was unreadable', () => {
    const odd = {
      ...item({ id: 1, title: '누리호 발사', body: '누리호가 발사됐다.', h: 3 }),
      publishedAt: 'yesterday',
    };
    const r = rankTopics(input({ items: [odd] }));
    expect(r.topics[0]?.items[0]?.publishedAt).toBe(odd.fetchedAt);
  });
});
