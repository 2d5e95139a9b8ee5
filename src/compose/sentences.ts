/**
 * Sentence splitting for Korean news text.
 *
 * A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after
 * it) followed by whitespace, and at every line break. It never ends
 * - inside a quotation that opens and closes on the same line,
 * - before 라고/며/고 (and kin) that follow a closing quote,
 * - after an abbreviation (U.S., J.P., Inc., Co., Dr., …),
 * - inside a date (`2025. 3. 19.`), after a list number (`1.`), or in a decimal (`3.5%`).
 * Pieces that do not end like a sentence (a feed summary cut with `…`, `...` or
 * mid-sentence, a caption) are dropped, so no sentence returned is ever cut.
 *
 * This runs on every paragraph of every item, so a line is scanned by UTF-16 code unit
 * (`charCodeAt`, classified through the CLASS table) and cut with `slice`, never spread
 * into an array of characters. That is safe because every mark looked at below
 * (terminators, closers, quotes, spaces) is a single BMP code unit: neither half of a
 * surrogate pair (😀) matches any of them, so a pair is never cut in two and every
 * decision is the one a scan by code point would make.
 */

const TERMINATORS = '.!?？！。';
const CLOSERS = '”’"\'」』»›)]）';
const QUOTE_CLOSERS = '”’"\'」』»›';
const PAIRS: ReadonlyArray<readonly [open: string, close: string]> = [
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
  ['«', '»'],
  ['‹', '›'],
];
/** Marks that end the word before a period (besides whitespace): see wordBefore. */
const WORD_STOPS = '(（[“‘"\'「『';
/** Whitespace as the regex `\s` (and String#trim) knows it. */
const WHITESPACE =
  '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

// Character classes, one bit each; CLASS holds the classes of every UTF-16 code unit.
const TERMINATOR = 1;
const CLOSER = 2;
const QUOTE_CLOSER = 4;
const QUOTE_MARK = 8; // `"`, an opening quote or the closing quote of a pair: what quoteDepths tracks
const WORD_STOP = 16;
const SPACE = 32;

const CLASS = new Uint8Array(0x10000);
function mark(chars: string, bit: number): void {
  for (let k = 0; k < chars.length; k++) CLASS[chars.charCodeAt(k)]! |= bit;
}
mark(TERMINATORS, TERMINATOR);
mark(CLOSERS, CLOSER);
mark(QUOTE_CLOSERS, QUOTE_CLOSER);
mark(`"${PAIRS.map(([o, c]) => o + c).join('')}`, QUOTE_MARK);
mark(WORD_STOPS, WORD_STOP);
mark(WHITESPACE, SPACE);

/** The opening quote (as a code unit) of each closing quote of a pair. */
const OPENING_OF = new Map(PAIRS.map(([o, c]) => [c.charCodeAt(0), o.charCodeAt(0)]));

const DOT = 0x2e; // .
const STRAIGHT_QUOTE = 0x22; // "

const has = (code: number, bit: number): boolean => ((CLASS[code] ?? 0) & bit) !== 0;
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
const isHangulSyllable = (code: number): boolean => code >= 0xac00 && code <= 0xd7a3;
/** 다, 요, 죠, 까: syllables a Korean sentence ends with. */
const isKoreanEnding = (code: number): boolean =>
  code === 0xb2e4 || code === 0xc694 || code === 0xc8e0 || code === 0xae4c;

/** Words that continue a sentence after a closing quote: “…”라고 말했다, “…”며, “…”고. Sticky: tried at lastIndex. */
const QUOTE_CONTINUATION =
  /(?:이라고|라고|이라며|라며|이라면서|라면서|면서|하며|하고|이라는|라는|며|고|는)(?=[\s,.!?]|$)/y;

function continuesQuote(line: string, at: number): boolean {
  QUOTE_CONTINUATION.lastIndex = at;
  return QUOTE_CONTINUATION.test(line);
}

const ABBREVIATIONS = new Set([
  'inc',
  'co',
  'corp',
  'ltd',
  'llc',
  'plc',
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'st',
  'jr',
  'sr',
  'vs',
  'etc',
  'no',
  'vol',
  'fig',
  'approx',
  'dept',
  'gov',
  'gen',
  'sen',
  'rep',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'ph.d',
  'e.g',
  'i.e',
  'a.m',
  'p.m',
]);

/** Korean sentence-final syllables a line may end with when the period is missing. */
const KOREAN_FINAL = /(?<![보바마])다$|[요죠까]$/;

/**
 * Depth of matched quotations at each code unit (unmatched quote marks are ignored), or
 * null when the line has no matched quotation. A quotation counts from its opening mark up
 * to, not including, its closing mark: each adds 1 at its opening and -1 at its closing to
 * a difference array, whose running sum is the depth.
 */
function quoteDepths(line: string): Int32Array | null {
  const openCode: number[] = []; // the stack of open quotes: their code unit and position
  const openAt: number[] = [];
  let top = 0; // entries in use
  let depth: Int32Array | null = null;
  for (let at = 0; at < line.length; at++) {
    const code = line.charCodeAt(at);
    if (!has(code, QUOTE_MARK)) continue;
    let from = -1; // where the quotation this mark closes opened
    if (code === STRAIGHT_QUOTE && top > 0 && openCode[top - 1] === STRAIGHT_QUOTE) {
      from = openAt[--top]!;
    } else {
      const opener = OPENING_OF.get(code);
      if (opener === undefined) {
        // `"` opening a quotation, or an opening quote of a pair
        openCode[top] = code;
        openAt[top++] = at;
        continue;
      }
      for (let k = top - 1; k >= 0; k--) {
        if (openCode[k] === opener) {
          from = openAt[k]!;
          top = k;
          break;
        }
      }
      if (from < 0) continue;
    }
    depth ??= new Int32Array(line.length + 1);
    depth[from]!++;
    depth[at]!--;
  }
  if (depth === null) return null;
  for (let k = 1; k < depth.length; k++) depth[k]! += depth[k - 1]!;
  return depth;
}

