import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp, fixedClock, silentLogger } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { createTransport } from '../../src/deliver/create-transport.js';
import { composeStep, runCollectSlot, runIssueSlot } from '../../src/pipeline.js';
import { ROOT, SAMPLE_AS_OF, sampleConfig } from './helpers.js';

const SLOT = new Date(SAMPLE_AS_OF);
const SUBSCRIBERS = `subscribers: "${join(ROOT, 'sources/subscribers.sample.csv')}"`;

const apps: App[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.close();
});

/** The sample project, with a transport factory that counts the transports it makes. */
function openSample(): { app: App; transports: () => number } {
  const { file } = sampleConfig([], SUBSCRIBERS);
  let made = 0;
  const app = createApp(loadConfig(file), {
    clock: fixedClock('2026-11-16T07:00:30+09:00'),
    logger: silentLogger,
    transport: (config, env) => {
      made++;
      return createTransport(config, env);
    },
  });
  apps.push(app);
  return { app, transports: () => made };
}

describe('what a schedule slot does', () => {
  it("composes the slot's issue for the slot's time and delivers it, through the app's transport", async () => {
    const { app, transports } = openSample();
    const out = await runIssueSlot(app, SLOT);
    expect(out.issueId).toBe('2026-11-16');
    expect(out.sent?.sent).toBe(5);
    expect(transports()).toBe(1);
    const record = app.store.issues.get('2026-11-16');
    expect(record?.slot).toBe(SLOT.toISOString());
    expect(record?.status).toBe('sent');
  });

  it('does nothing for a slot whose issue was all sent', async () => {
    const { app, transports } = openSample();
    await runIssueSlot(app, SLOT);
    const again = await runIssueSlot(app, SLOT);
    expect(again).toEqual({ issueId: '2026-11-16' });
    expect(transports()).toBe(1);
    expect(app.store.issues.list()).toHaveLength(1);
  });

  it('only resumes the delivery of a slot whose issue was composed before the run stopped', async () => {
    const { app } = openSample();
    await runCollectSlot(app);
    const composed = await composeStep(app, { slot: SLOT.toISOString(), asOf: SLOT });
    expect(composed.nothingNew).toBe(false);
    const out = await runIssueSlot(app, SLOT);
    expect(out.issueId).toBe('2026-11-16');
    expect(out.sent?.sent).toBe(5);
    expect(out.nothingNew).toBeUndefined();
    expect(app.store.issues.list().map((r) => r.id)).toEqual(['2026-11-16']);
  });

  it('collects every source on a collection slot and counts the new items', async () => {
    const { app } = openSample();
    const first = await runCollectSlot(app);
    expect(first.sources).toBe(3);
    expect(first.failed).toBe(0);
    expect(first.newItems).toBeGreaterThanOrEqual(28);
    expect((await runCollectSlot(app)).newItems).toBe(0);
  });
});
