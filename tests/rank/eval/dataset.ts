/** The evaluation set as ranking input, and the predicted/gold labellings of a result. */
import type { Item, RankResult, SourceConfig } from '../../../src/types.js';
import { item } from '../builders.js';
import { EVAL_ITEMS, EVAL_NOW, EVAL_SOURCES, type EvalItem } from './stories.js';

export const evalNow = new Date(EVAL_NOW);

export function evalSources(): SourceConfig[] {
  return EVAL_SOURCES.map((s) => ({
    name: s.name,
    url: `https://${s.weight}.example.com/${encodeURIComponent(s.name)}`,
    weight: s.weight,
    fullText: false,
  }));
}

export function toItems(list: readonly EvalItem[] = EVAL_ITEMS, now = evalNow): Item[] {
  return list.map((e) =>
    item({
      id: e.id,
      title: e.title,
      body: e.body,
      source: e.source,
      h: e.h,
      now,
      link: `https://news.example.com/${e.story}/${e.id}`,
    }),
  );
}

export function goldLabels(list: readonly EvalItem[] = EVAL_ITEMS): Map<number, string> {
  return new Map(list.map((e) => [e.id, e.story]));
}

/** Every item of every topic (selected or dropped), duplicates included, labelled by topic id. */
export function predictedLabels(result: RankResult): Map<number, string> {
  const m = new Map<number, string>();
  for (const t of [...result.topics, ...result.dropped.map((d) => d.topic)]) {
    for (const it of t.items) {
      m.set(it.itemId, t.id);
      for (const d of it.duplicates) m.set(d, t.id);
    }
  }
  return m;
}

/** The gold story most of a topic's items belong to. */
export function storyOf(
  topic: { items: ReadonlyArray<{ itemId: number; duplicates: number[] }> },
  gold = goldLabels(),
): string {
  const count = new Map<string, number>();
  for (const it of topic.items) {
    for (const id of [it.itemId, ...it.duplicates]) {
      const s = gold.get(id) ?? '?';
      count.set(s, (count.get(s) ?? 0) + 1);
    }
  }
  return [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '?';
}

/** Pairs of items collapsed as near-duplicates: [duplicate, kept]. */
export function predictedDuplicatePairs(result: RankResult): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const t of [...result.topics, ...result.dropped.map((d) => d.topic)])
    for (const it of t.items) for (const d of it.duplicates) out.push([d, it.itemId]);
  return out;
}
