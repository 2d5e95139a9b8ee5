/**
 * Deterministic generator of realistic Korean news items for benchmarks and tests.
 *
 * Items come in stories: each story is one event (a company, a product, an action, a few figures and a
 * quote) written up by one to four different sources in different words, so topic grouping has real work.
 * The same seed always gives the same items. Nothing here reads the clock: `now` is a parameter.
 */
import { josa } from 'es-hangul';
import type { CollectedItem, TextBlock } from '../src/types.js';

// ---------------------------------------------------------------- seeded randomness

export type Rng = () => number;

/** mulberry32: small, fast, good enough for test data. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(r: Rng, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

function int(r: Rng, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1));
}

function shuffle<T>(r: Rng, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    const tmp = list[i]!;
    list[i] = list[j]!;
    list[j] = tmp;
  }
  return list;
}

function commas(n: number): string {
  const s = String(n);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return out;
}

// ---------------------------------------------------------------- vocabulary

interface Action {
  noun: string;
}

interface Domain {
  key: string;
  label: string;
  companies: readonly string[];
  products: readonly string[];
  actions: readonly Action[];
  /** Whether products carry a code name (‘노바 7’). */
  named: boolean;
  /** Domain-specific sentences with figures. */
  specs: ReadonlyArray<(s: Story) => string>;
  background: readonly string[];
  quotes: readonly string[];
  personTitles: readonly string[];
  /** What the amount measures (투자 규모, 예산 규모, …). */
  amountWord: string;
  /** Range of the amount in units of 10억 원, and whether it may be quoted in dollars. */
  amountRange: readonly [number, number];
  dollars: boolean;
  /** Wordings of the growth fact, where the generic ones do not fit. */
  growth?: readonly Say[];
  /** Whether analysts and foreign partners comment (not for government actions). */
  business: boolean;
}

type Say = (s: Story) => string;

const act = (...nouns: string[]): Action[] => nouns.map((noun) => ({ noun }));

