import { afterEach, describe, expect, it } from 'vitest';
import { isBriefingError } from '../../src/errors.js';
import type { Scheduler } from '../../src/schedule/scheduler.js';
import type { Store } from '../../src/store/index.js';
import { deferred, fixedClock, holder, issueRunner, openStore, tempDir, testScheduler } from './helpers.js';

const HOUR = 3_600_000;
const open: Store[] = [];
const running: Scheduler[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop({ timeoutMs: 0 });
  for (const s of open.splice(0)) s.close();
});

function store(dir = tempDir()): Store {
  const s = openStore(dir);
  open.push(s);
  return s;
}

function track(s: Scheduler): Scheduler {
  running.push(s);
  return s;
}

const runLines = (lines: Array<{ msg: string } & Record<string, unknown>>) => lines.filter((l) => l.msg === 'run');

describe('the scheduler: slot keying', () => {
  it('should run the slot a trigger stands for, keyed by its instant, and log one line for the run', async () => {
    const st = store();
    const clock = fixedClock('2026-11-23T06:59:59+09:00');
    const { scheduler, runner, logger } = testScheduler(st, clock);
    track(scheduler);
    const started = await scheduler.start();
    expect(started.startup?.action).toBe('none');
    expect(started.next.issue.toISOString()).toBe('2026-11-22T22:00:00.000Z');

    clock.set('2026-11-23T07:00:00.015+09:00');
    await scheduler.fire('issue', new Date('2026-11-22T22:00:00Z'));
    expect(runner.calls).toEqual([{ slot: '2026-11-22T22:00:00.000Z', resumed: false }]);
    expect(st.slots.getSlot('issue', '2026-11-22T22:00:00.000Z')).toMatchObject({
      status: 'done',
      issueId: 'issue-2026-11-22T22:00:00.000Z',
    });
    const lines = runLines(logger.lines);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      kind: 'issue',
      slot: '2026-11-22T22:00:00.000Z',
      outcome: 'done',
      ms: 0,
      issueId: 'issue-2026-11-22T22:00:00.000Z',
    });
  });

  it('should run a slot once however many triggers fire for it, at once or later', async () => {
    const st = store();
    const clock = fixedClock('2026-11-23T07:00:00+09:00');
    const gate = deferred();
    const runner = issueRunner(async () => {
      await gate.promise;
      return { issueId: '2026-11-23' };
    });
    const { scheduler } = testScheduler(st, clock, { runIssue: runner.run });
    track(scheduler);
    await scheduler.start(); // the slot is now: this start already catches it up
    const triggers = [
      scheduler.fire('issue'),
      scheduler.fire('issue'),
      scheduler.fire('issue', new Date('2026-11-22T22:00:00Z')),
    ];
    gate.resolve();
    await Promise.all(triggers);
    await scheduler.idle();
    clock.advance(30_000);
    await scheduler.fire('issue');
    expect(runner.calls).toHaveLength(1);
  });

  it('should not run a finished slot again after a restart', async () => {
    const dir = tempDir();
    const clock = fixedClock('2026-11-23T07:00:00+09:00');
    const first = testScheduler(store(dir), clock);
    await first.scheduler.start();
    await first.scheduler.idle();
    await first.scheduler.stop();
    expect(first.runner.calls).toHaveLength(1);

    clock.advance(HOUR);
    const second = testScheduler(store(dir), clock);
    track(second.scheduler);
    const report = await second.scheduler.start();
    await second.scheduler.fire('issue');
    expect(report.startup).toMatchObject({ action: 'none', reason: 'the latest slot is already done' });
    expect(second.runner.calls).toHaveLength(0);
  });

  it('should record a failed run with its reason and not retry it on the next trigger or start', async () => {
    const dir = tempDir();
    const clock = fixedClock('2026-11-23T07:00:00+09:00');
    const failing = issueRunner(async () => {
      throw new Error('SMTP server said no');
    });
    const { scheduler, logger } = testScheduler(store(dir), clock, { runIssue: failing.run });
    await scheduler.start();
    await scheduler.idle();
    await scheduler.fire('issue');
    await scheduler.stop();
    expect(failing.calls).toHaveLength(1);
    expect(runLines(logger.lines)).toEqual([
      expect.objectContaining({
        level: 'error',
        outcome: 'failed',
        error: 'SMTP server said no',
        slot: '2026-11-22T22:00:00.000Z',
      }),
    ]);
    const again = testScheduler(store(dir), clock);
    track(again.scheduler);
    await again.scheduler.start();
    await again.scheduler.idle();
    expect(again.runner.calls).toHaveLength(0);
    expect(open[1]?.slots.lastFailure()).toMatchObject({
      outcome: 'failed',
      error: 'SMTP server said no',
      slot: '2026-11-22T22:00:00.000Z',
    });
  });
});

