/**
 * What one chunk of text (a run of letters and digits, as the scanner cut it) means as
 * terms: particle stripping, predicates, numbers with units, stop words, aliases,
 * Hangul bigrams. Runs once per distinct chunk; the analyzer caches the result.
 */
import { DATE_UNITS, KEEP_WHOLE, NOUNS_IN_NDA, ONE_SYLLABLE_NOUNS, STOP_WORDS, SUFFIXES } from './lexicon.js';

/** Receives the terms of a chunk; `bigram` terms weigh less. */
export type TermOut = (term: string, bigram: boolean) => void;

const isHangul = (c: number): boolean => c >= 0xac00 && c <= 0xd7a3;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isLatin = (c: number): boolean => c >= 0x61 && c <= 0x7a;

/**
 * Strip one particle or ending from the end of a Hangul word (longest match first).
 * A one-syllable suffix needs `minRest` syllables left (2 for words); a longer one needs one.
 */
export function stripSuffix(word: string, minRest = 2): string {
  if (KEEP_WHOLE.has(word)) return word;
  for (let len = Math.min(4, word.length - 1); len >= 1; len--) {
    const need = len === 1 ? minRest : 1;
    if (word.length - len < need) continue;
    if (SUFFIXES[len]?.has(word.slice(word.length - len))) return word.slice(0, word.length - len);
  }
  return word;
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
  let num = '';
  let k = 0;
  for (; k < run.length; k++) {
    const c = run.charCodeAt(k);
    if (isDigit(c) || c === 0x2e) num += run.charAt(k);
    else if (c !== 0x2c) break;
  }
  if (num.endsWith('.')) num = num.slice(0, -1);
  let unit = run.slice(k);
  if (unit.length > 0 && isHangul(unit.charCodeAt(0))) {
    if (SUFFIXES[unit.length]?.has(unit)) unit = ''; // 5와, 30%를
    unit = stripSuffix(unit, 1);
    if (unit.length >= 2 && unit.endsWith('원')) unit = unit.slice(0, -1);
    if (unit === '퍼센트' || unit === '프로') unit = '%';
  }
  if (DATE_UNITS.has(unit)) return undefined;
  if (unit === '' && (num.length < 3 || (num.length === 4 && (num.startsWith('19') || num.startsWith('20'))))) return undefined;
  return num + unit;
}

/** Emit a Hangul stem and, from three syllables on, its character bigrams. */
function stemAndBigrams(stem: string, out: TermOut): void {
  out(stem, false);
  if (stem.length >= 3) for (let i = 0; i + 2 <= stem.length; i++) out(stem.slice(i, i + 2), true);
}

/** An alias term, with the bigrams of a Hangul canonical form whatever the surface form was. */
export function emitAlias(canonical: string, out: TermOut): void {
  if (isHangul(canonical.charCodeAt(0)) && isHangul(canonical.charCodeAt(canonical.length - 1))) stemAndBigrams(canonical, out);
  else out(canonical, false);
}

function hangulRun(run: string, aliases: ReadonlyMap<string, string>, out: TermOut): void {
  if (SUFFIXES[run.length]?.has(run)) return; // a particle cut off from its word: '루빈'을
  const stem = stripSuffix(run);
  const alias = aliases.get(stem);
  if (alias !== undefined) return emitAlias(alias, out);
  if (stem.length < 2) {
    // 칩, 칩을, 앱이: a few one-syllable nouns are kept; other single syllables are noise.
    const head = run.charAt(0);
    if (ONE_SYLLABLE_NOUNS.has(head) && (run.length === 1 || SUFFIXES[1]?.has(run.charAt(1)))) out(head, false);
    return;
  }
  if (run.length === 2 && ONE_SYLLABLE_NOUNS.has(run.charAt(0)) && SUFFIXES[1]?.has(run.charAt(1))) {
    out(run.charAt(0), false);
    return;
  }
  if (isPredicate(stem) || STOP_WORDS.has(stem) || STOP_WORDS.has(run)) return;
  stemAndBigrams(stem, out);
}

/** The terms of one lower-cased chunk of letters and digits. */
export function chunkTerms(chunk: string, aliases: ReadonlyMap<string, string>, out: TermOut): void {
  const whole = aliases.get(chunk) ?? (isHangul(chunk.charCodeAt(chunk.length - 1)) ? aliases.get(stripSuffix(chunk)) : undefined);
  if (whole !== undefined) return emitAlias(whole, out);
  // A model name keeps its version as one anchor (gpt-5.5 is not gpt-5), besides its parts.
  const dash = chunk.indexOf('-');
  if (dash > 0) {
    let end = dash + 1;
    while (end < chunk.length && (isDigit(chunk.charCodeAt(end)) || isLatin(chunk.charCodeAt(end)) || chunk.charCodeAt(end) === 0x2e)) end++;
    let start = dash;
    while (start > 0 && isLatin(chunk.charCodeAt(start - 1))) start--;
    out(chunk.slice(start, end), false);
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
      else if (run.length >= 2 && !STOP_WORDS.has(run)) out(run, false);
    } else if (c === 0x2d) {
      i++;
    } else if (isDigit(c)) {
      while (i < chunk.length && (isDigit(chunk.charCodeAt(i)) || chunk.charCodeAt(i) === 0x2e || chunk.charCodeAt(i) === 0x2c)) i++;
      if (i < chunk.length && chunk.charCodeAt(i) === 0x25) i++;
      else if (i < chunk.length && isLatin(chunk.charCodeAt(i))) while (i < chunk.length && (isLatin(chunk.charCodeAt(i)) || isDigit(chunk.charCodeAt(i)))) i++;
      else while (i < chunk.length && isHangul(chunk.charCodeAt(i))) i++;
      const n = numberTerm(chunk.slice(start, i));
      if (n !== undefined) out(n, false);
    } else {
      i++;
    }
  }
}
