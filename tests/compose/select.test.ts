import { describe, expect, it } from 'vitest';
import { mmrSelect, scoreCandidates, selectKeySentences } from '../../src/compose/index.js';
import { cueScore, quantities, startsWithConnective } from '../../src/compose/select.js';

const article = [
  '정부가 내년부터 전기차 보조금을 절반으로 줄이기로 했다.',
  '보조금 축소는 전기차 판매가 꺾인 상황에서 나와 업계의 우려가 크다.',
  '한편 이날 행사에는 관계자 200여 명이 참석했다.',
  '전기차 보조금 축소로 소비자 부담이 늘어날 것으로 전망된다.',
  '날씨는 맑았다.',
  '정부는 전기차 보조금 예산을 충전소 확충에 돌리기로 했다.',
];

describe('key-sentence selector', () => {
  it('picks distinct sentences of the article', () => {
    const picks = selectKeySentences(article, { title: '전기차 보조금 절반으로 줄인다', count: 3 });
    expect(picks).toHaveLength(3);
    expect(new Set(picks).size).toBe(3);
    for (const i of picks) expect(article[i]).toBeDefined();
  });

  it('prefers sentences on the topic over asides', () => {
    const picks = selectKeySentences(article, { title: '전기차 보조금 절반으로 줄인다', count: 3 });
    expect(picks).not.toContain(2);
    expect(picks).not.toContain(4);
  });

  it('penalizes a sentence that opens with a connective', () => {
    const a = scoreCandidates([
      { text: '정부는 전기차 보조금을 줄이기로 결정했다.', position: 1, item: 0 },
      { text: '또한 정부는 전기차 보조금을 줄이기로 결정했다.', position: 1, item: 0 },
    ]);
    expect(a[0]!.score).toBeGreaterThan(a[1]!.score);
    expect(startsWithConnective('다만 효과는 지켜봐야 한다.')).toBe(true);
    expect(startsWithConnective('다만큼 효과가 있다.')).toBe(false);
  });

  it('penalizes a sentence over about 200 characters', () => {
    const long = `정부는 전기차 보조금을 줄이기로 결정했다고 ${'관계 부처와 협의해 '.repeat(20)}밝혔다.`;
    const cands = [
      { text: '정부는 전기차 보조금을 줄이기로 결정했다.', position: 0, item: 0 },
      { text: long, position: 0, item: 0 },
    ];
    const penalized = scoreCandidates(cands);
    const free = scoreCandidates(cands, { weights: { long: 0 } });
    expect(long.length).toBeGreaterThan(200);
    expect(penalized[1]!.score).toBeLessThan(free[1]!.score);
    expect(penalized[0]!.score).toBe(free[0]!.score);
  });

  it('scores cue words of significance, cause, concern and outlook', () => {
    expect(cueScore('사상 최대 실적이다.')).toBeGreaterThan(0);
    expect(cueScore('환율 때문에 수출 전망이 어둡다는 우려가 있다.')).toBe(1);
    expect(cueScore('날씨는 맑았다.')).toBe(0);
  });

  it('gives support to a sentence other sources also carry', () => {
    const s = scoreCandidates([
      { text: '전기차 보조금이 절반으로 줄어든다.', position: 3, item: 0 },
      { text: '행사장에는 관람객이 붐볐다.', position: 3, item: 0 },
      { text: '내년 전기차 보조금이 절반으로 줄어든다고 정부가 밝혔다.', position: 0, item: 1 },
    ]);
    expect(s[0]!.features.support).toBe(1);
    expect(s[1]!.features.support).toBe(0);
  });

  it('never picks a near-duplicate of a sentence already in place', () => {
    const cands = [
      { text: '정부가 전기차 보조금을 절반으로 줄인다.', position: 0, item: 0 },
      { text: '정부가 전기차 보조금을 절반으로 줄인다고 밝혔다.', position: 0, item: 1 },
      { text: '업계는 판매 감소를 우려한다.', position: 1, item: 0 },
    ];
    const picks = mmrSelect(scoreCandidates(cands), 2, { exclude: [0], duplicateThreshold: 0.55 });
    expect(picks).toEqual([2]);
  });

  it('drops a sentence that restates a quantity already given when asked to', () => {
    const cands = [
      { text: '2월 반도체 수출액은 152억 달러였다.', position: 0, item: 0 },
      { text: '반도체 수출이 152억 달러로 사상 최대치를 새로 썼다.', position: 0, item: 1 },
      { text: '업계는 하반기 수요 둔화를 우려한다.', position: 1, item: 1 },
    ];
    const scored = scoreCandidates(cands);
    expect(quantities(cands[1]!.text).has('152억')).toBe(true);
    expect(mmrSelect(scored, 2, { exclude: [0], dropRestatements: true })).toEqual([2]);
  });
});
