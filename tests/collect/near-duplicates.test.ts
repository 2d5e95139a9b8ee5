import { describe, expect, it } from 'vitest';
import { jaccard, nearDuplicateOf, shingles } from '../../src/collect/near-duplicates.js';

const story =
  '정부가 전기차 보조금 개편안을 발표했다. 보조금은 차량 가격과 배터리 효율에 따라 차등 지급된다. 업계는 중저가 차량의 판매가 늘어날 것으로 기대했다.';

describe('near-duplicate text', () => {
  it('finds a syndicated copy that differs only in spacing, punctuation and a byline', () => {
    const copy = `${story.replace(/\. /g, '.  ')} 김철수 기자`;
    expect(
      nearDuplicateOf([
        story,
        copy,
        '완전히 다른 이야기가 여기에 길게 적혀 있다. 주식 시장이 크게 올랐고 투자자들이 환호했다. 전문가들은 신중론을 폈다.',
      ]),
    ).toEqual([-1, 0, -1]);
  });

  it('leaves texts too short to judge alone', () => {
    expect(nearDuplicateOf(['오늘의 날씨', '오늘의 날씨'])).toEqual([-1, -1]);
  });

  it('pairs every copy with its original among hundreds of unrelated texts', () => {
    const words = [
      '정부',
      '시장',
      '금리',
      '반도체',
      '수출',
      '기업',
      '투자',
      '전망',
      '발표',
      '증가',
      '감소',
      '협상',
      '정책',
      '지원',
      '규제',
      '기술',
      '인공지능',
      '배터리',
      '전기차',
      '물가',
    ];
    let seed = 42;
    const pick = (): string => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return words[seed % words.length] ?? '';
    };
    const sentence = (): string => `${Array.from({ length: 8 }, pick).join(' ')}했다.`;
    const originals = Array.from({ length: 300 }, () => Array.from({ length: 6 }, sentence).join(' '));
    const texts = [...originals];
    const copyOf = new Map<number, number>();
    for (let k = 0; k < originals.length; k += 7) {
      // A syndicated copy: other spacing and punctuation, a byline, then a copy of that copy.
      const copy = `${(originals[k] ?? '').replace(/ /g, '  ').replace(/\./g, '。')} 김철수 기자`;
      copyOf.set(texts.push(copy) - 1, k);
      copyOf.set(texts.push(`[연합] ${copy}`) - 1, k);
    }
    const found = nearDuplicateOf(texts, 0.85);
    for (const [copy, original] of copyOf) expect(found[copy]).toBe(original);
    originals.forEach((_, i) => expect(found[i]).toBe(-1));
  });

  it('measures Jaccard similarity of shingle sets', () => {
    expect(jaccard(shingles(story), shingles(story))).toBe(1);
    expect(
      jaccard(shingles(story), shingles('전혀 관계없는 문장들로만 이루어진 글이다. 겹치는 부분이 거의 없다.')),
    ).toBeLessThan(0.1);
  });
});
