import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp, fixedClock, silentLogger } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { referenceTime, runOnce } from '../../src/pipeline.js';
import { CLI, ROOT, SAMPLE_AS_OF, sampleConfig } from './helpers.js';

/** The real time of these runs: three weeks after the sample week. */
const CLOCK = '2026-12-04T09:30:00.000Z';
const YEAR_BEFORE = '2025-11-16T07:00:00+09:00';
const YEAR_AFTER = '2027-11-16T07:00:00+09:00';
const SUBSCRIBERS = `subscribers: "${join(ROOT, 'sources/subscribers.sample.csv')}"`;

const apps: App[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.close();
});

function openSample(): App {
  const { file } = sampleConfig([], SUBSCRIBERS);
  const app = createApp(loadConfig(file), { clock: fixedClock(CLOCK), logger: silentLogger });
  apps.push(app);
  return app;
}

type Row = Record<string, string | null>;
const rows = (app: App, sql: string): Row[] => app.store.db.prepare(sql).all() as Row[];
const published = (app: App): Row[] => rows(app, 'SELECT source, guid, published_at FROM items ORDER BY source, guid');

describe('the reference time is not the clock', () => {
  it('keeps every stored publication date when a run is composed for a year before or after the items', async () => {
    const baseline = openSample();
    await runOnce(baseline);
    const expected = published(baseline);
    expect(expected.length).toBeGreaterThanOrEqual(28);
    for (const asOf of [YEAR_BEFORE, YEAR_AFTER]) {
      const app = openSample();
      const out = await runOnce(app, { asOf: new Date(asOf) });
      expect(out.nothingNew, asOf).toBe(true);
      expect(published(app), asOf).toEqual(expected);
      const stamps = rows(app, 'SELECT DISTINCT fetched_at AS t FROM items UNION SELECT last_fetched_at FROM sources');
      expect(stamps.map((r) => r.t)).toEqual([CLOCK]);
    }
  });

  it('stamps the issue record, deliveries and Date: headers with the clock, and dates the issue by the reference time', async () => {
    const app = openSample();
    const out = await runOnce(app);
    expect(out.issue?.issueId).toBe('2026-11-16');
    const [issue] = rows(app, 'SELECT created_at, as_of, sent_at FROM issues');
    expect(issue).toEqual({ created_at: CLOCK, as_of: new Date(SAMPLE_AS_OF).toISOString(), sent_at: CLOCK });
    const deliveries = rows(app, 'SELECT status, claimed_at, finished_at FROM deliveries');
    expect(deliveries.length).toBe(out.sent?.sent);
    expect(deliveries.length).toBeGreaterThan(0);
    for (const d of deliveries) expect(d).toEqual({ status: 'sent', claimed_at: CLOCK, finished_at: CLOCK });
    const dir = join(app.config.paths.outbox, '2026-11-16');
    const emls = [
      join(dir, 'issue.eml'),
      ...readdirSync(join(dir, 'recipients')).map((f) => join(dir, 'recipients', f)),
    ];
    for (const f of emls) expect((await simpleParser(readFileSync(f))).date?.toISOString(), f).toBe(CLOCK);
  });

  it('takes --as-of over newsletter.asOf over the clock', () => {
    const app = openSample();
    expect(referenceTime(app).toISOString()).toBe(new Date(SAMPLE_AS_OF).toISOString());
    expect(referenceTime(app, new Date(YEAR_AFTER)).toISOString()).toBe(new Date(YEAR_AFTER).toISOString());
    const unpinned = { ...app, config: { ...app.config, newsletter: { ...app.config.newsletter, asOf: undefined } } };
    expect(referenceTime(unpinned).toISOString()).toBe(CLOCK);
  });

  it('keeps the publication dates and stamps fetches with the real time when `run --as-of` is a year off', async () => {
    const baseline = openSample();
    await runOnce(baseline);
    const { file } = sampleConfig();
    const before = new Date().toISOString();
    const r = spawnSync(process.execPath, [...CLI, '--config', file, '--json', 'run', '--as-of', YEAR_BEFORE], {
      encoding: 'utf8',
    });
    const after = new Date().toISOString();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).nothingNew).toBe(true);
    const app = createApp(loadConfig(file), { logger: silentLogger });
    apps.push(app);
    expect(published(app)).toEqual(published(baseline));
    const stamps = rows(app, 'SELECT DISTINCT fetched_at AS t FROM items UNION SELECT last_fetched_at FROM sources');
    expect(stamps).toHaveLength(1);
    const t = stamps[0]?.t ?? '';
    expect(t >= before && t <= after, `${t} within ${before}..${after}`).toBe(true);
  });
});
