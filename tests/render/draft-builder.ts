/** Builders of hand-made drafts for the render tests (a typical issue, and variations). */
import type { Draft, HeadlineEntry, Story } from '../../src/types.js';

export function story(overrides: Partial<Story> = {}): Story {
  return {
    topicId: 't-ai-chip',
    headline: '국내 AI 반도체 스타트업, 첫 데이터센터 공급 계약 따내',
    marker: '🖊️',
    lead: [
      '국내 AI 반도체 스타트업이 대형 클라우드 기업과 추론용 칩 공급 계약을 맺었습니다.',
      '국산 AI 칩이 상용 데이터센터에 대규모로 들어가는 것은 이번이 처음입니다.',
      '회사는 내년 상반기부터 단계적으로 물량을 늘릴 계획이라고 밝혔습니다.',
    ],
    why: [
      '엔비디아 GPU에 의존하던 국내 클라우드 시장에 처음으로 국산 대안이 생겼다는 의미가 있습니다.',
      '전력 효율이 높은 추론 칩 수요가 늘면서 데이터센터 운영 비용 구조가 바뀔 것으로 전망됩니다.',
    ],
    sections: [
      {
        heading: '계약 내용은',
        bullets: [
          '초기 물량은 수천 장 규모이며, 성능 검증을 거쳐 추가 발주가 이어질 예정입니다.',
          '계약 금액은 공개되지 않았습니다.',
        ],
      },
    ],
    sources: [
      {
        publisher: '테크데일리',
        publishedAt: '2026-11-14T23:30:00Z',
        title: '[단독] 국산 AI칩, 데이터센터 첫 상용 공급',
        url: 'https://techdaily.example.com/news/ai-chip-1',
      },
      {
        publisher: '마켓워치코리아',
        publishedAt: '2026-11-15T02:00:00Z',
        title: 'AI 반도체 스타트업 공급 계약',
        url: 'https://market.example.com/a/2',
      },
      {
        publisher: '스타트업브리프',
        publishedAt: '2026-11-15T03:00:00Z',
        title: '국산 NPU 첫 상용화',
        url: 'https://startup.example.com/p/3',
      },
    ],
    followUp: false,
    ...overrides,
  };
}

export function headline(i: number, overrides: Partial<HeadlineEntry> = {}): HeadlineEntry {
  const texts = [
    '정부가 내년부터 공공 클라우드 보안 인증 절차를 간소화하기로 했습니다.',
    '국내 전기차 충전 요금이 다음 달부터 kWh당 평균 8% 오릅니다.',
    '대형 포털이 뉴스 댓글 정렬 방식을 최신순 기본으로 바꿨습니다.',
    '반도체 수출이 14개월 연속 증가세를 이어갔습니다.',
    '핀테크 업계가 간편결제 수수료 공시 기준 개편안에 반발하고 있습니다.',
    '배달 앱 3사가 소상공인 중개 수수료 상한제를 시범 도입합니다.',
    '국내 게임사들이 연말 대작 출시 일정을 잇달아 앞당겼습니다.',
    '우주항공청이 소형 위성 발사 일정을 내년 3월로 확정했습니다.',
  ];
  return {
    topicId: `t-h${i}`,
    text: texts[i % texts.length] ?? '헤드라인',
    url: `https://news.example.com/h/${i}`,
    publisher: i % 2 === 0 ? '테크데일리' : '마켓워치코리아',
    ...overrides,
  };
}

/** A typical issue: three top stories and eight headlines, in Korean. */
export function sampleDraft(overrides: Partial<Draft> = {}): Draft {
  const stories: Story[] = [
    story(),
    story({
      topicId: 't-rates',
      headline: '한국은행, 기준금리 3.0%로 동결… 연내 인하 가능성은 열어둬',
      marker: '💡',
      lead: [
        '한국은행이 기준금리를 연 3.0%로 유지했습니다.',
        '가계부채 증가세가 꺾이지 않은 상황에서 서둘러 내리기보다 지켜보겠다는 판단입니다.',
      ],
      why: [
        '금리 동결로 주택담보대출 금리의 하락 속도는 당분간 더딜 전망입니다.',
        '시장에서는 내년 1분기 인하 가능성을 높게 보고 있어 채권 금리가 먼저 움직이고 있습니다.',
        '환율 변동성이 커진 점도 동결 결정에 영향을 줬습니다.',
      ],
      sections: [],
      sources: [
        {
          publisher: '마켓워치코리아',
          publishedAt: '2026-11-13T01:10:00Z',
          title: '한은, 기준금리 3.0% 동결',
          url: 'https://market.example.com/a/rates',
        },
      ],
      followUp: true,
    }),
    story({
      topicId: 't-startup',
      headline: '초기 스타트업 투자, 3분기 들어 회복세 뚜렷',
      lead: [
        '올해 3분기 국내 초기 스타트업 투자 건수가 지난해 같은 기간보다 21% 늘었습니다.',
        '특히 AI와 기후테크 분야에 투자가 몰렸습니다.',
      ],
      why: [
        '투자 혹한기가 끝나가고 있다는 신호로 읽힙니다.',
        '다만 후속 투자 단계의 자금난은 여전하다는 우려도 나옵니다.',
      ],
      sections: [
        {
          heading: '어디에 몰렸나',
          bullets: ['AI 분야가 전체 투자액의 38%를 차지했습니다.', '기후테크 투자는 1년 새 두 배가 됐습니다.'],
        },
      ],
      sources: [
        {
          publisher: '스타트업브리프',
          publishedAt: '2026-11-12T22:00:00Z',
          title: '3분기 초기 투자 21% 증가',
          url: 'https://startup.example.com/p/q3',
        },
        {
          publisher: '테크데일리',
          publishedAt: '2026-11-13T00:00:00Z',
          title: '스타트업 투자 회복',
          url: 'https://techdaily.example.com/news/vc',
        },
      ],
    }),
  ];
  return {
    version: 1,
    issueId: '2026-11-16',
    title: `[브리핑] ${stories[0]?.headline ?? ''}`,
    subject: `[브리핑] ${stories[0]?.headline ?? ''}`,
    preheader: '오늘의 브리핑: 국산 AI 칩 첫 상용 공급 외 10건',
    newsletter: '테크 브리핑',
    locale: 'ko',
    style: 'briefing',
    asOf: '2026-11-15T22:00:00Z',
    timezone: 'Asia/Seoul',
    stories,
    headlines: Array.from({ length: 8 }, (_, i) => headline(i)),
    pins: [],
    blocks: [],
    ...overrides,
  };
}
