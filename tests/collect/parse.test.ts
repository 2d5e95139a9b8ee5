import { describe, expect, it } from 'vitest';
import { readFeed, xmlErrorReason } from '../../src/collect/parse.js';
import { closeTruncated, fixReferences, prepareXml } from '../../src/collect/xml-prep.js';
import { decodeBody } from '../../src/collect/charset.js';
import { fixture } from './support/feed-server.js';

const text = (name: string) => decodeBody(fixture(name)).text;

describe('reading feed documents', () => {
  it('reads RSS 2.0, Atom and RSS 1.0 (RDF)', async () => {
    expect((await readFeed(text('korean-news.rss'))).format).toBe('rss');
    expect((await readFeed(text('atom-base.atom'))).format).toBe('atom');
    const rdf = await readFeed(text('rdf.rdf'));
    expect(rdf.format).toBe('rdf');
    expect(rdf.items).toHaveLength(1);
  });

  it('reads RSS without a version attribute', async () => {
    const feed = await readFeed(text('rss-noversion.rss'));
    expect(feed.items).toHaveLength(1);
    expect(feed.title).toBe('No version');
  });

  it('reads an RDF root written with another prefix', async () => {
    const feed = await readFeed(
      '<RDF:RDF xmlns:RDF="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><title>c</title></channel><item><title>i</title><link>http://x/1</link></item></RDF:RDF>',
    );
    expect(feed.items).toHaveLength(1);
  });

  it('rejects an HTML page as not a feed', async () => {
    await expect(readFeed(text('page.html'))).rejects.toThrow('not a feed (got an HTML page)');
  });

  it('rejects JSON and other roots with a clear reason', async () => {
    await expect(readFeed('{"version":"https://jsonfeed.org/version/1"}')).rejects.toThrow('not a feed (got JSON');
    await expect(readFeed('<opml version="1.0"/>')).rejects.toThrow('not a feed (root element <opml>)');
    await expect(readFeed('   ')).rejects.toThrow('not a feed (empty document)');
  });

  it('reports an XML error with its line number', async () => {
    await expect(readFeed(text('broken.rss'))).rejects.toThrow('XML error at line 10: unclosed root tag');
    expect(xmlErrorReason('Unexpected close tag\nLine: 5\nColumn: 7\nChar: >')).toBe(
      'XML error at line 6: unexpected close tag',
    );
  });

  it('reads documents with HTML entities, stray ampersands and junk before the first tag', async () => {
    const feed = await readFeed(
      'Warning: notice\n<?xml version="1.0"?><rss version="2.0"><channel><title>A &amp; B &mdash; C &nbsp;R&D &#150; &bogus; 1 < 2</title><item><title>x</title></item></channel></rss>',
    );
    expect(feed.title).toBe('A & B — C \u00a0R&D – &bogus; 1 < 2');
  });

  it('expands entities declared in the internal DTD subset', async () => {
    const feed = await readFeed(
      '<!DOCTYPE rss [<!ENTITY brand "브리핑">]><rss version="2.0"><channel><title>&brand; 소식</title></channel></rss>',
    );
    expect(feed.title).toBe('브리핑 소식');
  });

  it('keeps the line count while fixing references', () => {
    const src = '<rss>\n<channel>\n<title>a &nbsp; b & c</title>\n</channel>\n</rss>';
    const out = prepareXml(src).xml;
    expect(out.split('\n')).toHaveLength(src.split('\n').length);
    expect(fixReferences('&#0;&#x1F600;&nbsp;')).toBe('&#x1F600;&#160;');
  });

  it('keeps the complete entries of a document cut off in the middle, and counts the cut one', async () => {
    const feed = await readFeed(text('truncated.rss'));
    expect(feed.items.map((i) => i.title)).toEqual(['First complete item', 'Second complete item']);
    expect(feed.partialEntries).toBe(1);
  });

  it('says where a cut-off document ends, in bytes of its UTF-8 text', async () => {
    const entry = (n: number, title: string) =>
      `<entry><id>urn:news:${n}</id><title>${title}</title><link href="https://news.example.kr/${n}"/><updated>2026-11-15T09:0${n}:00+09:00</updated><summary>${title} 관련 속보입니다. 무단 전재 및 재배포 금지.</summary></entry>\n`;
    const doc = `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>경제 속보</title>\n${entry(1, '한은, 기준금리 동결')}${entry(2, '코스피 2,600선 회복')}<entry><id>urn:news:3</id><title>원·달러 환율 1,400원`;
    const feed = await readFeed(doc);
    expect(feed.items).toHaveLength(2);
    expect(feed.problem).toBe(`document ends inside <entry> at byte ${Buffer.byteLength(doc).toLocaleString('en-US')}`);
    expect(Buffer.byteLength(doc)).toBeGreaterThan(doc.length);
  });

  it('names the markup error of a document only the lenient parser could read', async () => {
    const feed = await readFeed(
      '<rss version="2.0"><channel><title>지역 소식</title><item><title>시내버스 노선 개편</title><link>https://city.example.kr/1</link></item>\n<item><title>도서관 휴관 안내</title><font></b><link>https://city.example.kr/2</link></item></channel></rss>',
    );
    expect(feed.items).toHaveLength(2);
    expect(feed.problem).toBe('XML error at line 2: unexpected close tag');
    expect((await readFeed('<rss version="2.0"><channel><title>t</title></channel></rss>')).problem).toBeUndefined();
  });

  it('completes a document whose closing root tag is missing or cut', () => {
    expect(closeTruncated('<rss><channel><title>t</title></channel></rss')?.xml).toBe(
      '<rss><channel><title>t</title></channel></rss>',
    );
    expect(closeTruncated('<feed><entry><title>a</title></entry><entry><title>b')).toEqual({
      xml: '<feed><entry><title>a</title></entry></feed>',
      droppedEntries: 1,
      endsInside: 'entry',
    });
    expect(closeTruncated('<rss><channel></channel></rss>')).toBeUndefined();
  });

  it('reads a feed with an XHTML DOCTYPE before its RSS root', async () => {
    const feed = await readFeed(
      '<?xml version="1.0"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x"><rss><channel><title>found</title></channel></rss>',
    );
    expect(feed.title).toBe('found');
  });

  it('treats an RSS document without a channel as an empty feed', async () => {
    expect((await readFeed('<rss version="2.0"></rss>')).items).toEqual([]);
  });

  it('falls back to a lenient parse for mis-nested markup a strict parser refuses', async () => {
    const feed = await readFeed(
      '<rss version="2.0"><channel><title>T</title><item><title>one <b>bold</title></item></channel></rss>',
    );
    expect(feed.lenient).toBe(true);
    expect(feed.items).toHaveLength(1);
  });
});
