/**
 * Collect over the public feed corpora in ../shared/corpora (not part of the project; see
 * its INDEX.md), and over 100 generated feeds served from 127.0.0.1. Prints the figures.
 * Runs with `npm run test:corpus`; the corpus part skips (and says so) when the corpora
 * folder is absent.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBody, type Decoded } from '../../src/collect/charset.js';
import { decodeEntities } from '../../src/collect/dom.js';
import { FeedFailure } from '../../src/collect/failure.js';
import { buildItems, type BuiltItems } from '../../src/collect/items.js';
import { readFeed, type RawFeed } from '../../src/collect/parse.js';
import { collectSources } from '../../src/collect/index.js';
import type { CollectConfig, SourceConfig, SourceState } from '../../src/types.js';
import { generateFeedXml, generateItems } from '../../bench/generate.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// ../shared/corpora beside the project; BRIEFING_CORPORA points elsewhere (or nowhere, to see the skip).
const CORPORA = process.env.BRIEFING_CORPORA ?? join(ROOT, '..', 'shared', 'corpora');
const PRESENT = existsSync(CORPORA);
const PER_FILE_LIMIT_MS = 10_000;
const NOW = new Date('2030-01-01T00:00:00Z');
const HANGUL = /[\uac00-\ud7a3]/;

if (!PRESENT) {
  console.log(
    `collect corpus: ${CORPORA} not found, so the corpus checks are skipped (the loopback timing still runs).`,
  );
}

// ---------------------------------------------------------------- running one file

type Outcome =
  | { kind: 'parsed'; decoded: Decoded; feed: RawFeed; built: BuiltItems; ms: number }
  | { kind: 'rejected'; reason: string; decoded?: Decoded; ms: number }
  | { kind: 'crashed'; error: string; ms: number }
  | { kind: 'hung'; ms: number };

async function runBytes(
  bytes: Buffer,
  contentType?: string,
  feedUrl = 'http://corpus.example.org/feed.xml',
): Promise<Outcome> {
  const t0 = performance.now();
  let decoded: Decoded | undefined;
  const work = (async (): Promise<Outcome> => {
    decoded = decodeBody(bytes, { contentType });
    const feed = await readFeed(decoded.text);
    const built = buildItems(feed, { source: 'corpus', feedUrl, now: NOW });
    return { kind: 'parsed', decoded, feed, built, ms: 0 };
  })().catch((e: unknown): Outcome => {
    if (e instanceof FeedFailure)
      return { kind: 'rejected', reason: e.message, ...(decoded ? { decoded } : {}), ms: 0 };
    return { kind: 'crashed', error: e instanceof Error ? `${e.name}: ${e.message}` : String(e), ms: 0 };
  });
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'hung', ms: PER_FILE_LIMIT_MS }), PER_FILE_LIMIT_MS);
  });
  const out = await Promise.race([work, limit]);
  clearTimeout(timer);
  const ms = performance.now() - t0;
  if (out.kind !== 'hung' && ms > PER_FILE_LIMIT_MS) return { kind: 'hung', ms };
  return { ...out, ms };
}

interface Tally {
  files: number;
  parsed: number;
  rejected: number;
  crashed: number;
  hung: number;
  items: number;
  dropped: number;
  ms: number;
  slowest: { file: string; ms: number };
  reasons: Map<string, number>;
  crashes: string[];
}

function tally(): Tally {
  return {
    files: 0,
    parsed: 0,
    rejected: 0,
    crashed: 0,
    hung: 0,
    items: 0,
    dropped: 0,
    ms: 0,
    slowest: { file: '', ms: 0 },
    reasons: new Map(),
    crashes: [],
  };
}

function count(t: Tally, file: string, o: Outcome): void {
  t.files++;
  t.ms += o.ms;
  if (o.ms > t.slowest.ms) t.slowest = { file, ms: o.ms };
  if (o.kind === 'parsed') {
    t.parsed++;
    t.items += o.built.items.length;
    t.dropped += o.built.dropped;
  } else if (o.kind === 'rejected') {
    t.rejected++;
    const key = o.reason.replace(/line \d+/, 'line N').replace(/\(root element <[^>]*>\)/, '(root element <…>)');
    t.reasons.set(key, (t.reasons.get(key) ?? 0) + 1);
  } else if (o.kind === 'crashed') {
    t.crashed++;
    t.crashes.push(`${file}: ${o.error}`);
  } else {
    t.hung++;
    t.crashes.push(`${file}: hung`);
  }
}

const rows: Array<[string, Tally]> = [];

function printTable(): void {
  const lines = [
    'collect corpus figures',
    `${'corpus'.padEnd(26)}${'files'.padStart(6)}${'parsed'.padStart(8)}${'rejected'.padStart(10)}${'crashed'.padStart(9)}${'hung'.padStart(6)}${'items'.padStart(8)}${'dropped'.padStart(9)}${'ms'.padStart(8)}  slowest`,
  ];
  const total = tally();
  for (const [name, t] of rows) {
    lines.push(
      `${name.padEnd(26)}${String(t.files).padStart(6)}${String(t.parsed).padStart(8)}${String(t.rejected).padStart(10)}${String(t.crashed).padStart(9)}${String(t.hung).padStart(6)}${String(t.items).padStart(8)}${String(t.dropped).padStart(9)}${String(Math.round(t.ms)).padStart(8)}  ${t.slowest.ms.toFixed(0)} ms ${t.slowest.file}`,
    );
    for (const k of ['files', 'parsed', 'rejected', 'crashed', 'hung', 'items', 'dropped', 'ms'] as const)
      total[k] += t[k];
    for (const [r, n] of t.reasons) total.reasons.set(r, (total.reasons.get(r) ?? 0) + n);
  }
  lines.push(
    `${'total'.padEnd(26)}${String(total.files).padStart(6)}${String(total.parsed).padStart(8)}${String(total.rejected).padStart(10)}${String(total.crashed).padStart(9)}${String(total.hung).padStart(6)}${String(total.items).padStart(8)}${String(total.dropped).padStart(9)}${String(Math.round(total.ms)).padStart(8)}`,
  );
  lines.push('rejection reasons:');
  for (const [r, n] of [...total.reasons].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(n).padStart(5)}  ${r}`);
  console.log(lines.join('\n'));
}

function walk(dir: string, keep: (path: string) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p, keep));
    else if (keep(p)) out.push(p);
  }
  return out;
}

/** feedparser's test header comment: simulated HTTP headers and the expectation. */
function feedparserMeta(bytes: Buffer): { contentType?: string; expect?: string } {
  const head = bytes.subarray(0, 2000).toString('latin1');
  const comment = /<!--([\s\S]*?)-->/.exec(head)?.[1] ?? '';
  const ct = /^\s*Header:\s*Content-type:\s*(.+)$/im.exec(comment)?.[1]?.trim();
  const expect = /^\s*Expect:\s*(.+)$/im.exec(comment)?.[1]?.trim();
  return { ...(ct ? { contentType: ct } : {}), ...(expect ? { expect } : {}) };
}

