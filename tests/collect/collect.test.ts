import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { collectSources, progressBar, type CollectDeps } from '../../src/collect/index.js';
import type { CollectConfig, SourceConfig, SourceState } from '../../src/types.js';
import { FIXTURES, fixture, serve, startFeedServer, type FeedServer } from './support/feed-server.js';

const now = new Date('2024-06-01T00:00:00Z');
const config: CollectConfig = {
  timeoutMs: 500,
  connectTimeoutMs: 300,
  maxBytes: 256 * 1024,
  maxRedirects: 3,
  concurrency: 4,
  userAgent: 'briefing-test/1.0',
  unhealthyAfter: 3,
};
let server: FeedServer;
let inFlight = 0;
let maxInFlight = 0;

const HANGUL = /[\uac00-\ud7a3]/;
const src = (name: string, url: string, extra: Partial<SourceConfig> = {}): SourceConfig => ({
  name,
  url,
  weight: 1,
  fullText: false,
  ...extra,
});
const deps = (extra: Partial<CollectDeps> = {}): CollectDeps => ({ config, now, states: new Map(), ...extra });

const ARTICLE = `<!doctype html><html><head><meta charset="utf-8"><title>기사</title>
<meta property="og:image" content="https://img.news.example.kr/photo/2026/11/power-grid.jpg">
<meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">
<meta property="og:image:alt" content="변전소의 송전탑"></head><body>
<nav>홈 | 정치 | 경제</nav>
<article><h1>전기요금 인상 확정</h1>
${Array.from({ length: 6 }, (_, i) => `<p>정부가 전기요금 인상안을 확정했다는 소식이 전해진 가운데 가계와 산업계의 부담이 커질 것이라는 전망이 나온다. 이번 인상은 ${i + 1}단계로 나뉘어 시행된다.</p>`).join('\n')}
<p>홍길동 기자 gildong@news.example.kr</p>
</article><footer>ⓒ 뉴스 무단 전재 및 재배포 금지</footer></body></html>`;

beforeAll(async () => {
  const euckr = fixture('euc-kr-nodecl.rss');
  server = await startFeedServer({
    '/news.rss': (rq, res) => {
      if (rq.headers['if-none-match'] === '"n1"') {
        res.writeHead(304, { ETag: '"n1"' });
        res.end();
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'application/rss+xml',
        ETag: '"n1"',
        'Last-Modified': 'Fri, 31 May 2024 00:00:00 GMT',
      });
      res.end(fixture('korean-news.rss'));
    },
    '/euc-kr-header.rss': serve(euckr, { 'Content-Type': 'application/rss+xml; charset=euc-kr' }),
    '/euc-kr-decl.rss': serve(fixture('euc-kr.rss'), { 'Content-Type': 'text/xml' }),
    '/gzip.atom': serve(gzipSync(fixture('atom-base.atom')), {
      'Content-Type': 'application/atom+xml',
      'Content-Encoding': 'gzip',
    }),
    '/500': serve('down', { 'Content-Type': 'text/plain' }, 500),
    '/page.html': serve(fixture('page.html'), { 'Content-Type': 'text/html; charset=utf-8' }),
    '/slow.rss': (rq, res) => {
      const t = setTimeout(() => serve(fixture('korean-news.rss'))(rq, res), 3000);
      res.on('close', () => clearTimeout(t));
    },
    '/loop': serve('', { Location: '/loop' }, 302),
    '/429': serve('', { 'Retry-After': '120' }, 429),
    '/broken.rss': serve(fixture('broken.rss')),
    '/truncated.rss': serve(fixture('truncated.rss')),
    '/syndicated-a.rss': serve(fixture('syndicated-a.rss')),
    '/syndicated-b.rss': serve(fixture('syndicated-b.rss')),
    '/desc-only.rss': (_rq, res) => {
      const link = server.url('/article/1');
      serve(
        `<rss version="2.0"><channel><title>요약만</title><link>${server.base}/</link><item><title>전기요금 인상 확정</title><link>${link}</link><description>요약 한 줄.</description></item><item><title>없는 기사</title><link>${server.url('/article/missing')}</link><description>요약 둘.</description></item></channel></rss>`,
      )(_rq, res);
    },
    '/article/1': serve(ARTICLE, { 'Content-Type': 'text/html; charset=utf-8' }),
  });
  for (let i = 0; i < 8; i++) {
    server.route(`/delayed/${i}.rss`, (rq, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        serve(fixture('rdf.rdf'))(rq, res);
      }, 60);
    });
  }
});

afterAll(async () => {
  await server.close();
});

