/** When ranking finds no topics, the reason says which case it is, with the dates. */
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp, fixedClock, silentLogger } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { collectStep, composeStep, rankStep, sendStep, whyNoTopics } from '../../src/pipeline.js';
import { SAMPLE_AS_OF, sampleConfig } from './helpers.js';

const apps: App[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.close();
});

function open(): App {
  const { file } = sampleConfig();
  const app = createApp(loadConfig(file), { clock: fixedClock('2026-12-04T09:30:00.000Z'), logger: silentLogger });
  apps.push(app);
  return app;
}

const why = (app: App, asOf: string): string => whyNoTopics(app, rankStep(app, { asOf: new Date(asOf) }));

describe('why there are no topics', () => {
  it('says the store is empty', () => {
    expect(why(open(), SAMPLE_AS_OF)).toBe(
      'the store has no items yet; run `briefing collect` (or `briefing run`) first',
    );
  });

  it('says every item is older than the window, with the window and the newest item', async () => {
    const app = open();
    await collectStep(app);
    expect(why(app, '2027-01-04T07:00:00+09:00')).toMatch(
      /^all \d+ items in the store are older than the window 2026-12-28 07:00 to 2027-01-04 07:00 \(Asia\/Seoul\): the newest is from 2026-11-15 \d\d:\d\d; collect newer items, or pass --as-of 2026-11-1\dT/,
    );
  });

  it('says every item is newer than a reference time pinned in the past', async () => {
    const app = open();
    await collectStep(app);
    expect(why(app, '2026-10-01T07:00:00+09:00')).toMatch(
      /^all \d+ items in the store are newer than the reference time 2026-10-01 07:00, pinned by newsletter\.asOf or --as-of: the oldest is from 2026-11-0\d \d\d:\d\d; remove newsletter\.asOf/,
    );
  });

  it('says why each topic left after a sent issue was dropped', async () => {
    const app = open();
    await collectStep(app);
    const out = await composeStep(app, { asOf: new Date(SAMPLE_AS_OF) });
    if (out.nothingNew) throw new Error(out.reason);
    await sendStep(app, out.issueId);
    expect(why(app, SAMPLE_AS_OF)).toMatch(
      /^the \d+ items in the window 2026-11-09 07:00 to 2026-11-16 07:00 \(Asia\/Seoul\) make \d+ topics?, and (it was|every one was) dropped: \d+ [a-z ]+ \(e\.g\. “.+”: .+\)$/,
    );
  });
});
