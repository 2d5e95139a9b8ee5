import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/app.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import { cronTriggers } from '../../src/schedule/triggers.js';
import type { TriggerSource } from '../../src/schedule/types.js';
import { Store } from '../../src/store/index.js';
import { recordingLogger, tempDir } from './helpers.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wait until the wall clock is at least `at` and its millisecond phase is in [from, to). */
async function untilPhase(at: number, from: number, to: number): Promise<number> {
  for (;;) {
    const now = Date.now();
    const phase = now % 1000;
    if (now >= at && phase >= from && phase < to) return now;
    const target = now < at ? at : Math.floor(now / 1000) * 1000 + (phase < from ? from : 1000 + from);
    await sleep(Math.max(1, target - now));
  }
}

describe('the scheduler as a service, for real', () => {
  it('should run a per-second schedule once per whole second, on time, with no duplicate slots', async () => {
    const dir = tempDir();
    const store = Store.open(dir);
    const logger = recordingLogger();
    const runs: Array<{ slot: number; at: number }> = [];
    let fires = 0;
    const real = cronTriggers(systemClock, logger);
    const counting: TriggerSource = {
      start: (kind, expr, tz, fire) =>
        real.start(kind, expr, tz, (hint) => {
          fires++;
          fire(hint);
        }),
      stop: () => real.stop(),
    };
    const scheduler = new Scheduler({
      store: store.slots,
      clock: systemClock,
      logger,
      triggers: counting,
      runIssue: async (slot) => {
        runs.push({ slot: slot.getTime(), at: Date.now() });
        return { issueId: `issue-${slot.getTime()}` };
      },
      options: { schedule: '* * * * * *', timezone: 'Asia/Seoul' },
    });
    try {
      // Start and stop mid-second, so every slot boundary is at least 300 ms from either end.
      const t0 = await untilPhase(0, 300, 700);
      const started = await scheduler.start();
      const first = Math.floor(t0 / 1000) * 1000;
      const tStop = await untilPhase(first + 3000 + 700, 300, 1000);
      await scheduler.stop();
      const last = Math.floor(tStop / 1000) * 1000;

      // The slot of the start second is caught up at once; then one run per whole second up to the stop.
      expect(started.startup).toMatchObject({ action: 'run', why: 'catch-up', slot: new Date(first) });
      const expected = Array.from({ length: (last - first) / 1000 + 1 }, (_, i) => first + i * 1000);
      expect(expected.length).toBeGreaterThanOrEqual(4);
      expect(runs.map((r) => r.slot)).toEqual(expected);
      // Never early: each scheduled run starts at or after its slot.
      for (const r of runs.slice(1)) expect(r.at).toBeGreaterThanOrEqual(r.slot);

      // The store holds one done slot and one run per slot: no key twice.
      const rows = store.db
        .prepare(`SELECT slot, status FROM slots WHERE kind = 'issue' ORDER BY slot`)
        .all() as Array<{
        slot: string;
        status: string;
      }>;
      expect(rows.map((r) => r.slot)).toEqual(expected.map((t) => new Date(t).toISOString()));
      expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['done']));
      expect((store.db.prepare('SELECT count(*) AS n FROM runs').get() as { n: number }).n).toBe(expected.length);
      // Both node-cron and the slot timer fired for the scheduled slots; the duplicates ran nothing.
      expect(fires).toBeGreaterThan(expected.length - 1);
      expect(logger.lines.filter((l) => l.msg === 'run')).toHaveLength(expected.length);
      expect(store.slots.getLock('scheduler')).toBeUndefined();
    } finally {
      await scheduler.stop({ timeoutMs: 0 });
      store.close();
    }
  });
});