const DOMAINS: readonly Domain[] = [
  {
    key: 'ai',
    label: 'AI',
    companies: ['새솔랩스', '누리소프트', '가온인텔리전스', '다온데이터', '한울클라우드', '미리내시스템즈', '이음연구소'],
    products: ['거대언어모델', 'AI 에이전트', '기업용 AI 비서', '추론 모델', '멀티모달 모델', 'AI 검색 서비스', '번역 엔진'],
    actions: act('공개', '출시', '도입', '고도화'),
    named: true,
    specs: [
      (s) => `${s.product}의 매개변수는 ${s.n1 * 10}억 개로, 이전 모델보다 크기를 줄이면서도 성능은 ${s.mult} 높였다.`,
      (s) => `한국어 추론 평가에서 ${s.n1 + 40}.${s.n2 % 10}점을 받아 공개 모델 가운데 가장 높은 점수를 기록했다.`,
      (s) => `응답 속도는 기존 대비 ${s.pct} 빨라졌고, 한 번에 처리하는 문서 길이는 ${s.mult} 늘었다.`,
    ],
    background: [
      '생성형 AI 경쟁이 모델 성능에서 서비스와 비용 효율로 옮겨 가고 있다.',
      '국내 기업들은 해외 모델 의존도를 낮추기 위해 자체 모델 개발에 속도를 내고 있다.',
      'GPU 확보 비용이 치솟으면서 작은 모델로 비슷한 성능을 내는 기술이 주목받고 있다.',
      '정부도 독자 AI 파운데이션 모델 사업을 통해 국내 모델 개발을 지원하고 있다.',
    ],
    quotes: [
      '작은 모델로도 충분히 깊게 생각할 수 있다는 점을 보여주고 싶었다',
      '고객이 비용 걱정 없이 AI를 쓰게 하는 것이 목표다',
      '한국어를 가장 잘 이해하는 모델이라고 자신한다',
    ],
    personTitles: ['대표', '연구소장', '최고기술책임자', 'AI 사업부장'],
    amountWord: '투자 규모',
    amountRange: [5, 500],
    dollars: true,
    business: true,
  },
  {
    key: 'semiconductors',
    label: '반도체',
    companies: ['한빛반도체', '누리전자', '세움칩스', '가람메모리', '다솜세미콘', '청운머티리얼즈'],
    products: ['고대역폭메모리', '2나노 파운드리 공정', 'AI 가속기', '차세대 D램', '고용량 낸드플래시', '첨단 패키징 라인'],
    actions: act('양산', '개발', '증설', '공급'),
    named: true,
    specs: [
      (s) => `데이터 처리 속도는 초당 ${(s.n1 % 4) + 1}.${s.n2 % 10}TB로, 이전 세대의 ${s.mult}에 이른다.`,
      (s) => `전력 효율은 이전 제품보다 ${s.pct} 좋아졌고, 수율은 ${55 + (s.n1 % 30)}% 수준으로 알려졌다.`,
      (s) => `업계에서는 내년 관련 출하량이 올해의 ${s.mult} 수준으로 늘어날 것으로 본다.`,
    ],
    background: [
      'AI 서버 투자가 늘면서 고성능 메모리와 가속기 수요가 공급을 웃돌고 있다.',
      '미국의 대중국 수출 규제가 이어지면서 공급망 재편이 빨라지고 있다.',
      '메모리 업황은 3분기를 바닥으로 회복세에 들어섰다는 평가가 나온다.',
      '경쟁사들도 연내 비슷한 제품의 공급을 예고해 점유율 경쟁이 치열해지고 있다.',
    ],
    quotes: [
      '고객이 원하는 시점에 원하는 물량을 공급할 수 있는 체제를 갖췄다',
      '기술 격차를 다시 벌리는 계기가 될 것이다',
      '수율 안정화가 올해 남은 가장 큰 과제다',
    ],
    personTitles: ['사장', '부사장', '메모리사업부장', '연구소장'],
    amountWord: '투자 규모',
    amountRange: [100, 3000],
    dollars: true,
    business: true,
  },
  {
    key: 'platforms',
    label: '플랫폼',
    companies: ['온담', '바로톡', '모아페이', '이웃마켓', '한결플랫폼', '다정커머스'],
    products: ['간편결제 서비스', '숏폼 동영상 서비스', '유료 멤버십', '라이브 커머스', '지도 서비스', '통합검색 화면'],
    actions: act('출시', '개편', '도입', '확대'),
    named: true,
    specs: [
      (s) => `월간 활성 이용자는 ${s.n1 * 10 + 300}만 명으로, 1년 전보다 ${s.pct} 늘었다.`,
      (s) => `이용자 1인당 하루 체류 시간은 ${s.n2 % 40 + 20}분으로 집계됐다.`,
      (s) => `회사는 이번 개편으로 거래액이 내년 ${s.mult}로 늘어날 것으로 기대한다.`,
    ],
    background: [
      '숏폼과 해외 플랫폼에 이용 시간을 빼앗기면서 국내 플랫폼의 성장세가 둔화했다.',
      '광고 매출 의존도를 낮추려는 시도가 업계 전반으로 번지고 있다.',
      '플랫폼 공정경쟁 규제 논의가 이어지면서 수수료 정책도 주목받고 있다.',
      '이용자 개인정보를 어떻게 다룰지가 새 서비스의 성패를 가를 변수로 꼽힌다.',
    ],
    quotes: [
      '가장 많은 사람이 매일 여는 앱에서 변화를 시작하겠다',
      '이용자가 체감할 수 있는 편의를 만드는 것이 먼저다',
      '창작자와 판매자에게 돌아가는 몫을 더 키우겠다',
    ],
    personTitles: ['대표', '서비스 총괄', '사업부문장', '최고제품책임자'],
    amountWord: '투자 규모',
    amountRange: [5, 300],
    dollars: false,
    business: true,
  },
  {
    key: 'markets',
    label: '증시',
    companies: ['대한중공업', '한결금융지주', '동해조선', '청운화학', '미래바이오', '서해해운'],
    products: ['자사주 매입', '분기 배당 확대', '유상증자', '해외 수주', '설비 투자', '교환사채 발행'],
    actions: act('발표', '결정', '공시', '추진'),
    named: false,
    specs: [
      (s) => `주가는 전 거래일보다 ${s.pct} 오른 ${commas(s.n1 * 1000 + 12000)}원에 장을 마쳤다.`,
      (s) => `외국인은 이날 ${commas(s.n2 * 10 + 120)}억 원어치를 순매수했다.`,
      (s) => `증권가는 목표주가를 기존보다 ${s.pct} 높였다.`,
    ],
    background: [
      '원/달러 환율이 1,400원대에 머물면서 외국인 수급이 불안정한 모습이다.',
      '기업가치 제고 정책에 맞춰 주주환원을 늘리는 상장사가 잇따르고 있다.',
      '미국 금리 인하 기대가 커지면서 국내 증시에도 훈풍이 불고 있다.',
      '코스피는 이번 달 들어 반도체 대형주를 중심으로 강세를 이어 가고 있다.',
    ],
    quotes: [
      '주주와 이익을 나누는 원칙을 꾸준히 지키겠다',
      '실적 개선 흐름이 내년까지 이어질 것이다',
      '시장과의 소통을 지금보다 훨씬 늘리겠다',
    ],
    personTitles: ['대표', '최고재무책임자', '경영지원실장'],
    amountWord: '전체 금액',
    amountRange: [10, 1000],
    dollars: false,
    growth: [
      (s) => `증권가는 이번 결정으로 주당순이익이 ${s.pct} 늘어날 것으로 본다.`,
      (s) => `시장에서는 주가 재평가 여지가 커졌다는 분석이 나온다. 현재 주가순자산비율(PBR)은 0.${(s.n1 % 9) + 1}배 수준이다.`,
      (s) => `${s.company}의 올해 영업이익은 ${commas(s.n2 * 10 + 100)}억 원으로 예상된다.`,
    ],
    business: true,
  },
  {
    key: 'startups',
    label: '스타트업',
    companies: ['라온랩스', '파인드메이트', '온길로보틱스', '별빛헬스케어', '그린루프', '모두의학습', '집밥연구소'],
    products: ['시리즈A 투자 유치', '시리즈B 투자 유치', '해외 법인 설립', '코스닥 상장 예비심사', '전략적 인수합병'],
    actions: act('완료', '마무리', '발표'),
    named: false,
    specs: [
      (s) => `누적 투자 유치 금액은 ${commas(s.n1 * 10 + 80)}억 원으로 늘었다.`,
      (s) => `올해 매출은 지난해의 ${s.mult}로 늘어날 것으로 회사는 내다봤다.`,
      (s) => `직원 수는 ${s.n2 + 30}명으로 1년 새 ${s.pct} 늘었다.`,
    ],
    background: [
      '벤처투자 시장이 얼어붙으면서 후기 단계 투자 유치가 특히 어려워졌다.',
      '정부는 딥테크 스타트업 지원 예산을 내년에 크게 늘리기로 했다.',
      '해외 시장을 처음부터 겨냥하는 국내 스타트업이 빠르게 늘고 있다.',
      '기업공개 시장이 살아나면서 상장을 서두르는 스타트업도 많아졌다.',
    ],
    quotes: [
      '내년에는 북미 고객 50곳을 확보하겠다',
      '이번 투자로 제품 고도화와 인재 확보에 속도를 내겠다',
      '흑자 전환을 먼저 이루고 다음 단계로 가겠다',
    ],
    personTitles: ['대표', '공동창업자', '최고운영책임자'],
    amountWord: '투자 유치 금액',
    amountRange: [2, 100],
    dollars: false,
    growth: [
      (s) => `회사는 이번 자금으로 내년 매출을 ${s.pct} 이상 늘리겠다는 계획이다.`,
      (s) => `올해 거래액은 지난해의 ${s.mult}로 늘어날 전망이다.`,
      (s) => `회사는 ${s.n2 + 10}명 규모의 추가 채용에 나선다.`,
    ],
    business: true,
  },
  {
    key: 'batteries',
    label: '배터리',
    companies: ['가람에너지', '한빛배터리', '누리케미칼', '청람소재', '리셀에너지'],
    products: ['전고체 배터리', 'LFP 배터리', '46시리즈 원통형 배터리', '양극재 공장', '폐배터리 재활용 공장', '에너지저장장치'],
    actions: act('양산', '착공', '개발', '가동'),
    named: true,
    specs: [
      (s) => `연간 생산능력은 ${s.n1 + 10}GWh로, 전기차 약 ${s.n1 + 10}만 대에 들어가는 물량이다.`,
      (s) => `에너지 밀도는 기존 제품보다 ${s.pct} 높고, 충전 시간은 ${s.n2 % 20 + 10}분으로 짧아졌다.`,
      (s) => `셀 1kWh당 생산 단가는 기존의 ${s.mult} 수준으로 낮아질 전망이다.`,
    ],
    background: [
      '전기차 수요 둔화가 길어지면서 배터리 업계는 에너지저장장치 시장으로 눈을 돌리고 있다.',
      '미국 인플레이션감축법의 세액공제를 받으려면 현지 생산이 필수다.',
      '리튬 가격이 반등하면서 소재 업체들의 실적 개선 기대가 커지고 있다.',
      '중국 업체들의 저가 공세가 이어지면서 가격 경쟁력이 과제로 떠올랐다.',
    ],
    quotes: [
      '가장 먼저 현지 양산 체제를 갖췄다는 데 의미가 있다',
      '안전성과 가격을 함께 잡은 제품이다',
      '에너지저장장치 매출 비중을 절반까지 높이겠다',
    ],
    personTitles: ['사장', '생산법인장', '연구소장', '전무'],
    amountWord: '투자 규모',
    amountRange: [50, 2000],
    dollars: true,
    business: true,
  },
  {
    key: 'telecom',
    label: '통신',
    companies: ['미르텔레콤', '한울통신', '누리모바일', '가온네트웍스'],
    products: ['5G 단독모드', '6G 시험망', '저궤도 위성통신', '온라인 전용 요금제', 'AI 데이터센터', '양자암호 통신망'],
    actions: act('상용화', '개통', '구축', '출시'),
    named: true,
    specs: [
      (s) => `전송 지연시간은 ${s.n2 % 9 + 2}ms 수준으로, 기존 방식의 절반으로 줄어든다.`,
      (s) => `가입자는 ${s.n1 * 10 + 100}만 명으로, 올해 들어 ${s.pct} 늘었다.`,
      (s) => `회사는 관련 매출이 2028년 ${s.mult}로 커질 것으로 본다.`,
    ],
    background: [
      '5G 가입자 증가세가 꺾이면서 통신사들은 새 수익원 찾기에 나섰다.',
      '정부는 6G 상용화에 앞서 네트워크 고도화를 서둘러 달라고 요구해 왔다.',
      '통신사들은 AI 데이터센터를 차세대 성장 동력으로 꼽고 있다.',
      '알뜰폰과의 요금 경쟁이 치열해지면서 가입자 1인당 매출이 정체됐다.',
    ],
    quotes: [
      '6G로 가기 위한 필수 단계를 밟고 있다',
      '이용자가 체감하는 품질을 한 단계 끌어올리겠다',
      '통신을 넘어 AI 인프라 기업으로 바뀌겠다',
    ],
    personTitles: ['대표', '네트워크 부문장', '전무'],
    amountWord: '투자 규모',
    amountRange: [20, 1000],
    dollars: false,
    business: true,
  },
  {
    key: 'policy',
    label: '정책',
    companies: ['과학기술정보통신부', '산업통상자원부', '중소벤처기업부', '금융위원회', '공정거래위원회'],
    products: ['AI 기본법 시행령', '데이터센터 전력 지원 방안', '규제 샌드박스 확대 방안', '플랫폼 공정경쟁 법안', '반도체 지원 특별법', '창업 지원 예산안'],
    actions: act('발표', '확정', '공개', '의결'),
    named: false,
    specs: [
      (s) => `정부는 2030년까지 ${josa(s.amount, '을/를')} 투입할 계획이다.`,
      (s) => `지원 대상 기업은 올해보다 ${s.pct} 늘어난 ${commas(s.n1 * 20 + 200)}곳이다.`,
      (s) => `관련 인허가 기간은 지금의 절반 수준으로 줄어든다.`,
    ],
    background: [
      '업계는 그동안 규제가 신산업의 발목을 잡는다고 호소해 왔다.',
      '주요국이 AI와 반도체 산업에 막대한 보조금을 쏟아붓고 있다.',
      '국회 논의 과정에서 세부 내용이 바뀔 가능성도 있다.',
      '재원 마련 방안이 구체적이지 않다는 지적도 나온다.',
    ],
    quotes: [
      '기업이 현장에서 체감할 수 있도록 속도를 내겠다',
      '규제보다 진흥에 무게를 두겠다',
      '관계 부처와 함께 후속 조치를 서두르겠다',
    ],
    personTitles: ['장관', '차관', '정책관', '국장'],
    amountWord: '예산 규모',
    amountRange: [100, 3000],
    dollars: false,
    business: false,
    growth: [
      (s) => `정부는 이번 조치로 관련 산업 매출이 ${s.pct} 늘어날 것으로 기대한다.`,
      (s) => `관련 업계는 투자 유발 효과가 지원액의 ${s.mult}에 이를 것으로 본다.`,
      (s) => `${josa(s.company, '은/는')} 일자리 ${commas(s.n2 * 100 + 1000)}개가 새로 생길 것으로 내다봤다.`,
    ],
  },
  {
    key: 'mobility',
    label: '모빌리티',
    companies: ['다온모터스', '한길자동차', '새길모빌리티', '누리로보택시'],
    products: ['레벨3 자율주행', '전용 전기차 플랫폼', '로보택시 서비스', '무선 소프트웨어 업데이트', '수소 트럭'],
    actions: act('출시', '상용화', '공개', '시작'),
    named: true,
    specs: [
      (s) => `누적 시험 주행 거리는 ${s.n1 + 20}만㎞에 이른다.`,
      (s) => `가격은 ${commas(s.n2 * 10 + 300)}만 원이며, 월 구독형으로도 쓸 수 있다.`,
      (s) => `1회 충전 주행거리는 ${s.n1 * 5 + 400}㎞로 기존 모델보다 ${s.pct} 늘었다.`,
    ],
    background: [
      '소프트웨어 중심 자동차 경쟁에서 자율주행은 가장 확실한 수익원으로 꼽힌다.',
      '해외 완성차 업체들은 이미 비슷한 기능을 상용화했다.',
      '사고가 나면 제조사 책임이 커지는 만큼 업계는 출시 시점을 저울질해 왔다.',
      '전기차 수요가 주춤하면서 하이브리드와 소프트웨어로 수익을 내려는 움직임이 커지고 있다.',
    ],
    quotes: [
      '운전자가 쉴 수 있는 차를 가장 먼저 내놓겠다',
      '안전을 최우선에 두고 기능을 넓혀 가겠다',
      '소프트웨어로 돈을 버는 회사로 바뀌겠다',
    ],
    personTitles: ['사장', '연구개발본부장', '부사장'],
    amountWord: '투자 규모',
    amountRange: [20, 1500],
    dollars: true,
    business: true,
  },
];

