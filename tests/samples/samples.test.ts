import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Parser from 'rss-parser';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  generateFeedXml,
  generateItems,
  generateStories,
  generateSubscribersCsv,
  TOPIC_KEYS,
} from '../../bench/generate.js';
import {
  makeCollectedItem,
  makeConfig,
  makeItem,
  makeSourceConfig,
  resetBuilders,
  SAMPLE_NOW,
} from '../fixtures/builders.js';

const SOURCES_DIR = fileURLToPath(new URL('../../sources/', import.meta.url));
const FEEDS = ['tech-daily.xml', 'market-atom.xml', 'startup-brief.xml'] as const;
type FeedFile = (typeof FEEDS)[number];
const WEEK_MS = 7 * 24 * 3_600_000;

interface SampleItem {
  feed: FeedFile;
  title: string;
  link: string;
  guid: string;
  date: Date;
  html: string;
  description: string;
}

type ParsedItem = Parser.Item & { 'content:encoded'?: string; id?: string; description?: string };

const parser = new Parser<Record<string, unknown>, ParsedItem>({ customFields: { item: ['description'] } });
const feedTitles = new Map<FeedFile, string>();
const samples: SampleItem[] = [];

beforeAll(async () => {
  for (const feed of FEEDS) {
    const parsed = await parser.parseString(readFileSync(SOURCES_DIR + feed, 'utf8'));
    feedTitles.set(feed, parsed.title ?? '');
    for (const it of parsed.items) {
      samples.push({
        feed,
        title: it.title ?? '',
        link: it.link ?? '',
        guid: it.guid ?? it.id ?? '',
        date: new Date(it.isoDate ?? it.pubDate ?? ''),
        // RSS bodies come from content:encoded, Atom bodies from <content>; rss-parser also copies an
        // RSS <description> into `content`, so that is not a body.
        html: it['content:encoded'] ?? (feed === 'market-atom.xml' ? (it.content ?? '') : ''),
        description: it.description ?? it.contentSnippet ?? '',
      });
    }
  }
});

/** Stories the samples tell in more than one feed, matched on the headline. */
const SHARED_STORIES: ReadonlyArray<{ story: string; headline: RegExp }> = [
  { story: '삼성전자 HBM4 양산', headline: /HBM4/ },
  { story: '엔비디아 3분기 실적', headline: /엔비디아|Nvidia/i },
  { story: '한국은행 기준금리 동결', headline: /기준금리/ },
  { story: '네이버 AI 검색 개편', headline: /네이버/ },
  { story: '카카오 AI 에이전트 카나나', headline: /카나나/ },
];

function paragraphs(html: string): string[] {
  return [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '').trim());
}

const NOISE = /기자 \S+@|ⓒ|무단 전재/;

