import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync, deflateRawSync, deflateSync, brotliCompressSync } from 'node:zlib';
import { FEED_ACCEPT, fetchUrl, type FetchRequest } from '../../src/collect/http.js';
import { FeedFailure } from '../../src/collect/failure.js';
import { closedPort, fixture, serve, startFeedServer, type FeedServer } from './support/feed-server.js';

const now = new Date('2024-06-01T00:00:00Z');
let server: FeedServer;
const feed = fixture('korean-news.rss');

function req(path: string, extra: Partial<FetchRequest> = {}): FetchRequest {
  return {
    url: server.url(path),
    accept: FEED_ACCEPT,
    timeoutMs: 400,
    connectTimeoutMs: 300,
    maxBytes: 64 * 1024,
    maxRedirects: 3,
    userAgent: 'briefing-test/1.0 (+https://example.com)',
    now,
    ...extra,
  };
}

async function failure(p: Promise<unknown>): Promise<FeedFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FeedFailure) return e;
    throw e;
  }
  throw new Error('expected a failure');
}

beforeAll(async () => {
  server = await startFeedServer({
    '/feed.xml': (rq, res) => {
      if (rq.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { ETag: '"v1"' });
        res.end();
        return;
      }
      res.writeHead(200, {
        'Content-Type': 'application/rss+xml',
        ETag: '"v1"',
        'Last-Modified': 'Sat, 01 Jun 2024 00:00:00 GMT',
      });
      res.end(feed);
    },
    '/slow.xml': (_rq, res) => {
      const t = setTimeout(() => serve(feed)(_rq, res), 3000);
      res.on('close', () => clearTimeout(t));
    },
    '/stall.xml': (_rq, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
    },
    '/endless.xml': (_rq, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk)) {
          /* keep writing */
        }
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    },
    '/declared-huge.xml': (_rq, res) => {
      res.writeHead(200, { 'Content-Type': 'application/rss+xml', 'Content-Length': String(50 * 1024 * 1024) });
      res.write('<rss>');
    },
    '/bomb.xml': serve(gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20)), { 'Content-Encoding': 'gzip' }),
    '/500': serve('oops', { 'Content-Type': 'text/plain' }, 500),
    '/loop-a': serve('', { Location: '/loop-b' }, 302),
    '/loop-b': serve('', { Location: '/loop-a' }, 301),
    '/r1': serve('', { Location: '/r2' }, 302),
    '/r2': serve('', { Location: '/r3' }, 302),
    '/r3': serve('', { Location: '/r4' }, 302),
    '/r4': serve('', { Location: '/feed.xml' }, 302),
    '/moved': serve('', { Location: '/feed.xml' }, 301),
    '/to-file': serve('', { Location: 'file:///etc/passwd' }, 302),
    '/429': serve('slow down', { 'Retry-After': '120' }, 429),
    '/503': serve('maintenance', { 'Retry-After': 'Sat, 01 Jun 2024 01:00:00 GMT' }, 503),
    '/gzip.xml': serve(gzipSync(feed), { 'Content-Encoding': 'gzip' }),
    '/deflate.xml': serve(deflateSync(feed), { 'Content-Encoding': 'deflate' }),
    '/raw-deflate.xml': serve(deflateRawSync(feed), { 'Content-Encoding': 'deflate' }),
    '/br.xml': serve(brotliCompressSync(feed), { 'Content-Encoding': 'br' }),
    '/corrupt-gzip.xml': serve(Buffer.from('not gzip at all'), { 'Content-Encoding': 'gzip' }),
  });
});

afterAll(async () => {
  await server.close();
});

