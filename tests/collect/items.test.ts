import { describe, expect, it } from 'vitest';
import { buildItems } from '../../src/collect/items.js';
import { readFeed } from '../../src/collect/parse.js';
import { decodeBody } from '../../src/collect/charset.js';
import { fixture } from './support/feed-server.js';

const now = new Date('2024-06-01T00:00:00Z');

async function items(name: string, feedUrl = 'https://feeds.example.com/feed.xml') {
  const feed = await readFeed(decodeBody(fixture(name)).text);
  return buildItems(feed, { source: 'Test Source', feedUrl, now });
}

describe('building items from a feed', () => {
  it('cleans a Korean news item into blocks without bylines or boilerplate', async () => {
    const { items: list } = await items('korean-news.rss');
    const first = list[0];
    expect(first?.title).toBe('반도체 수출 석 달 연속 증가');
    expect(first?.source).toBe('Test Source');
    expect(first?.publishedAt).toBe('2004-05-25T14:23:17.000Z');
    expect(first?.blocks).toEqual([
      {
        kind: 'paragraph',
        text: '반도체 수출이 석 달 연속 늘었다. 산업통상자원부가 25일 발표한 자료에 따르면 지난달 반도체 수출은 전년보다 12% 증가했다.',
      },
      { kind: 'heading', text: '수요 회복의 신호' },
      {
        kind: 'paragraph',
        text: '업계는 인공지능 서버 수요가 회복을 이끌었다고 본다. 메모리 가격도 두 분기 연속 올랐다.',
      },
      { kind: 'heading', text: '앞으로의 과제' },
      { kind: 'list-item', text: '중국 수출 비중이 여전히 높다.' },
      { kind: 'list-item', text: '환율 변동이 변수다.' },
      { kind: 'quote', text: '수출 회복세가 하반기까지 이어질 것이다.' },
    ]);
    const all = list.flatMap((i) => i.blocks.map((b) => b.text)).join('\n');
    expect(all).not.toMatch(/무단|기자|많이 본|구독|페이스북|@/);
  });

  it('sanitizes the item HTML and makes its URLs absolute', async () => {
    const { items: list } = await items('korean-news.rss');
    const html = list[0]?.html ?? '';
    expect(html).not.toMatch(/<script|onclick|javascript:|pixel\.gif/);
    expect(html).toContain('src="https://news.example.kr/images/chip.jpg"');
    expect(html).toContain('href="https://news.example.kr/related/1002"');
  });

  it('keeps the feed link and strips tracking parameters from the canonical link', async () => {
    const { items: list } = await items('korean-news.rss');
    expect(list[0]?.link).toBe('https://news.example.kr/articles/1001?utm_source=rss&utm_medium=feed&id=1001');
    expect(list[0]?.canonicalLink).toBe('https://news.example.kr/articles/1001?id=1001');
    expect(list[2]?.canonicalLink).toBe('https://news.example.kr/articles/1003');
  });

  it('clamps a future date to the fetch time and counts it', async () => {
    const built = await items('korean-news.rss');
    expect(built.items[2]?.publishedAt).toBe(now.toISOString());
    expect(built.clamped).toBe(1);
  });

  it('resolves Atom links and images against xml:base, and reads HTML titles as text', async () => {
    const { items: list } = await items('atom-base.atom');
    expect(list[0]).toMatchObject({
      title: 'Release 2.0 is out',
      link: 'https://blog.example.com/posts/release-2.html',
      publishedAt: '2024-05-01T07:30:00.000Z',
      author: 'Jane Doe',
      blocks: [
        { kind: 'heading', text: 'What changed' },
        { kind: 'paragraph', text: 'The parser is faster.' },
      ],
    });
    expect(list[0]?.html).toContain('src="https://blog.example.com/posts/img/chart.png"');
  });

  it('keeps an entry whose date cannot be read, dated at the fetch time', async () => {
    const built = await items('atom-base.atom');
    expect(built.items[1]?.publishedAt).toBe(now.toISOString());
    expect(built.undated).toBe(1);
  });

  it('resolves relative links of a file source against the site link it names', async () => {
    const { items: list } = await items('rss-noversion.rss', '/srv/samples/noversion.rss');
    expect(list[0]?.link).toBe('http://noversion.example.net/item/1');
    expect(list[0]?.guid).toBe('http://noversion.example.net/item/1');
  });

  it('drops and counts entries with neither title nor text, and repeats within the feed', async () => {
    const feed = await readFeed(
      '<rss version="2.0"><channel><title>t</title><item><link>http://x/1</link></item><item><title>a</title><guid>g1</guid></item><item><title>a again</title><guid>g1</guid></item></channel></rss>',
    );
    const built = buildItems(feed, { source: 's', feedUrl: 'http://x/feed', now });
    expect(built.items.map((i) => i.title)).toEqual(['a']);
    expect(built.dropped).toBe(1);
    expect(built.duplicates).toBe(1);
  });

  it('decodes an EUC-KR feed with CP949 syllables into correct Hangul', async () => {
    const { items: list } = await items('euc-kr.rss');
    expect(list[0]?.title).toBe('똠방각하와 햏자의 뷁 이야기');
    expect(list[0]?.publishedAt).toBe('2004-05-25T14:23:17.000Z');
  });
});

