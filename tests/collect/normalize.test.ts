import { describe, expect, it } from 'vitest';
import {
  countNonSpace,
  isBlank,
  letterDigitHash,
  letterDigitKey,
  normalizeSpace,
} from '../../src/collect/normalize.js';

/** The one-line forms the hand-written loops must agree with. */
const keyByRegex = (t: string): string => t.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const spaceByRegex = (t: string): string => t.replace(/[\s\u00a0\u200b\u3000\ufeff]+/g, ' ').trim();

const TRICKY = [
  '',
  ' ',
  '정부가 발표했다.',
  '  앞뒤 공백  ',
  'a\u00a0\u00a0b\u3000c\ufeffd\u200be',
  '줄\n\n바꿈\t탭\r\n',
  'x\u0085y\u2028z\u1680w\u202fv\u205fu',
  'İSTANBUL ΟΔΟΣ Σ',
  'Ǆemal ß ﬁ',
  '수학 𝟘𝟙 𝐀𝐁 😀👍 한자 漢字 カナ',
  'lone \ud800 high, lone \udc00 low, pair \ud835\udc00',
  'Read more » […] ©2024',
  '①②③ ١٢٣ ⅷ',
];

describe('text normalization', () => {
  it('keys letters and digits in lower case exactly as the Unicode regular expression does', () => {
    for (const t of TRICKY) expect(letterDigitKey(t)).toBe(keyByRegex(t));
  });

  it('cuts a key to the first code units, even inside a surrogate pair', () => {
    const t = 'ab𝐀𝐁cd';
    for (let n = 0; n <= 8; n++) expect(letterDigitKey(t, n)).toBe(keyByRegex(t).slice(0, n));
    const long = '가나다 라마바 '.repeat(20_000);
    expect(letterDigitKey(long, 70_000)).toBe(keyByRegex(long).slice(0, 70_000));
  });

  it('hashes equal keys alike and marks an empty key with -1', () => {
    expect(letterDigitHash('Hello, 세계!')).toBe(letterDigitHash('hello 세계'));
    expect(letterDigitHash('hello 세계')).not.toBe(letterDigitHash('hello 세상'));
    expect(letterDigitHash('— … ·')).toBe(-1);
    expect(letterDigitHash('')).toBe(-1);
  });

  it('collapses and trims white space exactly as the regular expression does', () => {
    for (const t of TRICKY) expect(normalizeSpace(t)).toBe(spaceByRegex(t));
  });

  it('counts non-space characters and tells blank text', () => {
    for (const t of TRICKY) {
      expect(countNonSpace(t)).toBe(t.replace(/\s+/g, '').length);
      expect(isBlank(t)).toBe(spaceByRegex(t) === '');
    }
  });
});