describe('the bundled sample feeds', () => {
  it('parse with rss-parser and name their publishers', () => {
    expect(feedTitles.get('tech-daily.xml')).toContain('테크데일리');
    expect(feedTitles.get('market-atom.xml')).toBe('마켓워치코리아');
    expect(feedTitles.get('startup-brief.xml')).toBe('스타트업브리프');
    for (const feed of FEEDS) expect(samples.filter((s) => s.feed === feed).length).toBeGreaterThanOrEqual(8);
  });

  it('hold at least 28 items with unique guids and example.* links', () => {
    expect(samples.length).toBeGreaterThanOrEqual(28);
    expect(new Set(samples.map((s) => s.guid)).size).toBe(samples.length);
    for (const s of samples) {
      expect(s.guid).not.toBe('');
      expect(new URL(s.link).hostname).toMatch(/\.example\.kr$/);
    }
  });

  it('are all dated before the pinned reference time, most within the week before it', () => {
    for (const s of samples) {
      expect(Number.isNaN(s.date.getTime()), s.title).toBe(false);
      expect(s.date.getTime(), s.title).toBeLessThan(SAMPLE_NOW.getTime());
    }
    const inWeek = samples.filter((s) => SAMPLE_NOW.getTime() - s.date.getTime() <= WEEK_MS);
    expect(inWeek.length).toBeGreaterThanOrEqual(Math.ceil(samples.length * 0.9));
    expect(inWeek.length).toBeLessThan(samples.length);
  });

  it('tell at least four stories in two or more feeds', () => {
    const shared = SHARED_STORIES.filter(({ headline }) => {
      const feeds = new Set(samples.filter((s) => headline.test(s.title)).map((s) => s.feed));
      return feeds.size >= 2;
    });
    expect(shared.map((s) => s.story)).toEqual(SHARED_STORIES.map((s) => s.story));
    expect(shared.length).toBeGreaterThanOrEqual(4);
  });

  it('give full articles of five to ten paragraphs in the RSS content:encoded feed', () => {
    const tech = samples.filter((s) => s.feed === 'tech-daily.xml');
    for (const s of tech) {
      const body = paragraphs(s.html).filter((p) => !NOISE.test(p) && !/^(배경은|앞으로는|국내 영향은)$/.test(p));
      expect(body.length, s.title).toBeGreaterThanOrEqual(5);
      expect(body.length, s.title).toBeLessThanOrEqual(10);
      for (const p of body) expect(p, s.title).toMatch(/[다요]\.$/);
    }
    expect(tech.filter((s) => /<h3>|<p><strong>[^<]+<\/strong><\/p>/.test(s.html)).length).toBeGreaterThanOrEqual(5);
  });

  it('give HTML bodies of whole sentences in the Atom feed', () => {
    const market = samples.filter((s) => s.feed === 'market-atom.xml');
    for (const s of market) {
      const body = paragraphs(s.html).filter((p) => !NOISE.test(p));
      expect(body.length, s.title).toBeGreaterThanOrEqual(4);
      for (const p of body) expect(p, s.title).toMatch(/다\.$/);
    }
  });

  it('carry the noise real feeds carry, for collection to strip', () => {
    const tech = samples.filter((s) => s.feed === 'tech-daily.xml').map((s) => s.html);
    expect(tech.some((h) => h.includes('홍길동 기자 hong@example.co.kr'))).toBe(true);
    expect(tech.every((h) => h.includes('ⓒ 테크데일리, 무단 전재 및 재배포 금지'))).toBe(true);
    expect(tech.some((h) => h.includes('많이 본 뉴스'))).toBe(true);
    expect(tech.some((h) => h.includes('공유하기 페이스북'))).toBe(true);
    expect(tech.filter((h) => h.includes('<script')).length).toBe(1);
    expect(tech.filter((h) => /<img[^>]*width="1"[^>]*height="1"/.test(h)).length).toBe(1);
    const repeated = tech.filter((h) => {
      const ps = paragraphs(h);
      return new Set(ps).size < ps.length;
    });
    expect(repeated.length).toBe(1);
    const market = samples.filter((s) => s.feed === 'market-atom.xml');
    expect(market.some((s) => new URL(s.link).searchParams.has('utm_source'))).toBe(true);
    expect(market.some((s) => !new URL(s.link).search)).toBe(true);
  });

  it('keep the brief feed to short descriptions, one cut off mid-sentence', () => {
    const brief = samples.filter((s) => s.feed === 'startup-brief.xml');
    for (const s of brief) {
      expect(s.html, s.title).toBe('');
      expect(s.description.length, s.title).toBeGreaterThan(60);
    }
    expect(brief.filter((s) => s.description.trim().endsWith('…')).length).toBe(1);
  });

  it('come with a sample subscriber list at example domains', () => {
    const lines = readFileSync(`${SOURCES_DIR}subscribers.sample.csv`, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('email,name,topics');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(5);
    for (const [email, name] of rows) {
      expect(email).toMatch(/^[a-z.]+@example\.(com|org)$/);
      expect(name).toMatch(/^[가-힣]{2,4}$/);
    }
    expect(rows.filter((r) => (r[2] ?? '') !== '')).toHaveLength(1);
  });
});

describe('the news generator', () => {
  const now = SAMPLE_NOW;

  it('gives the same items for the same seed and different items for another', () => {
    const a = generateItems(120, { seed: 11, now });
    const b = generateItems(120, { seed: 11, now });
    const c = generateItems(120, { seed: 12, now });
    expect(b).toEqual(a);
    expect(c.map((i) => i.title)).not.toEqual(a.map((i) => i.title));
  });

  it('produces exactly the requested number of items, inside the window and before now', () => {
    for (const n of [0, 1, 7, 500]) {
      const items = generateItems(n, { seed: 3, now, windowHours: 48 });
      expect(items).toHaveLength(n);
      for (const it of items) {
        const t = Date.parse(it.publishedAt);
        expect(t).toBeLessThan(now.getTime());
        expect(now.getTime() - t).toBeLessThanOrEqual(48 * 3_600_000);
      }
    }
  });

  it('gives every item a unique guid and canonical link, a title and paragraph blocks', () => {
    const items = generateItems(800, { seed: 5, now });
    expect(new Set(items.map((i) => i.guid)).size).toBe(800);
    expect(new Set(items.map((i) => i.canonicalLink)).size).toBe(800);
    for (const it of items) {
      expect(it.title.length).toBeGreaterThan(10);
      expect(it.link.startsWith(it.canonicalLink)).toBe(true);
      expect(it.canonicalLink).not.toContain('utm_');
      expect(it.blocks.filter((b) => b.kind === 'paragraph').length).toBeGreaterThanOrEqual(4);
      for (const b of it.blocks) if (b.kind === 'paragraph') expect(b.text).toMatch(/다\.$/);
      expect(it.html).toContain('<p>');
    }
    expect(items.some((i) => i.link.includes('utm_source='))).toBe(true);
    expect(items.some((i) => i.blocks.some((b) => b.kind === 'heading'))).toBe(true);
  });

  it('writes stories in several sources, worded differently but sharing their key terms', () => {
    const stories = generateStories(600, { seed: 9, now, sources: 6 });
    expect(stories.reduce((n, s) => n + s.items.length, 0)).toBe(600);
    const multi = stories.filter((s) => s.items.length >= 2);
    expect(multi.length).toBeGreaterThanOrEqual(stories.length / 3);
    expect(stories.some((s) => s.items.length >= 3)).toBe(true);
    for (const s of stories) {
      expect(TOPIC_KEYS).toContain(s.topic);
      expect(new Set(s.items.map((i) => i.source)).size).toBe(s.items.length);
      for (const it of s.items) expect(it.blocks[0]?.text).toContain(s.subject);
    }
    for (const s of multi) {
      expect(new Set(s.items.map((i) => i.title)).size).toBe(s.items.length);
      expect(new Set(s.items.map((i) => i.blocks[0]?.text)).size).toBe(s.items.length);
    }
  });

  it('gives each story names of its own, as real news has, so that different stories are told apart', () => {
    const stories = generateStories(2000, { seed: 7, now });
    const bySubject = new Map<string, number>();
    for (const s of stories) bySubject.set(s.subject, (bySubject.get(s.subject) ?? 0) + 1);
    // Most stories are about a company no other story of the week names; the well-known players recur.
    expect(stories.filter((s) => bySubject.get(s.subject) === 1).length / stories.length).toBeGreaterThan(0.6);
    expect(stories.some((s) => (bySubject.get(s.subject) ?? 0) >= 3)).toBe(true);
    // A product's code name (‘노바 7’) is shared by the items of its story and almost never by another story.
    const codeOf = (text: string | undefined): string | undefined => /‘([^’]+)’/.exec(text ?? '')?.[1];
    const codes: string[] = [];
    for (const s of stories) {
      const own = s.items.map((i) => codeOf(i.blocks[0]?.text));
      if (own[0] === undefined) continue;
      expect(new Set(own)).toEqual(new Set([own[0]]));
      codes.push(own[0]);
    }
    expect(codes.length).toBeGreaterThan(stories.length / 2);
    expect(new Set(codes).size / codes.length).toBeGreaterThan(0.85);
  });

  it('uses only as many sources as asked for', () => {
    const items = generateItems(200, { seed: 2, now, sources: 3 });
    expect(new Set(items.map((i) => i.source))).toEqual(new Set(['테크데일리', '마켓워치코리아', '스타트업브리프']));
  });

  it('serves items as an RSS document that rss-parser reads back, special characters intact', async () => {
    const items = generateItems(30, { seed: 4, now });
    const odd = makeCollectedItem({ title: '따옴표 "인용" & <태그> \'작은\' 문자\u0001', guid: 'odd-1' });
    const xml = generateFeedXml([...items, odd], { title: '테스트 & 피드', link: 'http://127.0.0.1:8080/' });
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe('테스트 & 피드');
    expect(feed.items).toHaveLength(31);
    expect(feed.items.map((i) => i.guid)).toEqual([...items, odd].map((i) => i.guid));
    expect(feed.items[0]?.title).toBe(items[0]?.title);
    expect(feed.items[0]?.['content:encoded']).toBe(items[0]?.html);
    expect(Date.parse(feed.items[0]?.isoDate ?? '')).toBe(Math.floor(Date.parse(items[0]!.publishedAt) / 1000) * 1000);
    expect(feed.items[30]?.title).toBe('따옴표 "인용" & <태그> \'작은\' 문자');
  });

  it('writes subscriber CSVs with unique example addresses, the same for the same seed', () => {
    const csv = generateSubscribersCsv(1000, 8);
    expect(generateSubscribersCsv(1000, 8)).toBe(csv);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('email,name,topics');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((r) => r[0])).size).toBe(1000);
    for (const [email, name, topics] of rows) {
      expect(email).toMatch(/^[a-z]+\.[a-z]+\d+@example\.(com|org)$/);
      expect(name).toMatch(/^[가-힣]{2,4}$/);
      for (const t of (topics ?? '').split(';').filter(Boolean)) expect(TOPIC_KEYS).toContain(t);
    }
    expect(rows.some((r) => (r[2] ?? '') !== '')).toBe(true);
  });
});