/** Topic keys the generator uses (the `topics` column of generated subscribers). */
export const TOPIC_KEYS: readonly string[] = DOMAINS.map((d) => d.key);

const CODENAMES = [
  '오로라', '노바', '루멘', '아틀라스', '포르테', '제니스', '하모니', '가온', '다온', '미르',
  '한울', '누리', '솔라', '베가', '시그마', '오리온', '카이로스', '마루', '빛결', '이든',
] as const;
const CODE_SUFFIX = ['1', '2', '3', '5', '7', '9', 'X', '프로', '울트라', '맥스'] as const;

const SURNAMES = [
  ['김', 'kim'], ['이', 'lee'], ['박', 'park'], ['최', 'choi'], ['정', 'jung'], ['강', 'kang'], ['조', 'cho'],
  ['윤', 'yoon'], ['장', 'jang'], ['임', 'lim'], ['한', 'han'], ['오', 'oh'], ['서', 'seo'], ['신', 'shin'],
  ['권', 'kwon'], ['황', 'hwang'], ['송', 'song'], ['류', 'ryu'], ['홍', 'hong'], ['문', 'moon'],
] as const;
const GIVEN = [
  ['민준', 'minjun'], ['서연', 'seoyeon'], ['도윤', 'doyun'], ['하은', 'haeun'], ['지호', 'jiho'],
  ['수빈', 'subin'], ['예린', 'yerin'], ['준서', 'junseo'], ['지민', 'jimin'], ['현우', 'hyunwoo'],
  ['소영', 'soyoung'], ['태윤', 'taeyun'], ['가람', 'garam'], ['하늘', 'haneul'], ['재훈', 'jaehoon'],
  ['유진', 'yujin'], ['성우', 'sungwoo'], ['다은', 'daeun'], ['민호', 'minho'], ['지원', 'jiwon'],
] as const;

