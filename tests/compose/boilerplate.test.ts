import { describe, expect, it } from 'vitest';
import { boilerplateRule, cleanSentence, isBoilerplate } from '../../src/compose/index.js';

describe('boilerplate rules', () => {
  it('rejects a sentence with an e-mail address', () => {
    expect(boilerplateRule('문의는 news@example.co.kr 로 보내 주세요.')?.name).toBe('e-mail address');
  });

  it('rejects reporter bylines in their usual forms', () => {
    for (const s of [
      '홍길동 기자',
      '[한빛일보 홍길동 기자]',
      '홍길동 기자 = 정부가 발표했다.',
      '워싱턴=김철수 특파원',
      '/홍길동 기자.',
    ]) {
      expect(boilerplateRule(s)?.name, s).toBe('reporter byline');
    }
  });

  it('keeps sentences that only mention reporters or press conferences', () => {
    expect(isBoilerplate('노조는 10일 도청 앞에서 기자회견을 열었다.')).toBe(false);
    expect(isBoilerplate('장관은 기자들과 만나 이같이 말했다.')).toBe(false);
  });

  it('rejects "no reproduction" notices', () => {
    expect(boilerplateRule('무단 전재 및 재배포 금지')?.name).toBe('no reproduction notice');
    expect(boilerplateRule('이 기사의 재배포를 금합니다.')?.name).toBe('no reproduction notice');
    expect(boilerplateRule('무단복제 금지.')?.name).toBe('no reproduction notice');
  });

  it('rejects copyright notices', () => {
    for (const s of [
      '저작권자 한빛일보.',
      'Copyright 2026 Hanbit. All rights reserved.',
      'ⓒ 한빛일보',
      '© Nuri Media',
    ]) {
      expect(boilerplateRule(s)?.name, s).toBe('copyright notice');
    }
  });

  it('rejects the most read box', () => {
    expect(boilerplateRule('많이 본 뉴스')?.name).toBe('most read box');
    expect(boilerplateRule('많이본 기사 보기.')?.name).toBe('most read box');
  });

  it('rejects related-article links', () => {
    expect(boilerplateRule('관련 기사: 반도체 수출 늘어.')?.name).toBe('related articles box');
    expect(boilerplateRule('관련기사 더 보기.')?.name).toBe('related articles box');
  });

  it('rejects link arrows, tip-off prompts and photo captions', () => {
    expect(boilerplateRule('▶ 네이버에서 한빛일보를 구독하세요.')?.name).toBe('link arrow');
    expect(boilerplateRule('기사 제보는 카카오톡으로 받습니다.')?.name).toBe('tip-off or subscription prompt');
    expect(boilerplateRule('사진=연합뉴스')?.name).toBe('photo caption');
    expect(boilerplateRule('사진은 부영공원 야구장 전경.')?.name).toBe('photo caption');
  });

  it('passes an ordinary news sentence', () => {
    expect(boilerplateRule('반도체 수출이 석 달 연속 늘었다.')).toBeUndefined();
  });
});

describe('cleanSentence', () => {
  it('removes a dateline and byline prefix but keeps the sentence', () => {
    expect(cleanSentence('(세종=한빛일보) 김민수 기자 = 반도체 수출이 늘었다.')).toBe('반도체 수출이 늘었다.');
    expect(cleanSentence('【서울=뉴시스】 반도체 수출이 늘었다.')).toBe('반도체 수출이 늘었다.');
    expect(cleanSentence('[누리경제] 반도체 수출이 늘었다.')).toBe('반도체 수출이 늘었다.');
  });

  it('removes a byline with an e-mail address glued before the sentence', () => {
    expect(cleanSentence('김유리 기자 kyr@example.co.kr 협회가 공원을 깜깜이로 운영한다는 지적이 나온다.')).toBe(
      '협회가 공원을 깜깜이로 운영한다는 지적이 나온다.',
    );
  });

  it('removes a list marker', () => {
    expect(cleanSentence('▲ 정부는 예산을 늘린다.')).toBe('정부는 예산을 늘린다.');
    expect(cleanSentence('✅ 과태료는 1년 유예된다.')).toBe('과태료는 1년 유예된다.');
  });

  it('returns undefined for boilerplate', () => {
    expect(cleanSentence('김민수 기자 minsu@hanbit.example.com')).toBeUndefined();
    expect(cleanSentence('ⓒ 한빛일보, 무단 전재 및 재배포 금지')).toBeUndefined();
  });
});