/** The word right before position `i` (letters, digits and dots since the last space or bracket). */
function wordBefore(line: string, i: number): string {
  let k = i - 1;
  while (k >= 0 && !has(line.charCodeAt(k), SPACE | WORD_STOP)) k--;
  return line.slice(k + 1, i);
}

function isAbbreviation(word: string): boolean {
  if (/^(?:[A-Za-z]\.)*[A-Za-z]$/.test(word)) return true; // U.S, J.P, J (an initial)
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Whether a period at `i`, after `word`, belongs to a number: a date, a list number or a version. */
function isNumericPeriod(line: string, i: number, word: string, sentenceStart: number, next: number): boolean {
  if (!/^\d+$/.test(word) && !/^[가-하]$/.test(word) && !/^[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩivxIVX]+$/.test(word)) return false;
  if (isDigit(next)) return true; // 2025. 3. 19 — the next part of the date follows
  const before = line.slice(sentenceStart, i + 1);
  if (/\d{2,4}\.\s*\d{1,2}\.(?:\s*\d{1,2}\.)?$/.test(before)) return true; // 2025. 3. 19.
  return before.trim() === `${word}.`; // a list number opening the sentence: 1. 가.
}

/** `s` without the closing quotes and brackets at its end. */
function stripClosers(s: string): string {
  let end = s.length;
  while (end > 0 && has(s.charCodeAt(end - 1), CLOSER)) end--;
  return s.slice(0, end);
}

function endsLikeSentence(piece: string): boolean {
  let s = piece.trimEnd();
  while (s.length > 0 && has(s.charCodeAt(s.length - 1), CLOSER)) s = s.slice(0, -1).trimEnd();
  if (s.endsWith('…') || s.endsWith('..')) return false;
  return s.length > 0 && has(s.charCodeAt(s.length - 1), TERMINATOR);
}

/** Append the sentences of one line to `out`. */
function splitLine(line: string, out: string[]): void {
  const n = line.length;
  const depth = quoteDepths(line);
  let start = 0;
  for (let i = 0; i < n; i++) {
    const ch = line.charCodeAt(i);
    if (!has(ch, TERMINATOR)) continue;
    // A run of dots is an ellipsis, not an ending.
    if (ch === DOT && (line.charCodeAt(i + 1) === DOT || line.charCodeAt(i - 1) === DOT)) continue;
    let j = i + 1;
    while (j < n && has(line.charCodeAt(j), TERMINATOR) && line.charCodeAt(j) !== DOT) j++;
    let closedQuote = false;
    while (j < n && has(line.charCodeAt(j), CLOSER)) {
      if (has(line.charCodeAt(j), QUOTE_CLOSER)) closedQuote = true;
      j++;
    }
    if (depth !== null && depth[j - 1]! > 0) continue; // inside a quotation
    let k = j;
    while (k < n && has(line.charCodeAt(k), SPACE)) k++;
    if (j < n && k === j) {
      // 했다.그는 — a missing space after a Korean sentence ending still ends it.
      const glued =
        ch === DOT &&
        j === i + 1 &&
        i > 0 &&
        isKoreanEnding(line.charCodeAt(i - 1)) &&
        isHangulSyllable(line.charCodeAt(j));
      if (!glued || continuesQuote(line, k)) continue;
    }
    if (closedQuote && continuesQuote(line, k)) continue;
    if (ch === DOT) {
      const word = wordBefore(line, i);
      if (isAbbreviation(word)) continue;
      if (isNumericPeriod(line, i, word, start, line.charCodeAt(k))) continue;
    }
    const sentence = line.slice(start, j).trim();
    if (sentence) out.push(sentence);
    start = j;
  }
  const tail = line.slice(start).trim();
  if (tail) {
    const wholeLine = start === 0;
    const bare = stripClosers(tail);
    // A whole line may end without its period (…했다); a tail after other sentences must end properly.
    if (endsLikeSentence(tail) || (wholeLine && KOREAN_FINAL.test(bare) && bare.length >= 4)) out.push(tail);
  }
}

/** Whether a line needs `replace(/\s+/g, ' ')`: it has whitespace other than single spaces. */
function hasLooseWhitespace(line: string): boolean {
  for (let k = 0; k < line.length; k++) {
    const code = line.charCodeAt(k);
    if (code === 0x20 ? line.charCodeAt(k + 1) === 0x20 : has(code, SPACE)) return true;
  }
  return false;
}

/** Split text into whole sentences; fragments that do not end like a sentence are dropped. */
export function splitSentences(text: string): string[] {
  // Each replace or regex split is skipped when it could not change anything (the common case).
  let t = text.normalize('NFC');
  if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
  // No-break spaces (U+00A0, U+2007, U+202F) are whitespace to `\s`, so they collapse to ' ' below.
  const lines = t.includes('\u2028') || t.includes('\u2029') ? t.split(/\n|\u2028|\u2029/) : t.split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const l = (hasLooseWhitespace(line) ? line.replace(/\s+/g, ' ') : line).trim();
    if (l) splitLine(l, out);
  }
  return out;
}

/** Whether a text ends like a sentence (not cut with … or mid-sentence). */
export function isCompleteSentence(text: string): boolean {
  const t = text.trim();
  if (endsLikeSentence(t)) return true;
  const bare = stripClosers(t);
  return KOREAN_FINAL.test(bare) && !bare.endsWith('…');
}