const BROKERS = ['한빛투자증권', '새솔증권', '누리증권', '가람자산운용', '청운리서치'] as const;
const FOREIGN = ['Northwind Systems', 'Bluepeak Labs', 'Harbor Semiconductor', 'Cedar Mobility', 'Quanta Cloud'] as const;

const SOURCE_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['테크데일리', 'techdaily'],
  ['마켓워치코리아', 'marketwatch'],
  ['스타트업브리프', 'startupbrief'],
  ['디지털타임라인', 'digitaltimeline'],
  ['전자신보', 'etimes'],
  ['경제투데이', 'econtoday'],
  ['벤처타임스', 'venturetimes'],
  ['에너지경제신보', 'energynews'],
  ['플랫폼워치', 'platformwatch'],
  ['데일리비즈', 'dailybiz'],
  ['모바일인사이트', 'mobileinsight'],
  ['코리아테크리뷰', 'koreatechreview'],
];

function sourceAt(i: number): { name: string; slug: string } {
  const known = SOURCE_NAMES[i];
  return known ? { name: known[0], slug: known[1] } : { name: `뉴스${i + 1}`, slug: `news${i + 1}` };
}

// ---------------------------------------------------------------- stories

interface Person {
  name: string;
  title: string;
}

interface Story {
  domain: Domain;
  company: string;
  /** Product phrase, with the code name when the domain uses one. */
  product: string;
  action: Action;
  amount: string;
  pct: string;
  mult: string;
  n1: number;
  n2: number;
  /** Story time (ms). */
  at: number;
  day: number;
  dotted: string;
  person: Person;
  quote: string;
  analyst: Person;
  broker: string;
  foreign: string;
  /** Per-story offset so sibling items pick different wordings. */
  base: number;
}

