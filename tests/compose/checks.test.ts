import { describe, expect, it } from 'vitest';
import { checkIssue } from '../../src/compose/checks.js';
import { composeIssue } from '../../src/compose/index.js';
import { sameStory } from '../../src/compose/same-story.js';
import type { Draft } from '../../src/types.js';
import {
  aiLaw,
  allItems,
  chipsBest,
  chipsSecond,
  composeChecked,
  composeInput,
  item,
  p,
  SOURCES,
  topic,
  transit,
} from './fixtures.js';

const clean = composeIssue(composeInput());
const check = (draft: Draft) => checkIssue({ draft, items: allItems, sources: SOURCES });
const kinds = (draft: Draft) => check(draft).faults.map((f) => `${f.kind} ${f.where}`);

/** The composed issue with one change. */
function edited(change: (d: Draft) => void): Draft {
  const d = structuredClone(clean);
  change(d);
  return d;
}

describe('checkIssue', () => {
  it('finds nothing in an issue composed from clean items, and counts zero of each kind', () => {
    expect(check(clean)).toEqual({
      faults: [],
      counts: { dependent: 0, repeat: 0, credit: 0, chrome: 0, caption: 0, restated: 0, featureLead: 0 },
    });
  });

  it('reports a dependent sentence in a 왜 중요하냐면 bullet, and a lead sentence shown without its predecessor', () => {
    const d = edited((x) => {
      x.stories[1]!.why[0] = '이를 어기면 3000만 원 이하의 과태료를 물 수 있다.';
      x.stories[1]!.lead = [
        '인공지능(AI) 기본법이 19일부터 시행된다.',
        '이를 어기면 3000만 원 이하의 과태료를 물 수 있다.',
      ];
    });
    expect(kinds(d)).toEqual(['dependent story 2 lead 2', 'dependent story 2 why 1']);
    expect(check(d).counts.dependent).toBe(2);
  });

  it('accepts a dependent lead sentence right after the sentence it depends on', () => {
    const d = edited((x) => {
      x.stories[1]!.lead = [
        '생성형 AI로 만든 결과물에는 AI가 만들었다는 표시를 붙여야 한다.',
        '이를 어기면 3000만 원 이하의 과태료를 물 수 있다.',
      ];
      x.stories[1]!.why = x.stories[1]!.why.filter((w) => !w.startsWith('생성형'));
    });
    expect(kinds(d)).toEqual([]);
  });

  it('reports a headline credited to another source than the one whose sentence it shows', () => {
    const d = edited((x) => {
      // 누리경제's sentence under 한빛일보's name and link.
      x.headlines[0] = {
        topicId: 't-x',
        text: '2월 반도체 수출이 152억 달러로 집계되며 사상 최대치를 새로 썼다.',
        url: chipsBest.link,
        publisher: '한빛일보',
      };
      x.stories = x.stories.slice(1);
    });
    const [fault] = check(d).faults;
    expect(fault?.kind).toBe('credit');
    expect(fault?.detail).toContain(chipsSecond.link);
  });

  it('reports a headline whose label is not the publisher of the item it links', () => {
    const d = edited((x) => {
      x.headlines[0]!.publisher = '테크온';
    });
    expect(kinds(d)).toEqual(['credit headline 1']);
  });

  it('reports a headline that repeats a top story or an earlier headline', () => {
    const d = edited((x) => {
      const again = { ...x.headlines[0]! };
      x.headlines.push(again);
      x.headlines.push({
        topicId: 't-chips-2',
        text: '반도체 수출이 152억 달러로 역대 최대를 기록했다.',
        url: 'https://other.example.com/1',
        publisher: '누리경제',
      });
    });
    const faults = check(d).faults.filter((f) => f.kind === 'repeat');
    expect(faults.map((f) => f.where)).toEqual(['headline 3', 'headline 4']);
    expect(faults[0]?.detail).toBe('headline 1 (link)');
    expect(faults[1]?.detail).toMatch(/^story 1/);
  });

  it('reports promotion and chrome lines', () => {
    const d = edited((x) => {
      x.stories[0]!.why[0] = '※ 한빛일보 카카오톡 채널을 구독하시면 주요 뉴스를 받아보실 수 있습니다.';
      x.stories[0]!.why[1] = '뉴스레터를 신청하고 매일 아침 경제 소식을 받아 보세요.';
      x.stories[0]!.sections = [{ heading: '기사 제보하기', bullets: ['김민수 기자 minsu@hanbit.example.com'] }];
    });
    expect(
      check(d)
        .faults.filter((f) => f.kind === 'chrome')
        .map((f) => `${f.where} ${f.detail}`),
    ).toEqual([
      'story 1 why 1 promo',
      'story 1 why 2 promo',
      'story 1 section 1 promo',
      'story 1 section 1 bullet 1 byline',
    ]);
  });
});