describe('the scheduler: catch-up on start', () => {
  /** A store where the daily 07:00 issue last ran three days ago. */
  function withHistory(): { dir: string; st: Store } {
    const dir = tempDir();
    const st = store(dir);
    const clock = fixedClock('2026-11-20T07:00:00+09:00');
    st.slots.acquireLock('scheduler', holder('old'), clock.now(), () => undefined);
    const claim = st.slots.claimSlot(
      'issue',
      '2026-11-19T22:00:00.000Z',
      { lock: 'scheduler', holder: holder('old').holder },
      clock.now(),
    );
    if (!claim.claimed) throw new Error('setup');
    st.slots.finishSlot(
      claim.runId,
      'issue',
      '2026-11-19T22:00:00.000Z',
      { status: 'done', issueId: '2026-11-20' },
      clock.now(),
    );
    st.slots.releaseLock('scheduler', holder('old').holder);
    return { dir, st };
  }

  it('should run only the latest missed slot once, not a burst of the missed days', async () => {
    const { st } = withHistory();
    const clock = fixedClock('2026-11-23T09:00:00+09:00'); // 2 h after today's 07:00; 21, 22 Nov missed too
    const { scheduler, runner, logger } = testScheduler(st, clock, { options: { schedule: '0 7 * * *' } });
    track(scheduler);
    const report = await scheduler.start();
    await scheduler.idle();
    expect(report.startup).toMatchObject({ action: 'run', why: 'catch-up' });
    expect(runner.calls).toEqual([{ slot: '2026-11-22T22:00:00.000Z', resumed: false }]);
    expect(runLines(logger.lines)).toEqual([expect.objectContaining({ outcome: 'done', why: 'catch-up' })]);
    // A trigger for the same slot (e.g. from the timer) does not run it again.
    await scheduler.fire('issue');
    expect(runner.calls).toHaveLength(1);
  });

  it('should not run a slot older than the grace period, and should note it as missed', async () => {
    const { st } = withHistory();
    const clock = fixedClock('2026-11-23T13:30:00+09:00'); // 6 h 30 m after the slot; grace 6 h
    const { scheduler, runner, logger } = testScheduler(st, clock, { options: { schedule: '0 7 * * *' } });
    track(scheduler);
    const report = await scheduler.start();
    await scheduler.idle();
    expect(report.startup?.action).toBe('missed');
    expect(runner.calls).toHaveLength(0);
    expect(st.slots.getSlot('issue', '2026-11-22T22:00:00.000Z')?.status).toBe('missed');
    expect(st.slots.lastFailure()).toMatchObject({ outcome: 'missed', slot: '2026-11-22T22:00:00.000Z' });
    expect(runLines(logger.lines)).toEqual([expect.objectContaining({ level: 'warn', outcome: 'missed' })]);
    // The next slot runs normally.
    clock.set('2026-11-24T07:00:00.010+09:00');
    await scheduler.fire('issue');
    expect(runner.calls).toEqual([{ slot: '2026-11-23T22:00:00.000Z', resumed: false }]);
  });

  it('should take the grace period from the options', async () => {
    const { st } = withHistory();
    const clock = fixedClock('2026-11-23T13:30:00+09:00');
    const { scheduler, runner } = testScheduler(st, clock, {
      options: { schedule: '0 7 * * *', catchUpGraceMs: 8 * HOUR },
    });
    track(scheduler);
    await scheduler.start();
    await scheduler.idle();
    expect(runner.calls).toEqual([{ slot: '2026-11-22T22:00:00.000Z', resumed: false }]);
  });

  it('should note nothing as missed on a fresh install', async () => {
    const st = store();
    const clock = fixedClock('2026-11-23T13:30:00+09:00');
    const { scheduler, runner } = testScheduler(st, clock, { options: { schedule: '0 7 * * *' } });
    track(scheduler);
    const report = await scheduler.start();
    expect(report.startup?.action).toBe('none');
    expect(runner.calls).toHaveLength(0);
    expect(st.slots.latestSlot('issue')).toBeUndefined();
  });

  it('should ignore a trigger whose slot is past the grace period (the machine slept through it)', async () => {
    const st = store();
    const clock = fixedClock('2026-11-23T06:00:00+09:00');
    const { scheduler, runner } = testScheduler(st, clock, { options: { schedule: '0 7 * * *' } });
    track(scheduler);
    await scheduler.start();
    clock.set('2026-11-23T14:00:00+09:00');
    await scheduler.fire('issue', new Date('2026-11-22T22:00:00Z'));
    expect(runner.calls).toHaveLength(0);
    expect(st.slots.getSlot('issue', '2026-11-22T22:00:00.000Z')).toMatchObject({
      status: 'missed',
      error: 'the trigger woke 420 min after the slot, past the grace period',
    });
  });
});

