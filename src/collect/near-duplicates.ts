/**
 * Near-duplicate text within one collection (syndicated copies of one story): one-
 * permutation MinHash signatures of character 5-gram shingles, banded for candidates
 * (LSH), confirmed by the exact Jaccard similarity of the shingle sets. Only texts that
 * are not copies themselves are indexed, so a copy always points at an original.
 */

export const SHINGLE = 5;
const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;
/** Texts shorter than this many shingles are too short to call copies. */
export const MIN_SHINGLES = 40;
const MAX_CHARS = 2000;
/**
 * Bands two texts must share to be compared at all. At Jaccard 0.85 a band (4 bins)
 * matches with p ≈ 0.52, so 16 bands share about 8; unrelated texts share almost none.
 */
const MIN_BAND_MATCHES = 3;

/** Letters and digits only, lower case: spacing, punctuation and markup differences vanish. */
export function normalizeForShingles(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function fnv1a(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Sorted distinct hashes of the text's character shingles. */
export function shingles(text: string): Uint32Array {
  // The first stretch of a text is enough to recognise a copy of it.
  const s = normalizeForShingles(text).slice(0, MAX_CHARS);
  if (s.length < SHINGLE) return new Uint32Array(0);
  const set = new Set<number>();
  for (let i = 0; i + SHINGLE <= s.length; i++) set.add(fnv1a(s, i, i + SHINGLE));
  return Uint32Array.from(set).sort();
}

/** Exact Jaccard similarity of two sorted shingle sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      inter++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

function mix(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

const EMPTY = 0xffffffff;

/**
 * One-permutation MinHash: each shingle hashed once, its top bits pick one of HASHES
 * bins, each bin keeps its minimum. Cost is linear in the shingles.
 */
export function minhash(sh: Uint32Array): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(EMPTY);
  const shift = 32 - Math.log2(HASHES);
  for (const x of sh) {
    const h = mix(x);
    const bin = h >>> shift;
    const v = (h << Math.log2(HASHES)) >>> Math.log2(HASHES);
    if (v < (sig[bin] ?? EMPTY)) sig[bin] = v;
  }
  return sig;
}

/**
 * For each text, the index of an earlier text it nearly copies (Jaccard ≥ threshold),
 * or -1. Earlier texts win, so order the input by preference.
 */
export function nearDuplicateOf(texts: readonly string[], threshold = 0.8): number[] {
  const result = new Array<number>(texts.length).fill(-1);
  const sets = texts.map(shingles);
  const buckets = new Map<string, number[]>();
  sets.forEach((sh, i) => {
    if (sh.length < MIN_SHINGLES) return;
    const sig = minhash(sh);
    const hits = new Map<number, number>();
    const keys: string[] = [];
    for (let b = 0; b < BANDS; b++) {
      const band = sig.subarray(b * ROWS, b * ROWS + ROWS);
      // A band of empty bins says nothing about the text.
      if (band.every((v) => v === EMPTY)) continue;
      const key = `${b}:${band.join(',')}`;
      keys.push(key);
      for (const j of buckets.get(key) ?? []) hits.set(j, (hits.get(j) ?? 0) + 1);
    }
    let best = -1;
    const candidates = [...hits].filter(([, n]) => n >= MIN_BAND_MATCHES).map(([j]) => j).sort((x, y) => x - y);
    for (const j of candidates) {
      const other = sets[j];
      if (!other) continue;
      // Jaccard can be no higher than the ratio of the set sizes.
      if (Math.min(sh.length, other.length) / Math.max(sh.length, other.length) < threshold) continue;
      if (jaccard(sh, other) >= threshold) {
        best = j;
        break;
      }
    }
    result[i] = best;
    if (best >= 0) return;
    for (const key of keys) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    }
  });
  return result;
}
