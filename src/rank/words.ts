/**
 * What one chunk of text (a run of letters and digits, as the scanner cut it) means as
 * terms: particle stripping, predicates, numbers with units, stop words, aliases,
 * Hangul bigrams. Runs once per distinct chunk; the analyzer caches the result.
 */
import { DATE_UNITS, KEEP_WHOLE, NOUNS_IN_NDA, ONE_SYLLABLE_NOUNS, STOP_WORDS, SUFFIXES } from './lexicon.js';

/** Receives the terms of a chunk; `bigram` terms weigh less. */
export interface TermOut {
  put(term: string, bigram: boolean): void;
  /** The bigram stem[at, at + 2). */
  putBigram(stem: string, at: number): void;
}

const isHangul = (c: number): boolean => c >= 0xac00 && c <= 0xd7a3;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isLatin = (c: number): boolean => c >= 0x61 && c <= 0x7a;

/** The suffixes as a trie read from a word's last syllable backwards. */
interface SuffixNode {
  /** A suffix ends here. */
  end: boolean;
  next: Map<number, SuffixNode>;
}

function suffixTrie(): SuffixNode {
  const root: SuffixNode = { end: false, next: new Map() };
  SUFFIXES.forEach((set, len) => {
    for (const suffix of set) {
      if (suffix.length !== len) continue;
      let node = root;
      for (let k = len - 1; k >= 0; k--) {
        const c = suffix.charCodeAt(k);
        let next = node.next.get(c);
        if (!next) {
          next = { end: false, next: new Map() };
          node.next.set(c, next);
        }
        node = next;
      }
      node.end = true;
    }
  });
  return root;
}

const SUFFIX_TRIE = suffixTrie();

/**
 * Strip one particle or ending from the end of a Hangul word (longest match first).
 * A one-syllable suffix needs `minRest` syllables left (2 for words); a longer one needs one.
 */
export function stripSuffix(word: string, minRest = 2): string {
  if (KEEP_WHOLE.has(word)) return word;
  const n = word.length;
  const max = Math.min(4, n - 1);
  let node: SuffixNode | undefined = SUFFIX_TRIE;
  let strip = 0;
  for (let len = 1; len <= max; len++) {
    node = node.next.get(word.charCodeAt(n - len));
    if (node === undefined) break;
    if (node.end && n - len >= (len === 1 ? minRest : 1)) strip = len;
  }
  return strip === 0 ? word : word.slice(0, n - strip);
}

/**
 * A finite verb or adjective left after stripping: 다 after a syllable ending in ㅆ
 * (늘었다, 떨어졌다, 하겠다) or in ㄴ (푼다, 들어간다), but not nouns such as 혼다.
 */
export function isPredicate(stem: string): boolean {
  if (stem.length < 2 || stem.charCodeAt(stem.length - 1) !== 0xb2e4 /* 다 */) return false;
  const prev = stem.charCodeAt(stem.length - 2);
  if (!isHangul(prev)) return false;
  const final = (prev - 0xac00) % 28;
  return final === 20 || (final === 4 && !NOUNS_IN_NDA.has(stem));
}

/** A number run with its unit: `1,200억원을` → `1200억`, `2.6배` → `2.6배`; dates and small bare numbers → undefined. */
export function numberTerm(run: string): string | undefined {
  let k = 0;
  let commas = false;
  for (; k < run.length; k++) {
    const c = run.charCodeAt(k);
    if (c === 0x2c) commas = true;
    else if (!isDigit(c) && c !== 0x2e) break;
  }
  let num = commas ? run.slice(0, k).replaceAll(',', '') : run.slice(0, k);
  if (num.endsWith('.')) num = num.slice(0, -1);
  let unit = run.slice(k);
  if (unit.length > 0 && isHangul(unit.charCodeAt(0))) {
    if (SUFFIXES[unit.length]?.has(unit)) unit = ''; // 5와, 30%를
    unit = stripSuffix(unit, 1);
    if (unit.length >= 2 && unit.endsWith('원')) unit = unit.slice(0, -1);
    if (unit === '퍼센트' || unit === '프로') unit = '%';
  }
  if (DATE_UNITS.has(unit)) return undefined;
  if (unit === '' && (num.length < 3 || (num.length === 4 && (num.startsWith('19') || num.startsWith('20')))))
    return undefined;
  return num + unit;
}

/** Emit a Hangul stem and, from three syllables on, its character bigrams. */
function stemAndBigrams(stem: string, out: TermOut): void {
  out.put(stem, false);
  if (stem.length >= 3) for (let i = 0; i + 2 <= stem.length; i++) out.putBigram(stem, i);
}