describe('a picture’s words are never the story', () => {
  const feed = (media: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>The Western Courier</title>
<link>https://www.westerncourier.example.co.uk/</link><description>News</description>
<item>
  <title>Severn valley roads closed as river bursts its banks</title>
  <link>https://www.westerncourier.example.co.uk/news/2022/feb/20/severn-flooding</link>
  <guid isPermaLink="true">https://www.westerncourier.example.co.uk/news/2022/feb/20/severn-flooding</guid>
  <pubDate>Sun, 20 Feb 2022 09:14:00 +0000</pubDate>
  <description></description>
  ${media}
  <media:description>Floodwater across the A38 near Tewkesbury on Sunday morning.</media:description>
</item></channel></rss>`;

  it('should leave out media:description when it captions the entry’s picture', async () => {
    for (const media of [
      '<media:content url="https://i.example.co.uk/a38.jpg" medium="image" width="151" height="151"/>',
      '<media:content url="https://i.example.co.uk/a38.jpg" type="image/jpeg"/>',
      '<media:thumbnail url="https://i.example.co.uk/a38-thumb.jpg"/>',
      '<enclosure url="https://i.example.co.uk/a38.jpg" type="image/jpeg" length="48211"/>',
    ]) {
      const built = buildItems(await readFeed(feed(media)), {
        source: 'Courier',
        feedUrl: 'https://www.westerncourier.example.co.uk/rss',
        now,
      });
      expect(built.items[0]?.title).toBe('Severn valley roads closed as river bursts its banks');
      expect(built.items[0]?.blocks).toEqual([]);
    }
  });

  it('should read media:description as the body when the entry has no picture', async () => {
    const built = buildItems(await readFeed(feed('')), {
      source: 'Courier',
      feedUrl: 'https://www.westerncourier.example.co.uk/rss',
      now,
    });
    expect(built.items[0]?.blocks.map((b) => b.text)).toEqual([
      'Floodwater across the A38 near Tewkesbury on Sunday morning.',
    ]);
  });
});

describe("an item's categories", () => {
  const build = async (xml: string) =>
    buildItems(await readFeed(xml), { source: '테크데일리', feedUrl: 'https://techdaily.example.kr/rss', now }).items;

  it('keeps RSS <category> text (CDATA, a domain attribute, several in one) and Dublin Core subjects', async () => {
    const list = await build(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>테크데일리</title><link>https://techdaily.example.kr/</link>
<item><title>네이버, 검색에 AI 브리핑 전면 적용</title><link>https://techdaily.example.kr/news/1</link>
<description>네이버가 통합검색을 10년 만에 바꾼다.</description>
<category><![CDATA[AI]]></category><category domain="https://techdaily.example.kr/section">플랫폼, 포털</category>
<category>  </category><category>AI</category><dc:subject>IT·과학</dc:subject>
<pubDate>Fri, 31 May 2024 09:00:00 +0900</pubDate></item>
<item><title>분류 없는 기사</title><link>https://techdaily.example.kr/news/2</link><description>본문입니다.</description></item>
</channel></rss>`);
    expect(list[0]?.categories).toEqual(['AI', '플랫폼', '포털', 'IT', '과학']);
    expect(list[1]?.categories).toBeUndefined();
  });

  it('keeps an Atom category by its label, else its term', async () => {
    const list = await build(`<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>마켓워치코리아</title><id>tag:mw</id><updated>2024-05-31T09:00:00+09:00</updated>
<entry><title>코스피 2.8% 상승</title><id>tag:mw:1</id><link href="https://mw.example.kr/news/1"/><updated>2024-05-31T09:00:00+09:00</updated>
<category term="stock" label="증시"/><category term="글로벌"/><summary>코스피가 올랐다.</summary></entry>
</feed>`);
    expect(list[0]?.categories).toEqual(['증시', '글로벌']);
  });
});