/** Titles compared as text: markup, character references and spacing do not count. */
function titleKey(title: string): string {
  return decodeEntities(title.replace(/<[^>]*>/g, ''))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

const SAME_CHARSET: Record<string, string> = {
  'us-ascii': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'euc-kr': 'cp949',
  gb2312: 'gb18030',
  big5: 'cp950',
  'utf-16': 'utf-16',
  'utf-32': 'utf-32',
};

function sameCharset(ours: string, expected: string): boolean {
  const e = expected.toLowerCase();
  const o = ours.toLowerCase();
  const want = SAME_CHARSET[e] ?? e;
  return o === want || o.startsWith(want) || (want === 'utf-8' && o === 'utf-8');
}

// ---------------------------------------------------------------- the corpora

describe.skipIf(!PRESENT)('collect over the public feed corpora', () => {
  afterAll(() => printTable());

  it("reads every file of feedparser's suite without a crash or a hang", async () => {
    const dir = join(CORPORA, 'feedparser', 'tests');
    const t = tally();
    let charsetChecked = 0;
    let charsetAgreed = 0;
    const disagreements: string[] = [];
    const rfc3023: string[] = [];
    const unlabelled: string[] = [];
    for (const file of walk(dir, (p) => /\.(xml|rdf|rss|atom)$/i.test(p))) {
      const bytes = readFileSync(file);
      const meta = feedparserMeta(bytes);
      const o = await runBytes(bytes, meta.contentType);
      count(t, relative(dir, file), o);
      const enc = /encoding == '([^']+)'/.exec(meta.expect ?? '')?.[1];
      const decoded = o.kind === 'parsed' || o.kind === 'rejected' ? o.decoded : undefined;
      if (enc && decoded) {
        charsetChecked++;
        if (sameCharset(decoded.charset, enc)) charsetAgreed++;
        else if (decoded.from === 'sniffed') unlabelled.push(`${basename(file)} (${enc})`);
        else if (enc === 'us-ascii' && /^text\//i.test(meta.contentType ?? '')) rfc3023.push(basename(file));
        else disagreements.push(`${basename(file)}: expected ${enc}, read ${decoded.charset} (${decoded.from})`);
      }
    }
    rows.push(['feedparser', t]);
    console.log(
      `feedparser encoding expectations: ${charsetAgreed}/${charsetChecked} agree; ` +
        `${rfc3023.length} differ by design (text/* without charset is read by its XML declaration, not as us-ascii); ` +
        `${unlabelled.length} carry no label at all and are not Korean (only CP949 is sniffed): ${unlabelled.join(', ')}` +
        `${disagreements.length ? `\n  disagreements:\n  ${disagreements.join('\n  ')}` : ''}`,
    );
    expect(t.crashes).toEqual([]);
    expect(t.files).toBeGreaterThan(2000);
    expect(disagreements).toEqual([]);
    expect(charsetAgreed).toBeGreaterThan(35);
  });

  it("matches rss-parser's expected item counts and titles for its fixtures", async () => {
    const dir = join(CORPORA, 'rss-parser', 'test');
    const t = tally();
    const mismatches: string[] = [];
    let compared = 0;
    let titlesCompared = 0;
    let titlesEqual = 0;
    let garbledExpected = 0;
    for (const file of walk(join(dir, 'input'))) {
      const name = basename(file).replace(/\.[^.]+$/, '');
      const o = await runBytes(readFileSync(file));
      count(t, name, o);
      if (name === 'unrecognized') {
        expect(o.kind).toBe('rejected');
        continue;
      }
      const outFile = join(dir, 'output', `${name}.json`);
      if (!existsSync(outFile)) continue;
      const expected = JSON.parse(decodeBody(readFileSync(outFile)).text) as {
        feed: { items?: Array<{ title?: unknown }> };
      };
      const want = expected.feed.items ?? [];
      expect(o.kind, name).toBe('parsed');
      if (o.kind !== 'parsed') continue;
      compared++;
      if (o.feed.items.length !== want.length)
        mismatches.push(`${name}: ${o.feed.items.length} items, expected ${want.length}`);
      const ours = new Set(o.built.items.map((it) => titleKey(it.title)));
      for (const w of want) {
        if (typeof w.title !== 'string' || !w.title.trim()) continue;
        // rss-parser's own expected output keeps undecoded bytes (U+FFFD) where it misread the charset.
        if (w.title.includes('\ufffd')) {
          garbledExpected++;
          continue;
        }
        titlesCompared++;
        if (ours.has(titleKey(w.title))) titlesEqual++;
      }
    }
    rows.push(['rss-parser fixtures', t]);
    console.log(
      `rss-parser fixtures: ${compared} compared, item counts equal in ${compared - mismatches.length}; titles equal ${titlesEqual}/${titlesCompared} ` +
        `(${garbledExpected} expected titles hold U+FFFD from rss-parser's own charset handling; ours are decoded)${mismatches.length ? `\n  ${mismatches.join('\n  ')}` : ''}`,
    );
    expect(t.crashes).toEqual([]);
    expect(mismatches).toEqual([]);
    expect(titlesEqual / titlesCompared).toBeGreaterThan(0.98);
  });

  it('reads the 45 sample feeds and agrees with their snapshots on items, links and dates', async () => {
    const dir = join(CORPORA, 'rowanmanning-sample-feeds');
    const t = tally();
    let linksCompared = 0;
    let linksEqual = 0;
    let datesCompared = 0;
    let datesEqual = 0;
    const countMismatches: string[] = [];
    for (const file of walk(join(dir, 'content'), (p) => basename(p) === 'feed.xml')) {
      const hash = basename(join(file, '..'));
      const group = basename(join(file, '..', '..'));
      // Fetched from its original address, as the snapshot was.
      const original = /original:\s*"([^"]+)"/.exec(readFileSync(join(file, '..', 'index.md'), 'utf8'))?.[1];
      const o = await runBytes(readFileSync(file), undefined, original);
      count(t, `${group}/${hash}`, o);
      const snapFile = join(dir, 'test', 'integration', 'snapshots', group, `${hash}.json`);
      if (o.kind !== 'parsed' || !existsSync(snapFile)) continue;
      const snap = JSON.parse(readFileSync(snapFile, 'utf8')) as {
        feed?: { items?: Array<{ url?: string | null; published?: string | null }> };
      };
      const want = snap.feed?.items ?? [];
      const got = o.built.items.length + o.built.dropped + o.built.duplicates;
      if (got !== want.length) countMismatches.push(`${group}/${hash}: ${got} entries, snapshot ${want.length}`);
      for (const w of want) {
        if (w.url) {
          linksCompared++;
          if (o.built.items.some((it) => it.link === w.url)) linksEqual++;
        }
        if (w.published) {
          datesCompared++;
          if (o.built.items.some((it) => it.publishedAt === w.published)) datesEqual++;
        }
      }
    }
    rows.push(['sample feeds', t]);
    console.log(
      `sample feeds: entry counts equal in ${t.parsed - countMismatches.length}/${t.parsed}; links found ${linksEqual}/${linksCompared}; dates equal ${datesEqual}/${datesCompared}${countMismatches.length ? `\n  ${countMismatches.join('\n  ')}` : ''}`,
    );
    expect(t.crashes).toEqual([]);
    expect(t.files).toBe(45);
    expect(t.parsed).toBe(45);
    expect(countMismatches).toEqual([]);
    expect(linksEqual / linksCompared).toBeGreaterThan(0.98);
    expect(datesEqual / datesCompared).toBeGreaterThan(0.98);
  });

  it('decodes every EUC-KR and CP949 file into correct Hangul', async () => {
    const dir = join(CORPORA, 'chardet-cjk', 'tests');
    const t = tally();
    const bad: string[] = [];
    let feeds = 0;
    let itemsChecked = 0;
    for (const enc of ['EUC-KR', 'CP949']) {
      for (const file of walk(join(dir, enc))) {
        const bytes = readFileSync(file);
        const name = `${enc}/${basename(file)}`;
        const decoded = decodeBody(bytes, { html: /\.html?$/.test(file) });
        if (!HANGUL.test(decoded.text) || decoded.text.includes('\ufffd'))
          bad.push(`${name}: read as ${decoded.charset}`);
        if (!file.endsWith('.xml')) continue;
        const o = await runBytes(bytes);
        count(t, name, o);
        if (o.kind !== 'parsed') {
          bad.push(`${name}: ${o.kind}`);
          continue;
        }
        feeds++;
        const text = o.built.items.map((it) => `${it.title}\n${it.blocks.map((b) => b.text).join('\n')}`).join('\n');
        itemsChecked += o.built.items.length;
        if (!HANGUL.test(text) || text.includes('\ufffd')) bad.push(`${name}: items without clean Hangul`);
      }
    }
    rows.push(['chardet EUC-KR + CP949', t]);
    console.log(
      `Korean files: ${feeds} feeds parsed, ${itemsChecked} items with clean Hangul checked; problems: ${bad.length}${bad.length ? `\n  ${bad.join('\n  ')}` : ''}`,
    );
    expect(bad).toEqual([]);
    expect(feeds).toBe(29);
  });

  it('reads the other CJK files without a crash or a hang', async () => {
    const dir = join(CORPORA, 'chardet-cjk', 'tests');
    const t = tally();
    const clean: string[] = [];
    let total = 0;
    for (const enc of ['SHIFT_JIS', 'EUC-JP', 'CP932', 'Big5', 'GB2312', 'Johab', 'iso-2022-kr']) {
      for (const file of walk(join(dir, enc))) {
        total++;
        const bytes = readFileSync(file);
        const decoded = decodeBody(bytes, { html: /\.html?$/.test(file) });
        if (!decoded.text.includes('\ufffd') && /[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]/.test(decoded.text))
          clean.push(file);
        if (file.endsWith('.xml')) count(t, `${enc}/${basename(file)}`, await runBytes(bytes));
      }
    }
    rows.push(['chardet other CJK', t]);
    console.log(`other CJK files: ${clean.length}/${total} decode to CJK text without U+FFFD`);
    expect(t.crashes).toEqual([]);
  });
});

