/**
 * TF-IDF vectors over the items of one ranking window. A sparse vector keeps its
 * heaviest terms first and in order (so a prefix is its top terms) and has unit length
 * (so a dot product is a cosine).
 */
import { OPENING_CHARS } from '../opening.js';
import { BIGRAM_WEIGHT, type Analyzer } from './tokenize.js';
import { resized } from './buffers.js';

export interface SparseVector {
  /** Term ids: the heaviest first and in order (ITEM_SORTED_TERMS of an item, CENTROID_SORTED_TERMS of a centroid), then the rest. */
  ids: Int32Array;
  /** Weights matching ids; the vector has unit length (or is empty). */
  weights: Float64Array;
}

/** What the vectors read of an item: its title and the opening of its body (src/opening.ts). */
export interface TextSource {
  title: string;
  opening: readonly string[];
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
/** Terms kept per item vector. */
export const MAX_ITEM_TERMS = 64;
/** How many of an item vector's heaviest terms are kept in order; the rest follow unordered. */
export const ITEM_SORTED_TERMS = 24;

let scratchIndex = new Int32Array(1024);
let scratchWeights = new Float64Array(1024);

/**
 * Rearrange entries lo..hi so that the k heaviest come first (in any order). Quickselect.
 * Entry e is the pair (idx[e], val[e]): a weight and the position it came from; heavier
 * means a larger weight, ties going to the earlier position. Both arrays move together.
 */
export function selectHeaviest(idx: Int32Array, val: Float64Array, lo: number, hi: number, k: number): void {
  const target = lo + k;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    const pi = idx[mid] as number;
    const pw = val[mid] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      for (;;) {
        const w = val[i] as number;
        if (w > pw || (w === pw && (idx[i] as number) < pi)) i++;
        else break;
      }
      for (;;) {
        const w = val[j] as number;
        if (pw > w || (pw === w && pi < (idx[j] as number))) j--;
        else break;
      }
      if (i <= j) {
        const t = idx[i] as number;
        idx[i] = idx[j] as number;
        idx[j] = t;
        const tw = val[i] as number;
        val[i] = val[j] as number;
        val[j] = tw;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else return;
  }
}

/**
 * Storage for the vectors of one run, handed out as views on one buffer: far cheaper than
 * one small buffer per vector. Sized up front by its user (it starts a new buffer if it
 * ever runs out).
 */
export class VectorArena {
  private ids: Int32Array;
  private weights: Float64Array;
  private used = 0;

  constructor(capacity: number) {
    this.ids = new Int32Array(Math.max(64, capacity));
    this.weights = new Float64Array(this.ids.length);
  }

  take(n: number): SparseVector {
    if (this.used + n > this.ids.length) this.renew(n);
    const end = this.used + n;
    const v = { ids: this.ids.subarray(this.used, end), weights: this.weights.subarray(this.used, end) };
    this.used = end;
    return v;
  }

