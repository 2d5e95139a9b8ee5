/**
 * Cron expressions as sets of wall times. node-cron parses the expression (names,
 * ranges, steps, nicknames like @weekly); this file walks the calendar to find the
 * next or previous matching wall time. A day matches when its month, day of month
 * and day of week all match, as node-cron matches them.
 */
import { validateDetailed } from 'node-cron';
import { BriefingError } from '../errors.js';
import { DAY } from './zone.js';

export interface CronFields {
  readonly expr: string;
  /** Ascending. */
  readonly second: readonly number[];
  readonly minute: readonly number[];
  readonly hour: readonly number[];
  readonly month: readonly number[];
  /** Numbers, `L`, `15W`, `LW`, `L-3`. */
  readonly dayOfMonth: ReadonlyArray<number | string>;
  /** Numbers (0 = Sunday), `5L` (last Friday), `1#2` (second Monday). */
  readonly dayOfWeek: ReadonlyArray<number | string>;
}

/** How far the calendar is searched: 400 years holds every weekday/date combination. */
const MAX_DAYS = 146_097;

const cache = new Map<string, CronFields>();

/** Parse a 5- or 6-field cron expression. `where` names the config key in the error. */
export function parseCron(expr: string, where = 'schedule'): CronFields {
  const hit = cache.get(expr);
  if (hit) return hit;
  const result = validateDetailed(expr);
  if (!result.valid || !result.fields) {
    const why = result.errors.map((e) => e.message).join('; ');
    throw new BriefingError(
      'ECONFIG',
      `${where} "${expr}" is not a valid cron expression: ${why}`,
      'write five fields (minute hour day month weekday) like "0 7 * * 1" (07:00 every Monday), or six with seconds first',
    );
  }
  const f = result.fields;
  const asc = (xs: readonly number[]): number[] => [...new Set(xs)].sort((a, b) => a - b);
  const fields: CronFields = {
    expr,
    second: asc(f.second),
    minute: asc(f.minute),
    hour: asc(f.hour),
    month: asc(f.month),
    dayOfMonth: f.dayOfMonth,
    dayOfWeek: f.dayOfWeek,
  };
  cache.set(expr, fields);
  return fields;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function nearestWeekday(year: number, month: number, target: number): number {
  const last = lastDayOfMonth(year, month);
  if (target < 1 || target > last) return -1;
  const weekday = new Date(Date.UTC(year, month - 1, target)).getUTCDay();
  if (weekday === 6) return target === 1 ? 3 : target - 1;
  if (weekday === 0) return target === last ? target - 2 : target + 1;
  return target;
}

function dayOfMonthMatches(field: CronFields['dayOfMonth'], year: number, month: number, day: number): boolean {
  const last = lastDayOfMonth(year, month);
  return field.some((v) => {
    if (typeof v === 'number') return v === day;
    if (v === 'L') return day === last;
    const w = /^(\d{1,2}|L)W$/.exec(v);
    if (w) return nearestWeekday(year, month, w[1] === 'L' ? last : Number(w[1])) === day;
    const off = /^L-(\d{1,2})$/.exec(v);
    if (off) return last - Number(off[1]) === day;
    return false;
  });
}

function dayOfWeekMatches(
  field: CronFields['dayOfWeek'],
  _month: number,
  day: number,
  weekday: number,
  last: number,
): boolean {
  return field.some((v) => {
    if (typeof v === 'number') return v % 7 === weekday;
    const nth = /^([0-7])#([1-5])$/.exec(v);
    if (nth) return Number(nth[1]) % 7 === weekday && Math.floor((day - 1) / 7) + 1 === Number(nth[2]);
    const lastOf = /^([0-7])L$/.exec(v);
    if (lastOf) return Number(lastOf[1]) % 7 === weekday && day + 7 > last;
    return false;
  });
}

/** Does the calendar day (as wall ms at its midnight) match the expression's day fields? */
export function dayMatches(f: CronFields, dayStart: number): boolean {
  const d = new Date(dayStart);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  if (!f.month.includes(month)) return false;
  if (!dayOfMonthMatches(f.dayOfMonth, year, month, day)) return false;
  return dayOfWeekMatches(f.dayOfWeek, month, day, d.getUTCDay(), lastDayOfMonth(year, month));
}

/** First time of day (seconds since midnight) strictly after `after` (seconds, may be fractional; -1 = any). */
function firstTimeAfter(f: CronFields, after: number): number | undefined {
  for (const h of f.hour) {
    if (h * 3600 + 3599 <= after) continue;
    for (const m of f.minute) {
      const hm = h * 3600 + m * 60;
      if (hm + 59 <= after) continue;
      for (const s of f.second) if (hm + s > after) return hm + s;
    }
  }
  return undefined;
}

/** Last time of day (seconds since midnight) at or before `atOrBefore` (seconds, may be fractional). */
function lastTimeAtOrBefore(f: CronFields, atOrBefore: number): number | undefined {
  for (let i = f.hour.length - 1; i >= 0; i--) {
    const h = f.hour[i] ?? 0;
    if (h * 3600 > atOrBefore) continue;
    for (let j = f.minute.length - 1; j >= 0; j--) {
      const hm = h * 3600 + (f.minute[j] ?? 0) * 60;
      if (hm > atOrBefore) continue;
      for (let k = f.second.length - 1; k >= 0; k--) {
        const t = hm + (f.second[k] ?? 0);
        if (t <= atOrBefore) return t;
      }
    }
  }
  return undefined;
}

/** The first matching wall time strictly after `wall` (wall ms). */
export function nextWall(f: CronFields, wall: number): number {
  const day0 = Math.floor(wall / DAY) * DAY;
  for (let i = 0; i < MAX_DAYS; i++) {
    const day = day0 + i * DAY;
    if (!dayMatches(f, day)) continue;
    const t = firstTimeAfter(f, i === 0 ? (wall - day0) / 1000 : -1);
    if (t !== undefined) return day + t * 1000;
  }
  throw new BriefingError(
    'ECONFIG',
    `schedule "${f.expr}" never matches a day in the next 400 years`,
    'check its day-of-month and weekday fields (both must match, e.g. "0 7 13 * 5" means Friday the 13th)',
  );
}

/** The last matching wall time at or before `wall` (wall ms), if any in the last 400 years. */
export function prevWall(f: CronFields, wall: number): number | undefined {
  const day0 = Math.floor(wall / DAY) * DAY;
  for (let i = 0; i < MAX_DAYS; i++) {
    const day = day0 - i * DAY;
    if (!dayMatches(f, day)) continue;
    const t = lastTimeAtOrBefore(f, i === 0 ? (wall - day0) / 1000 : 86_400);
    if (t !== undefined) return day + t * 1000;
  }
  return undefined;
}
