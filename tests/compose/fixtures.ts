/** Test data for compose: items built from TextBlock arrays, topics and a compose input. */
import type { Draft, Item, Labels, NewsletterConfig, SourceConfig, TextBlock, Topic } from '../../src/types.js';
import { composeIssue, type ComposeInput } from '../../src/compose/index.js';
import { expectCleanIssue } from '../support/issue-check.js';

export const p = (text: string): TextBlock => ({ kind: 'paragraph', text });
export const h = (text: string): TextBlock => ({ kind: 'heading', text });
export const li = (text: string): TextBlock => ({ kind: 'list-item', text });

let nextId = 1;

export function item(over: Partial<Item> & { title: string; blocks: TextBlock[] }): Item {
  const id = over.id ?? nextId++;
  const link = over.link ?? `https://news.example.com/articles/${id}`;
  return {
    id,
    source: '한빛일보',
    guid: `guid-${id}`,
    link,
    canonicalLink: link,
    publishedAt: '2026-03-18T22:30:00Z',
    fetchedAt: '2026-03-18T23:00:00Z',
    html: '',
    ...over,
  };
}

export function topic(id: string, items: readonly Item[], over: Partial<Topic> = {}): Topic {
  return {
    id,
    title: items[0]?.title ?? id,
    score: 1,
    explain: {
      recency: 1,
      ageHours: 1,
      momentum: 1,
      sourceCount: items.length,
      novelty: 1,
      weight: 1,
      pin: 0,
      formula: '1',
    },
    followUp: false,
    items: items.map((i) => ({
      itemId: i.id,
      title: i.title,
      link: i.link,
      source: i.source,
      publishedAt: i.publishedAt,
      duplicates: [],
    })),
    terms: [],
    ...over,
  };
}

export const SOURCES: SourceConfig[] = [
  { name: '한빛일보', url: 'https://hanbit.example.com/rss', weight: 1, fullText: false },
  { name: '누리경제', url: 'https://nuri.example.com/rss', weight: 1, fullText: false },
  { name: '테크온', url: 'https://techon.example.com/feed', weight: 1, fullText: false },
];

export const LABELS_KO: Labels = {
  titlePrefix: '[브리핑]',
  why: '왜 중요하냐면',
  headlines: '헤드라인',
  moreSources: '외 {n}곳',
  preheader: '오늘의 브리핑: {headline} 외 {n}건',
  preheaderOne: '오늘의 브리핑: {headline}',
};

export const NEWSLETTER: NewsletterConfig = {
  title: '테크 브리핑',
  locale: 'ko',
  timezone: 'Asia/Seoul',
  schedule: '0 7 * * 1',
  catchUpGraceMs: 6 * 3_600_000,
  windowMs: 7 * 86_400_000,
  topStories: 2,
  headlines: 5,
  style: 'briefing',
  cadence: 'weekly',
  images: 'lead',
};

export const NOW = new Date('2026-03-19T00:00:00Z');

// ------------------------------------------------------------------ articles

export const chipsBest = item({
  title: '[단독] 반도체 수출 역대 최대…AI 메모리가 끌어올렸다 - 한빛일보',
  source: '한빛일보',
  publishedAt: '2026-03-18T22:30:00Z',
  blocks: [
    p(
      '(세종=한빛일보) 김민수 기자 = 지난달 반도체 수출이 월간 기준 역대 최대를 기록했다. 산업통상자원부는 19일 2월 반도체 수출액이 152억 달러로 1년 전보다 38% 늘었다고 밝혔다.',
    ),
    p(
      '증가세를 이끈 것은 인공지능(AI) 서버에 들어가는 고대역폭메모리(HBM)였다. 메모리 가격이 오르면서 D램 수출 단가도 석 달째 상승했다.',
    ),
    p(
      '전문가들은 AI 투자가 이어지는 한 반도체 호황이 하반기까지 계속될 것으로 전망한다. 다만 미국의 관세 정책이 바뀌면 수출 증가세가 꺾일 수 있다는 우려도 나온다.',
    ),
    p(
      '정부는 반도체 업계의 설비 투자를 돕기 위해 올해 정책 금융 20조 원을 공급할 계획이다. 업계는 전력망과 용수 같은 기반 시설 지원이 더 시급하다고 요구하고 있다.',
    ),
    p('김민수 기자 minsu@hanbit.example.com'),
    p('ⓒ 한빛일보, 무단 전재 및 재배포 금지'),
    p('많이 본 뉴스'),
  ],
});

