/**
 * Korean-aware tokenizer. Hangul words become particle-stripped stems plus their
 * character bigrams; Latin words are lower-cased; numbers keep their unit as one anchor
 * term (`2.6배`, `500twh`); alias groups fold to one term (words.ts says how).
 *
 * The text is scanned once, character by character (no Intl.Segmenter, no regular
 * expressions on the hot path): each chunk of letters and digits is looked up, without
 * building a string, in a cache of chunk → term ids, so every distinct chunk is analysed
 * once per run. Terms are interned to small integer ids.
 */
import { BUILTIN_ALIASES, HANJA_ABBREVIATIONS } from './lexicon.js';
import { chunkTerms, emitAlias } from './words.js';

export { stripSuffix, isPredicate } from './words.js';

/** Weight of a Hangul character bigram relative to a whole stem. */
export const BIGRAM_WEIGHT = 0.5;

/** Receives weighted term ids. */
export interface TermSink {
  add(id: number, weight: number): void;
}

/** Lower-case NFKC form of an alias or word as the tokenizer sees it. */
export function normalizeWord(word: string): string {
  return word.normalize('NFKC').toLowerCase().trim();
}

/** Folded ASCII codes: letters lower-cased, digits kept, everything else -1. */
const ASCII = new Int16Array(128).map((_, c) =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) ? c : c >= 0x41 && c <= 0x5a ? c + 32 : -1,
);

/** Folded code of a character: ASCII and full-width letters lower-cased, full-width digits to ASCII; -1 for a separator. */
function fold(c: number): number {
  if (c < 128) return ASCII[c] as number;
  if (c >= 0xac00 && c <= 0xd7a3) return c;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xfee0;
  if (c >= 0xff41 && c <= 0xff5a) return c - 0xfee0;
  if (c >= 0xff21 && c <= 0xff3a) return c - 0xfee0 + 32;
  return -1;
}

const isDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;

interface Phrase {
  /** Words after the first, folded. */
  rest: string[];
  canonical: string;
}

interface AliasTable {
  /** Single-word form → canonical term. */
  words: Map<string, string>;
  /** Multi-word forms by their first word. */
  phrases: Map<string, Phrase[]>;
}

/** Merge the built-in groups with extra ones; groups sharing a word become one group. */
function buildAliases(extra: ReadonlyArray<readonly string[]>): AliasTable {
  const groups = [...BUILTIN_ALIASES, ...extra].map((g) => g.map(normalizeWord).filter((w) => w.length > 0));
  const canonicalOf = new Map<string, string>();
  for (const group of groups) {
    // A group touching an earlier one keeps the earlier canonical term.
    const known = group.map((w) => canonicalOf.get(w)).find((c) => c !== undefined);
    const first = group.find((w) => !/\s/.test(w)) ?? group[0]?.replace(/\s+/g, '') ?? '';
    const canonical = known ?? first;
    if (!canonical) continue;
    for (const w of group) canonicalOf.set(w, canonical);
  }
  const words = new Map<string, string>();
  const phrases = new Map<string, Phrase[]>();
  for (const [w, canonical] of canonicalOf) {
    const parts = w.split(/\s+/);
    if (parts.length === 1) {
      words.set(w, canonical);
      continue;
    }
    const [head, ...rest] = parts;
    if (!head) continue;
    const list = phrases.get(head) ?? [];
    list.push({ rest, canonical });
    list.sort((a, b) => b.rest.join(' ').length - a.rest.join(' ').length);
    phrases.set(head, list);
  }
  return { words, phrases };
}

const EMPTY = new Int32Array(0);

/**
 * Turns text into weighted term ids. One analyzer per ranking run: its vocabulary and
 * chunk cache live as long as the run.
 */
export class Analyzer {
  /** Term strings by id. */
  readonly terms: string[] = [];
  private readonly ids = new Map<string, number>();
  /** 1 for a term seen as a whole word (a stem, a Latin word, a number, an alias), 0 for a bigram only. */
  private wholeWord = new Uint8Array(1 << 12);
  private readonly aliases: AliasTable;
  // Chunk cache: open addressing on (hash, folded chunk).
  private keys: Array<string | undefined> = new Array<string | undefined>(1 << 12);
  private hashes = new Int32Array(1 << 12);
  /** Term ids per chunk, as [start, end) into `pool`; a negative id -(id + 1) marks a bigram. */
  private starts = new Int32Array(1 << 12);
  private ends = new Int32Array(1 << 12);
  private pool = new Int32Array(1 << 16);
  private poolSize = 0;
  /** 1 when the chunk is the first word of a multi-word alias. */
  private phraseHeads = new Uint8Array(1 << 12);
  private size = 0;
  private readonly hanja = new Map<number, Int32Array>();