describe('sameStory', () => {
  const text = (title: string, sentence: string, url: string) => ({ title, sentences: [sentence], urls: [url] });

  it('joins two outlets’ takes on one story, one writing the name in Latin letters', () => {
    const a = text(
      '구글, 차세대 AI 모델 ‘제미나이 3’ 공개',
      '구글이 차세대 인공지능(AI) 모델 ‘제미나이(Gemini) 3’를 공개했다.',
      'https://a.example.kr/1',
    );
    const b = text(
      'Google, Gemini 3 출시…오픈AI와 정면 승부',
      'Google이 새 AI 모델 Gemini 3를 출시하며 OpenAI와의 경쟁에 다시 불을 붙였다.',
      'https://b.example.kr/2',
    );
    expect(sameStory(a, b)).toBe('names');
  });

  it('keeps different stories apart, even about one company', () => {
    const a = text(
      '반도체 수출 역대 최대',
      '2월 반도체 수출액이 152억 달러로 1년 전보다 38% 늘었다.',
      'https://a.example.kr/1',
    );
    const b = text(
      '서울 지하철 요금 150원 오른다',
      '서울 지하철 기본요금이 다음 달부터 1550원으로 오른다.',
      'https://b.example.kr/3',
    );
    expect(sameStory(a, b)).toBeUndefined();
    const c = text(
      '삼성전자, HBM4 양산 돌입',
      '삼성전자가 6세대 고대역폭메모리 HBM4 양산에 들어갔다.',
      'https://a.example.kr/4',
    );
    const d = text(
      '삼성전자, 갤럭시 S27 공개',
      '삼성전자가 새 스마트폰 갤럭시 S27을 다음 달 출시한다.',
      'https://b.example.kr/5',
    );
    expect(sameStory(c, d)).toBeUndefined();
  });
});

describe('composeIssue credits and places each story once', () => {
  it('credits a headline to the item whose sentence it shows', () => {
    // The best item of the topic has no usable sentence of its own beyond its title;
    // the sentence comes from the second source, and so do the label and the link.
    const thin = item({ title: '지하철 요금 인상 확정', source: '한빛일보', blocks: [p('요금 인상.')] });
    const d = composeIssue(
      composeInput({
        topics: [topic('t-ailaw', [aiLaw]), topic('t-transit', [thin, transit])],
        items: new Map([aiLaw, thin, transit].map((i) => [i.id, i])),
        newsletter: { ...composeInput().newsletter, topStories: 1 },
      }),
    );
    const h = d.headlines[0]!;
    expect(h.text).toContain('1550원');
    expect(h.url).toBe(transit.link);
    expect(h.publisher).toBe('누리경제');
    expect(checkIssue({ draft: d, items: [aiLaw, thin, transit], sources: SOURCES }).faults).toEqual([]);
  });

  it('drops a headline that tells a top story again, though ranking put it in a topic of its own', () => {
    const retold = item({
      title: '2월 반도체 수출 152억 달러…AI 메모리 덕 - 테크온',
      source: '테크온',
      link: 'https://techon.example.com/p/99',
      blocks: [p('반도체 수출이 2월 152억 달러로 역대 최대를 기록했다. HBM 수요가 수출을 끌어올렸다.')],
    });
    const input = composeInput();
    const d = composeIssue({
      ...input,
      topics: [...input.topics.slice(0, 2), topic('t-retold', [retold]), ...input.topics.slice(2)],
      items: new Map([...input.items, [retold.id, retold]]),
    });
    expect(d.headlines.map((e) => e.topicId)).toEqual(['t-transit', 't-weather']);
  });
});

