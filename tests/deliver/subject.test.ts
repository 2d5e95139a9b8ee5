import { describe, expect, it } from 'vitest';
import { SUBJECT_MAX, capSubject } from '../../src/deliver/message.js';

describe('the subject cap', () => {
  it('leaves a usual subject alone', () => {
    expect(capSubject('[브리핑] 삼성전자, HBM4 양산 돌입')).toBe('[브리핑] 삼성전자, HBM4 양산 돌입');
  });

  it('cuts a long subject at a word, with an ellipsis, within the cap', () => {
    const long =
      '[브리핑] 정부, 반도체 특별법 국회 통과에 따라 내년부터 주 52시간 예외 적용 확대하고 보조금 지급 기준도 대폭 손질하기로 결정했다고 산업부가 밝혀';
    const cut = capSubject(long);
    expect([...cut].length).toBeLessThanOrEqual(SUBJECT_MAX);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(long[cut.length - 1]).toBe(' ');
  });

  it('cuts a subject without spaces at the cap', () => {
    const cut = capSubject('가'.repeat(200));
    expect([...cut].length).toBe(SUBJECT_MAX);
  });
});
