/**
 * Hostile feeds at the collect stage: entity expansion past the size cap, one broken UTF-8
 * sequence in an unlabelled Korean feed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBody } from '../../src/collect/charset.js';
import { fetchUrl, isPrivateAddress, publicOnlyLookup } from '../../src/collect/http.js';
import { collectSources } from '../../src/collect/index.js';
import { readFileCapped } from '../../src/collect/read-source.js';
import { MAX_ITEM_CHARS } from '../../src/collect/items.js';
import { prepareXml } from '../../src/collect/xml-prep.js';
import type { CollectConfig } from '../../src/types.js';
import { brokenUtf8Feed, entityBombFeed, healthyFeed, newsItem, rss } from '../hostile/feeds.js';
import { serve, startFeedServer, type FeedServer } from './support/feed-server.js';

const now = new Date('2026-11-15T00:00:00Z');
const config: CollectConfig = {
  timeoutMs: 5000,
  connectTimeoutMs: 1000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 3,
  concurrency: 4,
  userAgent: 'briefing-test/1.0',
  unhealthyAfter: 3,
};
const MOJIBAKE = /[ÃÂ][\u0080-\u00bf]|ë[°\u0080-\u00bf]|ì[\u0080-\u00bf]|í[\u0080-\u00bf]|ê[\u0080-\u00bf]/;

let server: FeedServer;
beforeAll(async () => {
  server = await startFeedServer({
    '/bomb.rss': serve(entityBombFeed(1000, 500_000), { 'Content-Type': 'application/rss+xml' }),
    '/fat-item.rss': serve(entityBombFeed(1000, 2000), { 'Content-Type': 'application/rss+xml' }),
    '/healthy.rss': serve(healthyFeed('wire.example.kr', '연합와이어'), { 'Content-Type': 'application/rss+xml' }),
    '/broken-utf8.rss': serve(brokenUtf8Feed(2), { 'Content-Type': 'application/rss+xml' }),
  });
});
afterAll(async () => server.close());

const src = (name: string, path: string) => ({ name, url: server.url(path), weight: 1, fullText: false });

describe('entity expansion', () => {
  it('holds the size cap on the expanded text, naming the entity', () => {
    const feed = entityBombFeed(1000, 500_000);
    expect(feed.length).toBeLessThan(2 * 1024 * 1024);
    expect(() => prepareXml(feed, { maxChars: 5 * 1024 * 1024 })).toThrow(/entity &x; expands the feed over 5 MB/);
  });

  it('catches a bomb under another entity name and a smaller cap', () => {
    expect(() => prepareXml(entityBombFeed(200, 30_000, 'ad.text'), { maxChars: 1024 * 1024 })).toThrow(
      /entity &ad\.text; expands the feed over 1 MB/,
    );
  });

  it('fails the bombed feed alone; the other sources are read', async () => {
    const out = await collectSources([src('스팸일보', '/bomb.rss'), src('연합와이어', '/healthy.rss')], {
      config,
      now,
      states: new Map(),
    });
    expect(out[0]?.report.status).toBe('failed');
    expect(out[0]?.report.error).toMatch(/^entity &x; expands the feed over 5 MB/);
    expect(out[1]?.report.status).toBe('ok');
    expect(out[1]?.items).toHaveLength(3);
  });

  it('drops an item over the per-item size and keeps the rest of its feed', async () => {
    const [o] = await collectSources([src('스팸일보', '/fat-item.rss')], { config, now, states: new Map() });
    expect(o?.report.status).toBe('ok');
    expect(o?.report.droppedItems).toBe(1);
    expect(o?.items.map((i) => i.title)).toEqual(['반도체 수출 14개월 연속 증가…HBM 효과']);
    for (const it of o?.items ?? []) expect(it.html.length).toBeLessThanOrEqual(MAX_ITEM_CHARS);
  });
});

describe('charset on the whole body', () => {
  it('reads UTF-8 with two broken Hangul sequences as UTF-8 and counts them', () => {
    const d = decodeBody(brokenUtf8Feed(2));
    expect(d.charset).toBe('utf-8');
    expect(d.replaced).toBe(2);
    expect(d.replacedLines?.length).toBe(2);
    expect(d.text).toContain('한국은행, 기준금리 연 3.0%로 동결');
    expect(d.text).not.toMatch(MOJIBAKE);
    expect(d.text.match(/\ufffd/g)).toHaveLength(2);
  });

  it('reports the feed partial, with what was replaced, and no mojibake in any title', async () => {
    const [o] = await collectSources([src('뉴스코리아', '/broken-utf8.rss')], { config, now, states: new Map() });
    expect(o?.report.status).toBe('partial');
    expect(o?.report.error).toMatch(/^2 broken utf-8 byte sequences replaced with U\+FFFD \(lines \d+, \d+\)/);
    expect(o?.items).toHaveLength(3);
    for (const it of o?.items ?? [])
      expect(`${it.title} ${it.blocks.map((b) => b.text).join(' ')}`).not.toMatch(MOJIBAKE);
  });

  it('does not believe a windows-1252 label on bytes that are UTF-8 Korean', () => {
    const d = decodeBody(Buffer.from(healthyFeed(), 'utf8'), { contentType: 'text/xml; charset=iso-8859-1' });
    expect(d.charset).toBe('utf-8');
    expect(d.text).toContain('네이버, 생성형 AI 검색 전면 도입');
  });

  it('does not believe a windows-1252 label on bytes that are CP949 Korean', () => {
    const bytes = iconv.encode(healthyFeed().replace('encoding="UTF-8"', ''), 'cp949');
    const d = decodeBody(bytes, { contentType: 'application/rss+xml; charset=windows-1252' });
    expect(d.charset).toBe('cp949');
    expect(d.text).toContain('네이버, 생성형 AI 검색 전면 도입');
  });

  it('reads a CP949 feed with one broken pair as CP949, not windows-1252', () => {
    const bytes = iconv.encode(healthyFeed().replace('encoding="UTF-8"', ''), 'cp949');
    const at = bytes.indexOf(iconv.encode('기준금리', 'cp949'));
    const cut = Buffer.concat([bytes.subarray(0, at + 1), bytes.subarray(at + 2)]);
    const d = decodeBody(cut);
    expect(d.charset).toBe('cp949');
    expect(d.text).toContain('네이버, 생성형 AI 검색 전면 도입');
    expect(d.text).not.toMatch(MOJIBAKE);
  });

  it('still reads real windows-1252 text as windows-1252', () => {
    const latin = Buffer.from(
      iconv.encode(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Café déjà vu — naïve façade, señor</title></channel></rss>',
        'windows-1252',
      ),
    );
    const d = decodeBody(latin);
    expect(d.charset).toBe('windows-1252');
    expect(d.text).toContain('Café déjà vu — naïve façade, señor');
  });
});

describe('file sources', () => {
  it('reads only regular files: a device and a pipe are refused at once, naming what they are', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-fifo-'));
    const fifo = join(dir, 'feed.xml');
    execFileSync('mkfifo', [fifo]);
    const out = await collectSources(
      [
        { name: '제로', url: '/dev/zero', weight: 1, fullText: false },
        { name: '파이프', url: pathToFileURL(fifo).href, weight: 1, fullText: false },
      ],
      { config, now, states: new Map() },
    );
    expect(out[0]?.report.error).toBe(
      'not a regular file (a character device): /dev/zero; a file source must be a feed file',
    );
    expect(out[1]?.report.error).toMatch(/^not a regular file \(a named pipe\): .*feed\.xml/);
  });

  it('caps the bytes read, not the size the file system reports', async () => {
    // /proc files report a size of 0 and give more.
    await expect(readFileCapped('/proc/self/maps', 64)).rejects.toThrow(/^file over 64 bytes/);
  });
});

describe('redirects into private ranges', () => {
  const request = {
    accept: '*/*',
    timeoutMs: 3000,
    connectTimeoutMs: 1000,
    maxBytes: 1024 * 1024,
    maxRedirects: 3,
    userAgent: 'briefing-test/1.0',
    now,
  };

  it('refuses a redirect from a public feed host to a private address, and says so', async () => {
    server.route('/moved.rss', (_rq, res) => {
      res.writeHead(302, { Location: 'http://169.254.169.254/latest/meta-data/' });
      res.end();
    });
    // The configured host counts as public here (it is 127.0.0.1 only because tests stay on loopback).
    const publicHere = (a: string) => a !== '127.0.0.1' && a !== '::ffff:127.0.0.1' && isPrivateAddress(a);
    await expect(fetchUrl({ ...request, url: server.url('/moved.rss'), isPrivateAddress: publicHere })).rejects.toThrow(
      /^redirect into a private address refused \(http:\/\/169\.254\.169\.254\/latest\/meta-data\/ is 169\.254\.169\.254\)/,
    );
  });

  it('checks names at connect time: a name that resolves to loopback is refused by the lookup', async () => {
    const lookup = publicOnlyLookup();
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      lookup('localhost', { family: 0 }, (e) => resolve(e)),
    );
    expect(err?.code).toBe('EPRIVATEADDRESS');
    expect(err?.message).toMatch(/^localhost resolves to private address (127\.0\.0\.1|::1)$/);
  });

  it('follows a redirect within loopback when the configured URL is on loopback', async () => {
    server.route('/hop.rss', (_rq, res) => {
      res.writeHead(302, { Location: '/healthy.rss' });
      res.end();
    });
    const res = await fetchUrl({ ...request, url: server.url('/hop.rss') });
    expect(res.kind).toBe('ok');
  });

  it('classifies the ranges', () => {
    for (const a of [
      '10.1.2.3',
      '172.20.0.1',
      '192.168.0.10',
      '127.0.0.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::5',
      '::ffff:10.0.0.1',
      '100.64.0.1',
    ])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['8.8.8.8', '203.0.113.9', '2001:db8::1', '172.32.0.1']) expect(isPrivateAddress(a), a).toBe(false);
  });
});

describe('bidi controls in feed text', () => {
  it('removes embedding, override and isolate controls from titles, bodies and authors, written raw or as references', async () => {
    const spoof = rss([
      newsItem(
        7,
        '삼성전자 공식 발표\u202e서명\u202c 확인 &#x2066;필수&#x2069;',
        ['금융감독원을 사칭한 문자가 퍼지고 있다. 링크는 ‮gpj.exe‬ 파일을 내려받게 한다.'],
        'Fri, 13 Nov 2026 09:00:00 +0900',
      ).replace('김민준 기자', '김민준\u202d 기자'),
    ]);
    server.route('/bidi.rss', serve(spoof));
    const [o] = await collectSources([src('보안뉴스', '/bidi.rss')], { config, now, states: new Map() });
    const it = o?.items[0];
    const all = `${it?.title} ${it?.html} ${it?.blocks.map((b) => b.text).join(' ')} ${it?.author}`;
    expect(all).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(it?.title).toBe('삼성전자 공식 발표서명 확인 필수');
  });
});