function personName(r: Rng): string {
  return pick(r, SURNAMES)[0] + pick(r, GIVEN)[0];
}

function amountOf(r: Rng, d: Domain): string {
  const eok = int(r, d.amountRange[0], d.amountRange[1]) * 10;
  if (d.dollars && r() < 0.25) return `${commas(Math.max(1, Math.round(eok / 1400)))}억 달러`;
  if (eok < 10000) return `${commas(eok)}억 원`;
  const rest = eok % 10000;
  return rest === 0 ? `${Math.floor(eok / 10000)}조 원` : `${Math.floor(eok / 10000)}조 ${commas(rest)}억 원`;
}

const KST = 9 * 3_600_000;

function makeStory(r: Rng, at: number): Story {
  const domain = pick(r, DOMAINS);
  const noun = pick(r, domain.products);
  const product = domain.named ? `‘${pick(r, CODENAMES)} ${pick(r, CODE_SUFFIX)}’ ${noun}` : noun;
  const k = new Date(at + KST);
  const day = k.getUTCDate();
  return {
    domain,
    company: pick(r, domain.companies),
    product,
    action: pick(r, domain.actions),
    amount: amountOf(r, domain),
    pct: `${int(r, 2, 48)}.${int(r, 0, 9)}%`,
    mult: `${int(r, 1, 4)}.${int(r, 1, 9)}배`,
    n1: int(r, 1, 60),
    n2: int(r, 1, 90),
    at,
    day,
    dotted: `${k.getUTCFullYear()}. ${k.getUTCMonth() + 1}. ${day}.`,
    person: { name: personName(r), title: pick(r, domain.personTitles) },
    quote: pick(r, domain.quotes),
    analyst: { name: personName(r), title: '연구원' },
    broker: pick(r, BROKERS),
    foreign: pick(r, FOREIGN),
    base: int(r, 0, 11),
  };
}