describe('the scheduler: one at a time', () => {
  it('should refuse to start while another scheduler holds the store, naming its pid and host', async () => {
    const dir = tempDir();
    const clock = fixedClock('2026-11-23T06:00:00+09:00');
    const a = testScheduler(store(dir), clock, { identity: holder('a', process.pid, 'host-a') });
    track(a.scheduler);
    await a.scheduler.start();
    const b = testScheduler(store(dir), clock, { identity: holder('b', process.pid, 'host-b') });
    const err = await b.scheduler.start().catch((e: unknown) => e);
    expect(isBriefingError(err) && err.code).toBe('ELOCK');
    expect((err as Error).message).toContain(`pid ${process.pid} on host host-a`);
    expect(isBriefingError(err) && err.hint).toContain('--wait');
    expect(await b.scheduler.stopped).toEqual({ reason: 'stopped' });
  });

  it('should wait for the lock with wait, and start once the holder stops', async () => {
    const dir = tempDir();
    const clock = fixedClock('2026-11-23T06:00:00+09:00');
    const a = testScheduler(store(dir), clock);
    await a.scheduler.start();
    const b = testScheduler(store(dir), clock, { options: { waitPollMs: 10 } });
    track(b.scheduler);
    const waitingFor: number[] = [];
    const starting = b.scheduler.start({ wait: true, onWaiting: (held) => waitingFor.push(held.pid) });
    await new Promise((r) => setTimeout(r, 50));
    expect(waitingFor).toEqual([process.pid]);
    await a.scheduler.stop();
    const report = await starting;
    expect(report.started).toBe(true);
    expect(open[0]?.slots.getLock('scheduler')?.holder).toBe(b.scheduler.identity.holder);
  });

  it('should take over a lock whose process is gone, or whose heartbeat is stale', async () => {
    const dir = tempDir();
    const st = store(dir);
    const now = new Date('2026-11-23T06:00:00+09:00');
    st.slots.acquireLock('scheduler', holder('dead', 999_999, 'test-host'), now, () => undefined);
    const clock = fixedClock(now);
    const b = testScheduler(st, clock, {
      identity: holder('b', process.pid, 'test-host'),
      isAlive: (pid) => pid !== 999_999,
    });
    const report = await b.scheduler.start();
    expect(report.tookOver?.reason).toBe('process 999999 on test-host is gone');
    await b.scheduler.stop();

    st.slots.acquireLock('scheduler', holder('far', 4242, 'other-host'), now, () => undefined);
    clock.set(new Date(now.getTime() + 121_000));
    const c = testScheduler(st, clock);
    track(c.scheduler);
    const taken = await c.scheduler.start();
    expect(taken.tookOver?.reason).toBe('its last heartbeat was 2m ago (stale after 120s)');
  });

  it('should stop and write nothing once another scheduler took its lock over', async () => {
    const dir = tempDir();
    const clock = fixedClock('2026-11-23T06:00:00+09:00');
    const a = testScheduler(store(dir), clock);
    await a.scheduler.start();
    clock.advance(HOUR + 3 * 60_000); // a was suspended: no heartbeat for an hour
    const b = testScheduler(store(dir), clock);
    track(b.scheduler);
    expect((await b.scheduler.start()).tookOver).toBeDefined();
    await a.scheduler.fire('issue');
    const stopped = await a.scheduler.stopped;
    expect(stopped.reason).toBe('lock-lost');
    expect(stopped.heldBy?.holder).toBe(b.scheduler.identity.holder);
    expect(a.runner.calls).toHaveLength(0);
    await b.scheduler.fire('issue');
    expect(b.runner.calls).toEqual([{ slot: '2026-11-22T22:00:00.000Z', resumed: false }]);
  });
});