describe('the test data builders', () => {
  beforeEach(() => resetBuilders());

  it('number items and keep their guids and links apart', () => {
    const a = makeItem();
    const b = makeItem({ source: '마켓워치코리아', title: '한은, 기준금리 연 2.25% 동결' });
    expect([a.id, b.id]).toEqual([1, 2]);
    expect(a.guid).not.toBe(b.guid);
    expect(b.link).toContain('marketwatch.example.kr');
    expect(b.title).toBe('한은, 기준금리 연 2.25% 동결');
    expect(a.blocks.some((x) => x.kind === 'heading')).toBe(true);
    expect(a.html).toContain('<h3>배경은</h3>');
  });

  it('strip tracking parameters from the canonical link', () => {
    const it = makeCollectedItem({ link: 'https://marketwatch.example.kr/news/1?utm_source=rss&id=7' });
    expect(it.canonicalLink).toBe('https://marketwatch.example.kr/news/1?id=7');
  });

  it('resolve a config with one source and defaults, as the YAML file would', () => {
    const config = makeConfig({ newsletter: { asOf: '2026-11-16T07:00:00+09:00', topStories: 2 } }, '/tmp/briefing-x');
    expect(config.sources).toEqual([
      { name: '테크데일리', url: 'https://techdaily.example.kr/rss/allArticle.xml', weight: 1, fullText: false },
    ]);
    expect(config.newsletter.topStories).toBe(2);
    expect(config.newsletter.timezone).toBe('Asia/Seoul');
    expect(config.paths.data).toBe('/tmp/briefing-x/data');
  });

  it('give each source its own name and feed URL', () => {
    const sources = Array.from({ length: 8 }, () => makeSourceConfig());
    expect(sources[0]).toEqual({
      name: '테크데일리',
      url: 'https://techdaily.example.kr/rss.xml',
      weight: 1,
      fullText: false,
    });
    expect(new Set(sources.map((s) => s.name)).size).toBe(8);
    expect(new Set(sources.map((s) => s.url)).size).toBe(8);
    expect(makeSourceConfig({ weight: 2 }).weight).toBe(2);
  });
});
