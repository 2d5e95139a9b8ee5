import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock } from '../../src/app.js';
import { manualTriggers } from '../../src/schedule/triggers.js';
import { Scheduler } from '../../src/schedule/scheduler.js';
import type { IssueRunResult, RunContext, SchedulerDeps, ScheduleOptions } from '../../src/schedule/types.js';
import type { LockHolder } from '../../src/types.js';
import { Store } from '../../src/store/index.js';
import type { Logger } from '../../src/types.js';

export function tempDir(prefix = 'briefing-schedule-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A logger that keeps every line, as the JSON logger would write it. */
export function recordingLogger(): Logger & { lines: Array<{ level: string; msg: string } & Record<string, unknown>> } {
  const lines: Array<{ level: string; msg: string } & Record<string, unknown>> = [];
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) => {
    lines.push({ level, msg, ...fields });
  };
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(v: T): void;
  reject(e: unknown): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Records every call of runIssue; each call's result comes from `impl` (default: an issue named after the slot). */
export function issueRunner(impl?: (slot: Date, ctx: RunContext) => Promise<IssueRunResult>) {
  const calls: Array<{ slot: string; resumed: boolean }> = [];
  const run = async (slot: Date, ctx: RunContext): Promise<IssueRunResult> => {
    calls.push({ slot: slot.toISOString(), resumed: ctx.resumed });
    return impl
      ? impl(slot, ctx)
      : { issueId: `issue-${slot.toISOString()}`, sent: { sent: 2, skipped: 0, failed: 0, uncertain: 0 } };
  };
  return { calls, run };
}

let n = 0;
/** A distinct lock holder on this host with this pid (two schedulers in one test process). */
export function holder(name = `test-${++n}`, pid = process.pid, host = 'test-host'): LockHolder {
  return { holder: `${host}:${pid}:${name}`, pid, host };
}

export function openStore(dir: string): Store {
  return Store.open(dir);
}

export function testScheduler(
  store: Store,
  clock: ReturnType<typeof fixedClock>,
  over: Partial<Omit<SchedulerDeps, 'options'>> & { options?: Partial<ScheduleOptions> } = {},
): { scheduler: Scheduler; logger: ReturnType<typeof recordingLogger>; runner: ReturnType<typeof issueRunner> } {
  const logger = recordingLogger();
  const runner = issueRunner();
  const scheduler = new Scheduler({
    store: store.slots,
    clock,
    logger,
    runIssue: runner.run,
    triggers: manualTriggers,
    identity: holder(),
    isAlive: () => true,
    ...over,
    options: { schedule: '0 7 * * 1', timezone: 'Asia/Seoul', ...over.options },
  });
  return { scheduler, logger, runner };
}

export { fixedClock };