describe('the scheduler: shutdown', () => {
  /** A run that delivers to three subscribers through a ledger, pausing after the first until `resume` is resolved. */
  function ledgerRun() {
    const delivered: string[] = [];
    const pause = deferred();
    const runner = issueRunner(async () => {
      for (const to of ['a@example.com', 'b@example.com', 'c@example.com']) {
        if (delivered.includes(to)) continue;
        delivered.push(to);
        if (to === 'a@example.com') await pause.promise;
      }
      return { issueId: '2026-11-23', sent: { sent: 3, skipped: 0, failed: 0, uncertain: 0 } };
    });
    return { delivered, pause, runner };
  }

  it('should abandon a run that outlasts the shutdown timeout, release the lock, and resume it on the next start', async () => {
    const dir = tempDir();
    const clock = fixedClock('2026-11-23T07:00:00+09:00');
    const { delivered, runner } = ledgerRun();
    const first = testScheduler(store(dir), clock, { runIssue: runner.run });
    await first.scheduler.start(); // catches up 07:00 and blocks mid-delivery
    await new Promise((r) => setTimeout(r, 10));
    expect(delivered).toEqual(['a@example.com']);

    const stopped = await first.scheduler.stop({ timeoutMs: 20 });
    expect(stopped).toEqual({ reason: 'stopped', abandoned: { kind: 'issue', slot: '2026-11-22T22:00:00.000Z' } });
    expect(open[0]?.slots.getLock('scheduler')).toBeUndefined();
    expect(open[0]?.slots.getSlot('issue', '2026-11-22T22:00:00.000Z')?.status).toBe('interrupted');
    expect(runLines(first.logger.lines)).toEqual([expect.objectContaining({ outcome: 'interrupted' })]);

    clock.advance(10 * 60_000);
    const again = ledgerRun();
    again.delivered.push(...delivered); // the delivery ledger is shared: it lives in the store
    again.pause.resolve();
    const second = testScheduler(store(dir), clock, { runIssue: again.runner.run });
    track(second.scheduler);
    const report = await second.scheduler.start();
    await second.scheduler.idle();
    expect(report.startup).toMatchObject({ action: 'run', why: 'resume' });
    expect(again.runner.calls).toEqual([{ slot: '2026-11-22T22:00:00.000Z', resumed: true }]);
    expect(again.delivered).toEqual(['a@example.com', 'b@example.com', 'c@example.com']);
    expect(open[1]?.slots.getSlot('issue', '2026-11-22T22:00:00.000Z')?.status).toBe('done');
    expect(runLines(second.logger.lines)).toEqual([
      expect.objectContaining({ outcome: 'done', resumed: true, why: 'resume' }),
    ]);
  });

  it('should wait for a run that finishes within the shutdown timeout and record it as done', async () => {
    const clock = fixedClock('2026-11-23T07:00:00+09:00');
    const st = store();
    const { pause, runner } = ledgerRun();
    const { scheduler } = testScheduler(st, clock, { runIssue: runner.run });
    await scheduler.start();
    const stopping = scheduler.stop({ timeoutMs: 5_000 });
    setTimeout(() => pause.resolve(), 20);
    expect(await stopping).toEqual({ reason: 'stopped', abandoned: undefined });
    expect(st.slots.getSlot('issue', '2026-11-22T22:00:00.000Z')?.status).toBe('done');
    expect(st.slots.getLock('scheduler')).toBeUndefined();
  });

  it('should record a run that stops on the abort signal as interrupted, without waiting', async () => {
    const clock = fixedClock('2026-11-23T07:00:00+09:00');
    const st = store();
    const runner = issueRunner(
      (_slot, ctx) =>
        new Promise((_resolve, reject) =>
          ctx.signal.addEventListener('abort', () => reject(new Error('aborted between steps'))),
        ),
    );
    const { scheduler } = testScheduler(st, clock, { runIssue: runner.run });
    await scheduler.start();
    await new Promise((r) => setTimeout(r, 5));
    const t0 = Date.now();
    await scheduler.stop({ timeoutMs: 10_000 });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(st.slots.getSlot('issue', '2026-11-22T22:00:00.000Z')).toMatchObject({
      status: 'interrupted',
      error: 'stopped by shutdown: aborted between steps',
    });
  });

  it('should resume a slot left running by a process that died', async () => {
    const dir = tempDir();
    const st = store(dir);
    const clock = fixedClock('2026-11-23T07:00:05+09:00');
    const dead = holder('crashed', 999_998, 'test-host');
    st.slots.acquireLock('scheduler', dead, clock.now(), () => undefined);
    st.slots.claimSlot('issue', '2026-11-22T22:00:00.000Z', { lock: 'scheduler', holder: dead.holder }, clock.now());
    clock.advance(60_000);
    const { scheduler, runner } = testScheduler(st, clock, {
      identity: holder('next', process.pid, 'test-host'),
      isAlive: (pid) => pid !== 999_998,
    });
    track(scheduler);
    const report = await scheduler.start();
    await scheduler.idle();
    expect(report.interrupted.map((r) => r.slot)).toEqual(['2026-11-22T22:00:00.000Z']);
    expect(runner.calls).toEqual([{ slot: '2026-11-22T22:00:00.000Z', resumed: true }]);
  });
});

