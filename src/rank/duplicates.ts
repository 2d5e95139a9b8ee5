/**
 * Near-duplicate collapse (wire copies, syndication, re-posts under a new link): an item
 * whose vector is at least `threshold` cosine to an earlier kept item, or that shares its
 * canonical link, joins that item's group.
 *
 * Candidates come from an inverted index of each kept item's heaviest whole-word terms
 * (not bigrams): a near-duplicate shares most of them, so only items sharing at least
 * half of an item's DUPLICATE_LOOKUP_TERMS heaviest words are compared in full.
 */
import { Postings } from './postings.js';
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
  /** 1 per term id that is a whole word (bigrams are not looked up); every term counts when absent. */
  words?: Uint8Array,
): number[] {
  let terms = 0;
  for (const v of vectors) {
    const ids = v.ids;
    for (let k = 0; k < ids.length && k < ITEM_SORTED_TERMS; k++)
      if ((ids[k] as number) >= terms) terms = (ids[k] as number) + 1;
  }
  const grouper = new Grouper(vectors, keys, threshold, row, words, terms, order.length);
  for (const i of order) grouper.place(i);
  return grouper.root;
}

/** The pass of groupDuplicates: `place` visits one document. */
class Grouper {
  readonly root: number[];
  /** The kept documents listed under each of their looked-up terms. */
  private readonly postings: Postings;
  private readonly byKey = new Map<string, number>();
  /** Looked-up terms shared with each kept document, for the document being placed; zero between documents. */
  private readonly shared: Int32Array;
  private readonly touched: Int32Array;
  private readonly lookup = new Int32Array(DUPLICATE_LOOKUP_TERMS);

  constructor(
    private readonly vectors: readonly SparseVector[],
    private readonly keys: readonly string[],
    private readonly threshold: number,
    private readonly row: DenseRow,
    private readonly words: Uint8Array | undefined,
    terms: number,
    docs: number,
  ) {
    this.root = vectors.map((_, i) => i);
    this.postings = new Postings(terms, docs * DUPLICATE_LOOKUP_TERMS);
    this.shared = new Int32Array(vectors.length);
    this.touched = new Int32Array(vectors.length);
  }

  place(i: number): void {
    const v = this.vectors[i];
    if (!v) return;
    const key = this.keys[i] ?? '';
    const sameLink = key ? this.byKey.get(key) : undefined;
    if (sameLink !== undefined) {
      this.root[i] = sameLink;
      return;
    }
    const lookup = this.lookup;
    const words = this.words;
    let top = 0;
    for (let k = 0; k < v.ids.length && k < ITEM_SORTED_TERMS && top < DUPLICATE_LOOKUP_TERMS; k++) {
      const id = v.ids[k] as number;
      if (words === undefined || words[id] === 1) lookup[top++] = id;
    }
    const best = this.closest(v, top);
    if (best >= 0) {
      this.root[i] = best;
      return;
    }
    if (key) this.byKey.set(key, i);
    for (let k = 0; k < top; k++) this.postings.add(lookup[k] as number, i);
  }

  /** The most similar earlier kept document at or above the threshold (ties: the earlier one), or -1. */
  private closest(v: SparseVector, top: number): number {
    const { shared, touched, lookup } = this;
    const { head, value: entryDoc, next: entryNext } = this.postings;
    let nTouched = 0;
    for (let k = 0; k < top; k++) {
      for (let e = head[lookup[k] as number] as number; e !== 0; e = entryNext[e] as number) {
        const j = entryDoc[e] as number;
        if (shared[j] === 0) touched[nTouched++] = j;
        shared[j] = (shared[j] as number) + 1;
      }
    }
    let best = -1;
    let bestSim = this.threshold;
    if (nTouched > 0) {
      const need = Math.max(1, Math.ceil(top / 2));
      const row = this.row;
      row.load(v);
      for (let t = 0; t < nTouched; t++) {
        const j = touched[t] as number;
        if ((shared[j] as number) >= need) {
          const sim = row.dot(this.vectors[j] as SparseVector);
          if (sim > bestSim || (sim === bestSim && (best < 0 || j < best))) {
            bestSim = sim;
            best = j;
          }
        }
        shared[j] = 0;
      }
      row.unload();
    }
    return best;
  }
}