  constructor(extraAliases: ReadonlyArray<readonly string[]> = []) {
    this.aliases = buildAliases(extraAliases);
    for (const [ch, word] of Object.entries(HANJA_ABBREVIATIONS)) this.hanja.set(ch.charCodeAt(0), this.termsOf(word));
  }

  get vocabularySize(): number {
    return this.terms.length;
  }

  /** Id of a term, interning it if new. */
  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
    }
    return id;
  }

  /** Whether term `id` was seen as a whole word, not only as a Hangul bigram. */
  isWholeWord(id: number): boolean {
    return this.wholeWord[id] === 1;
  }

  private markWhole(id: number): void {
    if (id >= this.wholeWord.length) {
      const grown = new Uint8Array(Math.max(this.wholeWord.length * 2, id + 1));
      grown.set(this.wholeWord);
      this.wholeWord = grown;
    }
    this.wholeWord[id] = 1;
  }

  /** The terms of `text` as strings, in order (bigrams included). */
  tokens(text: string): string[] {
    const out: string[] = [];
    this.analyze(text, 1, { add: (id) => out.push(this.terms[id] ?? '') });
    return out;
  }

  /** Feed every term of `text` to `sink`, weighted `mul` (bigrams BIGRAM_WEIGHT × mul). */
  analyze(text: string, mul: number, sink: TermSink): void {
    const n = text.length;
    const half = mul * BIGRAM_WEIGHT;
    let i = 0;
    while (i < n) {
      const raw = text.charCodeAt(i);
      if (fold(raw) < 0) {
        const hanja = raw >= 0x4e00 && raw <= 0x9fff ? this.hanja.get(raw) : undefined;
        if (hanja) emit(hanja, sink, mul, half);
        i++;
        continue;
      }
      // One chunk: letters and digits, a decimal point or thousands comma between digits, a hyphen
      // between a letter and a digit, a trailing %.
      const start = i;
      let h = 0x811c9dc5 | 0;
      let prev = -1;
      let folded = false;
      while (i < n) {
        const r = text.charCodeAt(i);
        let c = fold(r);
        if (c < 0) {
          if ((r === 0x2e || r === 0x2c) && isDigitCode(prev) && i + 1 < n && isDigitCode(text.charCodeAt(i + 1))) {
            c = r;
          } else if (r === 0x2d && prev >= 0x61 && prev <= 0x7a && i + 1 < n && isDigitCode(fold(text.charCodeAt(i + 1)))) {
            c = r; // a model name: GPT-5.5, COVID-19
          } else {
            if (r === 0x25 && isDigitCode(prev)) {
              h = Math.imul(h ^ r, 0x01000193);
              i++;
            }
            break;
          }
        } else if (c !== r) {
          folded = true;
        }
        h = Math.imul(h ^ c, 0x01000193);
        prev = c;
        i++;
      }
      const slot = this.find(text, start, i, h, folded);
      if (this.phraseHeads[slot] === 1) {
        const end = this.phrase(text, i, this.keys[slot] ?? '', sink, mul, half);
        if (end > i) {
          i = end;
          continue;
        }
      }
      const pool = this.pool;
      for (let k = this.starts[slot] as number, e = this.ends[slot] as number; k < e; k++) {
        const id = pool[k] as number;
        if (id >= 0) sink.add(id, mul);
        else sink.add(-id - 1, half);
      }
    }
  }

  /** Slot of the chunk text[start, end) in the cache, analysing it on a miss. */
  private find(text: string, start: number, end: number, h: number, folded: boolean): number {
    const len = end - start;
    let mask = this.keys.length - 1;
    let slot = h & mask;
    for (;;) {
      const key = this.keys[slot];
      if (key === undefined) break;
      if (this.hashes[slot] === h && key.length === len && (folded ? sameFolded(key, text, start) : text.startsWith(key, start)))
        return slot;
      slot = (slot + 1) & mask;
    }
    if ((this.size + 1) * 2 > this.keys.length) {
      this.grow();
      mask = this.keys.length - 1;
      slot = h & mask;
      while (this.keys[slot] !== undefined) slot = (slot + 1) & mask;
    }
    const chunk = folded ? foldString(text, start, end) : text.slice(start, end);
    const terms = this.termsOf(chunk);
    if (this.poolSize + terms.length > this.pool.length) {
      const grown = new Int32Array(Math.max(this.pool.length * 2, this.poolSize + terms.length));
      grown.set(this.pool);
      this.pool = grown;
    }
    this.pool.set(terms, this.poolSize);
    this.keys[slot] = chunk;
    this.hashes[slot] = h;
    this.starts[slot] = this.poolSize;
    this.poolSize += terms.length;
    this.ends[slot] = this.poolSize;
    this.phraseHeads[slot] = this.aliases.phrases.has(chunk) ? 1 : 0;
    this.size++;
    return slot;
  }

  private grow(): void {
    const { keys, hashes, starts, ends, phraseHeads } = this;
    const cap = keys.length * 2;
    this.keys = new Array<string | undefined>(cap);
    this.hashes = new Int32Array(cap);
    this.starts = new Int32Array(cap);
    this.ends = new Int32Array(cap);
    this.phraseHeads = new Uint8Array(cap);
    const mask = cap - 1;
    for (let s = 0; s < keys.length; s++) {
      const key = keys[s];
      if (key === undefined) continue;
      const h = hashes[s] ?? 0;
      let slot = h & mask;
      while (this.keys[slot] !== undefined) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.hashes[slot] = h;
      this.starts[slot] = starts[s] ?? 0;
      this.ends[slot] = ends[s] ?? 0;
      this.phraseHeads[slot] = phraseHeads[s] ?? 0;
    }
  }

  /** Term ids of one chunk (or word), bigrams as -(id + 1). */
  private termsOf(chunk: string): Int32Array {
    const out: number[] = [];
    chunkTerms(chunk, this.aliases.words, (term, bigram) => {
      const id = this.idOf(term);
      if (!bigram) this.markWhole(id);
      out.push(bigram ? -id - 1 : id);
    });
    return out.length ? Int32Array.from(out) : EMPTY;
  }

  /**
   * A multi-word alias starting with `head` and continuing at text[from]: emit it and
   * return where it ends, or return `from` when none matches.
   */
  private phrase(text: string, from: number, head: string, sink: TermSink, mul: number, half: number): number {
    for (const p of this.aliases.phrases.get(head) ?? []) {
      let pos = from;
      let ok = true;
      for (const word of p.rest) {
        const gap = pos;
        while (pos < text.length && /\s/.test(text.charAt(pos))) pos++;
        if (pos === gap || pos + word.length > text.length || !sameFolded(word, text, pos)) {
          ok = false;
          break;
        }
        pos += word.length;
      }
      // The phrase must end at a word boundary (a Hangul particle may follow).
      const next = pos < text.length ? fold(text.charCodeAt(pos)) : -1;
      if (!ok || (next >= 0 && !(next >= 0xac00 && next <= 0xd7a3))) continue;
      const out: number[] = [];
      emitAlias(p.canonical, (term, bigram) => {
        const id = this.idOf(term);
        if (!bigram) this.markWhole(id);
        out.push(bigram ? -id - 1 : id);
      });
      emit(Int32Array.from(out), sink, mul, half);
      return pos;
    }
    return from;
  }
}

function emit(ids: Int32Array, sink: TermSink, mul: number, half: number): void {
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k] as number;
    if (id >= 0) sink.add(id, mul);
    else sink.add(-id - 1, half);
  }
}

/** Whether `key` equals text[start, start + key.length) after folding. */
function sameFolded(key: string, text: string, start: number): boolean {
  for (let k = 0; k < key.length; k++) {
    const r = text.charCodeAt(start + k);
    const c = fold(r);
    if ((c < 0 ? r : c) !== key.charCodeAt(k)) return false;
  }
  return true;
}

function foldString(text: string, start: number, end: number): string {
  let s = '';
  for (let k = start; k < end; k++) {
    const r = text.charCodeAt(k);
    const c = fold(r);
    s += String.fromCharCode(c < 0 ? r : c);
  }
  return s;
}
