/**
 * A loopback feed server, run as its own process: `feeds` RSS documents of `items` items
 * each (generated Korean news, see bench/generate.ts) at /feed/<n>.xml on 127.0.0.1. Every
 * feed has an ETag and a Last-Modified; a request that presents either gets 304.
 *
 * Args: <feeds> <items per feed>. IPC: sends `{ type: 'ready', port }`; answers
 * `{ type: 'stats' }` with `{ type: 'stats', requests, notModified }`.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateFeedXml, generateItems } from '../generate.js';
import { NOW } from './fixture.js';

const feedCount = Number(process.argv[2] ?? 100);
const perFeed = Number(process.argv[3] ?? 50);

const items = generateItems(feedCount * perFeed, { seed: 11, now: NOW, sources: Math.min(feedCount, 40) });
const lastModified = new Date(NOW.getTime() - 3_600_000).toUTCString();
const feeds = Array.from({ length: feedCount }, (_, f) => {
  const mine = items.filter((_, i) => i % feedCount === f);
  const body = Buffer.from(
    generateFeedXml(mine, { title: `뉴스피드 ${f + 1}`, link: `https://feed${f + 1}.example.kr/` }),
    'utf8',
  );
  const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
  return { body, etag };
});

let requests = 0;
let notModified = 0;

const server = createServer((req, res) => {
  requests++;
  const m = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? '');
  const feed = m ? feeds[Number(m[1])] : undefined;
  if (!feed) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  if (
    (inm !== undefined && inm === feed.etag) ||
    (inm === undefined && ims !== undefined && Date.parse(ims) >= Date.parse(lastModified))
  ) {
    notModified++;
    res.writeHead(304, { etag: feed.etag, 'last-modified': lastModified });
    res.end();
    return;
  }
  res.writeHead(200, {
    'content-type': 'application/rss+xml; charset=utf-8',
    'content-length': feed.body.length,
    etag: feed.etag,
    'last-modified': lastModified,
  });
  res.end(feed.body);
});

server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ type: 'ready', port, bytes: feeds.reduce((n, f) => n + f.body.length, 0) });
});

process.on('message', (m: { type?: string }) => {
  if (m.type === 'stats') process.send?.({ type: 'stats', requests, notModified });
  if (m.type === 'close') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
process.on('disconnect', () => process.exit(0));
