/**
 * Korean-aware tokenizer. Hangul words become particle-stripped stems plus their
 * character bigrams; Latin words are lower-cased; numbers keep their unit as one anchor
 * term (`2.6배`, `500twh`); alias groups fold to one term (words.ts says how).
 *
 * The text is scanned once, character by character (no Intl.Segmenter, no regular
 * expressions on the hot path): each chunk of letters and digits is folded into a
 * scratch buffer and looked up, without building a string, in a cache of chunk → term
 * codes kept in typed arrays, so every distinct chunk is analysed once per run. Terms
 * are interned to small integer ids; a text's terms are appended to one code buffer.
 */
import { BUILTIN_ALIASES, HANJA_ABBREVIATIONS } from './lexicon.js';
import { chunkTerms, emitAlias, type TermOut } from './words.js';
import { resized } from './buffers.js';

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

/** Characters below this are folded by table lookup; the rest (full-width forms) by `fold`. */
const TABLE_FOLDED = 0xd7a4;
/** Folded code of each character below TABLE_FOLDED, 0 for a separator (no character folds to 0). */
const FOLDED = (() => {
  const t = new Uint16Array(TABLE_FOLDED);
  for (let c = 0; c < 128; c++) t[c] = Math.max(0, ASCII[c] as number);
  for (let c = 0xac00; c < TABLE_FOLDED; c++) t[c] = c;
  return t;
})();

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

/** Ints per chunk cache slot: [hash, length (0: empty), data start, term count | PHRASE_HEAD]. */
const SLOT = 4;
/** Flag on a slot's term count: the chunk is the first word of a multi-word alias. */
const PHRASE_HEAD = 1 << 30;

/**
 * Turns text into weighted term ids. One analyzer per ranking run: its vocabulary and
 * chunk cache live as long as the run.
 *
 * `read` appends a text's terms to `codes` (a term id, or -(id + 1) for a bigram), which
 * keeps what it read for the run; `analyze` and `tokens` hand them out one by one.
 */
export class Analyzer implements TermOut {
  /** Term strings by id. */
  readonly terms: string[] = [];
  private readonly ids = new Map<string, number>();
  /** 1 for a term seen as a whole word (a stem, a Latin word, a number, an alias), 0 for a bigram only. */
  private wholeWord = new Uint8Array(1 << 12);
  private readonly aliases: AliasTable;
  /**
   * Chunk cache: open addressing on (hash, folded characters), SLOT ints per slot, so a
   * lookup touches one record and then one run of `data`.
   */
  private table = new Int32Array(SLOT << 12);
  /** table.length - 1: the table length is a power of two. */
  private tableMask = (SLOT << 12) - 1;
  private size = 0;
  /** Per cached chunk, back to back: its folded characters, then its term codes. */
  private data = new Int32Array(1 << 16);
  private dataSize = 0;
  /** Chunks that start a multi-word alias, by data start. */
  private readonly phraseHeads = new Map<number, string>();
  /** The folded characters of the chunk being read. */
  private chars: Uint16Array = new Uint16Array(256);
  private readonly hanja = new Map<number, Int32Array>();
  /** Bigram term ids by their two characters (c1 << 16 | c2): open addressing, id + 1 (0: empty). */
  private bigramBits = 12;
  private bigramKeys = new Int32Array(1 << 12);
  private bigramIds = new Int32Array(1 << 12);
  private bigrams = 0;
  /** Term codes of the texts read, back to back. */
  codes: Int32Array = new Int32Array(1 << 12);
  /** How many entries of `codes` are in use. */
  codeCount = 0;
  constructor(extraAliases: ReadonlyArray<readonly string[]> = []) {
    this.aliases = buildAliases(extraAliases);
    for (const [ch, word] of Object.entries(HANJA_ABBREVIATIONS)) {
      const from = this.dataSize;
      chunkTerms(word, this.aliases.words, this);
      this.hanja.set(ch.charCodeAt(0), this.data.slice(from, this.dataSize));
      this.dataSize = from;
    }
  }

