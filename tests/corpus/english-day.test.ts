/**
 * A real day of real news: the English daily briefing of 6 April 2022 composed from seven
 * feeds captured on 5–6 April 2022 (The Guardian, HuffPost, Sky News, NYT Top Stories, BBC
 * World, The Verge, TNW; ../shared/corpora/rowanmanning-sample-feeds), served from
 * 127.0.0.1 and run through the real pipeline: collect → store → rank → compose → render.
 *
 * Prints the composed issue and the grouping figures against english-day.stories.json (a
 * labelled list of the day's main stories, by link). Runs with `npm run test:corpus`; skips
 * (and says so) when the corpus is absent.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, silentLogger, type App } from '../../src/app.js';
import { checkIssue } from '../../src/compose/checks.js';
import { resolveConfig } from '../../src/config/index.js';
import { collectStep, composeStep, rankStep, type ComposeOutcome } from '../../src/pipeline.js';
import type { Topic } from '../../src/types.js';
import { groupingFigures } from './grouping.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CORPORA = process.env.BRIEFING_CORPORA ?? join(ROOT, '..', 'shared', 'corpora');
const REAL_WORLD = join(CORPORA, 'rowanmanning-sample-feeds', 'content', 'real-world');
const PRESENT = existsSync(REAL_WORLD);
const AS_OF = '2022-04-06T07:00:00+01:00';

/** The seven outlets of the day, by their folder in the corpus (each folder's index.md names it). */
const OUTLETS = [
  { name: 'The Guardian', folder: '2d055498ae801efb0bf0b6124009cac2' },
  { name: 'HuffPost', folder: 'b29a235ee4d1af745aa04dea7ea59310' },
  { name: 'Sky News', folder: 'b50cfa0fa67a27325debb5bce9a55401' },
  { name: 'NYT', folder: 'c5e0e65569698bc9792cddb93cca6c68' },
  { name: 'BBC World', folder: 'f43bed9864944644236fc65967b2e178' },
  { name: 'The Verge', folder: '90c654888cac5a6037d18431d480abbf' },
  { name: 'TNW', folder: '182cf60c6e9d1f6f7d1f557176ca5a84' },
];

interface Labels {
  stories: Array<{ id: string; story: string; items: Array<{ source: string; link: string }> }>;
}

if (!PRESENT) console.log(`english day: ${REAL_WORLD} not found, so this corpus test is skipped.`);

describe.skipIf(!PRESENT)('an English daily briefing of a real news day', () => {
  let server: Server;
  let dir: string;
  let app: App;
  let outcome: ComposeOutcome;
  let topics: Topic[];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const outlet = OUTLETS.find((o) => req.url === `/${o.folder}/feed.xml`);
      if (!outlet) {
        res.writeHead(404).end();
        return;
      }
      const xml = readFileSync(join(REAL_WORLD, outlet.folder, 'feed.xml'));
      const atom = xml.subarray(0, 400).toString('latin1').includes('<feed');
      res.writeHead(200, { 'content-type': atom ? 'application/atom+xml' : 'application/rss+xml' });
      res.end(xml);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    dir = mkdtempSync(join(tmpdir(), 'briefing-english-day-'));
    const config = resolveConfig(
      {
        newsletter: {
          title: 'Morning Briefing',
          locale: 'en',
          timezone: 'Europe/London',
          schedule: '0 7 * * *',
          window: '1d',
          cadence: 'daily',
          asOf: AS_OF,
        },
        sources: OUTLETS.map((o) => ({ name: o.name, url: `http://127.0.0.1:${port}/${o.folder}/feed.xml` })),
        delivery: { transport: 'outbox', from: 'Morning Briefing <briefing@example.com>' },
        paths: { templates: join(ROOT, 'templates') },
      },
      dir,
    );
    app = createApp(config, { logger: silentLogger });
    const reports = await collectStep(app);
    expect(reports.map((r) => [r.name, r.status])).toEqual(OUTLETS.map((o) => [o.name, 'ok']));
    const now = new Date(AS_OF);
    const ranked = rankStep(app, { asOf: now });
    topics = [...ranked.topics, ...ranked.dropped.map((d) => d.topic)];
    const out = await composeStep(app, { asOf: now });
    if (out.nothingNew) throw new Error(`nothing composed: ${out.reason}`);
    outcome = out;
  });

  afterAll(async () => {
    app?.close();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('composes the issue (printed in full)', () => {
    const text = readFileSync(join(outcome.dir, 'issue.txt'), 'utf8');
    console.log(`\n${text}`);
    expect(outcome.draft.stories.length).toBe(3);
    expect(outcome.draft.headlines.length).toBeGreaterThanOrEqual(5);
  });

  it('passes the issue checker: no wrong credit, caption, dependent sentence, restated bullet or feature lead', () => {
    const items = app.store.items.byIds(Array.from({ length: app.store.items.maxId() }, (_, i) => i + 1));
    const check = checkIssue({ draft: outcome.draft, items, sources: app.config.sources });
    console.log(
      `english day checker: ${Object.entries(check.counts)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}`,
    );
    expect(check.faults.map((f) => `${f.kind} at ${f.where}: ${f.text} — ${f.detail}`)).toEqual([]);
  });

  it('groups the labelled stories of the day', () => {
    const labels = JSON.parse(readFileSync(join(ROOT, 'tests/corpus/english-day.stories.json'), 'utf8')) as Labels;
    expect(labels.stories.length).toBeGreaterThanOrEqual(15);
    const linkOf = new Map<number, string>();
    for (const [id, doc] of rankStep(app, { asOf: new Date(AS_OF) }).docs) linkOf.set(id, doc.link);
    const predicted = new Map<string, string>();
    for (const t of topics) {
      for (const r of t.items) {
        for (const id of [r.itemId, ...r.duplicates]) predicted.set(linkOf.get(id) ?? String(id), t.id);
      }
    }
    const gold = new Map<string, string>();
    for (const s of labels.stories) for (const it of s.items) gold.set(it.link, s.id);
    // Every labelled item is an item of the day's window.
    expect([...gold.keys()].filter((k) => !predicted.has(k))).toEqual([]);
    const f = groupingFigures(gold, predicted);
    const pct = (x: number): string => x.toFixed(3);
    console.log(
      `english day grouping over ${gold.size} items of ${labels.stories.length} labelled stories (${predicted.size} items in the window, ${topics.length} topics):\n` +
        `  pairwise P ${pct(f.pairwise.precision)} R ${pct(f.pairwise.recall)} F1 ${pct(f.pairwise.f1)}\n` +
        `  B-cubed  P ${pct(f.bcubed.precision)} R ${pct(f.bcubed.recall)} F1 ${pct(f.bcubed.f1)}\n` +
        `  split ${f.split.length}: ${f.split.join(', ') || '-'}\n` +
        `  merged with other items ${f.merged.length}: ${f.merged.join(', ') || '-'}`,
    );
    expect(f.bcubed.f1).toBeGreaterThan(0.8);
    expect(f.pairwise.f1).toBeGreaterThan(0.6);
  });
});
