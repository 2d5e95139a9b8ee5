import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { DOMParser } from 'linkedom';
import Parser from 'rss-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBriefingError } from '../../src/errors.js';
import { buildArchive, loadArchiveIssues, writeArchive, type ArchiveInput } from '../../src/preview/index.js';
import { Store } from '../../src/store/index.js';
import type { Draft } from '../../src/types.js';
import { sampleDraft } from './desk.js';

let root: string;
let store: Store;
let outbox: string;

function issueHtml(draft: Draft): string {
  return `<!doctype html><html lang="ko"><head><title>${draft.title.replace(/</g, '&lt;')}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="margin:0"><div class="mail"><h1>${draft.title.replace(/</g, '&lt;').replace(/&(?!lt;)/g, '&amp;')}</h1>
<a href="http://127.0.0.1/original">원문 보기</a> <a href="[[briefing:unsubscribe-url|#unsubscribe]]">수신 거부</a></div></body></html>`;
}

function addIssue(id: string, opts: { sentAt?: string; headline?: string; files?: boolean } = {}): void {
  const draft = sampleDraft(id, opts.headline);
  const dir = join(outbox, id);
  if (opts.files !== false) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'issue.html'), issueHtml(draft));
    writeFileSync(join(dir, 'draft.json'), JSON.stringify(draft));
  }
  store.issues.record(
    { id, createdAt: `${id}T00:00:00.000Z`, asOf: `${id}T00:00:00.000Z`, title: draft.title, dir, itemWatermark: 0 },
    [],
  );
  if (opts.sentAt) store.issues.setStatus(id, 'sent', new Date(opts.sentAt));
}

const newsletter = { title: '테크 브리핑', locale: 'ko' as const, timezone: 'Asia/Seoul' };
const NOW = new Date('2026-12-01T00:00:00Z');

function input(extra: Partial<ArchiveInput> = {}): ArchiveInput {
  const loaded = loadArchiveIssues(store.issues.list(), outbox);
  return { newsletter, issues: loaded.issues, now: NOW, ...extra };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split('\\').join('/'))
    .sort();
}

/** Every href/src of every page that is not an http(s)/mailto link or a fragment. */
function localLinks(site: string): Array<{ page: string; href: string }> {
  const out: Array<{ page: string; href: string }> = [];
  for (const page of filesUnder(site).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(site, page), 'utf8');
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const href = (m[1] ?? '').replace(/&amp;/g, '&');
      if (/^(https?:|mailto:|#)/.test(href)) continue;
      out.push({ page, href });
    }
  }
  return out;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'briefing-archive-'));
  outbox = join(root, 'outbox');
  store = Store.open(join(root, 'data'));
  addIssue('2026-11-09', {
    sentAt: '2026-11-09T22:00:00Z',
    headline: '첫 호: AI 규제 법안이 <국회>를 통과했다 & 시행',
  });
  addIssue('2026-11-16', { sentAt: '2026-11-16T22:00:00Z', headline: '배터리 공장이 문을 열었다' });
  addIssue('2026-11-23', { headline: '아직 보내지 않은 호' });
  addIssue('2026-11-02', { sentAt: '2026-11-02T22:00:00Z', files: false });
});

afterEach(() => {
  store.close();
  rmSync(root, { recursive: true, force: true });
});