describe('the HTTP client', () => {
  it('sends a User-Agent, Accept and Accept-Encoding, and returns the body with its validators', async () => {
    const res = await fetchUrl(req('/feed.xml'));
    expect(res.kind).toBe('ok');
    expect(res.kind === 'ok' && res.body.equals(feed)).toBe(true);
    expect(res.headers.etag).toBe('"v1"');
    const sent = server.requests.find((r) => r.path === '/feed.xml')?.headers;
    expect(sent?.['user-agent']).toBe('briefing-test/1.0 (+https://example.com)');
    expect(sent?.accept).toContain('application/rss+xml');
    expect(sent?.['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('sends If-None-Match and If-Modified-Since and reports a 304 as not modified', async () => {
    const res = await fetchUrl(req('/feed.xml', { etag: '"v1"', lastModified: 'Sat, 01 Jun 2024 00:00:00 GMT' }));
    expect(res.kind).toBe('not-modified');
    const sent = server.requests.filter((r) => r.path === '/feed.xml').at(-1)?.headers;
    expect(sent?.['if-none-match']).toBe('"v1"');
    expect(sent?.['if-modified-since']).toBe('Sat, 01 Jun 2024 00:00:00 GMT');
  });

  it('gives up on a server that does not answer in time', async () => {
    expect((await failure(fetchUrl(req('/slow.xml')))).message).toBe('timeout after 0.4 s');
  });

  it('gives up on a body that stops arriving', async () => {
    expect((await failure(fetchUrl(req('/stall.xml')))).message).toBe('timeout after 0.4 s');
  });

  it('stops reading an endless body at the size cap', async () => {
    expect((await failure(fetchUrl(req('/endless.xml', { timeoutMs: 5000 })))).message).toBe('response over 64 KB');
  });

  it('refuses a declared Content-Length over the cap without reading it', async () => {
    expect((await failure(fetchUrl(req('/declared-huge.xml')))).message).toBe(
      'response over 64 KB (Content-Length 50 MB)',
    );
  });

  it('caps the body after decompression too (a gzip bomb)', async () => {
    expect((await failure(fetchUrl(req('/bomb.xml')))).message).toBe('response over 64 KB after decompression');
  });

  it('reports an HTTP error status', async () => {
    const f = await failure(fetchUrl(req('/500')));
    expect(f.message).toBe('HTTP 500 Internal Server Error');
    expect(f.status).toBe(500);
  });

  it('detects a redirect loop', async () => {
    expect((await failure(fetchUrl(req('/loop-a')))).message).toBe(`redirect loop (back to ${server.url('/loop-a')})`);
  });

  it('stops after too many redirects and follows a short chain', async () => {
    expect((await failure(fetchUrl(req('/r1')))).message).toBe('too many redirects (more than 3)');
    const ok = await fetchUrl(req('/moved'));
    expect(ok.kind === 'ok' && ok.url).toBe(server.url('/feed.xml'));
  });

  it('refuses a redirect to a non-HTTP URL', async () => {
    expect((await failure(fetchUrl(req('/to-file')))).message).toBe(
      'redirect to an unsupported URL (file:///etc/passwd)',
    );
  });

  it('reads Retry-After from a 429 (seconds) and a 503 (date)', async () => {
    const f429 = await failure(fetchUrl(req('/429')));
    expect(f429.message).toBe('HTTP 429 Too Many Requests, retry after 120 s');
    expect(f429.retryAfterMs).toBe(120_000);
    const f503 = await failure(fetchUrl(req('/503')));
    expect(f503.retryAfterMs).toBe(3_600_000);
  });

  it('decodes gzip, zlib and raw deflate, and brotli bodies', async () => {
    for (const path of ['/gzip.xml', '/deflate.xml', '/raw-deflate.xml', '/br.xml']) {
      const res = await fetchUrl(req(path));
      expect(res.kind === 'ok' && res.body.equals(feed)).toBe(true);
    }
    expect((await failure(fetchUrl(req('/corrupt-gzip.xml')))).message).toBe('corrupt gzip body');
  });

  it('reports a TLS failure when the server does not speak TLS', async () => {
    const f = await failure(fetchUrl(req('/', { url: server.url('/feed.xml').replace('http:', 'https:') })));
    expect(f.message).toMatch(/^TLS error \(/);
  });

  it('reports a refused connection', async () => {
    const port = await closedPort();
    expect((await failure(fetchUrl(req('/', { url: `http://127.0.0.1:${port}/feed.xml` })))).message).toBe(
      'connection refused',
    );
  });
});
