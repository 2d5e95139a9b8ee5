import { describe, expect, it } from 'vitest';
import { decodeOpening, encodeOpening } from '../../src/store/opening-columns.js';

describe('the stored form of an opening', () => {
  it('gives back the paragraphs it was given, Korean, emoji and all', () => {
    const paragraphs = ['삼성전자가 HBM4 양산을 시작했다.', '“올해 안에 공급한다”고 밝혔다 🖊️', 'plain ASCII'];
    expect(decodeOpening(encodeOpening(paragraphs))).toEqual(paragraphs);
    expect(decodeOpening(encodeOpening(['하나']))).toEqual(['하나']);
  });

  it('keeps no paragraphs as an empty value', () => {
    expect(encodeOpening([]).length).toBe(0);
    expect(decodeOpening(encodeOpening([]))).toEqual([]);
  });

  it('turns a stray U+0000 into a space rather than a paragraph break', () => {
    expect(decodeOpening(encodeOpening(['앞\u0000뒤', '다음']))).toEqual(['앞 뒤', '다음']);
  });
});
