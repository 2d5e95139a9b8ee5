/**
 * The running sums behind topic centroids: each topic adds its members' heaviest terms
 * into a region of one shared pool; a sum that grows past 2 × SUM_TERMS terms is pruned
 * back to its SUM_TERMS heaviest, and a centroid is a sum's heaviest terms, normalized.
 */
import { finishVector, selectHeaviest, type SparseVector, type VectorArena } from './vectors.js';
import { resized } from './buffers.js';

/** Centroid terms kept in order (the index and a topic's terms read these). */
export const CENTROID_SORTED_TERMS = 20;
/** Running sums are pruned back to this many terms when they grow past twice as many. */
const SUM_TERMS = 120;

/**
 * A topic's running sum of member vectors: a region of the sum pool, terms in the order
 * they first appeared (pruning keeps that order).
 */
export interface RunningSum {
  sumAt: number;
  sumCap: number;
  sumSize: number;
}

/** The running sums of all topics as regions of two parallel arrays; a sum that outgrows its region moves to a larger one at the end. */
export class SumPool {
  ids: Int32Array;
  weights: Float64Array;
  private used = 0;

  constructor(capacity: number) {
    this.ids = new Int32Array(Math.max(1 << 10, capacity));
    this.weights = new Float64Array(this.ids.length);
  }

  /** A fresh region of `cap` entries; returns where it starts. */
  take(cap: number): number {
    if (this.used + cap > this.ids.length) {
      const size = Math.max(this.ids.length * 2, this.used + cap);
      this.ids = resized(this.ids, size);
      this.weights = resized(this.weights, size);
    }
    const at = this.used;
    this.used += cap;
    return at;
  }
}

/** Position + 1 of a term in the running sum being updated; all zero between updates. */
let positions = new Int32Array(1 << 14);
let scratchIndex = new Int32Array(512);
let scratchWeights = new Float64Array(512);
let keepFlags = new Uint8Array(512);

/** Add the first `terms` entries of `v` into the running sum of `cl`, then prune it if it grew too long. */
export function addInto(cl: RunningSum, v: SparseVector, terms: number, pool: SumPool): void {
  const n = Math.min(terms, v.ids.length);
  let size = cl.sumSize;
  if (size + n > cl.sumCap) {
    const cap = Math.max(cl.sumCap * 2, size + n);
    const at = pool.take(cap);
    pool.ids.copyWithin(at, cl.sumAt, cl.sumAt + size);
    pool.weights.copyWithin(at, cl.sumAt, cl.sumAt + size);
    cl.sumAt = at;
    cl.sumCap = cap;
  }
  const at = cl.sumAt;
  const sumIds = pool.ids;
  const sumW = pool.weights;
  const pos = positions;
  for (let k = 0; k < size; k++) pos[sumIds[at + k] as number] = k + 1;
  const vIds = v.ids;
  const vW = v.weights;
  for (let k = 0; k < n; k++) {
    const id = vIds[k] as number;
    const p = pos[id] as number;
    if (p > 0) {
      sumW[at + p - 1] = (sumW[at + p - 1] as number) + (vW[k] as number);
    } else {
      sumIds[at + size] = id;
      sumW[at + size] = 0 + (vW[k] as number);
      pos[id] = ++size;
    }
  }
  for (let k = 0; k < size; k++) pos[sumIds[at + k] as number] = 0;
  cl.sumSize = size;
  if (size > 2 * SUM_TERMS) prune(cl, pool);
}

/** Keep the SUM_TERMS heaviest terms of the running sum (ties: the earlier term), in their order. */
function prune(cl: RunningSum, pool: SumPool): void {
  const size = cl.sumSize;
  const at = cl.sumAt;
  const ids = pool.ids;
  const w = pool.weights;
  if (scratchIndex.length < size) {
    scratchIndex = new Int32Array(size * 2);
    scratchWeights = new Float64Array(size * 2);
    keepFlags = new Uint8Array(size * 2);
  }
  const idx = scratchIndex;
  const val = scratchWeights;
  let m = 0;
  for (let k = 0; k < size; k++) {
    const x = w[at + k] as number;
    if (x > 0) {
      idx[m] = k;
      val[m++] = x;
    }
  }
  const keep = Math.min(m, SUM_TERMS);
  if (m > keep) selectHeaviest(idx, val, 0, m - 1, keep);
  const flags = keepFlags;
  flags.fill(0, 0, size);
  for (let j = 0; j < keep; j++) flags[idx[j] as number] = 1;
  let out = at;
  for (let k = 0; k < size; k++) {
    if (flags[k] === 1) {
      ids[out] = ids[at + k] as number;
      w[out++] = w[at + k] as number;
    }
  }
  cl.sumSize = out - at;
}

export function centroidOf(cl: RunningSum, terms: number, pool: SumPool, arena: VectorArena): SparseVector {
  return finishVector(
    pool.ids,
    pool.weights,
    terms,
    Math.min(terms, CENTROID_SORTED_TERMS),
    cl.sumAt,
    cl.sumAt + cl.sumSize,
    arena,
  );
}

/** Room in the position scratch for term ids below `terms`. */
export function reservePositions(terms: number): void {
  if (positions.length < terms) positions = new Int32Array(Math.max(terms, positions.length * 2));
}