// Each fact has several wordings; sibling items of a story choose different ones.

const LEADS: readonly Say[] = [
  (s) => `${josa(s.company, '이/가')} ${josa(s.product, '을/를')} ${s.action.noun}했다고 ${s.day}일 밝혔다.`,
  (s) => `${josa(s.company, '은/는')} ${s.day}일 ${s.product}의 ${josa(s.action.noun, '을/를')} 공식화했다.`,
  (s) => `${josa(s.company, '이/가')} ${s.product} ${s.action.noun}에 나섰다.`,
  (s) => `${josa(s.company, '이/가')} ${s.dotted} ${s.product} ${s.action.noun} 소식을 알렸다.`,
];

const AMOUNTS: readonly Say[] = [
  (s) => `${josa(s.domain.amountWord, '은/는')} ${s.amount}에 이른다.`,
  (s) => `${josa(s.company, '이/가')} 밝힌 ${josa(s.domain.amountWord, '은/는')} ${s.amount} 수준이다.`,
  (s) => `업계에서는 ${josa(s.domain.amountWord, '을/를')} ${s.amount} 안팎으로 추산한다.`,
];

const GROWTH: readonly Say[] = [
  (s) => `회사 측은 관련 매출이 내년 ${s.pct} 늘어날 것으로 내다봤다.`,
  (s) => `이번 ${josa(s.action.noun, '으로/로')} ${s.domain.label} 시장 점유율이 ${(s.n1 % 5) + 1}.${s.n2 % 10}%포인트가량 오를 것이라는 분석이 나온다.`,
  (s) => `시장에서는 ${s.company}의 관련 영업이익이 내년 ${commas(s.n2 * 10 + 100)}억 원을 넘어설 수 있다고 본다.`,
];

const QUOTES: readonly Say[] = [
  (s) => `${s.person.name} ${s.company} ${josa(s.person.title, '은/는')} “${s.quote}”고 말했다.`,
  (s) => `${s.company}의 ${s.person.name} ${josa(s.person.title, '은/는')} “${s.quote}”며 자신감을 보였다.`,
  (s) => `${s.person.name} ${josa(s.person.title, '은/는')} 간담회에서 “${s.quote}”고 강조했다.`,
];

const OUTLOOK: readonly Say[] = [
  (s) => `관건은 실행 속도다. ${josa(s.product, '이/가')} 실제 성과로 이어지기까지는 시간이 더 걸릴 수 있다.`,
  (s) => `경쟁사들도 비슷한 계획을 내놓고 있어 ${s.domain.label} 시장의 경쟁은 한층 치열해질 전망이다.`,
  (s) => `업계는 ${s.company}의 다음 행보에 주목하고 있다. 후속 발표는 내년 상반기로 예상된다.`,
];

const ANALYST: Say = (s) =>
  `${s.analyst.name} ${s.broker} ${josa(s.analyst.title, '은/는')} “${s.company}의 이번 ${josa(s.action.noun, '은/는')} 중장기 실적에 긍정적이다”라고 평가했다.`;

const OFFICIAL: Say = (s) =>
  `업계 관계자는 “이번 ${josa(s.product, '이/가')} 현장의 숨통을 틔울 것”이라고 말했다.`;

