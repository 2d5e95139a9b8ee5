/**
 * TF-IDF vectors over the items of one ranking window. A sparse vector keeps its
 * heaviest terms first and in order (so a prefix is its top terms) and has unit length
 * (so a dot product is a cosine).
 */
import type { TextBlock } from '../types.js';
import type { Analyzer, TermSink } from './tokenize.js';

export interface SparseVector {
  /** Term ids: the heaviest first and in order (ITEM_SORTED_TERMS of an item, CENTROID_SORTED_TERMS of a centroid), then the rest. */
  ids: Int32Array;
  /** Weights matching ids; the vector has unit length (or is empty). */
  weights: Float64Array;
}

/** What the vectors read of an item: its title and first paragraphs. */
export interface TextSource {
  title: string;
  blocks: readonly TextBlock[];
}

/**
 * Document frequencies are smoothed with a prior: as if the window held IDF_PRIOR_DOCS
 * more items in which a term appears IDF_PRIOR_SHARE of the time. It steadies small
 * windows and vanishes in large ones.
 */
export const IDF_PRIOR_DOCS = 10;
export const IDF_PRIOR_SHARE = 0.02;
/** Title terms count this many times a body term. */
export const TITLE_WEIGHT = 2;
/** Characters of body text read for the vector (whole paragraphs, the first one cut at a space). */
export const BODY_CHARS = 400;
/** Terms kept per item vector. */
export const MAX_ITEM_TERMS = 64;
/** How many of an item vector's heaviest terms are kept in order; the rest follow unordered. */
export const ITEM_SORTED_TERMS = 24;

function cutAtSpace(text: string, limit: number): string {
  const cut = text.lastIndexOf(' ', limit);
  return text.slice(0, cut > 0 ? cut : limit);
}

let scratchIndex = new Int32Array(1024);

/** Whether entry a is heavier than entry b (ties: the earlier entry). */
function heavier(w: Float64Array, a: number, b: number): boolean {
  const wa = w[a] as number;
  const wb = w[b] as number;
  return wa > wb || (wa === wb && a < b);
}

