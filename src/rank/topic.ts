/**
 * Turning a cluster of items into a topic's items: duplicate groups become one ranked
 * item each, items are ordered best first, the id comes from the earliest item.
 *
 * Best item: the heaviest source first; among equal weights the more complete body
 * (in steps of COMPLETENESS_STEP characters, up to COMPLETENESS_CAP); then the earliest;
 * then the lowest item id.
 */
import type { RankDoc, RankedItem } from '../types.js';

export const COMPLETENESS_STEP = 300;
export const COMPLETENESS_CAP = 1500;

/** An item in the window with what ranking needs to know about it. */
export interface WindowItem {
  item: RankDoc;
  /** Publication time, ms since epoch. */
  time: number;
  /** Weight of its source (1 when the source is not configured). */
  weight: number;
  /** Body length bucket (more is more complete); -1 until first needed. */
  completeness: number;
}

export function completenessOf(item: Pick<RankDoc, 'bodyChars'>): number {
  return Math.floor(Math.min(item.bodyChars, COMPLETENESS_CAP) / COMPLETENESS_STEP);
}

function completeness(w: WindowItem): number {
  if (w.completeness < 0) w.completeness = completenessOf(w.item);
  return w.completeness;
}

/** Best first: heavier source, more complete, earlier, lower id. */
export function bestFirst(a: WindowItem, b: WindowItem): number {
  return b.weight - a.weight || completeness(b) - completeness(a) || a.time - b.time || a.item.id - b.item.id;
}

/** Earliest first (then link, then id): the order of the clustering pass. */
export function earliestFirst(a: WindowItem, b: WindowItem): number {
  if (a.time !== b.time) return a.time - b.time;
  const la = a.item.canonicalLink || a.item.link;
  const lb = b.item.canonicalLink || b.item.link;
  return (la < lb ? -1 : la > lb ? 1 : 0) || a.item.id - b.item.id;
}

/** A 53-bit string hash (cyrb53): stable across runs and platforms. */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** `t-` and 10 hex digits of a hash of the item's canonical link (or link, or id). */
export function topicIdOf(item: Pick<RankDoc, 'canonicalLink' | 'link' | 'id'>): string {
  const key = item.canonicalLink || item.link || `item:${item.id}`;
  return `t-${hash53(key).toString(16).padStart(14, '0').slice(-10)}`;
}

export interface TopicItems {
  /** Representatives, best first, each with its collapsed duplicates. */
  items: RankedItem[];
  /** The representatives (same order). */
  reps: WindowItem[];
  /** Earliest item of the topic, duplicates included: the id's seed. */
  seed: WindowItem;
}

/** Build the ranked items of a topic from its duplicate groups (lists of window items). */
export function topicItems(groups: readonly WindowItem[][]): TopicItems {
  let seed: WindowItem | undefined;
  const entries: Array<{ rep: WindowItem; dups: WindowItem[] }> = [];
  for (const group of groups) {
    const sorted = group.length > 1 ? [...group].sort(bestFirst) : group;
    const rep = sorted[0];
    if (!rep) continue;
    entries.push({ rep, dups: sorted.slice(1) });
    for (const w of group) if (!seed || earliestFirst(w, seed) < 0) seed = w;
  }
  if (entries.length > 1) entries.sort((a, b) => bestFirst(a.rep, b.rep));
  if (!seed) throw new RangeError('a topic needs at least one item');
  return {
    items: entries.map(({ rep, dups }) => ({
      itemId: rep.item.id,
      title: rep.item.title,
      link: rep.item.link,
      source: rep.item.source,
      publishedAt: rep.item.publishedAt,
      duplicates: dups.sort(earliestFirst).map((d) => d.item.id),
    })),
    reps: entries.map((e) => e.rep),
    seed,
  };
}