const ABROAD: readonly Say[] = [
  (s) => `미국 ${s.foreign} Inc.와의 협력도 넓힌다. U.S. 시장 진출은 내년 하반기가 목표다.`,
  (s) => `해외에서는 ${s.foreign} Inc.가 비슷한 제품을 준비하고 있어 맞대결이 불가피하다.`,
];

const TITLES: readonly Say[] = [
  (s) => `${s.company}, ${s.product} ${s.action.noun}… ${s.amount} 규모`,
  (s) => `${s.company} ${s.product} ${s.action.noun}… “${s.quote}”`,
  (s) => `${s.product} ${s.action.noun}한 ${s.company}, ${s.pct} 성장 노린다`,
  (s) => `[단독] ${s.company}, ${s.product} ${s.action.noun} 임박`,
  (s) =>
    s.domain.business
      ? `${s.company}, ${s.domain.label} 시장에 ${s.product} 승부수`
      : `${s.company}, ${s.product} ${s.action.noun}… 후속 조치 속도`,
];

function wording<T>(list: readonly T[], s: Story, k: number): T {
  return list[(s.base + k) % list.length]!;
}

function itemBlocks(r: Rng, s: Story, k: number): TextBlock[] {
  const blocks: TextBlock[] = [];
  const p = (text: string): void => {
    blocks.push({ kind: 'paragraph', text });
  };
  p(`${wording(LEADS, s, k)(s)} ${wording(AMOUNTS, s, k)(s)}`);
  p(`${wording(s.domain.specs, s, k)(s)} ${wording(s.domain.growth ?? GROWTH, s, k)(s)}`);
  if (r() < 0.5) blocks.push({ kind: 'heading', text: '배경은' });
  const bg = shuffle(r, [...s.domain.background]);
  p(`${bg[0]!} ${bg[1]!}`);
  p(wording(QUOTES, s, k)(s));
  if (r() < 0.2) {
    blocks.push({ kind: 'heading', text: '주요 내용' });
    blocks.push({ kind: 'list-item', text: `${s.action.noun} 대상: ${s.product}` });
    blocks.push({ kind: 'list-item', text: `규모: ${s.amount}` });
    blocks.push({ kind: 'list-item', text: `목표: 관련 매출 ${s.pct} 증가` });
  }
  if (r() < 0.4) blocks.push({ kind: 'heading', text: '앞으로는' });
  const outlook = wording(OUTLOOK, s, k)(s);
  if (r() < 0.5) p(s.domain.business ? `${outlook} ${ANALYST(s)}` : `${outlook} ${OFFICIAL(s)}`);
  else p(outlook);
  if (r() < 0.4) p(s.domain.business ? `${wording(ABROAD, s, k)(s)} ${bg[2]!}` : `${bg[2]!} ${bg[3]!}`);
  return blocks;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const NEEDS_ESCAPE = /[&<>"']/;

function escapeText(s: string): string {
  return NEEDS_ESCAPE.test(s) ? s.replace(/[&<>"']/g, (c) => ESCAPES[c]!) : s;
}

/** The blocks as simple, safe HTML (what collect's sanitized output looks like). */
export function blocksToHtml(blocks: readonly TextBlock[]): string {
  let html = '';
  let inList = false;
  for (const b of blocks) {
    if (b.kind === 'list-item' && !inList) {
      html += '<ul>';
      inList = true;
    } else if (b.kind !== 'list-item' && inList) {
      html += '</ul>';
      inList = false;
    }
    const t = escapeText(b.text);
    if (b.kind === 'heading') html += `<h3>${t}</h3>`;
    else if (b.kind === 'list-item') html += `<li>${t}</li>`;
    else if (b.kind === 'quote') html += `<blockquote>${t}</blockquote>`;
    else html += `<p>${t}</p>`;
  }
  if (inList) html += '</ul>';
  return html;
}

export interface GenerateOptions {
  /** Same seed, same items. Default 1. */
  seed?: number;
  /** Reference time; every item is published before it. */
  now: Date;
  /** How many sources write the items (names: 테크데일리, 마켓워치코리아, …). Default 8. */
  sources?: number;
  /** Items spread over this many hours before `now`. Default 168 (a week). */
  windowHours?: number;
}

/** One generated story: the items different sources wrote about the same event (ground truth for grouping). */
export interface GeneratedStory {
  /** Stable within one call: `s1`, `s2`, … */
  id: string;
  /** Topic key of the story (ai, semiconductors, …; see TOPIC_KEYS). */
  topic: string;
  /** Company or agency the story is about. */
  subject: string;
  /** Each from a different source, in writing order. */
  items: CollectedItem[];
}

/**
 * Stories with `n` items in total: one to four items per story (never more than `sources`), each item of a
 * story from a different source and worded differently, sharing the story's names, figures and quote.
 */
export function generateStories(n: number, opts: GenerateOptions): GeneratedStory[] {
  const seed = opts.seed ?? 1;
  const r = seededRng(seed);
  const sourceCount = Math.max(1, Math.floor(opts.sources ?? 8));
  const windowMs = (opts.windowHours ?? 168) * 3_600_000;
  const end = opts.now.getTime() - 60_000;
  const idBase = ((seed >>> 0) % 9000 + 1000) * 1_000_000;
  const sources = Array.from({ length: sourceCount }, (_, i) => sourceAt(i));
  const stories: GeneratedStory[] = [];
  let count = 0;

  while (count < n) {
    const at = end - Math.floor(r() * windowMs);
    const s = makeStory(r, at);
    const roll = r();
    const wanted = roll < 0.4 ? 1 : roll < 0.7 ? 2 : roll < 0.9 ? 3 : 4;
    const size = Math.min(wanted, sourceCount, n - count);
    const writers = shuffle(r, sources.map((_, i) => i)).slice(0, size);
    const items: CollectedItem[] = [];
    for (let k = 0; k < size; k++) {
      const src = sources[writers[k]!]!;
      const idx = ++count;
      const published = Math.min(end, at + Math.floor(r() * 12 * 3_600_000));
      const blocks = itemBlocks(r, s, k);
      const canonical = `https://${src.slug}.example.kr/news/articleView.html?idxno=${idBase + idx}`;
      const tracked = r() < 0.15;
      items.push({
        source: src.name,
        guid: `${src.slug}-${seed}-${idx}`,
        link: tracked ? `${canonical}&utm_source=rss&utm_medium=feed` : canonical,
        canonicalLink: canonical,
        title: wording(TITLES, s, k)(s),
        publishedAt: new Date(published).toISOString(),
        author: `${personName(r)} 기자`,
        html: blocksToHtml(blocks),
        blocks,
      });
    }
    stories.push({ id: `s${stories.length + 1}`, topic: s.domain.key, subject: s.company, items });
  }
  return stories;
}

/** The items of `generateStories`, in a shuffled order (the same for the same seed). */
export function generateItems(n: number, opts: GenerateOptions): CollectedItem[] {
  const items = generateStories(n, opts).flatMap((st) => st.items);
  return shuffle(seededRng((opts.seed ?? 1) ^ 0x5bd1e995), items);
}

// ---------------------------------------------------------------- feeds and subscribers

// Characters XML 1.0 does not allow.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function xml(s: string): string {
  return escapeText(s.replace(XML_INVALID, ''));
}

/** An RSS 2.0 document (with content:encoded) of the items, every value escaped. */
export function generateFeedXml(items: readonly CollectedItem[], opts: { title: string; link: string }): string {
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n',
    `<channel>\n<title>${xml(opts.title)}</title>\n<link>${xml(opts.link)}</link>\n`,
    `<description>${xml(opts.title)}</description>\n<language>ko</language>\n`,
  ];
  for (const it of items) {
    const first = it.blocks.find((b) => b.kind === 'paragraph')?.text ?? '';
    const html = it.html || blocksToHtml(it.blocks);
    parts.push(
      '<item>\n',
      `<title>${xml(it.title)}</title>\n`,
      `<link>${xml(it.link)}</link>\n`,
      `<guid isPermaLink="false">${xml(it.guid)}</guid>\n`,
      `<pubDate>${new Date(it.publishedAt).toUTCString()}</pubDate>\n`,
      it.author ? `<dc:creator>${xml(it.author)}</dc:creator>\n` : '',
      `<description>${xml(first)}</description>\n`,
      `<content:encoded>${xml(html)}</content:encoded>\n`,
      '</item>\n',
    );
  }
  parts.push('</channel>\n</rss>\n');
  return parts.join('');
}

/**
 * A subscriber CSV (`email,name,topics`) of `n` people with Korean names at example.com/example.org;
 * about one in six has topic preferences (`;`-separated topic keys).
 */
export function generateSubscribersCsv(n: number, seed = 1): string {
  const r = seededRng(seed);
  const rows: string[] = ['email,name,topics'];
  for (let i = 1; i <= n; i++) {
    const [sur, surRoman] = pick(r, SURNAMES);
    const [given, givenRoman] = pick(r, GIVEN);
    const domain = i % 3 === 0 ? 'example.org' : 'example.com';
    let topics = '';
    if (r() < 0.16) {
      const a = pick(r, TOPIC_KEYS);
      const b = pick(r, TOPIC_KEYS);
      topics = a === b ? a : `${a};${b}`;
    }
    rows.push(`${givenRoman}.${surRoman}${i}@${domain},${sur}${given},${topics}`);
  }
  return rows.join('\n') + '\n';
}