  /**
   * Make room for reading about `chars` characters of text, so that the buffers rarely
   * have to grow while reading.
   */
  reserve(chars: number): void {
    if (this.codes.length < chars / 2) this.growCodes(this.codeCount, Math.ceil(chars / 2) - this.codeCount);
    if (this.data.length < chars / 8) this.growData(Math.ceil(chars / 8) - this.dataSize);
    while (this.bigramKeys.length < chars / 64) this.growBigrams();
    while (this.table.length / SLOT < chars / 64) this.grow();
    if (this.wholeWord.length < chars / 16) this.wholeWord = resized(this.wholeWord, Math.ceil(chars / 16));
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

  /** isWholeWord for every term id at once: 1 for a whole word (the array is replaced as the vocabulary grows). */
  get wholeWords(): Uint8Array {
    return this.wholeWord;
  }

  /** Append one term of the chunk being analysed to `data` (the chunk cache's side of chunkTerms). */
  put(term: string, bigram: boolean): void {
    if (this.dataSize === this.data.length) this.growData(1);
    this.data[this.dataSize++] = this.codeOf(term, bigram);
  }

  /** Append the bigram stem[at, at + 2) to `data`, found by its two characters when it is known. */
  putBigram(stem: string, at: number): void {
    const key = (stem.charCodeAt(at) << 16) | stem.charCodeAt(at + 1);
    const keys = this.bigramKeys;
    const mask = keys.length - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> (32 - this.bigramBits);
    let id = -1;
    for (;;) {
      const e = this.bigramIds[slot] as number;
      if (e === 0) break;
      if (keys[slot] === key) {
        id = e - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (id < 0) {
      id = this.idOf(stem.slice(at, at + 2));
      keys[slot] = key;
      this.bigramIds[slot] = id + 1;
      if (++this.bigrams * 2 > keys.length) this.growBigrams();
    }
    if (this.dataSize === this.data.length) this.growData(1);
    this.data[this.dataSize++] = -id - 1;
  }

  private growBigrams(): void {
    const { bigramKeys: keys, bigramIds: ids } = this;
    this.bigramBits++;
    this.bigramKeys = new Int32Array(1 << this.bigramBits);
    this.bigramIds = new Int32Array(1 << this.bigramBits);
    const mask = this.bigramKeys.length - 1;
    for (let s = 0; s < keys.length; s++) {
      if (ids[s] === 0) continue;
      let slot = Math.imul(keys[s] as number, 0x9e3779b1) >>> (32 - this.bigramBits);
      while (this.bigramIds[slot] !== 0) slot = (slot + 1) & mask;
      this.bigramKeys[slot] = keys[s] as number;
      this.bigramIds[slot] = ids[s] as number;
    }
  }

  private codeOf(term: string, bigram: boolean): number {
    const id = this.idOf(term);
    if (bigram) return -id - 1;
    if (id >= this.wholeWord.length) {
      this.wholeWord = resized(this.wholeWord, Math.max(this.wholeWord.length * 2, id + 1));
    }
    this.wholeWord[id] = 1;
    return id;
  }

  /** The terms of `text` as strings, in order (bigrams included). */
  tokens(text: string): string[] {
    const out: string[] = [];
    this.analyze(text, 1, { add: (id) => out.push(this.terms[id] ?? '') });
    return out;
  }

  /** Feed every term of `text` to `sink`, weighted `mul` (bigrams BIGRAM_WEIGHT × mul). */
  analyze(text: string, mul: number, sink: TermSink): void {
    const from = this.codeCount;
    const to = this.read(text);
    const codes = this.codes;
    const half = mul * BIGRAM_WEIGHT;
    for (let k = from; k < to; k++) {
      const code = codes[k] as number;
      if (code >= 0) sink.add(code, mul);
      else sink.add(-code - 1, half);
    }
    this.codeCount = from;
  }

  /**
   * Append the terms of `text` to `codes`; returns the new codeCount.
   *
   * The text is cut into chunks: letters and digits, a decimal point or thousands comma
   * between digits, a hyphen between a letter and a digit, a trailing %. Each chunk is
   * folded and hashed as it is read, then looked up in the chunk cache.
   */
  read(text: string): number {
    const n = text.length;
    let out = this.codes;
    let size = this.codeCount;
    const chars = n < this.chars.length ? this.chars : this.growChars(n);
    let i = 0;
    while (i < n) {
      const first = text.charCodeAt(i);
      if ((first < TABLE_FOLDED ? (FOLDED[first] as number) : fold(first)) <= 0) {
        if (first >= 0x4e00 && first <= 0x9fff) {
          const hanja = this.hanja.get(first);
          if (hanja) {
            if (size + hanja.length > out.length) out = this.growCodes(size, hanja.length);
            out.set(hanja, size);
            size += hanja.length;
          }
        }
        i++;
        continue;
      }
      // Read one chunk into `chars`, folded, and hash it.
      const start = i;
      let len = 0;
      let h = 0;
      while (i < n) {
        const r = text.charCodeAt(i);
        let c = r < TABLE_FOLDED ? (FOLDED[r] as number) : fold(r);
        if (c <= 0) {
          const prev = chars[len - 1] as number;
          if ((r === 0x2e || r === 0x2c) && isDigitCode(prev) && i + 1 < n && isDigitCode(text.charCodeAt(i + 1))) {
            c = r;
          } else if (
            r === 0x2d &&
            prev >= 0x61 &&
            prev <= 0x7a &&
            i + 1 < n &&
            isDigitCode(fold(text.charCodeAt(i + 1)))
          ) {
            c = r; // a model name: GPT-5.5, COVID-19
          } else {
            if (r === 0x25 && isDigitCode(prev)) {
              h = ((h << 5) - h + r) | 0;
              chars[len++] = r;
              i++;
            }
            break;
          }
        }
        h = ((h << 5) - h + c) | 0;
        chars[len++] = c;
        i++;
      }
      h ^= h >>> 16;
      // Look it up by its hash and folded characters.
      const table = this.table;
      let data = this.data;
      const tableMask = this.tableMask;
      let t = (h << 2) & tableMask;
      for (;;) {
        const l = table[t + 1] as number;
        if (l === 0) {
          t = this.insert(chunkString(text, start, chars, len), h, len);
          data = this.data;
          break;
        }
        if (table[t] === h && l === len) {
          const from = table[t + 2] as number;
          let k = 0;
          while (k < len && data[from + k] === chars[k]) k++;
          if (k === len) break;
        }
        t = (t + SLOT) & tableMask;
      }
      const slotData = this.table[t + 2] as number;
      let count = this.table[t + 3] as number;
      if (count >= PHRASE_HEAD) {
        count -= PHRASE_HEAD;
        this.codeCount = size;
        const end = this.phrase(text, i, this.phraseHeads.get(slotData) ?? '');
        if (end > i) {
          i = end;
          out = this.codes;
          size = this.codeCount;
          continue;
        }
      }
      if (size + count > out.length) out = this.growCodes(size, count);
      for (let k = slotData + len, e = k + count; k < e; k++) out[size++] = data[k] as number;
    }
    this.codeCount = size;
    return size;
  }

  private growCodes(size: number, need: number): Int32Array {
    const grown = new Int32Array(Math.max(this.codes.length * 2, size + need));
    grown.set(this.codes.subarray(0, size));
    this.codes = grown;
    return grown;
  }

  /** Room for a chunk of up to `n` characters. */
  private growChars(n: number): Uint16Array {
    this.chars = new Uint16Array(Math.max(this.chars.length * 2, n + 1));
    return this.chars;
  }

  private growData(need: number): void {
    const grown = new Int32Array(Math.max(this.data.length * 2, this.dataSize + need));
    grown.set(this.data);
    this.data = grown;
  }

  /** Analyse a chunk not in the cache (its folded characters in `chars`) and store it; returns its table index. */
  private insert(chunk: string, h: number, len: number): number {
    if ((this.size + 1) * 4 > (this.table.length / SLOT) * 3) this.grow();
    const table = this.table;
    const tableMask = this.tableMask;
    let t = (h << 2) & tableMask;
    while (table[t + 1] !== 0) t = (t + SLOT) & tableMask;
    if (this.dataSize + len > this.data.length) this.growData(len);
    const from = this.dataSize;
    const chars = this.chars;
    const data = this.data;
    for (let k = 0; k < len; k++) data[from + k] = chars[k] as number;
    this.dataSize += len;
    chunkTerms(chunk, this.aliases.words, this);
    const head = this.aliases.phrases.has(chunk);
    if (head) this.phraseHeads.set(from, chunk);
    table[t] = h;
    table[t + 1] = len;
    table[t + 2] = from;
    table[t + 3] = this.dataSize - from - len + (head ? PHRASE_HEAD : 0);
    this.size++;
    return t;
  }

  private grow(): void {
    const old = this.table;
    const table = new Int32Array(old.length * 2);
    const tableMask = table.length - 1;
    for (let s = 0; s < old.length; s += SLOT) {
      if (old[s + 1] === 0) continue;
      let t = ((old[s] as number) << 2) & tableMask;
      while (table[t + 1] !== 0) t = (t + SLOT) & tableMask;
      table[t] = old[s] as number;
      table[t + 1] = old[s + 1] as number;
      table[t + 2] = old[s + 2] as number;
      table[t + 3] = old[s + 3] as number;
    }
    this.table = table;
    this.tableMask = tableMask;
  }

  /**
   * A multi-word alias starting with `head` and continuing at text[from]: append it to
   * `codes` and return where it ends, or return `from` when none matches.
   */
  private phrase(text: string, from: number, head: string): number {
    for (const p of this.aliases.phrases.get(head) ?? []) {
      let pos = from;
      let ok = true;
      for (const word of p.rest) {
        const gap = pos;
        while (pos < text.length && WHITE_SPACE.test(text.charAt(pos))) pos++;
        if (pos === gap || pos + word.length > text.length || !sameFolded(word, text, pos)) {
          ok = false;
          break;
        }
        pos += word.length;
      }
      // The phrase must end at a word boundary (a Hangul particle may follow).
      const next = pos < text.length ? fold(text.charCodeAt(pos)) : -1;
      if (!ok || (next >= 0 && !(next >= 0xac00 && next <= 0xd7a3))) continue;
      const put = (term: string, bigram: boolean): void => {
        if (this.codeCount === this.codes.length) this.growCodes(this.codeCount, 1);
        this.codes[this.codeCount++] = this.codeOf(term, bigram);
      };
      emitAlias(p.canonical, { put, putBigram: (stem, at) => put(stem.slice(at, at + 2), true) });
      return pos;
    }
    return from;
  }
}

const WHITE_SPACE = /\s/;

/** Whether `key` equals text[start, start + key.length) after folding. */
function sameFolded(key: string, text: string, start: number): boolean {
  for (let k = 0; k < key.length; k++) {
    const r = text.charCodeAt(start + k);
    const c = fold(r);
    if ((c < 0 ? r : c) !== key.charCodeAt(k)) return false;
  }
  return true;
}

/** The chunk whose folded characters are chars[0, len), read from text[start]: the text itself when it needed no folding. */
function chunkString(text: string, start: number, chars: Uint16Array, len: number): string {
  let k = 0;
  while (k < len && text.charCodeAt(start + k) === chars[k]) k++;
  return k === len ? text.slice(start, start + len) : stringOf(chars, len);
}

function stringOf(chars: Uint16Array, len: number): string {
  let s = '';
  for (let k = 0; k < len; k++) s += String.fromCharCode(chars[k] as number);
  return s;
}