describe('the scheduler: collection on its own schedule', () => {
  it('should collect on the collect schedule and skip a collect slot while an issue runs', async () => {
    const st = store();
    const clock = fixedClock('2026-11-23T06:00:00+09:00');
    const collects: string[] = [];
    const gate = deferred();
    const issues = issueRunner(async () => {
      await gate.promise;
      return { issueId: '2026-11-23' };
    });
    const { scheduler, logger } = testScheduler(st, clock, {
      runIssue: issues.run,
      runCollect: async (slot) => {
        collects.push(slot.toISOString());
        return { sources: 3, failed: 0, newItems: 5 };
      },
      options: { schedule: '0 7 * * 1', collectSchedule: '0 * * * *' },
    });
    track(scheduler);
    await scheduler.start();
    await scheduler.fire('collect');
    clock.set('2026-11-23T07:00:00.010+09:00');
    const issue = scheduler.fire('issue');
    await scheduler.fire('collect');
    gate.resolve();
    await issue;
    clock.set('2026-11-23T08:00:00.010+09:00');
    await scheduler.fire('collect');
    expect(collects).toEqual(['2026-11-22T21:00:00.000Z', '2026-11-22T23:00:00.000Z']);
    expect(st.slots.getSlot('collect', '2026-11-22T22:00:00.000Z')).toMatchObject({ status: 'skipped' });
    expect(runLines(logger.lines).map((l) => `${String(l.kind)} ${String(l.outcome)}`)).toEqual([
      'collect done',
      'collect skipped',
      'issue done',
      'collect done',
    ]);
  });
});

describe('the scheduler across DST changes', () => {
  async function runDay(tz: string, schedule: string, times: string[]): Promise<string[]> {
    const st = store();
    const clock = fixedClock(times[0] as string);
    const { scheduler, runner } = testScheduler(st, clock, { options: { schedule, timezone: tz } });
    track(scheduler);
    await scheduler.start();
    for (const t of times.slice(1)) {
      clock.set(t);
      await scheduler.fire('issue');
    }
    return runner.calls.map((c) => c.slot);
  }

  it('should run the 02:30 New York slot once on the spring-forward day, at 03:00 EDT', async () => {
    // Triggers every 15 minutes through the night, as a timer on a finer schedule would.
    const times = Array.from({ length: 17 }, (_, i) =>
      new Date(Date.parse('2026-03-08T05:00:00Z') + i * 15 * 60_000).toISOString(),
    );
    expect(await runDay('America/New_York', '30 2 * * *', times)).toEqual(['2026-03-08T07:00:00.000Z']);
  });

  it('should run the 01:30 New York slot once on the fall-back day, although 01:30 happens twice', async () => {
    const times = Array.from({ length: 17 }, (_, i) =>
      new Date(Date.parse('2026-11-01T04:00:00Z') + i * 15 * 60_000).toISOString(),
    );
    expect(await runDay('America/New_York', '30 1 * * *', times)).toEqual(['2026-11-01T05:30:00.000Z']);
  });

  it('should run the 02:30 Berlin slot once on 29 March and once on 25 October 2026', async () => {
    const spring = Array.from({ length: 13 }, (_, i) =>
      new Date(Date.parse('2026-03-28T23:30:00Z') + i * 15 * 60_000).toISOString(),
    );
    expect(await runDay('Europe/Berlin', '30 2 * * *', spring)).toEqual(['2026-03-29T01:00:00.000Z']);
    const autumn = Array.from({ length: 13 }, (_, i) =>
      new Date(Date.parse('2026-10-24T23:30:00Z') + i * 15 * 60_000).toISOString(),
    );
    expect(await runDay('Europe/Berlin', '30 2 * * *', autumn)).toEqual(['2026-10-25T00:30:00.000Z']);
  });

  it('should run the Seoul Monday slot at 07:00 KST', async () => {
    const times = [
      '2026-11-23T06:00:00+09:00',
      '2026-11-23T06:59:59+09:00',
      '2026-11-23T07:00:00+09:00',
      '2026-11-23T07:00:01+09:00',
    ];
    expect(await runDay('Asia/Seoul', '0 7 * * 1', times)).toEqual(['2026-11-22T22:00:00.000Z']);
  });
});