  private renew(n: number): void {
    this.ids = new Int32Array(Math.max(this.ids.length, n));
    this.weights = new Float64Array(this.ids.length);
    this.used = 0;
  }
}

/** For callers that bring no arena of their own. */
const sharedArena = new VectorArena(1 << 16);

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
  arena: VectorArena = sharedArena,
): SparseVector {
  if (scratchIndex.length < to - from) {
    scratchIndex = new Int32Array(Math.max(to - from, scratchIndex.length * 2));
    scratchWeights = new Float64Array(scratchIndex.length);
  }
  const idx = scratchIndex;
  const val = scratchWeights;
  let m = 0;
  for (let i = from; i < to; i++) {
    const w = weights[i] as number;
    if (w > 0) {
      idx[m] = i;
      val[m++] = w;
    }
  }
  const n = Math.min(m, maxTerms);
  if (m > n) selectHeaviest(idx, val, 0, m - 1, n);
  const ordered = Math.min(n, sortedTerms);
  if (n > ordered) selectHeaviest(idx, val, 0, n - 1, ordered);
  // Insertion sort of the heaviest few.
  for (let a = 1; a < ordered; a++) {
    const x = idx[a] as number;
    const xw = val[a] as number;
    let b = a - 1;
    for (; b >= 0; b--) {
      const bw = val[b] as number;
      if (!(xw > bw || (xw === bw && x < (idx[b] as number)))) break;
      idx[b + 1] = idx[b] as number;
      val[b + 1] = bw;
    }
    idx[b + 1] = x;
    val[b + 1] = xw;
  }
  const out = arena.take(n);
  const outIds = out.ids;
  const outW = out.weights;
  let norm = 0;
  for (let k = 0; k < n; k++) {
    outIds[k] = ids[idx[k] as number] as number;
    const w = val[k] as number;
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
class TermCounts {
  weights: Float64Array;
  /** Documents counted per term id (same length as weights). */
  df: Float64Array;
  touched: Int32Array = new Int32Array(1 << 10);
  size = 0;

  constructor(terms: number) {
    this.weights = new Float64Array(terms);
    this.df = new Float64Array(terms);
  }

  /** Add the term codes codes[from, to) (a bigram as -(id + 1)), weighted `mul` (bigrams BIGRAM_WEIGHT × mul). */
  add(codes: Int32Array, from: number, to: number, mul: number): void {
    const half = mul * BIGRAM_WEIGHT;
    let weights = this.weights;
    let touched = this.touched;
    for (let k = from; k < to; k++) {
      const code = codes[k] as number;
      const id = code >= 0 ? code : -code - 1;
      if (id >= weights.length) weights = this.growWeights(id);
      const w = weights[id] as number;
      if (w === 0) {
        if (this.size === touched.length) touched = this.growTouched();
        touched[this.size++] = id;
      }
      weights[id] = w + (code >= 0 ? mul : half);
    }
  }

  private growWeights(id: number): Float64Array {
    const size = Math.max(this.weights.length * 2, id + 1);
    this.weights = resized(this.weights, size);
    this.df = resized(this.df, size);
    return this.weights;
  }

  private growTouched(): Int32Array {
    const grown = new Int32Array(this.touched.length * 2);
    grown.set(this.touched);
    this.touched = grown;
    return grown;
  }
}

/**
 * ln(1 + k / 2) for k < 512: term frequencies are sums of whole and half weights, so most
 * are found here (the same values Math.log1p gives).
 */
const LOG1P_HALVES = Float64Array.from({ length: 512 }, (_, k) => Math.log1p(k / 2));

function log1p(tf: number): number {
  const k = tf * 2;
  return k < 512 && k === (k | 0) ? (LOG1P_HALVES[k] as number) : Math.log1p(tf);
}

/**
 * The texts read in one run, each with the span of the analyzer's codes it produced.
 * A text is found by a hash of its length and a few of its characters, then compared
 * whole: far cheaper than hashing every character of every paragraph.
 */
class SeenTexts {
  private texts: string[] = [];
  /** Per text: [from, to) in the analyzer's codes. */
  spans: Int32Array;
  /** Open addressing: text index + 1 (0: empty), and the hash beside it. */
  private table: Int32Array;
  private hashes: Int32Array;

  constructor(expected: number) {
    let cap = 1 << 10;
    while (cap < 2 * expected) cap *= 2;
    this.table = new Int32Array(cap);
    this.hashes = new Int32Array(cap);
    this.spans = new Int32Array(cap);
  }

  /** Index of `text` (hashed `h`) if it was seen, else -1. */
  find(text: string, h: number): number {
    const mask = this.table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const e = this.table[slot] as number;
      if (e === 0) return -1;
      if (this.hashes[slot] === h && this.texts[e - 1] === text) return e - 1;
    }
  }

  add(text: string, h: number, from: number, to: number): void {
    const index = this.texts.length;
    this.texts.push(text);
    if (2 * index + 2 > this.spans.length) {
      const grown = new Int32Array(this.spans.length * 2);
      grown.set(this.spans);
      this.spans = grown;
    }
    this.spans[2 * index] = from;
    this.spans[2 * index + 1] = to;
    if (2 * (index + 1) > this.table.length) this.grow();
    const mask = this.table.length - 1;
    let slot = h & mask;
    while (this.table[slot] !== 0) slot = (slot + 1) & mask;
    this.table[slot] = index + 1;
    this.hashes[slot] = h;
  }

  private grow(): void {
    const { table, hashes } = this;
    this.table = new Int32Array(table.length * 2);
    this.hashes = new Int32Array(table.length * 2);
    const mask = this.table.length - 1;
    for (let s = 0; s < table.length; s++) {
      const e = table[s] as number;
      if (e === 0) continue;
      let slot = (hashes[s] as number) & mask;
      while (this.table[slot] !== 0) slot = (slot + 1) & mask;
      this.table[slot] = e;
      this.hashes[slot] = hashes[s] as number;
    }
  }
}

/** A hash of a text's length and of up to 16 of its characters, spread over it. */
function sampleHash(text: string): number {
  const n = text.length;
  let h = Math.imul(n, 0x9e3779b1);
  const step = n <= 16 ? 1 : n / 16;
  for (let p = 0; p < n && p < 16 * step; p += step) h = Math.imul(h ^ text.charCodeAt(p | 0), 0x01000193);
  return h ^ (h >>> 15);
}

/**
 * TF-IDF vectors for documents, in input order: sublinear term frequency ln(1 + tf)
 * (title terms weigh TITLE_WEIGHT), smoothed idf ln((N + 10) / (df + 0.2)) over these documents.
 */
export function buildVectors(docs: readonly TextSource[], analyzer: Analyzer): SparseVector[] {
  let chars = 0;
  for (const doc of docs) chars += doc.title.length + OPENING_CHARS;
  analyzer.reserve(chars);
  const builder = new VectorBuilder(analyzer, docs.length, chars);
  for (const doc of docs) builder.count(doc);
  return builder.finish();
}

/** One run of buildVectors: count every document's terms, then weigh them and keep each document's heaviest. */
class VectorBuilder {
  private readonly counts: TermCounts;
  private readonly seen: SeenTexts;
  // Every document's (term id, tf) pairs, back to back; document k owns [offsets[k], offsets[k + 1]).
  private pairIds: Int32Array;
  private pairTfs: Float64Array;
  private used = 0;
  private readonly offsets: Int32Array;
  private docs = 0;

  constructor(
    private readonly analyzer: Analyzer,
    docs: number,
    chars: number,
  ) {
    this.counts = new TermCounts(Math.max(1 << 12, Math.ceil(chars / 16)));
    this.seen = new SeenTexts(docs * 8);
    this.pairIds = new Int32Array(Math.max(1 << 12, Math.ceil(chars / 4)));
    this.pairTfs = new Float64Array(this.pairIds.length);
    this.offsets = new Int32Array(docs + 1);
  }

  /** Count the title and opening of the next document. */
  count(doc: TextSource): void {
    this.countText(doc.title, TITLE_WEIGHT);
    for (const text of doc.opening) this.countText(text, 1);
    this.takeCounts();
    this.offsets[++this.docs] = this.used;
  }

  /**
   * Count the terms of one text, weighted `mul`. A text already read in this run (a wire
   * copy's paragraph) is counted again from the codes the analyzer kept for it.
   */
  private countText(text: string, mul: number): void {
    const analyzer = this.analyzer;
    const h = sampleHash(text);
    const k = this.seen.find(text, h);
    if (k >= 0) {
      this.counts.add(analyzer.codes, this.seen.spans[2 * k] as number, this.seen.spans[2 * k + 1] as number, mul);
      return;
    }
    const from = analyzer.codeCount;
    const to = analyzer.read(text);
    this.counts.add(analyzer.codes, from, to, mul);
    this.seen.add(text, h, from, to);
  }

  /** Move the counted terms to the pairs, counting their document frequency. */
  private takeCounts(): void {
    const counts = this.counts;
    const size = counts.size;
    if (this.used + size > this.pairIds.length) this.growPairs(this.used + size);
    const termIds = this.pairIds;
    const tfs = this.pairTfs;
    const touched = counts.touched;
    const w = counts.weights;
    const df = counts.df;
    let used = this.used;
    for (let j = 0; j < size; j++) {
      const id = touched[j] as number;
      termIds[used] = id;
      tfs[used++] = w[id] as number;
      w[id] = 0;
      df[id] = (df[id] as number) + 1;
    }
    counts.size = 0;
    this.used = used;
  }

  private growPairs(need: number): void {
    const cap = Math.max(this.pairIds.length * 2, need);
    this.pairIds = resized(this.pairIds, cap);
    this.pairTfs = resized(this.pairTfs, cap);
  }

  /** The documents' vectors. */
  finish(): SparseVector[] {
    const n = this.docs;
    const idf = this.idf(n);
    const arena = new VectorArena(n * MAX_ITEM_TERMS);
    const out: SparseVector[] = new Array<SparseVector>(n);
    for (let k = 0; k < n; k++)
      out[k] = this.finishDoc(this.offsets[k] as number, this.offsets[k + 1] as number, idf, arena);
    return out;
  }

  /** Smoothed idf per term id over `n` documents. */
  private idf(n: number): Float64Array {
    const terms = this.analyzer.vocabularySize;
    const df = this.counts.df;
    const idf = new Float64Array(terms);
    for (let t = 0; t < terms && t < df.length; t++) {
      const d = df[t] as number;
      if (d > 0) idf[t] = Math.log((n + IDF_PRIOR_DOCS) / (d + IDF_PRIOR_DOCS * IDF_PRIOR_SHARE));
    }
    return idf;
  }

  /** A document's vector from its pairs [from, to): tf → tf-idf in place, then finishVector (which copies what it keeps). */
  private finishDoc(from: number, to: number, idf: Float64Array, arena: VectorArena): SparseVector {
    const termIds = this.pairIds;
    const tfs = this.pairTfs;
    for (let j = from; j < to; j++) tfs[j] = log1p(tfs[j] as number) * (idf[termIds[j] as number] as number);
    return finishVector(termIds, tfs, MAX_ITEM_TERMS, ITEM_SORTED_TERMS, from, to, arena);
  }
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
