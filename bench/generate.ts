/**
 * Deterministic generator of realistic Korean news items for benchmarks and tests.
 *
 * Items come in stories: each story is one event (a company, a product, an action, a place, a few figures
 * and a quote) written up by one to four different sources in different words, so topic grouping has real
 * work. As in real news, a story's specific names are its own: most companies, product code names, people,
 * places and partners are drawn from combinatorial pools of thousands, and only a domain's few well-known
 * players recur across stories. Items of different stories then share mostly the generic words of their
 * domain, and items of one story share the specific ones. The same seed always gives the same items.
 * Nothing here reads the clock: `now` is a parameter.
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
  /** The domain's well-known players, which recur across stories. */
  companies: readonly string[];
  /** How often a story is about one of `companies`; the others get a generated name. */
  majorShare: number;
  /** Endings of generated company names (가온 + 랩스). */
  suffixes: readonly string[];
  products: readonly string[];
  /** Words that set one story's product apart (a product is `qualifier noun`: 경량 추론 모델). */
  qualifiers: readonly string[];
  actions: readonly Action[];
  /** Whether products carry a code name (‘노바 7’). */
  named: boolean;
  /** Second words of code names, where the generic ones (7, X, 프로, …) do not fit. */
  codeSuffixes?: readonly string[];
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
    companies: [
      '새솔랩스',
      '누리소프트',
      '가온인텔리전스',
      '다온데이터',
      '한울클라우드',
      '미리내시스템즈',
      '이음연구소',
    ],
    majorShare: 0.2,
    suffixes: ['랩스', '소프트', '인텔리전스', '데이터', '시스템즈', '클라우드'],
    products: [
      '거대언어모델',
      'AI 에이전트',
      '기업용 AI 비서',
      '추론 모델',
      '멀티모달 모델',
      'AI 검색 서비스',
      '번역 엔진',
      '음성인식 엔진',
      '코딩 도우미',
      '의료영상 판독 AI',
      '문서 요약 솔루션',
      '고객상담 챗봇',
      '영상 생성 모델',
      '온디바이스 AI',
      '법률 검토 AI',
      '보안관제 AI',
      '회의록 작성 AI',
      '광고 카피 생성 AI',
      '신약 후보 탐색 AI',
      '수요 예측 AI',
      '이상거래 탐지 AI',
      '자율 데이터 분석 도구',
      '음성 합성 엔진',
      '교육용 AI 튜터',
      '상품 추천 엔진',
      '설계 자동화 AI',
      '사진 편집 AI',
      '법인세 신고 AI',
    ],
    qualifiers: [
      '경량',
      '한국어 특화',
      '초거대',
      '오픈소스',
      '금융 특화',
      '제조 특화',
      '공공용',
      '실시간',
      '소형',
      '보안 강화형',
    ],
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
    majorShare: 0.25,
    suffixes: ['반도체', '전자', '칩스', '세미콘', '메모리', '머티리얼즈'],
    products: [
      '고대역폭메모리',
      '2나노 파운드리 공정',
      'AI 가속기',
      '차세대 D램',
      '고용량 낸드플래시',
      '첨단 패키징 라인',
      '전력 반도체',
      '이미지센서',
      '차량용 시스템반도체',
      '저전력 모바일 D램',
      '기업용 SSD',
      '유리기판',
      '뉴로모픽 칩',
      '실리콘 포토닉스 칩',
      'CXL 메모리 모듈',
      '3나노 모바일 AP',
      '온디바이스 NPU',
      '웨이퍼 검사 장비',
      'EUV 노광 공정',
      '하이브리드 본딩 장비',
      '차량용 MCU',
      '전력관리칩',
      'RF 통신칩',
      '디스플레이 구동칩',
      '서버용 CPU',
      'PIM 반도체',
    ],
    qualifiers: [
      '12단 적층',
      '16단',
      '초저전력',
      '서버용',
      '모바일용',
      '차량용',
      '차세대',
      '고용량',
      '초고속',
      '맞춤형',
    ],
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
    majorShare: 0.2,
    suffixes: ['톡', '페이', '마켓', '플랫폼', '커머스', '웍스'],
    products: [
      '간편결제 서비스',
      '숏폼 동영상 서비스',
      '유료 멤버십',
      '라이브 커머스',
      '지도 서비스',
      '통합검색 화면',
      '중고거래 앱',
      '음식 배달 구독',
      '웹툰 플랫폼',
      '여행 예약 서비스',
      '오픈마켓 수수료 체계',
      '선물하기 서비스',
      '동네 커뮤니티',
      '모바일 신분증',
      '반려동물 쇼핑몰',
      '부동산 중개 앱',
      '중고차 거래 플랫폼',
      '공연 예매 서비스',
      '세무 신고 앱',
      '사내 메신저',
      '전자책 구독',
      '음원 스트리밍',
      '뷰티 커머스',
      '식자재 배송',
      '구인구직 앱',
      '캠핑장 예약 서비스',
    ],
    qualifiers: [
      '10대 전용',
      '시니어 맞춤',
      '해외 결제 지원',
      '무료',
      '오프라인 연계',
      'AI 추천 기반',
      '구독형',
      '지역 기반',
      '소상공인 전용',
      '통합',
    ],
    actions: act('출시', '개편', '도입', '확대'),
    named: true,
    specs: [
      (s) => `월간 활성 이용자는 ${s.n1 * 10 + 300}만 명으로, 1년 전보다 ${s.pct} 늘었다.`,
      (s) => `이용자 1인당 하루 체류 시간은 ${(s.n2 % 40) + 20}분으로 집계됐다.`,
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
    majorShare: 0.15,
    suffixes: ['중공업', '금융지주', '조선', '화학', '바이오', '해운', '건설', '제약'],
    products: [
      '자사주 매입',
      '분기 배당 확대',
      '유상증자',
      '해외 수주',
      '설비 투자',
      '교환사채 발행',
      '자사주 소각',
      '물적분할',
      '공개매수',
      '액면분할',
      '지분 매각',
      '대규모 수주 계약',
      '전환사채 발행',
      '중간배당',
      '해외 공장 매각',
      '자회사 상장',
      '신주인수권부사채 발행',
      '밸류업 공시',
      '무상증자',
      '경영권 인수',
      '해외 법인 청산',
      '우선주 상환',
      '영구채 발행',
      '합병 비율 확정',
      '배당 기준일 변경',
      '신규 시설 투자',
    ],
    qualifiers: [
      '1,000억 원 규모',
      '역대 최대 규모',
      '3년 만의',
      '상반기',
      '하반기',
      '사상 첫',
      '주주 친화형',
      '추가',
      '장기',
      '대규모',
    ],
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
      (s) =>
        `시장에서는 주가 재평가 여지가 커졌다는 분석이 나온다. 현재 주가순자산비율(PBR)은 0.${(s.n1 % 9) + 1}배 수준이다.`,
      (s) => `${s.company}의 올해 영업이익은 ${commas(s.n2 * 10 + 100)}억 원으로 예상된다.`,
    ],
    business: true,
  },
  {
    key: 'startups',
    label: '스타트업',
    companies: ['라온랩스', '파인드메이트', '온길로보틱스', '별빛헬스케어', '그린루프', '모두의학습', '집밥연구소'],
    majorShare: 0.1,
    suffixes: ['랩스', '로보틱스', '헬스케어', '메이트', '스튜디오', '테크', '에듀'],
    products: [
      '시리즈A 투자 유치',
      '시리즈B 투자 유치',
      '해외 법인 설립',
      '코스닥 상장 예비심사',
      '전략적 인수합병',
      '프리IPO 투자 유치',
      '시드 투자 유치',
      '글로벌 파트너십',
      '일본 시장 진출',
      '신규 플랫폼 출시',
      '기술특례 상장',
      '브릿지 투자 유치',
      '팁스 선정',
      '미국 델라웨어 법인 전환',
      '시리즈C 투자 유치',
      '사우디 진출',
      '대기업 공동개발 계약',
      '크라우드펀딩',
      '정부 R&D 과제 수주',
      '인도 법인 설립',
      'CES 혁신상 수상',
      '유럽 인증 획득',
      '흑자 전환',
      '엑시트',
    ],
    qualifiers: [
      '후속',
      '대규모',
      '단독',
      '해외 투자사 주도',
      '첫',
      '100억 원대',
      '역대 최대',
      '연내',
      '전략적',
      '글로벌',
    ],
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
    majorShare: 0.25,
    suffixes: ['에너지', '배터리', '케미칼', '소재', '머티리얼즈'],
    products: [
      '전고체 배터리',
      'LFP 배터리',
      '46시리즈 원통형 배터리',
      '양극재 공장',
      '폐배터리 재활용 공장',
      '에너지저장장치',
      '나트륨이온 배터리',
      '실리콘 음극재',
      '리튬 제련 공장',
      '배터리 관리 시스템',
      '분리막 라인',
      '급속 충전 셀',
      '전해액 공장',
      '리튬메탈 배터리',
      '전구체 공장',
      '동박 라인',
      '바나듐 흐름전지',
      '배터리 여권 시스템',
      '셀투팩 기술',
      '건식 전극 공정',
      '코발트 프리 양극재',
      '소형 원통형 셀',
      '무선 충전 패드',
      '배터리 진단 서비스',
      '전기선박 배터리',
    ],
    qualifiers: [
      '고니켈',
      '고전압',
      '대형',
      '저온 특화',
      '장수명',
      '초급속 충전',
      '보급형',
      '고밀도',
      '안전 강화형',
      '북미 전용',
    ],
    actions: act('양산', '착공', '개발', '가동'),
    named: true,
    specs: [
      (s) => `연간 생산능력은 ${s.n1 + 10}GWh로, 전기차 약 ${s.n1 + 10}만 대에 들어가는 물량이다.`,
      (s) => `에너지 밀도는 기존 제품보다 ${s.pct} 높고, 충전 시간은 ${(s.n2 % 20) + 10}분으로 짧아졌다.`,
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
    majorShare: 0.25,
    suffixes: ['텔레콤', '통신', '모바일', '네트웍스'],
    products: [
      '5G 단독모드',
      '6G 시험망',
      '저궤도 위성통신',
      '온라인 전용 요금제',
      'AI 데이터센터',
      '양자암호 통신망',
      '5G 특화망',
      '해저 광케이블',
      '가족 결합 요금제',
      '도심항공교통 통신망',
      '오픈랜 장비',
      '기업용 전용회선',
      'AI 통화비서',
      '로밍 요금제',
      '사물인터넷 전용망',
      '인터넷TV 개편',
      '클라우드 게임 서비스',
      '엣지 컴퓨팅 센터',
      '디지털 트윈 플랫폼',
      '통신 장애 예측 시스템',
      '키즈폰 요금제',
      'e심 서비스',
      '위성 직접통신',
      '스팸 차단 서비스',
    ],
    qualifiers: [
      '전국 단위',
      '수도권',
      '기업 전용',
      '초저지연',
      '지하철 구간',
      '산업단지',
      '해상',
      '공항',
      '대학 캠퍼스',
      '스마트시티',
    ],
    actions: act('상용화', '개통', '구축', '출시'),
    named: true,
    specs: [
      (s) => `전송 지연시간은 ${(s.n2 % 9) + 2}ms 수준으로, 기존 방식의 절반으로 줄어든다.`,
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
    companies: [
      '과학기술정보통신부',
      '산업통상자원부',
      '중소벤처기업부',
      '금융위원회',
      '공정거래위원회',
      '국토교통부',
      '기획재정부',
      '환경부',
      '고용노동부',
      '방송통신위원회',
      '개인정보보호위원회',
      '행정안전부',
    ],
    majorShare: 1,
    suffixes: [],
    products: [
      'AI 기본법 시행령',
      '데이터센터 전력 지원 방안',
      '규제 샌드박스 확대 방안',
      '플랫폼 공정경쟁 법안',
      '반도체 지원 특별법',
      '창업 지원 예산안',
      '전력망 확충 특별법',
      '개인정보 보호 가이드라인',
      '벤처투자 촉진 대책',
      '디지털 인재 양성 계획',
      '핵심광물 비축 방안',
      '스마트공장 보급 사업',
      '공공 클라우드 전환 계획',
      '산업단지 대개조 사업',
      '수출 바우처 사업',
      '연구개발 예비타당성 면제안',
      '청년 창업 펀드',
      '지역 거점 AI 센터 설립안',
      '공공데이터 개방 계획',
      '사이버보안 강화 대책',
      '노후 산단 리모델링 사업',
      '전기요금 체계 개편안',
      '소상공인 디지털 전환 지원책',
      '해외 인재 비자 개선안',
      '탄소중립 기술 로드맵',
    ],
    qualifiers: [
      '지방 중심',
      '중소기업 대상',
      '수도권 외',
      '2단계',
      '범부처',
      '청년 대상',
      '민관 합동',
      '5개년',
      '긴급',
      '후속',
    ],
    actions: act('발표', '확정', '공개', '의결'),
    named: true,
    codeSuffixes: ['2030', '2035', '2028', '비전', '전략', '로드맵', '프로젝트', '플랜', '이니셔티브', '구상'],
    specs: [
      (s) => `정부는 2030년까지 ${josa(s.amount, '을/를')} 투입할 계획이다.`,
      (s) => `지원 대상 기업은 올해보다 ${s.pct} 늘어난 ${commas(s.n1 * 20 + 200)}곳이다.`,
      (_s) => `관련 인허가 기간은 지금의 절반 수준으로 줄어든다.`,
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
    majorShare: 0.25,
    suffixes: ['모터스', '자동차', '모빌리티', '오토', '드라이브'],
    products: [
      '레벨3 자율주행',
      '전용 전기차 플랫폼',
      '로보택시 서비스',
      '무선 소프트웨어 업데이트',
      '수소 트럭',
      '소형 전기 SUV',
      '자율주행 셔틀',
      '전기 픽업트럭',
      '차량용 인포테인먼트 시스템',
      '배터리 교체형 전기 스쿠터',
      '목적기반차량',
      '전기 버스',
      '전동 킥보드 공유 서비스',
      '차량 구독 서비스',
      '전기차 충전 로봇',
      '주차 로봇',
      '자율주행 배송 로봇',
      '도심항공 기체',
      '하이브리드 세단',
      '차량용 AI 비서',
      '전기 트랙터',
      '수소 연료전지 버스',
      '캠핑카 플랫폼',
      '화물차 군집주행',
    ],
    qualifiers: [
      '도심형',
      '고속도로 전용',
      '보급형',
      '프리미엄',
      '장거리',
      '고성능',
      '상용',
      '북미형',
      '유럽형',
      '2세대',
    ],
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
  '오로라',
  '노바',
  '루멘',
  '아틀라스',
  '포르테',
  '제니스',
  '하모니',
  '가온',
  '다온',
  '미르',
  '한울',
  '누리',
  '솔라',
  '베가',
  '시그마',
  '오리온',
  '카이로스',
  '마루',
  '빛결',
  '이든',
  '세레스',
  '헬리오스',
  '네오',
  '아리아',
  '코스모',
  '테라',
  '플럭스',
  '피닉스',
  '퀀텀',
  '스텔라',
  '타이탄',
  '루나',
  '벨라',
  '이카루스',
  '모멘텀',
  '아크',
  '레오',
  '팔콘',
  '에코',
  '알타',
] as const;
const CODE_SUFFIX = ['1', '2', '3', '5', '7', '9', 'X', '프로', '울트라', '맥스'] as const;

/** Syllables of generated names: a head and a tail give 900 stems (가온, 새솔, 해든, …). */
const NAME_HEADS = [
  '가',
  '나',
  '다',
  '라',
  '새',
  '한',
  '온',
  '솔',
  '빛',
  '별',
  '누',
  '미',
  '아',
  '해',
  '달',
  '윤',
  '도',
  '서',
  '진',
  '하',
  '세',
  '보',
  '은',
  '청',
  '태',
  '영',
  '지',
  '우',
  '채',
  '여',
] as const;
const NAME_TAILS = [
  '온',
  '솔',
  '람',
  '결',
  '담',
  '빛',
  '길',
  '봄',
  '샘',
  '숲',
  '늘',
  '린',
  '율',
  '엘',
  '든',
  '루',
  '뫼',
  '슬',
  '진',
  '현',
  '원',
  '안',
  '울',
  '랑',
  '비',
  '솜',
  '품',
  '터',
  '올',
  '리',
] as const;

/** Where a story happens: a plant, a launch, a signing. */
const PLACES = [
  '경기 평택',
  '경북 구미',
  '충북 오창',
  '충남 천안',
  '울산',
  '광주',
  '전북 새만금',
  '경기 용인',
  '경남 창원',
  '부산',
  '인천 송도',
  '대구',
  '세종',
  '강원 춘천',
  '전남 나주',
  '경기 판교',
  '서울 성수동',
  '제주',
  '충북 청주',
  '경기 화성',
  '경북 포항',
  '전남 여수',
  '전북 군산',
  '충남 아산',
  '경기 이천',
  '서울 여의도',
  '미국 텍사스',
  '미국 애리조나',
  '미국 조지아',
  '헝가리',
  '폴란드',
  '베트남 하노이',
  '인도네시아',
  '멕시코',
  '일본 도쿄',
  '싱가포르',
  '독일 베를린',
  '캐나다 토론토',
  '인도 벵갈루루',
  '호주 시드니',
] as const;
/** Where the news is announced. */
const VENUES = [
  '기자간담회',
  '미디어 데이',
  '투자설명회',
  '신제품 발표회',
  '기술 설명회',
  '파트너 행사',
  '사업 설명회',
  '착수 보고회',
] as const;

const FOREIGN_HEADS = [
  'Northwind',
  'Bluepeak',
  'Harbor',
  'Cedar',
  'Quanta',
  'Silverline',
  'Redwood',
  'Ironbridge',
  'Lumen',
  'Crescent',
  'Summit',
  'Vertex',
  'Meridian',
  'Granite',
  'Beacon',
  'Orchid',
  'Polaris',
  'Tidewater',
  'Sable',
  'Kestrel',
] as const;
const FOREIGN_TAILS = [
  'Systems',
  'Labs',
  'Semiconductor',
  'Mobility',
  'Cloud',
  'Robotics',
  'Energy',
  'Networks',
  'Materials',
  'Analytics',
] as const;
const INVESTOR_TAILS = ['벤처스', '인베스트먼트', '파트너스', '캐피탈', '기술투자'] as const;

const SURNAMES = [
  ['김', 'kim'],
  ['이', 'lee'],
  ['박', 'park'],
  ['최', 'choi'],
  ['정', 'jung'],
  ['강', 'kang'],
  ['조', 'cho'],
  ['윤', 'yoon'],
  ['장', 'jang'],
  ['임', 'lim'],
  ['한', 'han'],
  ['오', 'oh'],
  ['서', 'seo'],
  ['신', 'shin'],
  ['권', 'kwon'],
  ['황', 'hwang'],
  ['송', 'song'],
  ['류', 'ryu'],
  ['홍', 'hong'],
  ['문', 'moon'],
] as const;
const GIVEN = [
  ['민준', 'minjun'],
  ['서연', 'seoyeon'],
  ['도윤', 'doyun'],
  ['하은', 'haeun'],
  ['지호', 'jiho'],
  ['수빈', 'subin'],
  ['예린', 'yerin'],
  ['준서', 'junseo'],
  ['지민', 'jimin'],
  ['현우', 'hyunwoo'],
  ['소영', 'soyoung'],
  ['태윤', 'taeyun'],
  ['가람', 'garam'],
  ['하늘', 'haneul'],
  ['재훈', 'jaehoon'],
  ['유진', 'yujin'],
  ['성우', 'sungwoo'],
  ['다은', 'daeun'],
  ['민호', 'minho'],
  ['지원', 'jiwon'],
] as const;

const BROKERS = ['한빛투자증권', '새솔증권', '누리증권', '가람자산운용', '청운리서치'] as const;

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
  /** A foreign partner or rival (Kestrel Robotics). */
  foreign: string;
  /** Short name of what the story is about: the code name (노바 7) or the company. */
  brand: string;
  /** Where it happens (충북 오창) and where it was announced (기자간담회). */
  place: string;
  venue: string;
  /** Lead investor of a funding round, a partner at home otherwise. */
  investor: string;
  /** Per-story offset so sibling items pick different wordings. */
  base: number;
}

function personName(r: Rng): string {
  return pick(r, SURNAMES)[0] + pick(r, GIVEN)[0];
}

function nameStem(r: Rng): string {
  return pick(r, NAME_HEADS) + pick(r, NAME_TAILS);
}

/** A company of the domain: now and then a well-known player, mostly a name of its own. */
function companyOf(r: Rng, d: Domain): string {
  if (d.suffixes.length === 0 || r() < d.majorShare) return pick(r, d.companies);
  return nameStem(r) + pick(r, d.suffixes);
}

/** How digits and Latin letters that end a name are read, for the particle after it. */
const READING: Record<string, string> = {
  '0': '영',
  '1': '일',
  '2': '이',
  '3': '삼',
  '4': '사',
  '5': '오',
  '6': '육',
  '7': '칠',
  '8': '팔',
  '9': '구',
  L: '엘',
  M: '엠',
  N: '엔',
  R: '알',
};

/** josa() for names that may end in a digit or a Latin letter (노바 7은, 루나 X는). */
function nameJosa(name: string, pair: Parameters<typeof josa>[1]): string {
  const last = name[name.length - 1] ?? '';
  if (/[가-힣]/.test(last)) return josa(name, pair);
  const reading = READING[last.toUpperCase()] ?? '스';
  return name + josa(reading, pair).slice(reading.length);
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
  const noun = `${pick(r, domain.qualifiers)} ${pick(r, domain.products)}`;
  const codeHead = r() < 0.3 ? pick(r, CODENAMES) : nameStem(r);
  const code = domain.named ? `${codeHead} ${pick(r, domain.codeSuffixes ?? CODE_SUFFIX)}` : '';
  const product = code ? `‘${code}’ ${noun}` : noun;
  const company = companyOf(r, domain);
  const k = new Date(at + KST);
  const day = k.getUTCDate();
  const story: Story = {
    domain,
    company,
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
    quote: '',
    analyst: { name: personName(r), title: '연구원' },
    broker: pick(r, BROKERS),
    foreign: `${pick(r, FOREIGN_HEADS)} ${pick(r, FOREIGN_TAILS)}`,
    brand: code || company,
    place: pick(r, PLACES),
    venue: pick(r, VENUES),
    investor: domain.key === 'startups' ? nameStem(r) + pick(r, INVESTOR_TAILS) : companyOf(r, pick(r, DOMAINS)),
    base: int(r, 0, 11),
  };
  // Most quotes speak of the story's own names; the rest are the domain's stock phrases.
  story.quote = r() < 0.25 ? pick(r, domain.quotes) : pick(r, OWN_QUOTES)(story);
  return story;
}

const OWN_QUOTES: readonly Say[] = [
  (s) => `${nameJosa(s.brand, '은/는')} ${(s.n2 % 5) + 2}년 동안 준비한 결과물이다`,
  (s) => `${s.place}에서 시작해 ${nameJosa(s.brand, '을/를')} 주력 사업으로 키우겠다`,
  (s) => `${nameJosa(s.brand, '이/가')} 내년 실적의 ${(s.n1 % 4) + 2}할을 책임질 것이다`,
  (s) => `${s.place}의 ${s.venue}에서 ${nameJosa(s.brand, '을/를')} 처음 보여드리게 돼 기쁘다`,
  (s) => `${josa(s.investor, '와/과')} 손잡고 ${nameJosa(s.brand, '을/를')} ${(s.n1 % 3) + 2}년 안에 궤도에 올리겠다`,
  (s) => `${josa(s.amount, '은/는')} 시작일 뿐이며 ${s.brand}에 더 투자하겠다`,
];

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

const SITES: readonly Say[] = [
  (s) => `${josa(s.company, '은/는')} 이날 ${s.place}에서 ${josa(s.venue, '을/를')} 열고 세부 계획을 공개했다.`,
  (s) => `발표는 ${s.place}에서 열린 ${s.venue}에서 나왔다.`,
  (s) => `${s.place} 현장이 첫 무대가 된다.`,
  (s) => `${josa(s.company, '은/는')} ${josa(s.place, '을/를')} 첫 거점으로 삼았다.`,
];

/** Who else is in the deal: the lead investor of a round, a partner otherwise. */
const PARTNERS: readonly Say[] = [
  (s) =>
    s.domain.key === 'startups'
      ? `이번 투자는 ${josa(s.investor, '이/가')} 주도했다.`
      : `${josa(s.investor, '와/과')}의 협력도 이번 계획에 포함됐다.`,
  (s) =>
    s.domain.key === 'startups'
      ? `${josa(s.investor, '이/가')} 이번 라운드를 이끌었다.`
      : `협력사로는 ${josa(s.investor, '이/가')} 참여한다.`,
];

const GROWTH: readonly Say[] = [
  (s) => `회사 측은 관련 매출이 내년 ${s.pct} 늘어날 것으로 내다봤다.`,
  (s) =>
    `이번 ${josa(s.action.noun, '으로/로')} ${s.domain.label} 시장 점유율이 ${(s.n1 % 5) + 1}.${s.n2 % 10}%포인트가량 오를 것이라는 분석이 나온다.`,
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

const OFFICIAL: Say = (s) => `업계 관계자는 “이번 ${josa(s.product, '이/가')} 현장의 숨통을 틔울 것”이라고 말했다.`;

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
  const site = r() < 0.7 ? ` ${wording(SITES, s, k)(s)}` : '';
  p(`${wording(LEADS, s, k)(s)}${site} ${wording(AMOUNTS, s, k)(s)}`);
  const partner = r() < 0.5 ? ` ${wording(PARTNERS, s, k)(s)}` : '';
  p(`${wording(s.domain.specs, s, k)(s)} ${wording(s.domain.growth ?? GROWTH, s, k)(s)}${partner}`);
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
  const idBase = (((seed >>> 0) % 9000) + 1000) * 1_000_000;
  const sources = Array.from({ length: sourceCount }, (_, i) => sourceAt(i));
  const stories: GeneratedStory[] = [];
  let count = 0;

  while (count < n) {
    const at = end - Math.floor(r() * windowMs);
    const s = makeStory(r, at);
    const roll = r();
    const wanted = roll < 0.4 ? 1 : roll < 0.7 ? 2 : roll < 0.9 ? 3 : 4;
    const size = Math.min(wanted, sourceCount, n - count);
    const writers = shuffle(
      r,
      sources.map((_, i) => i),
    ).slice(0, size);
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
  return `${rows.join('\n')}\n`;
}
