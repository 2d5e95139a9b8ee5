/**
 * What the schedule looks like now, for `briefing doctor` and `schedule --dry-run`:
 * upcoming slots, the last run, what failed last, and who holds the lock.
 */
import { parseCron } from './cron.js';
import { SCHEDULER_LOCK, staleReason } from './lock.js';
import type { LockHolder, LockInfo, RunRecord } from '../types.js';
import type { SlotStore } from './slot-store.js';
import { DEFAULT_STALE_AFTER_MS } from './plan.js';
import { slotNote, upcomingSlots } from './slots.js';
import { assertTimezone, formatLocal } from './zone.js';

export interface SlotView {
  /** ISO UTC. */
  at: string;
  /** As the newsletter's clock shows it: `2026-11-23 Mon 07:00:00 +09:00`. */
  local: string;
  /** Set when DST moved the slot or it falls in a repeated hour. */
  note?: string | undefined;
}

/** The next `n` slots after `from`, with their local time and DST notes. */
export function slotViews(expr: string, tz: string, from: Date, n: number, where = 'schedule'): SlotView[] {
  assertTimezone(tz);
  return upcomingSlots(parseCron(expr, where), tz, from, n).map((s) => {
    const note = slotNote(s, tz);
    return { at: s.at.toISOString(), local: formatLocal(s.at.getTime(), tz), ...(note ? { note } : {}) };
  });
}

export interface ScheduleStatus {
  /** When this was taken (ISO). */
  checkedAt: string;
  timezone: string;
  schedule: string;
  collectSchedule?: string | undefined;
  next: { issue: SlotView; collect?: SlotView | undefined };
  /** With editions: each edition's schedule, next slot and last run. */
  editions?: Array<{ edition: string; schedule: string; next: SlotView; lastRun?: RunRecord | undefined }> | undefined;
  lastRun?: RunRecord | undefined;
  lastIssueRun?: RunRecord | undefined;
  lastFailure?: RunRecord | undefined;
  /** The scheduler lock: whether a scheduler runs now, and whether its lock looks stale. */
  lock?: { heldBy: LockInfo; stale?: string | undefined } | undefined;
}

export function scheduleStatus(
  store: Pick<SlotStore, 'lastRun' | 'lastFailure' | 'getLock'>,
  options: {
    schedule: string;
    collectSchedule?: string | undefined;
    timezone: string;
    staleAfterMs?: number | undefined;
    /** Editions with their own slots (kind `issue:<id>`). */
    editions?: ReadonlyArray<{ id: string; schedule: string }> | undefined;
  },
  now: Date,
  probe: { me: LockHolder; isAlive: (pid: number) => boolean },
): ScheduleStatus {
  const { schedule, collectSchedule, timezone } = options;
  const heldBy = store.getLock(SCHEDULER_LOCK);
  const editions = (options.editions ?? []).map((e, i) => ({
    edition: e.id,
    schedule: e.schedule,
    next: slotViews(e.schedule, timezone, now, 1, `editions[${i}].schedule`)[0] as SlotView,
    lastRun: store.lastRun(`issue:${e.id}`),
  }));
  // With editions, the next issue slot is the earliest of theirs.
  const [issue] = editions.length
    ? [...editions.map((e) => e.next)].sort((a, b) => (a.at < b.at ? -1 : 1))
    : slotViews(schedule, timezone, now, 1, 'newsletter.schedule');
  const [collect] = collectSchedule ? slotViews(collectSchedule, timezone, now, 1, 'newsletter.collectSchedule') : [];
  return {
    checkedAt: now.toISOString(),
    timezone,
    schedule,
    collectSchedule,
    next: { issue: issue as SlotView, collect },
    ...(editions.length ? { editions } : {}),
    lastRun: store.lastRun(),
    lastIssueRun: editions.length
      ? editions
          .map((e) => e.lastRun)
          .filter((r): r is RunRecord => r !== undefined)
          .sort((a, b) => b.id - a.id)[0]
      : store.lastRun('issue'),
    lastFailure: store.lastFailure(),
    lock: heldBy
      ? {
          heldBy,
          stale: staleReason(heldBy, probe.me, now, options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS, probe.isAlive),
        }
      : undefined,
  };
}
