/**
 * TF-IDF vectors over the items of one ranking window. Sparse vectors keep their terms
 * sorted by weight (heaviest first) and are L2-normalized, so a prefix is the top terms
 * and a dot product is a cosine.
 */
import type { TextBlock } from '../types.js';
import type { Analyzer, TermSink } from './tokenize.js';

export interface SparseVector {
  /** Term ids, the SORTED_TERMS heaviest first and in order, then the rest. */
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
 * Document frequencies are read as if the window held at least this many items, so that
 * in a small window the words a story's few items share are not mistaken for common words.
 */
export const IDF_MIN_DOCS = 100;
/** Title terms count this many times a body term. */
export const TITLE_WEIGHT = 2;
/** Characters of body text read for the vector (whole paragraphs, the first one cut at a space). */
export const BODY_CHARS = 400;
/** Terms kept per item vector. */
export const MAX_ITEM_TERMS = 120;

export const EMPTY_VECTOR: SparseVector = { ids: new Int32Array(0), weights: new Float64Array(0) };

function cutAtSpace(text: string, limit: number): string {
  const cut = text.lastIndexOf(' ', limit);
  return text.slice(0, cut > 0 ? cut : limit);
}

/** The body text the vectors read: paragraphs (and quotes, list items) from the top, about BODY_CHARS. */
export function leadText(blocks: readonly TextBlock[], limit = BODY_CHARS): string {
  const parts: string[] = [];
  let used = 0;
  for (const b of blocks) {
    if (b.kind === 'heading') continue;
    const room = limit - used;
    if (room <= 0) break;
    const text = b.text.length <= room ? b.text : used > 0 ? '' : cutAtSpace(b.text, room);
    if (!text) break;
    parts.push(text);
    used += text.length + 1;
  }
  return parts.join('\n');
}

const INDEX_BITS = 2 ** 21;
/** How many of a vector's heaviest terms are kept in order; the rest follow unordered. */
export const SORTED_TERMS = 40;

/** Rearrange keys[lo..hi] so that the k smallest come first (in any order). Quickselect. */
function selectSmallest(keys: Float64Array, lo: number, hi: number, k: number): void {
  const target = lo + k;
  while (hi > lo) {
    const pivot = keys[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((keys[i] as number) < pivot) i++;
      while ((keys[j] as number) > pivot) j--;
      if (i <= j) {
        const t = keys[i] as number;
        keys[i] = keys[j] as number;
        keys[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return;
  }
}

let scratchKeys = new Float64Array(1024);

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
 * A sparse vector from parallel ids and weights: entries with positive weight, the
 * `maxTerms` heaviest kept, scaled to unit length. The first SORTED_TERMS entries are the
 * heaviest in order (ties by input position); the rest follow in no particular order.
 * Keys are packed numbers (weight to 1e-6, then input position) so selection and sorting
 * run on a Float64Array.
 */
export function finishVector(ids: ArrayLike<number>, weights: ArrayLike<number>, maxTerms = Infinity): SparseVector {
  const n0 = ids.length;
  if (n0 >= INDEX_BITS) throw new RangeError('vector too long');
  if (scratchKeys.length < n0) scratchKeys = new Float64Array(Math.max(n0, scratchKeys.length * 2));
  const keys = scratchKeys;
  let m = 0;
  for (let i = 0; i < n0; i++) {
    const w = weights[i] as number;
    if (w > 0) keys[m++] = -Math.round(w * 1e6) * INDEX_BITS + i;
  }
  const n = Math.min(m, maxTerms);
  if (m > n) selectSmallest(keys, 0, m - 1, n);
  const ordered = Math.min(n, SORTED_TERMS);
  if (n > ordered) selectSmallest(keys, 0, n - 1, ordered);
  keys.subarray(0, ordered).sort();
  const out = allocate(n);
  const outIds = out.ids;
  const outW = out.weights;
  let norm = 0;
  for (let k = 0; k < n; k++) {
    const key = keys[k] as number;
    const i = key - Math.floor(key / INDEX_BITS) * INDEX_BITS;
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
 * (title terms weigh TITLE_WEIGHT), smooth idf ln(1 + max(N, IDF_MIN_DOCS) / df) over these documents.
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
  const corpus = Math.max(n, IDF_MIN_DOCS);
  const idf = new Float64Array(df.length);
  for (let t = 0; t < df.length; t++) idf[t] = (df[t] as number) > 0 ? Math.log(1 + corpus / (df[t] as number)) : 0;
  const out: SparseVector[] = new Array<SparseVector>(n);
  // tf is turned into tf-idf in place; finishVector copies what it keeps.
  for (let j = 0; j < used; j++) tfs[j] = Math.log1p(tfs[j] as number) * (idf[termIds[j] as number] as number);
  for (let k = 0; k < n; k++) {
    const from = offsets[k] as number;
    const to = offsets[k + 1] as number;
    out[k] = finishVector(termIds.subarray(from, to), tfs.subarray(from, to), MAX_ITEM_TERMS);
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

/** Cosine of two unit vectors (a small-map merge; for occasional use). */
export function cosine(a: SparseVector, b: SparseVector): number {
  if (a.ids.length === 0 || b.ids.length === 0) return 0;
  const [small, large] = a.ids.length <= b.ids.length ? [a, b] : [b, a];
  const m = new Map<number, number>();
  for (let k = 0; k < small.ids.length; k++) m.set(small.ids[k] ?? 0, small.weights[k] ?? 0);
  let s = 0;
  for (let k = 0; k < large.ids.length; k++) {
    const w = m.get(large.ids[k] ?? 0);
    if (w !== undefined) s += w * (large.weights[k] ?? 0);
  }
  return s;
}
