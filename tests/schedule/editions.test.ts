import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createScheduler, fixedClock, silentLogger, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { formatScheduleStatus, processIdentity, scheduleStatus } from '../../src/schedule/index.js';
import type { Scheduler } from '../../src/schedule/scheduler.js';
import { manualTriggers } from '../../src/schedule/triggers.js';
import type { Draft } from '../../src/types.js';
import { links, mondayFeed, sampleConfig } from '../pipeline/helpers.js';

const DAILY_MON = '2026-11-15T22:00:00.000Z'; // Mon 16 Nov 07:00 KST
const WEEKLY_MON = '2026-11-15T23:00:00.000Z'; // Mon 16 Nov 08:00 KST
const DAILY_TUE = '2026-11-16T22:00:00.000Z'; // Tue 17 Nov 07:00 KST

describe('the scheduler with a daily and a weekly edition in one config and one store', () => {
  let app: App;
  let scheduler: Scheduler;
  const clock = fixedClock('2026-11-16T06:30:00+09:00');
  const draft = (id: string): Draft =>
    JSON.parse(readFileSync(join(app.store.issues.get(id)?.dir ?? '', 'draft.json'), 'utf8')) as Draft;

  beforeAll(async () => {
    const made = sampleConfig(
      [{ name: '연합와이어', url: 'wire.xml' }],
      [
        'editions:',
        '  - { id: daily, schedule: "0 7 * * 1-5", cadence: daily, window: 3d, topStories: 2, headlines: 3 }',
        '  - { id: weekly, schedule: "0 8 * * 1", cadence: weekly, window: 7d }',
      ].join('\n'),
    );
    writeFileSync(
      join(made.dir, 'wire.xml'),
      '<?xml version="1.0"?><rss version="2.0"><channel><title>연합와이어</title></channel></rss>',
    );
    app = createApp(loadConfig(made.file), { clock, logger: silentLogger });
    scheduler = await createScheduler(app, { shutdownTimeoutMs: 1000, triggers: manualTriggers });
    const started = await scheduler.start();
    expect(started.next.editions).toEqual({ daily: new Date(DAILY_MON), weekly: new Date(WEEKLY_MON) });

    clock.set('2026-11-16T07:00:01+09:00');
    await scheduler.fire('issue:daily');
    await scheduler.fire('issue:weekly'); // not due until 08:00
    clock.set('2026-11-16T08:00:01+09:00');
    await scheduler.fire('issue:weekly');
    await scheduler.fire('issue:daily'); // its slot already ran
    writeFileSync(join(made.dir, 'wire.xml'), mondayFeed());
    clock.set('2026-11-17T07:00:01+09:00');
    await scheduler.fire('issue:daily');
    await scheduler.fire('issue:weekly'); // Monday's slot already ran; next Monday is not due
    await scheduler.idle();
  });
  afterAll(async () => {
    await scheduler.stop({ timeoutMs: 0 });
    app.close();
  });

  it("runs each edition's slots once, as that edition", () => {
    const slots = app.store.slots;
    expect(slots.getSlot('issue:daily', DAILY_MON)).toMatchObject({ status: 'done', issueId: 'daily/2026-11-16' });
    expect(slots.getSlot('issue:weekly', WEEKLY_MON)).toMatchObject({ status: 'done', issueId: 'weekly/2026-11-16' });
    expect(slots.getSlot('issue:daily', DAILY_TUE)).toMatchObject({ status: 'done', issueId: 'daily/2026-11-17' });
    expect(
      app.store.issues
        .list()
        .map((i) => i.id)
        .sort(),
    ).toEqual(['daily/2026-11-16', 'daily/2026-11-17', 'weekly/2026-11-16']);
  });

  it('never sends a story twice within an edition', () => {
    const monday = new Set(links(draft('daily/2026-11-16')));
    const tuesday = links(draft('daily/2026-11-17'));
    expect(tuesday.length).toBeGreaterThan(0);
    expect(tuesday.filter((l) => monday.has(l))).toEqual([]);
    expect(app.store.issues.get('daily/2026-11-16')?.status).toBe('sent');
  });

  it("shows each edition's next slot and last run, as doctor prints them", () => {
    const editions = app.config.editions.map((e) => ({ id: e.id, schedule: e.newsletter.schedule }));
    const status = scheduleStatus(
      app.store.slots,
      { schedule: app.config.newsletter.schedule, timezone: 'Asia/Seoul', editions },
      clock.now(),
      { me: processIdentity(), isAlive: () => true },
    );
    expect(status.editions?.map((e) => [e.edition, e.next.at, e.lastRun?.outcome])).toEqual([
      ['daily', '2026-11-17T22:00:00.000Z', 'done'],
      ['weekly', '2026-11-22T23:00:00.000Z', 'done'],
    ]);
    expect(status.next.issue.at).toBe('2026-11-17T22:00:00.000Z');
    const lines = formatScheduleStatus(status).join('\n');
    expect(lines).toMatch(/daily +"0 7 \* \* 1-5": next 2026-11-18 Wed 07:00/);
    expect(lines).toMatch(/weekly +"0 8 \* \* 1": next 2026-11-23 Mon 08:00/);
  });

  it('composes each issue for its own slot and size', () => {
    expect(draft('daily/2026-11-16').asOf).toBe(DAILY_MON);
    expect(draft('weekly/2026-11-16').asOf).toBe(WEEKLY_MON);
    expect(draft('daily/2026-11-16').stories.length).toBeLessThanOrEqual(2);
    expect(draft('weekly/2026-11-16').stories).toHaveLength(3);
  });
});
