import { describe, expect, it } from 'vitest';
import type { TextBlock } from '../../src/types.js';
import {
  dropBylines,
  dropEmpty,
  dropFeedFooters,
  dropPromos,
  dropRelatedLists,
  dropRepeated,
  dropRightsNotices,
  dropShareMenus,
  stripBoilerplate,
  stripInlineBylines,
} from '../../src/collect/boilerplate.js';

const p = (text: string): TextBlock => ({ kind: 'paragraph', text });
const li = (text: string): TextBlock => ({ kind: 'list-item', text });
const h = (text: string): TextBlock => ({ kind: 'heading', text });
const texts = (blocks: TextBlock[]) => blocks.map((b) => b.text);

describe('boilerplate rules', () => {
  it('drops byline blocks, photo credits and bare reporter e-mails', () => {
    const blocks = [
      p('본문 문장이다.'),
      p('홍길동 기자 gildong@news.example.kr'),
      p('[테크데일리 홍길동 기자]'),
      p('김영희·이철수 기자'),
      p('gildong@news.example.kr'),
      p('By Jane Doe'),
      p('사진=연합뉴스'),
      p('Image: Anker'),
      p('Photo by Jane Doe / Getty Images'),
      p('이 문장은 기자가 쓴 문장이라 남는다.'),
    ];
    expect(texts(dropBylines(blocks, {}))).toEqual(['본문 문장이다.', '이 문장은 기자가 쓴 문장이라 남는다.']);
  });

  it('cuts datelines and signatures out of paragraphs', () => {
    const blocks = [
      p('[서울=연합뉴스] 홍길동 기자 = 정부가 발표했다.'),
      p('(세종=뉴스1) 김영희 기자 = 예산이 늘었다.'),
      p('홍길동 특파원 = 워싱턴에서 회담이 열렸다.'),
      p('결과가 나왔다. 홍길동 기자 gildong@news.example.kr'),
      p('문의가 이어졌다. help@example.com'),
      p('문의는 help@example.com 으로 하면 된다'),
    ];
    expect(texts(stripInlineBylines(blocks, {}))).toEqual([
      '정부가 발표했다.',
      '예산이 늘었다.',
      '워싱턴에서 회담이 열렸다.',
      '결과가 나왔다.',
      '문의가 이어졌다.',
      '문의는 help@example.com 으로 하면 된다',
    ]);
  });

  it('drops 무단 전재 및 재배포 금지 and copyright lines', () => {
    const blocks = [
      p('본문이다.'),
      p('<저작권자 ⓒ 테크데일리, 무단 전재 및 재배포 금지>'),
      p('무단전재-재배포, AI 학습 및 활용 금지'),
      p('Copyright © 2024 Example Media. All rights reserved.'),
      p('ⓒ 테크데일리'),
    ];
    expect(texts(dropRightsNotices(blocks, {}))).toEqual(['본문이다.']);
  });

  it('cuts a rights notice off the end of a long paragraph', () => {
    const long = `${'긴 본문 문장이 이어진다. '.repeat(12)}저작권자 ⓒ 테크데일리 무단 전재 및 재배포 금지`;
    const [out] = dropRightsNotices([p(long)], {});
    expect(out?.text.endsWith('이어진다.')).toBe(true);
    expect(out?.text).not.toMatch(/무단|저작권/);
  });

  it('drops 많이 본 뉴스 and related-article lists with their entries', () => {
    const blocks = [
      p('본문이다.'),
      h('많이 본 뉴스'),
      li('다른 기사 하나'),
      li('다른 기사 둘'),
      p('관련기사'),
      p('짧은 제목 하나'),
      p('▶ 관련기사: 반도체 수출 늘어'),
      p('[관련기사] 다른 이야기'),
      h('Related articles'),
      li('Another story'),
      h('다음 소제목'),
      p('이 문단은 남는다.'),
    ];
    expect(texts(dropRelatedLists(blocks, {}))).toEqual(['본문이다.', '다음 소제목', '이 문단은 남는다.']);
  });

  it('drops subscription and follow-us promos', () => {
    const blocks = [
      p('테크데일리 뉴스레터를 구독하세요!'),
      p('카카오톡 채널 추가하기'),
      p('Sign up for our newsletter to get the news in your inbox.'),
      p('기사 제보: 카카오톡 okjebo'),
      p('구독자가 늘었다는 통계가 나왔다.'),
    ];
    expect(texts(dropPromos(blocks, {}))).toEqual(['구독자가 늘었다는 통계가 나왔다.']);
  });

  it('drops share and print menus', () => {
    const blocks = [
      p('페이스북 트위터 카카오톡 링크복사 프린트'),
      p('Share | Tweet | Email | Print'),
      p('공유하기'),
      p('트위터가 새 기능을 냈다.'),
    ];
    expect(texts(dropShareMenus(blocks, {}))).toEqual(['트위터가 새 기능을 냈다.']);
  });

  it('drops feed footers and trailing [...] markers', () => {
    const blocks = [
      p('Short text [...]'),
      p('이글을 쓰면서 느끼는 거지만 정말 못할 짓이다. >> 글 전체보기'),
      p('The post Hello appeared first on Example Blog.'),
      p('Continue reading →'),
      p('기사 원문 보기'),
    ];
    expect(texts(dropFeedFooters(blocks, {}))).toEqual(['Short text', '이글을 쓰면서 느끼는 거지만 정말 못할 짓이다.']);
  });

  it('cuts trailing more-links whatever their case or closing mark, and leaves other endings alone', () => {
    const blocks = [
      p('반도체 수출이 석 달째 늘었다. READ MORE'),
      p('업계는 하반기를 낙관했다. 기사 전문 보기 ▶'),
      p('정부는 지원을 늘리기로 했다. 더 보기 >>'),
      p('Prices rose again. Continue Reading »  '),
      p('그는 이것이 마지막 기회라고 말하기'),
      p('Nothing to cut here (really)'),
    ];
    expect(texts(dropFeedFooters(blocks, {}))).toEqual([
      '반도체 수출이 석 달째 늘었다.',
      '업계는 하반기를 낙관했다.',
      '정부는 지원을 늘리기로 했다.',
      'Prices rose again.',
      '그는 이것이 마지막 기회라고 말하기',
      'Nothing to cut here (really)',
    ]);
  });

  it('drops repeated paragraphs that differ only in case, spacing or punctuation', () => {
    const blocks = [
      p('Chip exports ROSE, again.'),
      p('chip exports rose again'),
      p('수출이  늘었다…'),
      p('수출이 늘었다.'),
      p('Chip exports fell.'),
    ];
    expect(texts(dropRepeated(blocks, {}))).toEqual([
      'Chip exports ROSE, again.',
      '수출이  늘었다…',
      'Chip exports fell.',
    ]);
  });

  it('drops repeated paragraphs and a first block that repeats the title', () => {
    const blocks = [p('반도체 수출 증가'), p('같은 문단이다.'), p('다른 문단이다.'), p('같은 문단이다!'), li('항목')];
    expect(texts(dropRepeated(blocks, { title: '반도체 수출 증가' }))).toEqual([
      '같은 문단이다.',
      '다른 문단이다.',
      '항목',
    ]);
  });

  it('drops blocks without letters or digits', () => {
    expect(texts(dropEmpty([p('---'), p('★★★'), p('글자')], {}))).toEqual(['글자']);
  });

  it('applies every rule in order and leaves none of the boilerplate behind', () => {
    const blocks = [
      p('[서울=테크데일리] 홍길동 기자 = 반도체 수출이 늘었다.'),
      p('반도체 수출이 늘었다.'),
      p('홍길동 기자 gildong@news.example.kr'),
      p('<저작권자 ⓒ 테크데일리, 무단 전재 및 재배포 금지>'),
      h('많이 본 뉴스'),
      li('다른 기사'),
    ];
    const out = stripBoilerplate(blocks);
    expect(out).toEqual([p('반도체 수출이 늘었다.')]);
  });
});
