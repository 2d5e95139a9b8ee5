/**
 * Wall-clock time in an IANA timezone, computed with Intl.DateTimeFormat.
 *
 * A wall time is written as "wall ms": the number Date.UTC would give for the
 * local calendar fields (2026-03-08 02:30:00 local → Date.UTC(2026, 2, 8, 2, 30)).
 * An instant is ordinary epoch ms. The zone maps instants to wall times; this file
 * maps back, including across DST changes where a wall time is skipped or repeated.
 */
import { BriefingError } from '../errors.js';

export const SECOND = 1000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** Longest stretch searched for a backward clock change (a repeated hour). Real changes are at most a few hours. */
const LOOKBACK_MS = 25 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: tz,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch (e) {
      throw new BriefingError(
        'ECONFIG',
        `"${tz}" is not an IANA timezone`,
        'set newsletter.timezone to a name like Asia/Seoul, Europe/Berlin or America/New_York',
        { cause: e },
      );
    }
    formatters.set(tz, f);
  }
  return f;
}

/** Throw ECONFIG unless `tz` is a timezone this runtime knows. */
export function assertTimezone(tz: string): void {
  formatter(tz);
}

/** The wall time (wall ms, millisecond precision) at an instant. */
export function wallAt(instant: number, tz: string): number {
  const ms = ((instant % SECOND) + SECOND) % SECOND;
  const f: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(instant - ms))) {
    if (p.type !== 'literal') f[p.type] = Number(p.value);
  }
  const d = new Date(0);
  d.setUTCFullYear(f.year ?? 1970, (f.month ?? 1) - 1, f.day ?? 1);
  d.setUTCHours((f.hour ?? 0) % 24, f.minute ?? 0, f.second ?? 0, ms);
  return d.getTime();
}

/** The zone's UTC offset at an instant, in ms (Seoul: +9 h). */
export function offsetAt(instant: number, tz: string): number {
  return wallAt(instant, tz) - instant;
}

/** How a wall time maps to its slot instant. */
export type WallFit =
  /** The wall time happens once. */
  | 'exact'
  /** It happens twice (clocks went back): the first is taken. */
  | 'first-of-two'
  /** It does not happen (clocks went forward): the first instant after the gap is taken. */
  | 'shifted';

/**
 * The slot instant of a wall time: the first instant whose wall time is at or after it.
 * That is the wall time itself when it happens once, its first occurrence when it
 * happens twice, and the end of the gap when the clocks skip it.
 */
export function instantOfWall(wall: number, tz: string): { at: number; fit: WallFit } {
  const offsets = [...new Set([offsetAt(wall - DAY, tz), offsetAt(wall, tz), offsetAt(wall + DAY, tz)])];
  const candidates = offsets.map((o) => wall - o).sort((a, b) => a - b);
  const valid = candidates.filter((t) => wallAt(t, tz) === wall);
  const first = valid[0];
  if (first !== undefined) return { at: first, fit: valid.length > 1 ? 'first-of-two' : 'exact' };
  // A gap: the wall time lies between the last instant before the change and the first after it.
  let lo = candidates[0] ?? wall;
  let hi = candidates[candidates.length - 1] ?? wall;
  if (!(wallAt(lo, tz) < wall && wallAt(hi, tz) > wall)) {
    throw new Error(`cannot place ${new Date(wall).toISOString().slice(0, 19)} in ${tz}`);
  }
  // Binary search for the first instant (to the millisecond) whose wall time reaches `wall`.
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (wallAt(mid, tz) >= wall) hi = mid;
    else lo = mid;
  }
  return { at: hi, fit: 'shifted' };
}

/**
 * The latest wall time shown at or before `instant`. It differs from the wall time at
 * `instant` during a repeated hour, when the clock has already shown later times.
 */
export function highWaterWall(instant: number, tz: string): number {
  const now = wallAt(instant, tz);
  const then = instant - LOOKBACK_MS;
  const offNow = now - instant;
  if (offsetAt(then, tz) <= offNow) return now;
  // The clocks went back since `then`: find the change and the last wall time before it.
  let lo = then;
  let hi = instant;
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (offsetAt(mid, tz) === offNow) hi = mid;
    else lo = mid;
  }
  return Math.max(now, wallAt(hi - 1, tz));
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

function pad(n: number, width = 2): string {
  return String(Math.abs(n)).padStart(width, '0');
}

/** `+09:00`, `-04:00`, `+05:45` for an offset in ms. */
export function formatOffset(offsetMs: number): string {
  const minutes = Math.round(offsetMs / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** `2026-03-08 Sun 03:00:00` for a wall time. */
export function formatWall(wall: number): string {
  const d = new Date(wall);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${WEEKDAYS[d.getUTCDay()] ?? ''} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** `2026-03-08 Sun 03:00:00 -04:00`: an instant as the zone's clock shows it. */
export function formatLocal(instant: number, tz: string): string {
  const wall = wallAt(instant, tz);
  return `${formatWall(wall)} ${formatOffset(wall - instant)}`;
}

/** `HH:MM` or `HH:MM:SS` of a wall time, for notes. */
export function formatClock(wall: number): string {
  const d = new Date(wall);
  const s = d.getUTCSeconds();
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${s ? `:${pad(s)}` : ''}`;
}
