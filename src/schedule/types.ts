import type { Clock, Logger } from '../types.js';
import type { LockHolder, RunKind } from '../types.js';
import type { SlotStore } from './slot-store.js';

/** Handed to a run: `signal` aborts when the scheduler shuts down; `resumed` when an interrupted slot runs again. */
export interface RunContext {
  signal: AbortSignal;
  resumed: boolean;
}

/** What an issue run reports back. */
export interface IssueRunResult {
  issueId?: string | undefined;
  /** Nothing new to compose: no issue was written. */
  nothingNew?: boolean | undefined;
  reason?: string | undefined;
  /** Delivery counts, if it delivered. */
  sent?: { sent: number; skipped: number; failed: number; uncertain: number } | undefined;
}

/** What a collect run reports back. */
export interface CollectRunResult {
  sources: number;
  failed: number;
  newItems: number;
}

export interface ScheduleOptions {
  /** Cron expression of issue slots (newsletter.schedule). */
  schedule: string;
  /**
   * Editions with their own issue slots (config `editions:`): each runs its slots once, as
   * kind `issue:<id>`; `schedule` is then not used for issues.
   */
  editions?: ReadonlyArray<{ id: string; schedule: string }> | undefined;
  /** Cron expression of collect-only slots (newsletter.collectSchedule). */
  collectSchedule?: string | undefined;
  /** IANA timezone the expressions are read in. */
  timezone: string;
  /** On start, the latest missed issue slot runs once if it is at most this old. Default 6 h. */
  catchUpGraceMs?: number | undefined;
  /** How often the lock's heartbeat is written. Default 15 s. */
  heartbeatMs?: number | undefined;
  /** A lock whose heartbeat is older than this may be taken over. Default 2 min. */
  staleAfterMs?: number | undefined;
  /** On stop, how long the current run may take to finish before it is abandoned. Default 30 s. */
  shutdownTimeoutMs?: number | undefined;
  /** With `wait`, how often a held lock is tried again. Default 2 s. */
  waitPollMs?: number | undefined;
}

/**
 * Something that calls `fire` when a slot may be due (node-cron in the service; nothing in
 * tests, which call `Scheduler.fire` themselves). It only wakes the scheduler: the slot
 * math and the store decide what runs.
 */
export interface TriggerSource {
  start(kind: RunKind, expr: string, timezone: string, fire: (hint?: Date) => void): void;
  stop(): void;
}

/** Everything the scheduler uses, in one object. */
export interface SchedulerDeps {
  store: SlotStore;
  clock: Clock;
  logger: Logger;
  /** An issue slot; `edition` is set for an edition's slot (options.editions). */
  runIssue(slot: Date, ctx: RunContext, edition?: string): Promise<IssueRunResult>;
  runCollect?: ((slot: Date, ctx: RunContext) => Promise<CollectRunResult>) | undefined;
  options: ScheduleOptions;
  /** Default: node-cron plus a timer on the computed next slot. */
  triggers?: TriggerSource | undefined;
  /** Default: this process. */
  identity?: LockHolder | undefined;
  /** Default: a signal-0 probe. */
  isAlive?: ((pid: number) => boolean) | undefined;
}