describe('collecting sources', () => {
  it('collects good sources and reports each bad one with a one-line reason, in order', async () => {
    const sources = [
      src('뉴스', server.url('/news.rss')),
      src('다운', server.url('/500')),
      src('웹페이지', server.url('/page.html')),
      src('느림', server.url('/slow.rss')),
      src('고리', server.url('/loop')),
      src('깨짐', server.url('/broken.rss')),
      src('잘림', server.url('/truncated.rss')),
      src('아톰', server.url('/gzip.atom')),
      src('파일', `${FIXTURES}rdf.rdf`),
      src('파일 URL', pathToFileURL(`${FIXTURES}rss-noversion.rss`).href),
      src('없는 파일', `${FIXTURES}missing.rss`),
      src('상대 경로', 'feeds/relative.rss'),
    ];
    const progress: Array<[number, number, string]> = [];
    const out = await collectSources(sources, deps({ onProgress: (d, t, s) => progress.push([d, t, s]) }));
    expect(out.map((o) => [o.report.name, o.report.status, o.report.error ?? ''])).toEqual([
      ['뉴스', 'ok', ''],
      ['다운', 'failed', 'HTTP 500 Internal Server Error'],
      ['웹페이지', 'failed', 'not a feed (got an HTML page)'],
      ['느림', 'failed', 'timeout after 0.5 s'],
      ['고리', 'failed', `redirect loop (back to ${server.url('/loop')})`],
      ['깨짐', 'failed', 'XML error at line 10: unclosed root tag'],
      ['잘림', 'partial', 'document ends inside <item> at byte 414; 2 items recovered'],
      ['아톰', 'ok', ''],
      ['파일', 'ok', ''],
      ['파일 URL', 'ok', ''],
      ['없는 파일', 'failed', `file not found: ${FIXTURES}missing.rss`],
      ['상대 경로', 'failed', 'not an http(s) URL or absolute file path: feeds/relative.rss'],
    ]);
    expect(out[0]?.items).toHaveLength(3);
    expect(out[0]?.report).toMatchObject({
      url: server.url('/news.rss'),
      seenItems: 3,
      droppedItems: 0,
      newItems: 0,
      healthy: true,
    });
    expect(out[6]?.report).toMatchObject({ seenItems: 2, droppedItems: 1 });
    expect(out[6]?.state).toMatchObject({
      failures: 0,
      lastError: 'document ends inside <item> at byte 414; 2 items recovered',
    });
    expect(out[7]?.items[0]?.link).toBe('https://blog.example.com/posts/release-2.html');
    expect(out[1]?.state).toMatchObject({ failures: 1, lastError: 'HTTP 500 Internal Server Error' });
    expect(progress).toHaveLength(sources.length);
    expect(progress.map(([d]) => d).sort((a, b) => a - b)).toEqual(sources.map((_, i) => i + 1));
    expect(progress.every(([, t]) => t === sources.length)).toBe(true);
  });

  it('decodes EUC-KR feeds labelled by the HTTP header or only by the XML declaration', async () => {
    // Two collections: in one, the second copy of the same story would be left out as a duplicate.
    const [header] = await collectSources([src('헤더', server.url('/euc-kr-header.rss'))], deps());
    const [declared] = await collectSources([src('선언', server.url('/euc-kr-decl.rss'))], deps());
    for (const o of [header, declared]) {
      expect(o?.report.status).toBe('ok');
      expect(o?.charset).toBe('cp949');
      const title = o?.items[0]?.title ?? '';
      expect(title).toBe('똠방각하와 햏자의 뷁 이야기');
      expect(HANGUL.test(title) && !title.includes('\ufffd')).toBe(true);
    }
  });

  it('keeps ETag and Last-Modified and turns a 304 into not-modified without items', async () => {
    const [first] = await collectSources([src('뉴스', server.url('/news.rss'))], deps());
    expect(first?.state).toMatchObject({ etag: '"n1"', lastModified: 'Fri, 31 May 2024 00:00:00 GMT', failures: 0 });
    const states = new Map<string, SourceState>([[server.url('/news.rss'), first?.state as SourceState]]);
    const [second] = await collectSources([src('뉴스', server.url('/news.rss'))], deps({ states }));
    expect(second?.report.status).toBe('not-modified');
    expect(second?.items).toEqual([]);
    expect(second?.state.etag).toBe('"n1"');
  });

  it('honours Retry-After on 429 by skipping the source until then, unless told to ignore backoff', async () => {
    const url = server.url('/429');
    const [first] = await collectSources([src('혼잡', url)], deps());
    expect(first?.report.error).toBe('HTTP 429 Too Many Requests, retry after 120 s');
    expect(first?.state.retryAfter).toBe('2024-06-01T00:02:00.000Z');
    const hits = server.hits('/429');
    const states = new Map([[url, first?.state as SourceState]]);
    const [second] = await collectSources([src('혼잡', url)], deps({ states, now: new Date('2024-06-01T00:01:00Z') }));
    expect(second?.report.status).toBe('skipped');
    expect(second?.report.error).toContain('backing off until 2024-06-01T00:02:00.000Z');
    expect(server.hits('/429')).toBe(hits);
    await collectSources(
      [src('혼잡', url)],
      deps({ states, now: new Date('2024-06-01T00:01:00Z'), ignoreBackoff: true }),
    );
    expect(server.hits('/429')).toBe(hits + 1);
    await collectSources([src('혼잡', url)], deps({ states, now: new Date('2024-06-01T00:02:01Z') }));
    expect(server.hits('/429')).toBe(hits + 2);
  });

  it('marks a source unhealthy after unhealthyAfter failures in a row, and healthy again after a success', async () => {
    const url = server.url('/500');
    const states = new Map<string, SourceState>([[url, { url, failures: 2 }]]);
    const [bad] = await collectSources([src('다운', url)], deps({ states }));
    expect(bad?.report).toMatchObject({ status: 'failed', healthy: false });
    expect(bad?.state.failures).toBe(3);
    const good = server.url('/news.rss');
    const [ok] = await collectSources(
      [src('뉴스', good)],
      deps({ states: new Map([[good, { url: good, failures: 7 }]]) }),
    );
    expect(ok?.report.healthy).toBe(true);
    expect(ok?.state.failures).toBe(0);
  });

  it('leaves out a syndicated copy carried by a second source', async () => {
    const out = await collectSources(
      [src('A', server.url('/syndicated-a.rss')), src('B', server.url('/syndicated-b.rss'))],
      deps(),
    );
    expect(out[0]?.items.map((i) => i.guid)).toEqual(['a-ev']);
    expect(out[1]?.items.map((i) => i.guid)).toEqual(['b-78']);
    expect(out[1]?.duplicates).toBe(1);
  });

  it('keeps the copy of the heavier source', async () => {
    const out = await collectSources(
      [src('A', server.url('/syndicated-a.rss')), src('B', server.url('/syndicated-b.rss'), { weight: 2 })],
      deps(),
    );
    expect(out[0]?.items).toEqual([]);
    expect(out[1]?.items.map((i) => i.guid)).toEqual(['b-77', 'b-78']);
  });

  it('runs at most `concurrency` sources at once', async () => {
    maxInFlight = 0;
    const sources = Array.from({ length: 8 }, (_, i) => src(`S${i}`, server.url(`/delayed/${i}.rss`)));
    const out = await collectSources(sources, deps({ config: { ...config, concurrency: 2 } }));
    expect(out.every((o) => o.report.status === 'ok')).toBe(true);
    expect(maxInFlight).toBe(2);
  });

  it('fetches the article page for full text and keeps the feed text when the page fails', async () => {
    const [o] = await collectSources([src('요약', server.url('/desc-only.rss'), { fullText: true })], deps());
    expect(o?.report.status).toBe('ok');
    expect(o?.fullText).toEqual({ fetched: 2, failed: 1 });
    const full = o?.items.find((i) => i.title === '전기요금 인상 확정');
    expect(full?.blocks.length).toBeGreaterThanOrEqual(6);
    expect(full?.blocks.map((b) => b.text).join(' ')).not.toMatch(/기자|무단|홈 \| 정치/);
    // The page's og:image is the item's picture (the feed had none).
    expect(full?.image).toEqual({
      url: 'https://img.news.example.kr/photo/2026/11/power-grid.jpg',
      width: 1200,
      height: 630,
      alt: '변전소의 송전탑',
    });
    expect(o?.items.find((i) => i.title === '없는 기사')?.blocks).toEqual([{ kind: 'paragraph', text: '요약 둘.' }]);
  });
});

describe('the progress bar', () => {
  it('is a no-op when the stream is not a terminal', () => {
    const stream = Object.assign(new Writable({ write: (_c, _e, cb) => cb() }), {
      isTTY: false,
    }) as unknown as NodeJS.WriteStream;
    const bar = progressBar(stream);
    expect(bar.onProgress).toBeUndefined();
    bar.stop();
  });

  it('draws progress on a terminal', () => {
    let written = '';
    const stream = Object.assign(
      new Writable({
        write: (c: Buffer, _e, cb) => {
          written += c.toString();
          cb();
        },
      }),
      { isTTY: true, columns: 100, cursorTo: () => true, clearLine: () => true, moveCursor: () => true },
    ) as unknown as NodeJS.WriteStream;
    const bar = progressBar(stream);
    bar.onProgress?.(1, 4, 'Source one');
    bar.onProgress?.(4, 4, 'Source four');
    bar.stop();
    expect(written).toContain('4/4');
  });
});