/** An alias term, with the bigrams of a Hangul canonical form whatever the surface form was. */
export function emitAlias(canonical: string, out: TermOut): void {
  if (isHangul(canonical.charCodeAt(0)) && isHangul(canonical.charCodeAt(canonical.length - 1)))
    stemAndBigrams(canonical, out);
  else out.put(canonical, false);
}

/** The terms of a run of Hangul syllables; `stem` when its stem is known to have no alias. */
function hangulRun(run: string, aliases: ReadonlyMap<string, string>, out: TermOut, stem?: string): void {
  if (SUFFIXES[run.length]?.has(run)) return; // a particle cut off from its word: '루빈'을
  if (stem === undefined) {
    stem = stripSuffix(run);
    const alias = aliases.get(stem);
    if (alias !== undefined) return emitAlias(alias, out);
  }
  if (stem.length < 2) {
    // 칩, 칩을, 앱이: a few one-syllable nouns are kept; other single syllables are noise.
    const head = run.charAt(0);
    if (ONE_SYLLABLE_NOUNS.has(head) && (run.length === 1 || SUFFIXES[1]?.has(run.charAt(1)))) out.put(head, false);
    return;
  }
  if (run.length === 2 && ONE_SYLLABLE_NOUNS.has(run.charAt(0)) && SUFFIXES[1]?.has(run.charAt(1))) {
    out.put(run.charAt(0), false);
    return;
  }
  if (isPredicate(stem) || STOP_WORDS.has(stem) || STOP_WORDS.has(run)) return;
  stemAndBigrams(stem, out);
}

function allHangul(text: string): boolean {
  for (let k = 0; k < text.length; k++) if (!isHangul(text.charCodeAt(k))) return false;
  return true;
}

/** The terms of one lower-cased chunk of letters and digits. */
export function chunkTerms(chunk: string, aliases: ReadonlyMap<string, string>, out: TermOut): void {
  let whole = aliases.get(chunk);
  let stem: string | undefined;
  if (whole === undefined && isHangul(chunk.charCodeAt(chunk.length - 1))) {
    stem = stripSuffix(chunk);
    whole = aliases.get(stem);
  }
  if (whole !== undefined) return emitAlias(whole, out);
  if (stem !== undefined && allHangul(chunk)) return hangulRun(chunk, aliases, out, stem);
  mixedTerms(chunk, aliases, out);
}

/** The terms of a chunk that is not one Hangul word: Latin words, numbers, model names, mixed scripts. */
function mixedTerms(chunk: string, aliases: ReadonlyMap<string, string>, out: TermOut): void {
  // A model name keeps its version as one anchor (gpt-5.5 is not gpt-5), besides its parts.
  const dash = chunk.indexOf('-');
  if (dash > 0) {
    let end = dash + 1;
    while (
      end < chunk.length &&
      (isDigit(chunk.charCodeAt(end)) || isLatin(chunk.charCodeAt(end)) || chunk.charCodeAt(end) === 0x2e)
    )
      end++;
    let start = dash;
    while (start > 0 && isLatin(chunk.charCodeAt(start - 1))) start--;
    out.put(chunk.slice(start, end), false);
  }
  // Split into script runs: Hangul, Latin (with trailing digits), a number with its unit.
  let i = 0;
  while (i < chunk.length) {
    const c = chunk.charCodeAt(i);
    const start = i;
    if (isHangul(c)) {
      while (i < chunk.length && isHangul(chunk.charCodeAt(i))) i++;
      hangulRun(chunk.slice(start, i), aliases, out);
    } else if (isLatin(c)) {
      while (i < chunk.length && (isLatin(chunk.charCodeAt(i)) || isDigit(chunk.charCodeAt(i)))) i++;
      const run = chunk.slice(start, i);
      const alias = aliases.get(run);
      if (alias !== undefined) emitAlias(alias, out);
      else if (run.length >= 2 && !STOP_WORDS.has(run)) out.put(run, false);
    } else if (c === 0x2d) {
      i++;
    } else if (isDigit(c)) {
      while (
        i < chunk.length &&
        (isDigit(chunk.charCodeAt(i)) || chunk.charCodeAt(i) === 0x2e || chunk.charCodeAt(i) === 0x2c)
      )
        i++;
      if (i < chunk.length && chunk.charCodeAt(i) === 0x25) i++;
      else if (i < chunk.length && isLatin(chunk.charCodeAt(i)))
        while (i < chunk.length && (isLatin(chunk.charCodeAt(i)) || isDigit(chunk.charCodeAt(i)))) i++;
      else while (i < chunk.length && isHangul(chunk.charCodeAt(i))) i++;
      const n = numberTerm(chunk.slice(start, i));
      if (n !== undefined) out.put(n, false);
    } else {
      i++;
    }
  }
}
