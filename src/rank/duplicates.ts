/**
 * Near-duplicate collapse (wire copies, syndication, re-posts under a new link): an item
 * whose vector is at least `threshold` cosine to an earlier kept item, or that shares its
 * canonical link, joins that item's group.
 *
 * Candidates come from an inverted index of each kept item's heaviest whole-word terms
 * (not bigrams): a near-duplicate shares most of them, so only items sharing at least
 * half of an item's DUPLICATE_LOOKUP_TERMS heaviest words are compared in full.
 */
import { ITEM_SORTED_TERMS, type DenseRow, type SparseVector } from './vectors.js';

/** Heaviest terms of a vector used to find candidates. */
export const DUPLICATE_LOOKUP_TERMS = 8;

/**
 * For each document (visited in `order`, earliest first) the index of the group it
 * belongs to: its own index when it starts a group, else the earlier document's.
 */
export function groupDuplicates(
  vectors: readonly SparseVector[],
  /** Canonical link (or link) per document; equal keys are always duplicates. */
  keys: readonly string[],
  order: readonly number[],
  threshold: number,
  row: DenseRow,
  isWord: (id: number) => boolean = () => true,
): number[] {
  const root = vectors.map((_, i) => i);
  const postings = new Map<number, number[]>();
  const byKey = new Map<string, number>();
  const shared = new Int32Array(vectors.length);
  const touched: number[] = [];
  const lookup: number[] = [];
  for (const i of order) {
    const v = vectors[i];
    if (!v) continue;
    const key = keys[i] ?? '';
    const sameLink = key ? byKey.get(key) : undefined;
    if (sameLink !== undefined) {
      root[i] = sameLink;
      continue;
    }
    lookup.length = 0;
    for (let k = 0; k < v.ids.length && k < ITEM_SORTED_TERMS && lookup.length < DUPLICATE_LOOKUP_TERMS; k++) {
      const id = v.ids[k] as number;
      if (isWord(id)) lookup.push(id);
    }
    const top = lookup.length;
    touched.length = 0;
    for (let k = 0; k < top; k++) {
      const list = postings.get(lookup[k] as number);
      if (!list) continue;
      for (let p = 0; p < list.length; p++) {
        const j = list[p] as number;
        if (shared[j] === 0) touched.push(j);
        shared[j] = (shared[j] as number) + 1;
      }
    }
    let best = -1;
    let bestSim = threshold;
    if (touched.length > 0) {
      const need = Math.max(1, Math.ceil(top / 2));
      row.load(v);
      for (const j of touched) {
        if ((shared[j] as number) >= need) {
          const sim = row.dot(vectors[j] as SparseVector);
          if (sim > bestSim || (sim === bestSim && (best < 0 || j < best))) {
            bestSim = sim;
            best = j;
          }
        }
        shared[j] = 0;
      }
      row.unload();
    }
    if (best >= 0) {
      root[i] = best;
      continue;
    }
    if (key) byKey.set(key, i);
    for (let k = 0; k < top; k++) {
      const id = lookup[k] as number;
      const list = postings.get(id);
      if (list) list.push(i);
      else postings.set(id, [i]);
    }
  }
  return root;
}
