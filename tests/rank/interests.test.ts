import { describe, expect, it } from 'vitest';
import { rankTopics } from '../../src/rank/index.js';
import type { InterestConfig, Item, Topic } from '../../src/types.js';
import { input, item } from './builders.js';

const INTERESTS: InterestConfig[] = [
  { id: 'ai', label: 'AI', match: ['인공지능', 'LLM', '생성형 AI'], categories: [] },
  { id: 'chips', label: '반도체', match: ['반도체', 'HBM', '파운드리'], categories: [] },
  { id: 'mobility', label: '모빌리티', match: ['전기차', '자율주행'], categories: ['모빌리티', '자동차'] },
];

function ranked(items: Item[], interests: InterestConfig[] = INTERESTS): Topic[] {
  return rankTopics({ ...input({ items }), interests }).topics;
}

function interestsOf(topics: Topic[], titleStart: string): string[] | undefined {
  return topics.find((t) => t.title.startsWith(titleStart))?.interests;
}

describe('interests of topics', () => {
  const items = [
    item({
      title: '네이버, 검색에 AI 브리핑 전면 적용… 10년 만의 개편',
      body: '네이버가 통합검색 결과 상단에 AI가 요약한 답을 보여주는 기능을 모든 이용자에게 연다. 회사는 자체 초거대 모델을 쓴다고 밝혔다.',
      source: '테크데일리',
    }),
    item({
      title: 'SK하이닉스, 청주에 20조 원 규모 신규 공장 착공',
      body: [
        'SK하이닉스가 충북 청주에 메모리 반도체를 만드는 새 공장을 짓는다. 투자액은 20조 원이다.',
        '회사는 HBM은 2028년까지 수요가 해마다 40% 늘 것으로 본다.',
      ],
      source: '전자신보',
    }),
    item({
      title: '현대차 울산 공장, 새 생산 라인 가동',
      body: '현대자동차가 울산 공장에 새 생산 라인을 깔았다. 연간 20만 대를 만들 수 있다.',
      source: '경제투데이',
      categories: ['산업', '자동차'],
    }),
    item({
      title: '서울시, 따릉이 요금 동결',
      body: '서울시가 공공자전거 따릉이의 내년 요금을 올해와 같이 유지하기로 했다. 이용자는 하루 평균 12만 명이다.',
      source: '경제투데이',
    }),
  ];

  it('matches a title through the aliases ranking uses (AI is 인공지능)', () => {
    expect(interestsOf(ranked(items), '네이버')).toEqual(['ai']);
  });

  it('matches stems with their particles stripped, in two paragraphs of the opening when the title has none', () => {
    expect(interestsOf(ranked(items), 'SK하이닉스')).toEqual(['chips']);
  });

  it("puts a story in an interest whose categories name one of the feed's categories", () => {
    expect(interestsOf(ranked(items), '현대차')).toEqual(['mobility']);
  });

  it('leaves a story that matches nothing with no interests, and tags nothing without interests', () => {
    expect(interestsOf(ranked(items), '서울시')).toEqual([]);
    expect(ranked(items, []).every((t) => t.interests === undefined)).toBe(true);
  });

  it('needs more than one passing mention in an opening', () => {
    const once = item({
      title: '카카오뱅크, 3분기 순이익 1,200억 원',
      body: '카카오뱅크의 3분기 순이익이 1,200억 원으로 늘었다. 대출 심사에 반도체 업계 출신 인력을 채용했다는 점도 눈에 띈다.',
      source: '경제투데이',
    });
    expect(interestsOf(ranked([once]), '카카오뱅크')).toEqual([]);
  });

  it('catches a new instance: a phrase of two words needs both, in any inflection', () => {
    const genai = item({
      title: '교육부, 생성형 인공지능 교과서 도입 1년 미루기로',
      body: '교육부가 생성형 인공지능을 쓴 디지털 교과서 도입을 1년 미룬다.',
      source: '테크데일리',
    });
    const only = item({
      title: '생성형 광고 문구 규제 논의 시작',
      body: '방송통신위원회가 광고 문구 자동 생성 서비스의 표시 기준을 논의한다.',
      source: '전자신보',
    });
    const topics = ranked([genai, only], [{ id: 'genai', label: '생성형 AI', match: ['생성형 AI'], categories: [] }]);
    expect(interestsOf(topics, '교육부')).toEqual(['genai']);
    expect(interestsOf(topics, '생성형 광고')).toEqual([]);
  });

  it('finds a Hangul match word at either end of a compound written as one word', () => {
    const compound = item({
      title: '정부, 차량용반도체 국산화에 3천억 원 지원',
      body: '산업통상자원부가 자동차에 들어가는 칩의 국산화를 돕는다.',
      source: '전자신보',
    });
    const unrelated = item({
      title: '반도체업계 출신 CEO, 식품 기업 대표로',
      body: '오리온이 새 대표를 선임했다.',
      source: '경제투데이',
    });
    const topics = ranked([compound, unrelated]);
    expect(interestsOf(topics, '정부, 차량용반도체')).toEqual(['chips']);
    // A word that merely starts with the match word still counts: the title is about the industry.
    expect(interestsOf(topics, '반도체업계')).toEqual(['chips']);
  });
});
