import { describe, expect, it } from 'vitest';
import { cleanHeadline } from '../../src/compose/index.js';

describe('cleanHeadline', () => {
  it('removes [단독], [속보] and [종합] tags', () => {
    expect(cleanHeadline('[단독] 반도체 수출 역대 최대')).toBe('반도체 수출 역대 최대');
    expect(cleanHeadline('[속보][종합] 한은 기준금리 동결')).toBe('한은 기준금리 동결');
    expect(cleanHeadline('【속보】 한은 기준금리 동결')).toBe('한은 기준금리 동결');
  });

  it('removes (종합2보)-style tags anywhere in the title', () => {
    expect(cleanHeadline('한은 기준금리 동결(종합2보)')).toBe('한은 기준금리 동결');
    expect(cleanHeadline('한은, 기준금리 동결 (1보) 시장 예상 부합')).toBe('한은, 기준금리 동결 시장 예상 부합');
  });

  it('removes a trailing " - 매체명" of a known publisher', () => {
    expect(cleanHeadline('AI 기본법 오늘 시행 - 테크온', ['테크온'])).toBe('AI 기본법 오늘 시행');
  });

  it('removes a trailing publisher that looks like one even when unknown', () => {
    expect(cleanHeadline('AI 기본법 오늘 시행 - 연합뉴스')).toBe('AI 기본법 오늘 시행');
    expect(cleanHeadline('AI 기본법 오늘 시행 - 한빛일보')).toBe('AI 기본법 오늘 시행');
  });

  it('removes a trailing " | 매체명"', () => {
    expect(cleanHeadline('2월 수출 152억 달러 | 누리 경제면')).toBe('2월 수출 152억 달러');
  });

  it('keeps a dash that is part of the headline', () => {
    expect(cleanHeadline('삼성 - 애플 특허전 재점화')).toBe('삼성 - 애플 특허전 재점화');
  });

  it('keeps the title when nothing but tags would be left', () => {
    expect(cleanHeadline('[속보]')).toBe('[속보]');
  });
});
