/**
 * Slot math: the instants at which a cron expression fires in an IANA timezone.
 *
 * A slot is a matching wall time placed on the timeline: once when it happens once;
 * at its first occurrence when the clocks go back and it happens twice; at the end
 * of the gap when the clocks go forward and skip it (several skipped times become
 * one slot). So every matching wall time runs exactly once.
 *
 * Pure: `now` and `from` are always parameters.
 */
import { type CronFields, nextWall, parseCron, prevWall } from './cron.js';
import { assertTimezone, formatClock, highWaterWall, instantOfWall, wallAt, type WallFit } from './zone.js';

export interface SlotTime {
  at: Date;
  /** The wall time the expression named (differs from the clock at `at` when shifted). */
  wall: number;
  fit: WallFit;
}

function fieldsOf(expr: string | CronFields, tz: string): CronFields {
  assertTimezone(tz);
  return typeof expr === 'string' ? parseCron(expr) : expr;
}

function checkDate(d: Date, name: string): number {
  const t = d.getTime();
  if (Number.isNaN(t)) throw new RangeError(`${name} is not a valid date`);
  return t;
}

/** The key a slot is stored under: its instant in ISO 8601 UTC. */
export function slotKey(slot: Date): string {
  return slot.toISOString();
}

/** The latest slot at or before `now`, if any. */
export function previousSlot(expr: string | CronFields, tz: string, now: Date): Date | undefined {
  const f = fieldsOf(expr, tz);
  const wall = prevWall(f, highWaterWall(checkDate(now, 'now'), tz));
  return wall === undefined ? undefined : new Date(instantOfWall(wall, tz).at);
}

/** The first slot strictly after `from`, with how its wall time fitted the clock. */
export function nextSlotTime(expr: string | CronFields, tz: string, from: Date): SlotTime {
  const f = fieldsOf(expr, tz);
  // Every wall time at or before the latest one already shown has its slot at or before `from`.
  const wall = nextWall(f, highWaterWall(checkDate(from, 'from'), tz));
  const { at, fit } = instantOfWall(wall, tz);
  return { at: new Date(at), wall, fit };
}

/** The next `n` slots strictly after `from`, in order, each once. */
export function upcomingSlots(expr: string | CronFields, tz: string, from: Date, n: number): SlotTime[] {
  const f = fieldsOf(expr, tz);
  const out: SlotTime[] = [];
  let cursor = from;
  while (out.length < n) {
    const next = nextSlotTime(f, tz, cursor);
    out.push(next);
    cursor = next.at;
  }
  return out;
}

/** The next `n` slot instants strictly after `from`. */
export function nextSlots(expr: string | CronFields, tz: string, from: Date, n: number): Date[] {
  return upcomingSlots(expr, tz, from, n).map((s) => s.at);
}

/** A note for a slot that DST moved or that falls in a repeated hour; empty otherwise. */
export function slotNote(s: SlotTime, tz: string): string {
  if (s.fit === 'shifted') {
    return `${formatClock(s.wall)} does not exist that day, clocks go forward: runs at ${formatClock(wallAt(s.at.getTime(), tz))}`;
  }
  if (s.fit === 'first-of-two')
    return `${formatClock(s.wall)} happens twice that day, clocks go back: runs once, at the first`;
  return '';
}
