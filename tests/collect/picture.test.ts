import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildItems } from '../../src/collect/items.js';
import { readFeed } from '../../src/collect/parse.js';
import { firstContentPicture, ogPicture } from '../../src/collect/picture.js';

const now = new Date('2026-11-16T00:00:00Z');

async function itemsOf(xml: string, feedUrl = 'https://news.example.kr/rss/all.xml') {
  return buildItems(await readFeed(xml), { source: '한빛일보', feedUrl, now }).items;
}

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>한빛일보 - 경제</title><link>https://news.example.kr</link><language>ko</language>
<item>
<title>반도체 수출 석 달 연속 증가</title>
<link>https://news.example.kr/article/101</link>
<media:content url="https://img.news.example.kr/2026/11/101_thumb.jpg" medium="image" width="160" height="90" />
<media:content url="https://img.news.example.kr/2026/11/101_large.jpg" medium="image" width="1280" height="720">
  <media:description>평택 반도체 공장의 클린룸</media:description>
</media:content>
<media:content url="https://video.news.example.kr/2026/11/101.mp4" type="video/mp4" width="1920" height="1080" />
<description>반도체 수출이 석 달 연속 늘었다. 산업통상자원부가 발표했다.</description>
<pubDate>Sun, 15 Nov 2026 09:00:00 +0900</pubDate>
</item>
<item>
<title>한은, 기준금리 연 2.25% 동결</title>
<link>https://news.example.kr/article/102</link>
<media:thumbnail url="https://img.news.example.kr/2026/11/102.jpg" width="640" height="360" />
<description>한국은행이 기준금리를 동결했다. 환율과 집값을 더 지켜보겠다는 판단이다.</description>
<pubDate>Sun, 15 Nov 2026 10:00:00 +0900</pubDate>
</item>
<item>
<title>원/달러 환율 1,450원 재돌파</title>
<link>https://news.example.kr/article/103</link>
<enclosure url="https://img.news.example.kr/2026/11/103.jpg" length="120332" type="image/jpeg" />
<description>원/달러 환율이 다시 1,450원을 넘었다. 외국인 순매도가 이어졌다.</description>
<pubDate>Sun, 15 Nov 2026 11:00:00 +0900</pubDate>
</item>
<item>
<title>팟캐스트: 이번 주 경제 이슈</title>
<link>https://news.example.kr/article/104</link>
<enclosure url="https://cdn.news.example.kr/podcast/104.mp3" length="20332111" type="audio/mpeg" />
<description>이번 주 경제 이슈를 정리했다. 금리와 환율 이야기를 나눈다.</description>
<pubDate>Sun, 15 Nov 2026 12:00:00 +0900</pubDate>
</item>
<item>
<title>카카오, 카카오톡에 AI 에이전트 탑재</title>
<link>https://news.example.kr/article/105</link>
<content:encoded><![CDATA[<p><img src="https://stat.news.example.kr/px.gif?id=105" width="1" height="1" alt=""></p>
<p class="share"><img src="/images/icon/sns_facebook.png" alt="페이스북 공유"> <img src="/images/common/btn_print.gif" alt="인쇄"></p>
<p><img src="https://news.example.kr/images/reporter/kim_minsu.jpg" alt="김민수 기자" width="80" height="80"></p>
<figure><img src="/photo/2026/11/105_1.jpg" alt="카카오톡 대화창의 AI 에이전트 화면" width="720" height="405"></figure>
<p>카카오가 카카오톡 대화창 안에서 예약과 송금을 처리하는 AI 에이전트를 내놨다. 이용 시간을 늘리겠다는 전략이다.</p>]]></content:encoded>
<pubDate>Sun, 15 Nov 2026 13:00:00 +0900</pubDate>
</item>
<item>
<title>네이버, 검색 화면 10년 만에 개편</title>
<link>https://news.example.kr/article/106</link>
<media:content url="http://img.news.example.kr/2026/11/106.jpg" medium="image" width="800" height="450" />
<description>네이버가 통합검색 화면을 10년 만에 바꾼다. 생성형 AI 요약이 맨 위에 놓인다.</description>
<pubDate>Sun, 15 Nov 2026 14:00:00 +0900</pubDate>
</item>
</channel></rss>`;

describe("an item's picture", () => {
  it('takes the largest image of media:content, with its size and media:description as alt', async () => {
    const [chips] = await itemsOf(RSS);
    expect(chips?.image).toEqual({
      url: 'https://img.news.example.kr/2026/11/101_large.jpg',
      width: 1280,
      height: 720,
      alt: '평택 반도체 공장의 클린룸',
    });
  });

  it('takes media:thumbnail, then an image enclosure, never an audio one', async () => {
    const items = await itemsOf(RSS);
    expect(items[1]?.image).toEqual({ url: 'https://img.news.example.kr/2026/11/102.jpg', width: 640, height: 360 });
    expect(items[2]?.image).toEqual({ url: 'https://img.news.example.kr/2026/11/103.jpg' });
    expect(items[3]?.image).toBeUndefined();
  });

  it('takes the first body image large enough to be a picture: not a pixel, share icon, button or byline photo', async () => {
    const items = await itemsOf(RSS);
    expect(items[4]?.image).toEqual({
      url: 'https://news.example.kr/photo/2026/11/105_1.jpg',
      width: 720,
      height: 405,
      alt: '카카오톡 대화창의 AI 에이전트 화면',
    });
  });

  it('keeps absolute https pictures only', async () => {
    const items = await itemsOf(RSS);
    expect(items[5]?.image).toBeUndefined();
  });

  it('reads an Atom enclosure link', async () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ko"><title>마켓</title><id>tag:m,2026:f</id><updated>2026-11-15T00:00:00Z</updated>
<entry><title>코스피 4,200선 눈앞</title><id>tag:m,2026:1</id><updated>2026-11-15T00:00:00Z</updated>
<link rel="alternate" href="https://market.example.kr/news/1"/>
<link rel="enclosure" type="image/png" href="https://img.market.example.kr/kospi-chart.png"/>
<summary>코스피가 주간 2.8% 올랐다. 반도체 쏠림이 컸다.</summary></entry></feed>`;
    const [entry] = await itemsOf(atom, 'https://market.example.kr/atom.xml');
    expect(entry?.image).toEqual({ url: 'https://img.market.example.kr/kospi-chart.png' });
  });

  it('catches site furniture it was not shown: a footer logo, an emoji and an SVG badge', () => {
    // Instances written after the rule: none of these names appears in the feed above.
    const html = `<p><img src="https://cdn.news.example.kr/assets/logo_footer_2026.png" alt="한빛일보"></p>
<p><img src="https://cdn.news.example.kr/emoji/smile.png" alt=":)"></p>
<p><img src="https://cdn.news.example.kr/assets/award.svg" alt="수상"></p>
<p><img src="https://cdn.news.example.kr/2026/11/ceo.jpg" width="150" height="150" alt="대표"></p>`;
    expect(firstContentPicture(html)).toBeUndefined();
    expect(firstContentPicture(`${html}<img src="https://cdn.news.example.kr/2026/11/site.jpg" alt="현장">`)).toEqual({
      url: 'https://cdn.news.example.kr/2026/11/site.jpg',
      alt: '현장',
    });
  });

  it("reads og:image of an article page, relative to the page's URL", () => {
    const page = `<html><head><meta name="twitter:image" content="https://img.news.example.kr/tw.jpg">
<meta content="/photo/2026/11/og.jpg" property="og:image"><meta property="og:image:width" content="1200px"></head><body></body></html>`;
    expect(ogPicture(page, 'https://news.example.kr/article/9')).toEqual({
      url: 'https://news.example.kr/photo/2026/11/og.jpg',
      width: 1200,
    });
  });

  it('gives the bundled sample feeds pictures on their own hosts', async () => {
    const root = fileURLToPath(new URL('../../sources/', import.meta.url));
    const pictures: string[] = [];
    for (const [file, source] of [
      ['tech-daily.xml', '테크데일리'],
      ['market-atom.xml', '마켓워치코리아'],
      ['startup-brief.xml', '스타트업브리프'],
    ] as const) {
      const feed = await readFeed(readFileSync(`${root}${file}`, 'utf8'));
      const { items } = buildItems(feed, { source, feedUrl: `${root}${file}`, now });
      for (const it of items) if (it.image) pictures.push(new URL(it.image.url).hostname);
    }
    expect(pictures.length).toBeGreaterThanOrEqual(8);
    for (const host of pictures) expect(host).toMatch(/(?:^|\.)(?:techdaily|marketwatch|startupbrief)\.example\.kr$/);
  });
});