describe('composeIssue keeps every sentence standing on its own', () => {
  const one = (blocks: ReturnType<typeof p>[], title = '서울시, 자율주행 버스 심야 노선 10개로 확대') =>
    item({ title, source: '한빛일보', link: `https://hanbit.example.com/a/${title.length}`, blocks });

  it('takes a dependent sentence together with the sentence it depends on', () => {
    const bus = one([
      p('서울시가 자율주행 심야버스 노선을 다음 달부터 10개로 늘린다. 지금은 강남과 여의도 등 3개 노선만 다닌다.'),
      p('새 노선은 홍대입구와 신촌, 동대문 일대를 지난다. 요금은 일반 심야버스와 같은 2500원이다.'),
      p('시는 올해 자율주행 버스 이용객이 누적 12만 명을 넘었다고 밝혔다. 이는 지난해의 네 배에 이르는 규모다.'),
      p('운전석에는 여전히 안전요원이 탄다. 시는 2028년부터 안전요원 없는 운행을 시험할 계획이다.'),
    ]);
    const d = composeChecked(composeInput({ topics: [topic('t-bus', [bus])], items: new Map([[bus.id, bus]]) }));
    const bullets = d.stories[0]!.why;
    expect(bullets).toContain(
      '시는 올해 자율주행 버스 이용객이 누적 12만 명을 넘었다고 밝혔다. 이는 지난해의 네 배에 이르는 규모다.',
    );
    for (const b of bullets) expect(b.startsWith('이는')).toBe(false);
  });

  it('prefers 왜 중요하냐면 bullets of impact, cause and outlook over procedure that restates the story', () => {
    const fare = one(
      [
        p('서울 시내버스 기본요금이 다음 달 1일부터 1700원으로 오른다. 서울시는 12일 요금 조정안을 확정했다.'),
        p(
          '시내버스 기본요금은 카드 기준 1500원에서 1700원으로 200원 오른다. 서울 시내버스 요금이 오르는 것은 2023년 이후 3년 만이다.',
        ),
        p(
          '조정안은 지난달 시의회 의견 청취와 물가대책위원회 심의를 거쳤다. 서울시는 올해 안에 지하철 요금 조정안도 낼 예정이다.',
        ),
        p('요금이 오르면 시민 한 사람의 교통비 부담이 한 달 평균 8000원 늘어날 것으로 예상된다.'),
        p('서울시는 버스 회사들의 적자가 1조 원을 넘어 요금 인상이 불가피했다고 설명했다.'),
      ],
      '서울 시내버스 요금 1700원으로 오른다',
    );
    const d = composeChecked(composeInput({ topics: [topic('t-fare', [fare])], items: new Map([[fare.id, fare]]) }));
    const why = d.stories[0]!.why;
    expect(why).toContain('서울시는 버스 회사들의 적자가 1조 원을 넘어 요금 인상이 불가피했다고 설명했다.');
    expect(why).toContain('요금이 오르면 시민 한 사람의 교통비 부담이 한 달 평균 8000원 늘어날 것으로 예상된다.');
    expect(why).not.toContain('조정안은 지난달 시의회 의견 청취와 물가대책위원회 심의를 거쳤다.');
  });
});
