import { describe, expect, it } from 'vitest';
import { clusterVectors } from '../../src/rank/cluster.js';
import { rankTopics } from '../../src/rank/index.js';
import { Analyzer } from '../../src/rank/tokenize.js';
import { buildVectors, DenseRow } from '../../src/rank/vectors.js';
import type { Item } from '../../src/types.js';
import { input } from './builders.js';
import { evalNow, evalSources, toItems } from './eval/dataset.js';
import { EVAL_ITEMS } from './eval/stories.js';

function topicOf(items: Item[], id: number): number[] {
  const r = rankTopics(input({ items, headlines: 30, now: evalNow }));
  const t = [...r.topics, ...r.dropped.map((d) => d.topic)].find((x) => x.items.some((i) => i.itemId === id));
  return (t?.items ?? []).flatMap((i) => [i.itemId, ...i.duplicates]).sort((a, b) => a - b);
}

/** A small window: 삼성 HBM4 told four ways, two stories sharing its words, two unrelated ones. */
const window = toItems(EVAL_ITEMS.filter((e) => [7, 8, 9, 10, 48, 49, 72, 73, 20, 54].includes(e.id)));

describe('single-pass clustering', () => {
  it('groups one story told by four sources in different words into one topic', () => {
    expect(topicOf(window, 7)).toEqual([7, 8, 9, 10]);
  });

  it('keeps stories that share many of its words (삼성전자; HBM4, 엔비디아, 12단) apart from it and from each other', () => {
    expect(topicOf(window, 48)).toEqual([48, 49]);
    expect(topicOf(window, 72)).toEqual([72, 73]);
    expect(topicOf(window, 20)).toEqual([20]);
  });

  it('gives the same topics, ids and order whatever order the items come in', () => {
    const items = toItems();
    const a = rankTopics(input({ items, sources: evalSources(), now: evalNow }));
    const b = rankTopics(input({ items: [...items].reverse(), sources: evalSources(), now: evalNow }));
    expect(b).toEqual(a);
  });

  it('keeps a topic id when later coverage of the story arrives', () => {
    const early = window.filter((i) => [7, 20, 54].includes(i.id));
    const first = rankTopics(input({ items: early, now: evalNow })).topics.find((t) =>
      t.items.some((i) => i.itemId === 7),
    );
    const later = rankTopics(input({ items: window, now: evalNow })).topics.find((t) =>
      t.items.some((i) => i.itemId === 7),
    );
    expect(first?.id).toMatch(/^t-[0-9a-f]{10}$/);
    expect(later?.items).toHaveLength(4);
    expect(later?.id).toBe(first?.id);
  });

  it('joins each item to the closest of several topics through the term index', () => {
    const docs = [
      { title: '누리호 발사 성공 위성 궤도', opening: [] },
      { title: '카카오톡 장애 메시지 전송 오류', opening: [] },
      { title: '누리호 발사 성공 위성 교신', opening: [] },
      { title: '카카오톡 장애 서버 오류 사과', opening: [] },
      { title: '비트코인 가격 급락', opening: [] },
    ];
    const a = new Analyzer();
    const v = buildVectors(docs, a);
    const clusters = clusterVectors(v, [0, 1, 2, 3, 4], new DenseRow(a.vocabularySize), { threshold: 0.2 });
    expect(clusters.map((c) => c.members)).toEqual([[0, 2], [1, 3], [4]]);
    // Centroids are unit vectors with their heaviest terms first.
    const c0 = clusters[0]?.centroid;
    const norm = Array.from(c0?.weights ?? []).reduce((s, w) => s + w * w, 0);
    expect(norm).toBeCloseTo(1, 6);
    expect(['누리호', '발사', '성공', '위성']).toContain(a.terms[c0?.ids[0] ?? -1]);
  });

  it('follows its threshold: above every similarity each item is alone, lower the close ones join', () => {
    const docs = ['누리호 발사', '카카오톡 장애', '누리호 교신'].map((title) => ({ title, opening: [] }));
    const a = new Analyzer();
    const v = buildVectors(docs, a);
    const row = new DenseRow(a.vocabularySize);
    expect(clusterVectors(v, [0, 1, 2], row, { threshold: 1.01 })).toHaveLength(3);
    expect(clusterVectors(v, [0, 1, 2], row, { threshold: 0.3 }).map((c) => c.members)).toEqual([[0, 2], [1]]);
  });
});
