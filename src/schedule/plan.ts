/**
 * The scheduler's decisions as pure functions: which slot a trigger means, what to do
 * on start (catch up once, resume, or note a miss), and how a run's result is recorded.
 */
import type { CronFields } from './cron.js';
import type { SlotRecord, SlotResult } from '../types.js';
import { previousSlot } from './slots.js';
import type { CollectRunResult, IssueRunResult } from './types.js';
import { HOUR, SECOND } from './zone.js';

export const DEFAULT_CATCH_UP_GRACE_MS = 6 * HOUR;
export const DEFAULT_HEARTBEAT_MS = 15 * SECOND;
export const DEFAULT_STALE_AFTER_MS = 120 * SECOND;
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 30 * SECOND;

/**
 * The slot a trigger stands for: the latest slot at or before the trigger's own slot
 * time (`hint`, when the trigger knows it; a trigger that woke late past the next slot
 * still runs its own) or else `now`. Never a slot after `now`, so never early.
 * Undefined when that slot is older than the grace period.
 */
export function dueSlot(
  f: CronFields,
  tz: string,
  now: Date,
  hint: Date | undefined,
  graceMs: number,
): Date | undefined {
  const ref = hint && hint.getTime() <= now.getTime() ? hint : now;
  const slot = previousSlot(f, tz, ref);
  if (!slot) return undefined;
  return now.getTime() - slot.getTime() <= graceMs ? slot : undefined;
}

export type StartupAction =
  | { action: 'run'; slot: Date; why: 'catch-up' | 'resume' }
  | { action: 'missed'; slot: Date; reason: string }
  | { action: 'none'; slot?: Date | undefined; reason: string };

/**
 * What to do on start for the latest slot at or before `now`. At most one slot ever:
 * never a burst of old ones.
 * - no record and within the grace period: run it once (catch-up);
 * - interrupted and within the grace period: run it again (resume; the delivery ledger
 *   skips whoever already got it);
 * - no record and past the grace period: note it as missed (only when the scheduler has
 *   run before; a fresh install has missed nothing).
 */
export function planStartup(input: {
  latest: Date | undefined;
  record: SlotRecord | undefined;
  hasHistory: boolean;
  now: Date;
  graceMs: number;
}): StartupAction {
  const { latest, record, now, graceMs } = input;
  if (!latest) return { action: 'none', reason: 'no slot yet' };
  const age = now.getTime() - latest.getTime();
  const within = age <= graceMs;
  if (record && record.status !== 'interrupted' && record.status !== 'running') {
    return { action: 'none', slot: latest, reason: `the latest slot is already ${record.status}` };
  }
  if (record) {
    return within
      ? { action: 'run', slot: latest, why: 'resume' }
      : { action: 'none', slot: latest, reason: 'the interrupted slot is older than the catch-up grace period' };
  }
  if (within) return { action: 'run', slot: latest, why: 'catch-up' };
  if (input.hasHistory) {
    return {
      action: 'missed',
      slot: latest,
      reason: `no scheduler was running at the slot, and it is ${Math.round(age / 60_000)} min old (grace ${Math.round(graceMs / 60_000)} min)`,
    };
  }
  return { action: 'none', slot: latest, reason: 'the latest slot is older than the catch-up grace period' };
}

/** How an issue run's result is recorded. */
export function issueResult(r: IssueRunResult): Omit<SlotResult, 'ms'> {
  if (r.nothingNew) {
    return { status: 'nothing-new', issueId: r.issueId, detail: r.reason ? { reason: r.reason } : undefined };
  }
  const sent = r.sent;
  const troubled = sent !== undefined && sent.failed + sent.uncertain > 0;
  return {
    status: troubled ? 'partial' : 'done',
    issueId: r.issueId,
    error: troubled ? `${sent.failed} deliveries failed, ${sent.uncertain} uncertain` : undefined,
    detail: sent ? { sent } : undefined,
  };
}

/** How a collect run's result is recorded. */
export function collectResult(r: CollectRunResult): Omit<SlotResult, 'ms'> {
  return {
    status: 'done',
    error: r.failed > 0 ? `${r.failed} of ${r.sources} sources failed` : undefined,
    detail: { sources: r.sources, failed: r.failed, newItems: r.newItems },
  };
}
