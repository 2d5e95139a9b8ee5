/**
 * Text normalization run on every block of every item. Each function is a hand-written
 * loop with exactly the result of the one-line regular expression noted on it; the
 * expressions are several times slower over the volume of a collection.
 */

/** Letters and numbers (Unicode `\p{L}`, `\p{N}`), for code points outside the fast ranges. */
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** Per BMP code unit: 0 not yet known, 1 letter or number, 2 neither. */
const bmpClass = new Uint8Array(0x10000);

function isLetterOrNumberUnit(c: number): boolean {
  let k = bmpClass[c] ?? 0;
  if (k === 0) {
    k = LETTER_OR_NUMBER.test(String.fromCharCode(c)) ? 1 : 2;
    bmpClass[c] = k;
  }
  return k === 1;
}

/**
 * The code units of `lower` (a lower-cased text) that belong to letters and numbers, into
 * `buf`, stopping when it is full; returns how many were written.
 */
function keepLetterDigitUnits(lower: string, buf: Uint16Array): number {
  const s = lower;
  const max = buf.length;
  let n = 0;
  for (let i = 0; i < s.length && n < max; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) buf[n++] = c;
    } else if (c >= 0xac00 && c <= 0xd7a3) {
      buf[n++] = c; // Hangul syllables
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const cp = s.codePointAt(i) ?? c;
      if (cp > 0xffff) {
        if (LETTER_OR_NUMBER.test(String.fromCodePoint(cp))) {
          buf[n++] = c;
          if (n < max) buf[n++] = s.charCodeAt(i + 1);
        }
        i++;
      }
    } else if (isLetterOrNumberUnit(c)) buf[n++] = c;
  }
  return n;
}

let scratch = new Uint16Array(4096);
/** Longer texts get a buffer of their own, so one huge text does not pin memory. */
const MAX_SCRATCH = 1 << 16;

/**
 * The code units of `letterDigitKey(text, maxChars)` in a shared buffer, valid until the
 * next call: for callers that hash them and need no string.
 */
export function letterDigitUnits(text: string, maxChars = Infinity): Uint16Array {
  const lower = text.toLowerCase();
  const need = Math.min(maxChars, lower.length);
  if (need > MAX_SCRATCH) {
    const own = new Uint16Array(need);
    return own.subarray(0, keepLetterDigitUnits(lower, own));
  }
  if (scratch.length < need) scratch = new Uint16Array(MAX_SCRATCH);
  return scratch.subarray(0, keepLetterDigitUnits(lower, scratch.subarray(0, need)));
}

const CHUNK = 4096;

/**
 * Letters and digits only, lower case: spacing, punctuation and markup differences vanish.
 * Same as `text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')`; with `maxChars`, the same
 * cut to that many code units.
 */
export function letterDigitKey(text: string, maxChars = Infinity): string {
  const units = letterDigitUnits(text, maxChars);
  let out = '';
  for (let i = 0; i < units.length; i += CHUNK) {
    // apply takes any array-like; the typings only say number[].
    out += String.fromCharCode.apply(null, units.subarray(i, Math.min(units.length, i + CHUNK)) as unknown as number[]);
  }
  return out;
}

/** A 32-bit hash of `letterDigitKey(text)`, or -1 when that key is empty. */
export function letterDigitHash(text: string): number {
  const units = letterDigitUnits(text);
  if (units.length === 0) return -1;
  let h = 0x811c9dc5;
  for (let i = 0; i < units.length; i++) {
    h ^= units[i] ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Whether a code unit is white space to JavaScript's `\s`. */
function isJsSpace(c: number): boolean {
  return c !== 0x200b && isSpace(c);
}

/** How many code units of `text` are not white space: `text.replace(/\s+/g, '').length`. */
export function countNonSpace(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!isJsSpace(text.charCodeAt(i))) n++;
  return n;
}

/** Whether `normalizeSpace(text)` is empty. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** Whether a code unit is one `normalizeSpace` collapses (JavaScript's `\s`, plus U+200B). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * Runs of white space (with U+00A0, U+200B, U+3000 and U+FEFF) as one space, trimmed.
 * Same as `text.replace(/[\s\u00a0\u200b\u3000\ufeff]+/g, ' ').trim()`.
 */
export function normalizeSpace(text: string): string {
  const n = text.length;
  // Most text is already normal: single plain spaces between words, none at either end.
  let clean = true;
  let prevSpace = true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (prevSpace) {
        clean = false;
        break;
      }
      prevSpace = true;
    } else if (isSpace(c)) {
      clean = false;
      break;
    } else prevSpace = false;
  }
  if (clean && !(n > 0 && prevSpace)) return text;
  return text.replace(/[\s\u00a0\u200b\u3000\ufeff]+/g, ' ').trim();
}