/** Rearrange idx[lo..hi] so that the k heaviest entries come first (in any order). Quickselect. */
function selectHeaviest(idx: Int32Array, w: Float64Array, lo: number, hi: number, k: number): void {
  const target = lo + k;
  while (hi > lo) {
    const pivot = idx[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (heavier(w, idx[i] as number, pivot)) i++;
      while (heavier(w, pivot, idx[j] as number)) j--;
      if (i <= j) {
        const t = idx[i] as number;
        idx[i] = idx[j] as number;
        idx[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return;
  }
}

/** Vector storage handed out as views on shared blocks: far cheaper than one small buffer per vector. */
const BLOCK = 1 << 16;
let idBlock = new Int32Array(BLOCK);
let weightBlock = new Float64Array(BLOCK);
let blockUsed = 0;

function allocate(n: number): SparseVector {
  if (n > BLOCK / 4) return { ids: new Int32Array(n), weights: new Float64Array(n) };
  if (blockUsed + n > BLOCK) {
    idBlock = new Int32Array(BLOCK);
    weightBlock = new Float64Array(BLOCK);
    blockUsed = 0;
  }
  const v = { ids: idBlock.subarray(blockUsed, blockUsed + n), weights: weightBlock.subarray(blockUsed, blockUsed + n) };
  blockUsed += n;
  return v;
}

/**
 * A sparse vector from parallel ids and weights (entries [from, to)): entries with
 * positive weight, the `maxTerms` heaviest kept, scaled to unit length. The first
 * `sortedTerms` entries are the heaviest in order (ties: the earlier entry); the rest
 * follow in no particular order.
 */
export function finishVector(
  ids: Int32Array,
  weights: Float64Array,
  maxTerms = Infinity,
  sortedTerms = maxTerms,
  from = 0,
  to = ids.length,
): SparseVector {
  if (scratchIndex.length < to - from) scratchIndex = new Int32Array(Math.max(to - from, scratchIndex.length * 2));
  const idx = scratchIndex;
  let m = 0;
  for (let i = from; i < to; i++) if ((weights[i] as number) > 0) idx[m++] = i;
  const n = Math.min(m, maxTerms);
  if (m > n) selectHeaviest(idx, weights, 0, m - 1, n);
  const ordered = Math.min(n, sortedTerms);
  if (n > ordered) selectHeaviest(idx, weights, 0, n - 1, ordered);
  // Insertion sort of the heaviest few.
  for (let a = 1; a < ordered; a++) {
    const x = idx[a] as number;
    let b = a - 1;
    while (b >= 0 && heavier(weights, x, idx[b] as number)) {
      idx[b + 1] = idx[b] as number;
      b--;
    }
    idx[b + 1] = x;
  }
  const out = allocate(n);
  const outIds = out.ids;
  const outW = out.weights;
  let norm = 0;
  for (let k = 0; k < n; k++) {
    const i = idx[k] as number;
    outIds[k] = ids[i] as number;
    const w = weights[i] as number;
    outW[k] = w;
    norm += w * w;
  }
  if (norm > 0) {
    const inv = 1 / Math.sqrt(norm);
    for (let k = 0; k < n; k++) outW[k] = (outW[k] as number) * inv;
  }
  return out;
}

/** Sums weighted term ids for one document at a time. */
class TermCounts implements TermSink {
  weights = new Float64Array(1 << 14);
  readonly touched: number[] = [];

  add(id: number, weight: number): void {
    if (id >= this.weights.length) {
      const grown = new Float64Array(Math.max(this.weights.length * 2, id + 1));
      grown.set(this.weights);
      this.weights = grown;
    }
    if (this.weights[id] === 0) this.touched.push(id);
    this.weights[id] = (this.weights[id] as number) + weight;
  }
}

/**
 * TF-IDF vectors for documents, in input order: sublinear term frequency ln(1 + tf)
 * (title terms weigh TITLE_WEIGHT), smoothed idf ln((N + 10) / (df + 0.2)) over these documents.
 */
export function buildVectors(docs: readonly TextSource[], analyzer: Analyzer): SparseVector[] {
  const counts = new TermCounts();
  // Every document's (term id, tf) pairs, back to back; doc k owns [offsets[k], offsets[k + 1]).
  let termIds = new Int32Array(1 << 16);
  let tfs = new Float64Array(1 << 16);
  const offsets = new Int32Array(docs.length + 1);
  let used = 0;
  for (let k = 0; k < docs.length; k++) {
    const doc = docs[k] as TextSource;
    counts.touched.length = 0;
    analyzer.analyze(doc.title, TITLE_WEIGHT, counts);
    let chars = 0;
    for (const b of doc.blocks) {
      if (b.kind === 'heading') continue;
      const room = BODY_CHARS - chars;
      if (room <= 0) break;
      const text = b.text.length <= room ? b.text : chars > 0 ? '' : cutAtSpace(b.text, room);
      if (!text) break;
      analyzer.analyze(text, 1, counts);
      chars += text.length + 1;
    }
    const touched = counts.touched;
    if (used + touched.length > termIds.length) {
      const cap = Math.max(termIds.length * 2, used + touched.length);
      const ids2 = new Int32Array(cap);
      ids2.set(termIds);
      termIds = ids2;
      const tf2 = new Float64Array(cap);
      tf2.set(tfs);
      tfs = tf2;
    }
    const w = counts.weights;
    for (let j = 0; j < touched.length; j++) {
      const id = touched[j] as number;
      termIds[used] = id;
      tfs[used++] = w[id] as number;
      w[id] = 0;
    }
    offsets[k + 1] = used;
  }
  const df = new Float64Array(analyzer.vocabularySize);
  for (let j = 0; j < used; j++) df[termIds[j] as number] = (df[termIds[j] as number] as number) + 1;
  const n = docs.length;
  const idf = new Float64Array(df.length);
  for (let t = 0; t < df.length; t++) {
    const d = df[t] as number;
    if (d > 0) idf[t] = Math.log((n + IDF_PRIOR_DOCS) / (d + IDF_PRIOR_DOCS * IDF_PRIOR_SHARE));
  }
  const out: SparseVector[] = new Array<SparseVector>(n);
  // tf is turned into tf-idf in place; finishVector copies what it keeps.
  for (let j = 0; j < used; j++) tfs[j] = Math.log1p(tfs[j] as number) * (idf[termIds[j] as number] as number);
  for (let k = 0; k < n; k++) {
    const from = offsets[k] as number;
    const to = offsets[k + 1] as number;
    out[k] = finishVector(termIds, tfs, MAX_ITEM_TERMS, ITEM_SORTED_TERMS, from, to);
  }
  return out;
}

/**
 * A dense scratch row for fast dot products: load one vector, take its dot product with
 * many others, unload it.
 */
export class DenseRow {
  private row: Float64Array;
  private loaded: SparseVector | undefined;

  constructor(size: number) {
    this.row = new Float64Array(Math.max(1, size));
  }

  load(v: SparseVector): void {
    if (this.loaded) this.unload();
    const ids = v.ids;
    const w = v.weights;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number;
      if (id >= this.row.length) {
        const grown = new Float64Array(Math.max(this.row.length * 2, id + 1));
        grown.set(this.row);
        this.row = grown;
      }
      this.row[id] = w[k] as number;
    }
    this.loaded = v;
  }

  unload(): void {
    const v = this.loaded;
    if (!v) return;
    const ids = v.ids;
    for (let k = 0; k < ids.length; k++) this.row[ids[k] as number] = 0;
    this.loaded = undefined;
  }

  /** Dot product of the loaded vector with `v`. */
  dot(v: SparseVector): number {
    let s = 0;
    const row = this.row;
    const n = row.length;
    const ids = v.ids;
    const w = v.weights;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k] as number;
      if (id < n) s += (row[id] as number) * (w[k] as number);
    }
    return s;
  }
}