describe('archive site', () => {
  it('has an index, a page per sent issue and a feed, and leaves out issues not sent', () => {
    const loaded = loadArchiveIssues(store.issues.list(), outbox);
    const out = join(root, 'site');
    const summary = writeArchive(out, input(), loaded.skipped);
    expect(filesUnder(out)).toEqual([
      '.briefing-archive',
      'feed.xml',
      'index.html',
      'issues/2026-11-09.html',
      'issues/2026-11-16.html',
    ]);
    expect(summary).toMatchObject({ out, issues: 2, files: 5 });
    expect(summary.skipped).toHaveLength(1);
    expect(summary.skipped[0]?.id).toBe('2026-11-02');
    expect(summary.skipped[0]?.reason).toContain('issue.html');
  });

  it('links only with relative paths that exist in the site, so it works hosted anywhere', () => {
    const out = join(root, 'site');
    writeArchive(out, input());
    const links = localLinks(out);
    expect(links.length).toBeGreaterThanOrEqual(8);
    for (const { page, href } of links) {
      expect(href.startsWith('/'), `${page}: ${href}`).toBe(false);
      expect(href.startsWith('file:'), `${page}: ${href}`).toBe(false);
      const target = resolve(dirname(join(out, page)), href.split('#')[0] ?? '');
      expect(relative(out, target).startsWith('..'), `${page}: ${href}`).toBe(false);
      expect(existsSync(target), `${page}: ${href}`).toBe(true);
    }
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain(root);
  });

  it('lists issues newest first on the index, escaped', () => {
    const index = buildArchive(input())['index.html'] ?? '';
    const first = index.indexOf('issues/2026-11-16.html');
    const second = index.indexOf('issues/2026-11-09.html');
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(index).toContain('[브리핑] 첫 호: AI 규제 법안이 &lt;국회&gt;를 통과했다 &amp; 시행');
    expect(index).toContain('2026년 11월 17일');
    expect(index).toContain('<link rel="alternate" type="application/atom+xml" href="feed.xml"');
  });

  it('shows each issue as readers got it, with links to the index, the older and newer issue and the feed', () => {
    const files = buildArchive(input());
    const newer = files['issues/2026-11-16.html'] ?? '';
    const older = files['issues/2026-11-09.html'] ?? '';
    expect(newer).toContain('<div class="mail"><h1>[브리핑] 배터리 공장이 문을 열었다</h1>');
    expect(newer).toContain('href="../index.html" rel="index"');
    expect(newer).toContain('href="2026-11-09.html" rel="prev"');
    expect(newer).not.toContain('rel="next"');
    expect(older).toContain('href="2026-11-16.html" rel="next"');
    expect(older).not.toContain('rel="prev"');
    expect(newer).toContain('<title>[브리핑] 배터리 공장이 문을 열었다 · 테크 브리핑</title>');
    expect(newer.match(/<title>/g)).toHaveLength(1);
    expect(newer).toContain('href="#unsubscribe"');
    expect(newer).not.toContain('[[briefing:');
  });

  it('writes an Atom feed a feed reader accepts, with every required element', async () => {
    const out = join(root, 'site');
    writeArchive(out, input());
    const xml = readFileSync(join(out, 'feed.xml'), 'utf8');
    const parsed = await new Parser().parseString(xml);
    expect(parsed.title).toBe('테크 브리핑');
    expect(parsed.items.map((i) => i.title)).toEqual([
      '[브리핑] 배터리 공장이 문을 열었다',
      '[브리핑] 첫 호: AI 규제 법안이 <국회>를 통과했다 & 시행',
    ]);

    interface El {
      tagName: string;
      textContent: string | null;
      children: ArrayLike<El>;
      getAttribute(name: string): string | null;
    }
    const feed = new DOMParser().parseFromString(xml, 'text/xml').documentElement as unknown as El;
    expect(feed.tagName).toBe('feed');
    expect(feed.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
    const child = (el: El, name: string): El[] => Array.from(el.children).filter((c) => c.tagName === name);
    for (const name of ['id', 'title', 'updated', 'author']) expect(child(feed, name), name).toHaveLength(1);
    expect(child(feed, 'updated')[0]?.textContent).toBe('2026-11-16T22:00:00.000Z');
    const entries = child(feed, 'entry');
    expect(entries).toHaveLength(2);
    const ids = new Set<string>();
    for (const entry of entries) {
      for (const name of ['id', 'title', 'updated', 'published', 'summary', 'content'])
        expect(child(entry, name), name).toHaveLength(1);
      const id = child(entry, 'id')[0]?.textContent ?? '';
      expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      ids.add(id);
      expect(child(entry, 'updated')[0]?.textContent).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      const href = child(entry, 'link')[0]?.getAttribute('href') ?? '';
      expect(existsSync(join(out, href)), href).toBe(true);
      expect(child(entry, 'content')[0]?.getAttribute('type')).toBe('html');
    }
    expect(ids.size).toBe(2);
    expect(xml).toContain('&lt;h2&gt;&lt;a href=&quot;http://127.0.0.1/a&quot;&gt;');
  });

  it('keeps ids stable across builds and uses the public URL when one is set', () => {
    const a = buildArchive(input())['feed.xml'];
    const b = buildArchive(input())['feed.xml'];
    expect(a).toBe(b);
    const hosted = buildArchive(
      input({ newsletter: { ...newsletter, baseUrl: 'https://news.example.com/briefing/' } }),
    );
    // The base URL is the public site's; the archive is its /archive/ (src/links.ts).
    expect(hosted['feed.xml']).toContain('xml:base="https://news.example.com/briefing/archive/"');
    expect(hosted['feed.xml']).toContain('<id>https://news.example.com/briefing/archive/issues/2026-11-16.html</id>');
    expect(hosted['feed.xml']).toContain('href="issues/2026-11-16.html"');
    expect(hosted['issues/2026-11-16.html']).toContain(
      '<link rel="canonical" href="https://news.example.com/briefing/archive/issues/2026-11-16.html">',
    );
  });

  it('writes a valid empty archive when nothing was sent yet', async () => {
    const files = buildArchive({ newsletter, issues: [], now: NOW });
    expect(files['index.html']).toContain('아직 발송된 호가 없습니다.');
    const feed = await new Parser().parseString(files['feed.xml'] ?? '');
    expect(feed.items).toHaveLength(0);
    expect(files['feed.xml']).toContain('<updated>2026-12-01T00:00:00.000Z</updated>');
  });

  it('replaces its own earlier folder whole and refuses a folder with other files', () => {
    const out = join(root, 'site');
    writeArchive(out, input());
    writeFileSync(join(out, 'issues', 'stale.html'), 'old');
    writeArchive(out, input());
    expect(existsSync(join(out, 'issues', 'stale.html'))).toBe(false);
    expect(readdirSync(root).filter((f) => f.startsWith('.site'))).toEqual([]);

    const foreign = join(root, 'documents');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'thesis.txt'), 'precious');
    let error: unknown;
    try {
      writeArchive(foreign, input());
    } catch (e) {
      error = e;
    }
    expect(isBriefingError(error) && error.code).toBe('EUSAGE');
    expect(readFileSync(join(foreign, 'thesis.txt'), 'utf8')).toBe('precious');
    expect(readdirSync(foreign)).toEqual(['thesis.txt']);
  });
});
