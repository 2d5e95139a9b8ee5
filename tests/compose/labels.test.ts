import { describe, expect, it } from 'vitest';
import { fillLabel, withJosa } from '../../src/compose/index.js';

describe('fillLabel', () => {
  it('fills {name} placeholders and leaves unknown ones', () => {
    expect(fillLabel('오늘의 브리핑: {headline} 외 {n}건', { headline: '반도체 수출', n: 3 })).toBe(
      '오늘의 브리핑: 반도체 수출 외 3건',
    );
    expect(fillLabel('{a} {b}', { a: 'x' })).toBe('x {b}');
  });

  it('picks the Korean particle that fits the inserted name', () => {
    expect(fillLabel('{publisher:이/가} 보도했다', { publisher: '연합뉴스' })).toBe('연합뉴스가 보도했다');
    expect(fillLabel('{publisher:이/가} 보도했다', { publisher: '한빛일보' })).toBe('한빛일보가 보도했다');
    expect(fillLabel('{publisher:이/가} 보도했다', { publisher: '한국경제신문' })).toBe('한국경제신문이 보도했다');
    expect(fillLabel('{topic:을/를} 다룹니다', { topic: '반도체' })).toBe('반도체를 다룹니다');
    expect(fillLabel('{topic:으로/로} 옮겼다', { topic: '서울' })).toBe('서울로 옮겼다');
  });
});

describe('withJosa', () => {
  it('reads acronyms and digits aloud to pick the particle', () => {
    expect(withJosa('KBS', '은/는')).toBe('KBS는');
    expect(withJosa('SBS', '이/가')).toBe('SBS가');
    expect(withJosa('KTV', '을/를')).toBe('KTV를');
    expect(withJosa('MBN', '이/가')).toBe('MBN이');
    expect(withJosa('아이뉴스24', '이/가')).toBe('아이뉴스24가');
    expect(withJosa('채널1', '은/는')).toBe('채널1은');
  });

  it('shows both forms after a word it cannot read', () => {
    expect(withJosa('ZDNet', '이/가')).toBe('ZDNet이(가)');
  });
});