export const chipsSecond = item({
  title: '2월 반도체 수출 152억 달러 사상 최대 | 누리경제',
  source: '누리경제',
  publishedAt: '2026-03-18T23:10:00Z',
  link: 'https://nuri.example.com/news/2',
  blocks: [
    p(
      '2월 반도체 수출이 152억 달러로 집계되며 사상 최대치를 새로 썼다. 고대역폭메모리 수요가 폭발적으로 늘어난 영향이 컸다.',
    ),
    p(
      '반도체 호황 덕분에 전체 수출도 다섯 달 연속 증가했다. 한국 경제의 성장률 전망이 높아질 것이라는 기대가 커지고 있다.',
    ),
    p('하지만 중국 업체들이 범용 D램 생산을 빠르게 늘리고 있어 가격 하락 위험이 있다는 분석도 있다. 관련 기사'),
  ],
});

export const chipsThird = item({
  title: '반도체 수출 호조, 하반기에도 이어질까 - 테크온',
  source: '테크온',
  publishedAt: '2026-03-19T00:40:00Z',
  link: 'https://techon.example.com/p/3',
  blocks: [
    p(
      '반도체 수출 호조가 하반기에도 이어질지에 관심이 쏠린다. 시장조사업체들은 HBM 수요가 내년까지 공급을 웃돌 것으로 예상한다.',
    ),
    p('반면 스마트폰과 PC 수요는 여전히 부진하다. 메모리 업체들이 AI용 제품에 생산 능력을 집중하는 이유다.'),
  ],
});

export const aiLaw = item({
  title: '[종합] AI 기본법 오늘부터 시행…무엇이 달라지나 - 테크온',
  source: '테크온',
  publishedAt: '2026-03-18T21:00:00Z',
  link: 'https://techon.example.com/p/10',
  blocks: [
    p(
      '인공지능(AI) 기본법이 19일부터 시행된다. 고위험 AI를 만드는 기업은 이용자에게 AI를 쓴다는 사실을 미리 알려야 한다.',
    ),
    p(
      '생성형 AI로 만든 결과물에는 AI가 만들었다는 표시를 붙여야 한다. 이를 어기면 3000만 원 이하의 과태료를 물 수 있다.',
    ),
    h('✅ 무엇이 바뀌나'),
    p(
      '채용이나 대출 심사에 AI를 쓰는 기업은 위험 관리 계획을 세워야 한다. 정부는 1년 동안 과태료 부과를 미루는 계도 기간을 둔다.',
    ),
    h('앞으로는'),
    p(
      '과학기술정보통신부는 하반기에 세부 가이드라인을 내놓을 예정이다. 스타트업 업계는 규제 부담이 커질 수 있다며 지원책을 요구하고 있다.',
    ),
  ],
});

export const transit = item({
  title: '서울 지하철 요금 150원 오른다 - 누리경제',
  source: '누리경제',
  publishedAt: '2026-03-18T20:00:00Z',
  link: 'https://nuri.example.com/news/20',
  blocks: [
    p(
      '서울 지하철 기본요금이 다음 달부터 1550원으로 150원 오른다. 서울시는 누적 적자를 줄이기 위해 요금 조정이 불가피하다고 설명했다. 시민단체는 물가 부담을 이유로 반대 의견을 냈다.',
    ),
  ],
});

export const weather = item({
  title: '주말 전국에 봄비…미세먼지 씻겨 - 한빛일보',
  source: '한빛일보',
  publishedAt: '2026-03-18T19:00:00Z',
  link: 'https://hanbit.example.com/a/30',
  blocks: [
    p(
      '이번 주말 전국에 봄비가 내리면서 미세먼지가 대부분 씻겨 나갈 것으로 보인다. 기상청은 비가 그친 뒤 기온이 평년보다 다소 낮아질 것으로 내다봤다. 강원 산지에는 …',
    ),
  ],
});

export const allItems: Item[] = [chipsBest, chipsSecond, chipsThird, aiLaw, transit, weather];

export const allTopics: Topic[] = [
  topic('t-chips', [chipsBest, chipsSecond, chipsThird]),
  topic('t-ailaw', [aiLaw]),
  topic('t-transit', [transit]),
  topic('t-weather', [weather]),
];

export function composeInput(over: Partial<ComposeInput> = {}): ComposeInput {
  return {
    issueId: '2026-03-19',
    topics: allTopics,
    items: new Map(allItems.map((i) => [i.id, i])),
    newsletter: NEWSLETTER,
    sources: SOURCES,
    labels: LABELS_KO,
    now: NOW,
    ...over,
  };
}

/**
 * composeIssue, with the issue checker run over the result: every issue the compose tests
 * make must be free of dependent sentences, repeats, wrong credits and chrome lines.
 */
export function composeChecked(input: ComposeInput): Draft {
  const draft = composeIssue(input);
  expectCleanIssue(draft, input.items.values(), input.sources);
  return draft;
}