// ---------------------------------------------------------------- 100 loopback feeds

describe('collect of 100 loopback feeds', () => {
  const FEEDS = 100;
  const PER_FEED = 50;
  let server: Server;
  let base = '';
  const bodies = new Map<string, string>();

  beforeAll(async () => {
    const now = new Date('2026-11-23T07:00:00+09:00');
    const items = generateItems(FEEDS * PER_FEED, { now, seed: 7, sources: 12 });
    for (let f = 0; f < FEEDS; f++) {
      bodies.set(
        `/feed/${f}.xml`,
        generateFeedXml(items.slice(f * PER_FEED, (f + 1) * PER_FEED), {
          title: `Feed ${f}`,
          link: `https://feed${f}.example.kr/`,
        }),
      );
    }
    server = createServer((req, res) => {
      const body = bodies.get(req.url ?? '');
      if (!body) {
        res.writeHead(404).end();
        return;
      }
      const etag = `"${req.url}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { ETag: etag }).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: etag });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('collects 100 feeds × 50 items and then 100 not-modified answers, and prints the times', async () => {
    const config: CollectConfig = {
      timeoutMs: 20_000,
      connectTimeoutMs: 5_000,
      maxBytes: 5 * 1024 * 1024,
      maxRedirects: 5,
      concurrency: 8,
      userAgent: 'briefing-corpus/1.0',
      unhealthyAfter: 5,
    };
    const sources: SourceConfig[] = Array.from({ length: FEEDS }, (_, f) => ({
      name: `Feed ${f}`,
      url: `${base}/feed/${f}.xml`,
      weight: 1,
      fullText: false,
    }));
    const now = new Date('2026-11-23T07:00:00+09:00');
    const t0 = performance.now();
    const first = await collectSources(sources, { config, now, states: new Map() });
    const fullMs = performance.now() - t0;
    const states = new Map<string, SourceState>(first.map((o) => [o.state.url, o.state]));
    const t1 = performance.now();
    const second = await collectSources(sources, { config, now, states });
    const conditionalMs = performance.now() - t1;
    const items = first.reduce((n, o) => n + o.items.length, 0);
    const duplicates = first.reduce((n, o) => n + o.duplicates, 0);
    const bytes = [...bodies.values()].reduce((n, b) => n + Buffer.byteLength(b), 0);
    console.log(
      `loopback: 100 feeds × 50 items (${(bytes / 1024 / 1024).toFixed(1)} MB) collected in ${Math.round(fullMs)} ms ` +
        `(${items} items kept, ${duplicates} left out as duplicates); again with ETags (all 304) in ${Math.round(conditionalMs)} ms`,
    );
    expect(first.every((o) => o.report.status === 'ok')).toBe(true);
    expect(items + duplicates).toBe(FEEDS * PER_FEED);
    expect(second.every((o) => o.report.status === 'not-modified')).toBe(true);
  });
});
