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
 */

const TERMINATORS = new Set(['.', '!', '?', '？', '！', '。']);
const CLOSERS = new Set(['”', '’', '"', "'", '」', '』', '»', '›', ')', ']', '）']);
const QUOTE_CLOSERS = new Set(['”', '’', '"', "'", '」', '』', '»', '›']);
const PAIRS: Record<string, string> = { '“': '”', '‘': '’', '「': '」', '『': '』', '«': '»', '‹': '›' };
const CLOSING_OF = new Map(Object.entries(PAIRS).map(([o, c]) => [c, o]));

/** Words that continue a sentence after a closing quote: “…”라고 말했다, “…”며, “…”고. */
const QUOTE_CONTINUATION = /^(?:이라고|라고|이라며|라며|이라면서|라면서|면서|하며|하고|이라는|라는|며|고|는)(?=[\s,.!?]|$)/;

const ABBREVIATIONS = new Set([
  'inc', 'co', 'corp', 'ltd', 'llc', 'plc', 'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'jr', 'sr', 'vs', 'etc',
  'no', 'vol', 'fig', 'approx', 'dept', 'gov', 'gen', 'sen', 'rep', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'ph.d', 'e.g', 'i.e', 'a.m', 'p.m',
]);

/** Korean sentence-final syllables a line may end with when the period is missing. */
const KOREAN_FINAL = /(?<![보바마])다$|[요죠까]$/;

/** Depth of matched quotations after each character (unmatched quote marks are ignored). */
function quoteDepths(line: string): number[] {
  const chars = [...line];
  const stack: Array<{ ch: string; at: number }> = [];
  const spans: Array<[number, number]> = [];
  chars.forEach((ch, at) => {
    if (ch === '"') {
      const top = stack[stack.length - 1];
      if (top && top.ch === '"') {
        stack.pop();
        spans.push([top.at, at]);
      } else stack.push({ ch, at });
      return;
    }
    if (PAIRS[ch]) {
      stack.push({ ch, at });
      return;
    }
    const opener = CLOSING_OF.get(ch);
    if (opener) {
      for (let k = stack.length - 1; k >= 0; k--) {
        const s = stack[k];
        if (s && s.ch === opener) {
          spans.push([s.at, at]);
          stack.length = k;
          break;
        }
      }
    }
  });
  const depth = new Array<number>(chars.length).fill(0);
  for (const [o, c] of spans) for (let k = o; k < c; k++) depth[k] = (depth[k] ?? 0) + 1;
  return depth;
}

/** The word right before position `i` (letters, digits and dots since the last space or bracket). */
function wordBefore(chars: readonly string[], i: number): string {
  let k = i - 1;
  while (k >= 0 && !/[\s(（\[“‘"'「『]/.test(chars[k] ?? ' ')) k--;
  return chars.slice(k + 1, i).join('');
}

function isAbbreviation(word: string): boolean {
  if (/^(?:[A-Za-z]\.)*[A-Za-z]$/.test(word)) return true; // U.S, J.P, J (an initial)
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Whether a period at `i` belongs to a number: a date, a list number or a version. */
function isNumericPeriod(chars: readonly string[], i: number, sentenceStart: number, next: string): boolean {
  const word = wordBefore(chars, i);
  if (!/^\d+$/.test(word) && !/^[가-하]$/.test(word) && !/^[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩivxIVX]+$/.test(word)) return false;
  if (/\d/.test(next)) return true; // 2025. 3. 19 — the next part of the date follows
  const before = chars.slice(sentenceStart, i + 1).join('');
  if (/\d{2,4}\.\s*\d{1,2}\.(?:\s*\d{1,2}\.)?$/.test(before)) return true; // 2025. 3. 19.
  return before.trim() === `${word}.`; // a list number opening the sentence: 1. 가.
}

function endsLikeSentence(piece: string): boolean {
  let s = piece.trimEnd();
  while (s.length > 0 && CLOSERS.has(s[s.length - 1] ?? '')) s = s.slice(0, -1).trimEnd();
  if (s.endsWith('…') || s.endsWith('..')) return false;
  const last = s[s.length - 1] ?? '';
  return TERMINATORS.has(last);
}

function splitLine(line: string): string[] {
  const chars = [...line];
  const depth = quoteDepths(line);
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (!TERMINATORS.has(ch)) continue;
    // A run of dots is an ellipsis, not an ending.
    if (ch === '.' && (chars[i + 1] === '.' || chars[i - 1] === '.')) continue;
    let j = i + 1;
    while (j < chars.length && TERMINATORS.has(chars[j] ?? '') && chars[j] !== '.') j++;
    let closedQuote = false;
    while (j < chars.length && CLOSERS.has(chars[j] ?? '')) {
      if (QUOTE_CLOSERS.has(chars[j] ?? '')) closedQuote = true;
      j++;
    }
    if ((depth[j - 1] ?? 0) > 0) continue; // inside a quotation
    const atEnd = j >= chars.length;
    const next = chars[j] ?? '';
    let k = j;
    while (k < chars.length && /\s/.test(chars[k] ?? '')) k++;
    const rest = chars.slice(k, k + 8).join('');
    if (!atEnd && !/\s/.test(next)) {
      // 했다.그는 — a missing space after a Korean sentence ending still ends it.
      const prev = chars[i - 1] ?? '';
      const glued = ch === '.' && j === i + 1 && /[다요죠까]/.test(prev) && /[\uac00-\ud7a3]/.test(next);
      if (!glued || QUOTE_CONTINUATION.test(rest)) continue;
    }
    if (closedQuote && QUOTE_CONTINUATION.test(rest)) continue;
    if (ch === '.') {
      if (isAbbreviation(wordBefore(chars, i))) continue;
      if (isNumericPeriod(chars, i, start, chars[k] ?? '')) continue;
    }
    out.push(chars.slice(start, j).join('').trim());
    start = j;
  }
  const tail = chars.slice(start).join('').trim();
  if (tail) {
    const wholeLine = start === 0;
    let bare = tail;
    while (bare.length > 0 && CLOSERS.has(bare[bare.length - 1] ?? '')) bare = bare.slice(0, -1);
    // A whole line may end without its period (…했다); a tail after other sentences must end properly.
    if (endsLikeSentence(tail) || (wholeLine && KOREAN_FINAL.test(bare) && bare.length >= 4)) out.push(tail);
  }
  return out.filter((s) => s.length > 0);
}

/** Split text into whole sentences; fragments that do not end like a sentence are dropped. */
export function splitSentences(text: string): string[] {
  const lines = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .split(/\n|\u2028|\u2029/);
  const out: string[] = [];
  for (const line of lines) {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) out.push(...splitLine(t));
  }
  return out;
}

/** Whether a text ends like a sentence (not cut with … or mid-sentence). */
export function isCompleteSentence(text: string): boolean {
  const t = text.trim();
  if (endsLikeSentence(t)) return true;
  let bare = t;
  while (bare.length > 0 && CLOSERS.has(bare[bare.length - 1] ?? '')) bare = bare.slice(0, -1);
  return KOREAN_FINAL.test(bare) && !bare.endsWith('…');
}
