/**
 * Near-duplicate text within one collection (syndicated copies of one story): one-
 * permutation MinHash signatures of character 5-gram shingles, banded for candidates
 * (LSH), confirmed by the exact Jaccard similarity of the shingle sets. Only texts that
 * are not copies themselves are indexed, so a copy always points at an original.
 */
import { letterDigitKey, letterDigitUnits } from './normalize.js';

export const SHINGLE = 5;
const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;
/** log2(HASHES): the top bits of a shingle's hash that pick its bin. */
const BIN_BITS = Math.log2(HASHES);
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
  return letterDigitKey(text);
}

/** FNV-1a over code units [from, to). */
function fnv1a(s: Uint16Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s[i] ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The hash of every character shingle of the text, in text order, repeats included. */
function shingleHashes(text: string): Uint32Array {
  // The first stretch of a text is enough to recognise a copy of it.
  const s = letterDigitUnits(text, MAX_CHARS);
  if (s.length < SHINGLE) return new Uint32Array(0);
  const all = new Uint32Array(s.length - SHINGLE + 1);
  for (let i = 0; i < all.length; i++) all[i] = fnv1a(s, i, i + SHINGLE);
  return all;
}

/** Sorted distinct values, sorting `all` in place. */
function sortedDistinct(all: Uint32Array): Uint32Array {
  if (all.length === 0) return all;
  all.sort();
  // Sorted: keep the first of each run of equal hashes.
  let n = 1;
  for (let i = 1; i < all.length; i++) {
    const v = all[i] ?? 0;
    if (v !== all[n - 1]) all[n++] = v;
  }
  return all.subarray(0, n);
}

/** Sorted distinct hashes of the text's character shingles. */
export function shingles(text: string): Uint32Array {
  return sortedDistinct(shingleHashes(text));
}

const PROBE_SLOTS = 256;
const probeValues = new Uint32Array(PROBE_SLOTS);
const probeStamps = new Uint32Array(PROBE_SLOTS);
let probeStamp = 0;

/** Whether `all` holds at least `min` distinct values (min well under PROBE_SLOTS). */
function hasDistinct(all: Uint32Array, min: number): boolean {
  if (all.length < min) return false;
  probeStamp = (probeStamp + 1) >>> 0;
  if (probeStamp === 0) {
    probeStamps.fill(0);
    probeStamp = 1;
  }
  let n = 0;
  for (let i = 0; i < all.length; i++) {
    const v = all[i] ?? 0;
    let slot = mix(v) & (PROBE_SLOTS - 1);
    while (probeStamps[slot] === probeStamp && probeValues[slot] !== v) slot = (slot + 1) & (PROBE_SLOTS - 1);
    if (probeStamps[slot] === probeStamp) continue;
    probeStamps[slot] = probeStamp;
    probeValues[slot] = v;
    if (++n >= min) return true;
  }
  return false;
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
 * bins, each bin keeps its minimum. Cost is linear in the shingles; repeated shingles
 * change nothing.
 */
export function minhash(sh: Uint32Array): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(EMPTY);
  for (let i = 0; i < sh.length; i++) {
    const h = mix(sh[i] ?? 0);
    const bin = h >>> (32 - BIN_BITS);
    const v = (h << BIN_BITS) >>> BIN_BITS;
    if (v < (sig[bin] ?? EMPTY)) sig[bin] = v;
  }
  return sig;
}

/** A 32-bit key for band `b` of a signature: equal bands give equal keys, others rarely do. */
function bandKey(sig: Uint32Array, b: number): number {
  let h = mix(b + 1);
  for (let r = b * ROWS; r < b * ROWS + ROWS; r++) h = mix(h ^ (sig[r] ?? 0));
  return h;
}

/**
 * The LSH index: band key → the texts indexed under it, as an open-addressing table of
 * keys whose slots head linked lists of entries (typed arrays: no per-entry objects).
 */
class BandIndex {
  private readonly mask: number;
  private readonly slotKeys: Uint32Array;
  /** First entry of each slot's list, or -1 for an empty slot. */
  private readonly slotHeads: Int32Array;
  private readonly entryTexts: Int32Array;
  private readonly entryNext: Int32Array;
  private entries = 0;

  constructor(maxEntries: number) {
    let slots = 16;
    while (slots < maxEntries * 2) slots *= 2;
    this.mask = slots - 1;
    this.slotKeys = new Uint32Array(slots);
    this.slotHeads = new Int32Array(slots).fill(-1);
    this.entryTexts = new Int32Array(Math.max(1, maxEntries));
    this.entryNext = new Int32Array(Math.max(1, maxEntries));
  }

  private slot(key: number): number {
    let s = mix(key) & this.mask;
    while (this.slotHeads[s] !== -1 && this.slotKeys[s] !== key) s = (s + 1) & this.mask;
    return s;
  }

  /** The first entry under `key`, or -1; walk on with `next`. */
  first(key: number): number {
    return this.slotHeads[this.slot(key)] ?? -1;
  }

  next(entry: number): number {
    return this.entryNext[entry] ?? -1;
  }

  text(entry: number): number {
    return this.entryTexts[entry] ?? -1;
  }

  /** Index `text` under `key`, once (two bands of one text may share a key). */
  add(key: number, text: number): void {
    const s = this.slot(key);
    const head = this.slotHeads[s] ?? -1;
    if (head !== -1 && this.entryTexts[head] === text) return;
    const e = this.entries++;
    this.entryTexts[e] = text;
    this.entryNext[e] = head;
    this.slotKeys[s] = key;
    this.slotHeads[s] = e;
  }
}

/**
 * For each text, the index of an earlier text it nearly copies (Jaccard ≥ threshold),
 * or -1. Earlier texts win, so order the input by preference.
 */
export function nearDuplicateOf(texts: readonly string[], threshold = 0.8): number[] {
  const result = new Array<number>(texts.length).fill(-1);
  // Shingle hashes as read (repeats included): enough for MinHash. The sorted distinct set
  // that Jaccard needs is made only for texts that meet a candidate.
  const hashes: Array<Uint32Array | undefined> = new Array<Uint32Array | undefined>(texts.length);
  const sets: Array<Uint32Array | undefined> = new Array<Uint32Array | undefined>(texts.length);
  const setOf = (k: number): Uint32Array => {
    let set = sets[k];
    if (!set) {
      set = sortedDistinct(hashes[k] ?? new Uint32Array(0));
      sets[k] = set;
    }
    return set;
  };
  // Every text's signature, HASHES bins each; a band is compared bin by bin, since keys can collide.
  const sigs = new Uint32Array(texts.length * HASHES);
  const index = new BandIndex(texts.length * BANDS);
  const hits = new Int32Array(texts.length);
  const touched: number[] = [];
  const candidates: number[] = [];
  const keys = new Uint32Array(BANDS);
  texts.forEach((text, i) => {
    const all = shingleHashes(text);
    if (!hasDistinct(all, MIN_SHINGLES)) return;
    hashes[i] = all;
    const sig = minhash(all);
    sigs.set(sig, i * HASHES);
    touched.length = 0;
    let nKeys = 0;
    for (let b = 0; b < BANDS; b++) {
      // A band of empty bins says nothing about the text.
      let empty = true;
      for (let r = b * ROWS; r < b * ROWS + ROWS; r++) if (sig[r] !== EMPTY) empty = false;
      if (empty) continue;
      const key = bandKey(sig, b);
      keys[nKeys++] = key;
      for (let e = index.first(key); e !== -1; e = index.next(e)) {
        const j = index.text(e);
        let same = true;
        for (let r = b * ROWS; r < b * ROWS + ROWS; r++) {
          if (sigs[j * HASHES + r] !== sig[r]) {
            same = false;
            break;
          }
        }
        if (!same) continue;
        if (hits[j] === 0) touched.push(j);
        hits[j] = (hits[j] ?? 0) + 1;
      }
    }
    candidates.length = 0;
    for (const j of touched) {
      if ((hits[j] ?? 0) >= MIN_BAND_MATCHES) candidates.push(j);
      hits[j] = 0;
    }
    candidates.sort((x, y) => x - y);
    let best = -1;
    for (const j of candidates) {
      const sh = setOf(i);
      const other = setOf(j);
      // Jaccard can be no higher than the ratio of the set sizes.
      if (Math.min(sh.length, other.length) / Math.max(sh.length, other.length) < threshold) continue;
      if (jaccard(sh, other) >= threshold) {
        best = j;
        break;
      }
    }
    result[i] = best;
    if (best >= 0) {
      // A copy is never indexed, so nothing compares against it again.
      hashes[i] = undefined;
      sets[i] = undefined;
      return;
    }
    for (let k = 0; k < nKeys; k++) index.add(keys[k] ?? 0, i);
  });
  return result;
}
