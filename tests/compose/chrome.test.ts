import { describe, expect, it } from 'vitest';
import { prepareArticle } from '../../src/compose/article.js';
import { chromeLine, isUiLabel } from '../../src/compose/chrome.js';
import { learnRepeatedLines, storyDrops } from '../../src/compose/index.js';
import { composeChecked, composeInput, h, item, li, p, topic } from './fixtures.js';

/** A news page as a feed carries it: controls, a promotion, the story, a sign-off, a related box. */
const page = item({
  title: '카카오, 대화형 AI 비서 ‘카나나’ 베타 공개…연내 정식 출시',
  source: '한빛일보',
  link: 'https://hanbit.example.com/a/kanana',
  blocks: [
    p('글자크기 가 가 가 가'),
    p('프린트 공유하기 기사 스크랩'),
    p(
      '카카오가 대화형 인공지능(AI) 비서 ‘카나나’의 베타 버전을 공개했다. 카카오톡 안에서 일정 관리와 예약을 대신 처리한다.',
    ),
    p('카카오는 12일 경기 성남시 판교 사옥에서 간담회를 열고 베타 테스터 10만 명을 모집한다고 밝혔다.'),
    h('공유하기'),
    p('※ 한빛일보 카카오톡 채널을 구독하시면 주요 뉴스를 매일 아침 받아보실 수 있습니다.'),
    h('무엇이 달라지나'),
    p('카나나는 단체 대화방의 대화를 요약하고 약속 장소와 시간을 정리해 준다. 정식 서비스는 연말에 시작한다.'),
    p(
      '카카오가 대화형 인공지능(AI) 비서 ‘카나나’의 베타 버전을 공개했다. 카카오톡 안에서 일정 관리와 예약을 대신 처리한다.',
    ),
    p('이 기사가 도움이 되셨다면 구독과 좋아요 부탁드립니다!'),
    p('박지훈 기자 jihoon@hanbit.example.com'),
    p('ⓒ 한빛일보, 무단 전재 및 재배포 금지'),
    h('관련기사'),
    li('네이버, AI 검색 ‘큐’ 모바일 전면 적용한다'),
    li('SK텔레콤, 에이닷 가입자 1000만 돌파했다'),
    p('댓글 0'),
  ],
});

describe('page chrome and promotions', () => {
  it('tells rows of page controls from headings and sentences', () => {
    for (const line of ['글자크기 가 가 가 가', '프린트 공유하기 기사 스크랩', '댓글 12', '목록보기', '공유하기']) {
      expect(isUiLabel(line), line).toBe(true);
    }
    for (const line of ['무엇이 달라지나', '배경은', '앞으로는', '국내 영향은', '카카오가 베타 버전을 공개했다.']) {
      expect(isUiLabel(line), line).toBe(false);
    }
  });

  it('catches a promotion by its address to the reader, a new site’s wording too', () => {
    expect(chromeLine('※ 한빛일보 카카오톡 채널을 구독하시면 주요 뉴스를 매일 아침 받아보실 수 있습니다.')).toBe(
      'promo',
    );
    expect(chromeLine('이 기사가 도움이 되셨다면 구독과 좋아요 부탁드립니다!')).toBe('promo');
    // Written for this test after the rule: no word of it is in any list.
    expect(chromeLine('매일 아침 시장 소식을 받아보시려면 아래 주소로 이메일을 남겨주세요.')).toBe('promo');
    expect(chromeLine('▶ 바로가기: 오늘의 증시 일정')).toBe('promo');
    // Speech quoted in a story is not addressed to the reader.
    expect(chromeLine('정신아 대표는 “카나나를 꼭 한번 써 보세요”라고 말했다.')).toBeUndefined();
  });

  it('counts what each item lost, by reason, and keeps only the story and its real headings', () => {
    const a = prepareArticle(page);
    expect(a.headings.map((x) => x.text)).toEqual(['무엇이 달라지나']);
    expect(a.sentences.map((s) => s.text)).toEqual([
      '카카오가 대화형 인공지능(AI) 비서 ‘카나나’의 베타 버전을 공개했다.',
      '카카오톡 안에서 일정 관리와 예약을 대신 처리한다.',
      '카카오는 12일 경기 성남시 판교 사옥에서 간담회를 열고 베타 테스터 10만 명을 모집한다고 밝혔다.',
      '카나나는 단체 대화방의 대화를 요약하고 약속 장소와 시간을 정리해 준다.',
      '정식 서비스는 연말에 시작한다.',
    ]);
    expect(a.dropped).toEqual({ chrome: 4, promo: 2, repeat: 2, byline: 1, notice: 1, related: 3 });
  });

  it('never lets a chrome heading head a section, and reports per story what was dropped', () => {
    const input = composeInput({ topics: [topic('t-kanana', [page])], items: new Map([[page.id, page]]) });
    const d = composeChecked(input);
    for (const s of d.stories[0]!.sections) expect(['공유하기', '관련기사']).not.toContain(s.heading);
    expect(storyDrops(d, [page])).toEqual([
      {
        topicId: 't-kanana',
        headline: '카카오, 대화형 AI 비서 ‘카나나’ 베타 공개…연내 정식 출시',
        dropped: { chrome: 4, promo: 2, repeat: 2, byline: 1, notice: 1, related: 3 },
      },
    ]);
  });
});

describe('lines a source repeats across its items', () => {
  // A site that opens every article with the same standing line, a whole sentence of its own.
  const banner = '디지털포커스는 독자 여러분의 소중한 제보와 의견을 언제나 기다리고 있습니다.';
  const story = (n: number, title: string, body: string) =>
    item({
      title,
      source: '디지털포커스',
      link: `https://www.digitalfocus.example.kr/news/${n}`,
      blocks: [p(banner), p(body)],
    });
  const items = [
    story(
      1,
      '삼성전자, 2나노 파운드리 첫 고객 확보',
      '삼성전자가 2나노 공정의 첫 대형 고객을 확보했다. 양산은 내년 하반기에 시작한다.',
    ),
    story(
      2,
      '현대차, 울산에 전기차 전용 공장 준공',
      '현대차가 울산에 전기차 전용 공장을 준공했다. 연간 20만 대를 만들 수 있다.',
    ),
    story(
      3,
      '배달앱 수수료 상한제 국회 통과',
      '배달앱 중개 수수료에 상한을 두는 법안이 국회를 통과했다. 시행은 내년 7월부터다.',
    ),
  ];
  const docs = items.map((i) => ({ source: i.source, opening: i.blocks.map((b) => b.text) }));

  it('learns them per source from what the store keeps of each item', () => {
    const learned = learnRepeatedLines(docs);
    expect(learned.get('디지털포커스')?.size).toBe(1);
    expect(learnRepeatedLines(docs.slice(0, 2)).size).toBe(0);
    expect(learnRepeatedLines([...docs, { source: '한빛일보', opening: [banner] }]).get('한빛일보')).toBeUndefined();
  });

  it('never leads a story with them, and counts them as repeat', () => {
    const repeated = learnRepeatedLines(docs);
    const input = composeInput({
      topics: items.map((i, k) => topic(`t-${k}`, [i])),
      items: new Map(items.map((i) => [i.id, i])),
      repeated,
    });
    const d = composeChecked(input);
    expect(d.stories[0]!.lead[0]).toBe('삼성전자가 2나노 공정의 첫 대형 고객을 확보했다.');
    for (const s of d.stories) expect(s.lead).not.toContain(banner);
    expect(storyDrops(d, items, repeated).map((s) => s.dropped.repeat)).toEqual([1, 1]);
  });
});
