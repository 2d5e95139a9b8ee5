import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, editionApp, fixedClock, silentLogger, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { runOnce, type RunOutcome } from '../../src/pipeline.js';
import { CLI, links, mondayFeed, sampleConfig } from './helpers.js';

describe('a daily and a weekly edition from one config and one store', () => {
  let app: App;
  let dir: string;
  let configFile: string;
  const clock = fixedClock('2026-11-16T07:00:00+09:00');
  const runs: Record<string, RunOutcome[]> = { daily: [], weekly: [] };

  beforeAll(async () => {
    const made = sampleConfig(
      [{ name: '연합와이어', url: 'wire.xml' }],
      [
        'editions:',
        '  - { id: daily, title: 테크 브리핑 데일리, schedule: "0 7 * * 1-5", cadence: daily, window: 3d, topStories: 2, headlines: 3 }',
        '  - { id: weekly, title: 테크 브리핑 위클리, schedule: "0 8 * * 1", cadence: weekly, window: 7d }',
        'subscribers: subscribers.csv',
      ].join('\n'),
    );
    dir = made.dir;
    configFile = made.file;
    // Monday morning the wire has nothing yet; Tuesday it has Monday's news.
    writeFileSync(
      join(dir, 'wire.xml'),
      '<?xml version="1.0"?><rss version="2.0"><channel><title>연합와이어</title></channel></rss>',
    );
    writeFileSync(
      join(dir, 'subscribers.csv'),
      [
        'email,name,editions',
        'kim@example.org,김매일,daily',
        'lee@example.org,이주간,weekly',
        'park@example.org,박기본,',
      ].join('\n'),
    );
    app = createApp(loadConfig(made.file), { clock, logger: silentLogger });
    const asOf = new Date('2026-11-16T07:00:00+09:00');
    runs.daily?.push(await runOnce(editionApp(app, 'daily'), { asOf }));
    runs.weekly?.push(await runOnce(editionApp(app, 'weekly'), { asOf: new Date('2026-11-16T08:00:00+09:00') }));
    writeFileSync(join(dir, 'wire.xml'), mondayFeed());
    clock.set('2026-11-17T07:00:00+09:00');
    runs.daily?.push(await runOnce(editionApp(app, 'daily'), { asOf: new Date('2026-11-17T07:00:00+09:00') }));
  });
  afterAll(() => app.close());

  it('gives each edition its own issue ids and outbox folder, outbox/<edition>/<date>/', () => {
    const [mon, tue] = runs.daily ?? [];
    const [week] = runs.weekly ?? [];
    expect(mon?.issue?.issueId).toBe('daily/2026-11-16');
    expect(tue?.issue?.issueId).toBe('daily/2026-11-17');
    expect(week?.issue?.issueId).toBe('weekly/2026-11-16');
    for (const id of ['daily/2026-11-16', 'daily/2026-11-17', 'weekly/2026-11-16']) {
      expect(existsSync(join(app.config.paths.outbox, id, 'issue.html')), id).toBe(true);
    }
    expect(week?.issue?.draft.newsletter).toBe('테크 브리핑 위클리');
    expect(mon?.issue?.draft.newsletter).toBe('테크 브리핑 데일리');
  });

  it("follows each edition's own size", () => {
    const mon = runs.daily?.[0]?.issue?.draft;
    const week = runs.weekly?.[0]?.issue?.draft;
    expect(mon?.stories.length).toBeLessThanOrEqual(2);
    expect(mon?.headlines.length).toBeLessThanOrEqual(3);
    expect(week?.stories).toHaveLength(3);
    expect((week?.headlines.length ?? 0) + (week?.stories.length ?? 0)).toBeGreaterThan(5);
  });

  it('never sends a story twice within an edition, while another edition may carry it', () => {
    const [mon, tue] = (runs.daily ?? []).map((r) => r.issue?.draft);
    const week = runs.weekly?.[0]?.issue?.draft;
    if (!mon || !tue || !week) throw new Error('an issue is missing');
    const monday = new Set(links(mon));
    expect(links(tue).filter((l) => monday.has(l))).toEqual([]);
    expect(links(tue).some((l) => l.startsWith('https://wire.example.kr/news/20261116'))).toBe(true);
    // The weekly edition judged novelty against its own issues only: the daily's stories are in it too.
    expect(links(week).filter((l) => monday.has(l)).length).toBeGreaterThan(0);
  });

  it("delivers each edition to its subscribers only, with a ledger per edition (no editions: the first one's)", async () => {
    const recipients = (id: string): string[] =>
      readdirSync(join(app.config.paths.outbox, id, 'recipients')).map((f) => f.replace(/\.eml$/, ''));
    const who = async (id: string): Promise<string[]> => {
      const out: string[] = [];
      for (const f of readdirSync(join(app.config.paths.outbox, id, 'recipients'))) {
        const m = await simpleParser(readFileSync(join(app.config.paths.outbox, id, 'recipients', f)));
        out.push(m.to && !Array.isArray(m.to) ? (m.to.value[0]?.address ?? '') : '');
      }
      return out.sort();
    };
    expect(recipients('daily/2026-11-16')).toHaveLength(2);
    expect(await who('daily/2026-11-16')).toEqual(['kim@example.org', 'park@example.org']);
    expect(await who('daily/2026-11-17')).toEqual(['kim@example.org', 'park@example.org']);
    expect(await who('weekly/2026-11-16')).toEqual(['lee@example.org']);
    expect(app.store.deliveries.counts('daily/2026-11-16').sent).toBe(2);
    expect(app.store.deliveries.counts('weekly/2026-11-16').sent).toBe(1);
  });

  it('archives each edition as a site of its own, or one edition with --edition', () => {
    const out = join(dir, 'site');
    const r = spawnSync(process.execPath, [...CLI, '--config', configFile, 'archive', '--out', out], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('[daily] Archived 2 sent issues');
    expect(existsSync(join(out, 'daily', 'issues', '2026-11-17.html'))).toBe(true);
    expect(existsSync(join(out, 'weekly', 'issues', '2026-11-16.html'))).toBe(true);
    expect(existsSync(join(out, 'weekly', 'issues', '2026-11-17.html'))).toBe(false);
    const one = join(dir, 'weekly-site');
    const w = spawnSync(
      process.execPath,
      [...CLI, '--config', configFile, 'archive', '--out', one, '--edition', 'weekly'],
      {
        encoding: 'utf8',
      },
    );
    expect(w.status, w.stderr).toBe(0);
    expect(readdirSync(join(one, 'issues'))).toEqual(['2026-11-16.html']);
  });
});
