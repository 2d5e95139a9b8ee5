import { describe, expect, it } from 'vitest';
import { isBriefingError } from '../../src/errors.js';
import { nextSlots, previousSlot, slotKey, slotNote, upcomingSlots } from '../../src/schedule/slots.js';
import { formatLocal } from '../../src/schedule/zone.js';

const iso = (ds: Date[]): string[] => ds.map((d) => d.toISOString());
const local = (ds: Date[], tz: string): string[] => ds.map((d) => formatLocal(d.getTime(), tz));

describe('slot keys', () => {
  it('should key a slot by its instant in ISO 8601 UTC, whatever zone named it', () => {
    const [seoul] = nextSlots('0 7 * * 1', 'Asia/Seoul', new Date('2026-11-16T00:00:00Z'), 1);
    const [berlin] = nextSlots('0 23 * * 0', 'Europe/Berlin', new Date('2026-11-16T00:00:00Z'), 1);
    expect(slotKey(seoul as Date)).toBe('2026-11-22T22:00:00.000Z');
    expect(slotKey(berlin as Date)).toBe('2026-11-22T22:00:00.000Z');
  });

  it('should give the same key to a slot whether it is computed forward or backward', () => {
    const from = new Date('2026-03-01T00:00:00Z');
    for (const slot of nextSlots('30 2 * * *', 'America/New_York', from, 20)) {
      expect(slotKey(previousSlot('30 2 * * *', 'America/New_York', slot) as Date)).toBe(slotKey(slot));
      expect(slotKey(previousSlot('30 2 * * *', 'America/New_York', new Date(slot.getTime() + 60_000)) as Date)).toBe(
        slotKey(slot),
      );
    }
  });
});

describe('slots in Asia/Seoul (no DST)', () => {
  it('should place the Monday 07:00 slots at 22:00 UTC on Sundays', () => {
    const slots = nextSlots('0 7 * * 1', 'Asia/Seoul', new Date('2026-11-16T00:00:00+09:00'), 3);
    expect(local(slots, 'Asia/Seoul')).toEqual([
      '2026-11-16 Mon 07:00:00 +09:00',
      '2026-11-23 Mon 07:00:00 +09:00',
      '2026-11-30 Mon 07:00:00 +09:00',
    ]);
    expect(iso(slots)).toEqual(['2026-11-15T22:00:00.000Z', '2026-11-22T22:00:00.000Z', '2026-11-29T22:00:00.000Z']);
  });

  it('should find the previous slot at, just after and just before a slot', () => {
    const at = new Date('2026-11-23T07:00:00+09:00');
    expect(previousSlot('0 7 * * 1', 'Asia/Seoul', at)?.toISOString()).toBe('2026-11-22T22:00:00.000Z');
    expect(previousSlot('0 7 * * 1', 'Asia/Seoul', new Date(at.getTime() + 1))?.toISOString()).toBe(
      '2026-11-22T22:00:00.000Z',
    );
    expect(previousSlot('0 7 * * 1', 'Asia/Seoul', new Date(at.getTime() - 1))?.toISOString()).toBe(
      '2026-11-15T22:00:00.000Z',
    );
  });

  it('should list slots strictly after the start', () => {
    const at = new Date('2026-11-23T07:00:00+09:00');
    expect(iso(nextSlots('0 7 * * 1', 'Asia/Seoul', at, 1))).toEqual(['2026-11-29T22:00:00.000Z']);
  });

  it('should read six-field expressions with seconds and nicknames', () => {
    const from = new Date('2026-11-23T07:00:00.400+09:00');
    expect(iso(nextSlots('*/20 * * * * *', 'Asia/Seoul', from, 3))).toEqual([
      '2026-11-22T22:00:20.000Z',
      '2026-11-22T22:00:40.000Z',
      '2026-11-22T22:01:00.000Z',
    ]);
    expect(local(nextSlots('@weekly', 'Asia/Seoul', from, 1), 'Asia/Seoul')).toEqual([
      '2026-11-29 Sun 00:00:00 +09:00',
    ]);
  });

  it('should handle last-day, nearest-weekday and nth-weekday fields', () => {
    const from = new Date('2026-01-01T00:00:00+09:00');
    expect(local(nextSlots('0 9 L * *', 'Asia/Seoul', from, 3), 'Asia/Seoul')).toEqual([
      '2026-01-31 Sat 09:00:00 +09:00',
      '2026-02-28 Sat 09:00:00 +09:00',
      '2026-03-31 Tue 09:00:00 +09:00',
    ]);
    // The 1st of February 2026 is a Sunday: its nearest weekday is Monday the 2nd.
    expect(local(nextSlots('0 9 1W 2 *', 'Asia/Seoul', from, 1), 'Asia/Seoul')).toEqual([
      '2026-02-02 Mon 09:00:00 +09:00',
    ]);
    expect(local(nextSlots('0 9 * * 1#2', 'Asia/Seoul', from, 2), 'Asia/Seoul')).toEqual([
      '2026-01-12 Mon 09:00:00 +09:00',
      '2026-02-09 Mon 09:00:00 +09:00',
    ]);
    expect(local(nextSlots('0 9 * * 5L', 'Asia/Seoul', from, 1), 'Asia/Seoul')).toEqual([
      '2026-01-30 Fri 09:00:00 +09:00',
    ]);
  });

  it('should reject a bad expression or timezone with a config error that says how to fix it', () => {
    const err = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return e;
      }
      return undefined;
    };
    const bad = err(() => nextSlots('0 25 * * *', 'Asia/Seoul', new Date(), 1));
    expect(isBriefingError(bad) && bad.code).toBe('ECONFIG');
    expect(String((bad as Error).message)).toContain('"0 25 * * *"');
    const zone = err(() => nextSlots('0 7 * * *', 'Asia/Busan', new Date(), 1));
    expect(isBriefingError(zone) && zone.code).toBe('ECONFIG');
    expect(isBriefingError(zone) && zone.hint).toContain('Asia/Seoul');
  });
});

describe('slots across the 2026 US DST changes (America/New_York)', () => {
  const tz = 'America/New_York';

  it('should run a 02:30 slot once on the spring-forward day, at 03:00 when the gap ends', () => {
    const slots = upcomingSlots('30 2 * * *', tz, new Date('2026-03-06T12:00:00Z'), 4);
    expect(
      local(
        slots.map((s) => s.at),
        tz,
      ),
    ).toEqual([
      '2026-03-07 Sat 02:30:00 -05:00',
      '2026-03-08 Sun 03:00:00 -04:00',
      '2026-03-09 Mon 02:30:00 -04:00',
      '2026-03-10 Tue 02:30:00 -04:00',
    ]);
    expect(slots.map((s) => s.fit)).toEqual(['exact', 'shifted', 'exact', 'exact']);
    expect(slots[1]?.at.toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });

  it('should fold several skipped times into one slot and keep a real slot at the end of the gap once', () => {
    const slots = nextSlots('0,30 2,3 * * *', tz, new Date('2026-03-08T00:00:00-05:00'), 3);
    expect(local(slots, tz)).toEqual([
      '2026-03-08 Sun 03:00:00 -04:00',
      '2026-03-08 Sun 03:30:00 -04:00',
      '2026-03-09 Mon 02:00:00 -04:00',
    ]);
  });

  it('should run a 01:30 slot once on the fall-back day, at its first occurrence', () => {
    const slots = upcomingSlots('30 1 * * *', tz, new Date('2026-10-31T00:00:00Z'), 3);
    expect(
      local(
        slots.map((s) => s.at),
        tz,
      ),
    ).toEqual(['2026-10-31 Sat 01:30:00 -04:00', '2026-11-01 Sun 01:30:00 -04:00', '2026-11-02 Mon 01:30:00 -05:00']);
    expect(slots[1]?.fit).toBe('first-of-two');
    expect(slotNote(slots[1] as (typeof slots)[number], tz)).toBe(
      '01:30 happens twice that day, clocks go back: runs once, at the first',
    );
    expect(slotNote(slots[2] as (typeof slots)[number], tz)).toBe('');
  });

  it('should not find the 01:30 slot again while the clock shows 01:30 a second time', () => {
    const second = new Date('2026-11-01T06:45:00Z'); // 01:45 EST, the repeated hour
    expect(formatLocal(second.getTime(), tz)).toBe('2026-11-01 Sun 01:45:00 -05:00');
    expect(previousSlot('30 1 * * *', tz, second)?.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(nextSlots('30 1 * * *', tz, second, 1)[0]?.toISOString()).toBe('2026-11-02T06:30:00.000Z');
  });

  it('should keep a daily 02:30 slot at 02:30 on the fall-back day (02:30 happens once)', () => {
    const slots = nextSlots('30 2 * * *', tz, new Date('2026-10-31T12:00:00Z'), 2);
    expect(local(slots, tz)).toEqual(['2026-11-01 Sun 02:30:00 -05:00', '2026-11-02 Mon 02:30:00 -05:00']);
  });

  it('should give every hourly wall time of the fall-back day exactly one slot', () => {
    const slots = nextSlots('0 * * * *', tz, new Date('2026-11-01T00:00:00-04:00'), 24);
    const hours = slots.map((d) => formatLocal(d.getTime(), tz).slice(15, 17));
    expect(new Set(hours).size).toBe(24);
    expect(new Set(iso(slots)).size).toBe(24);
    expect(hours.slice(0, 4)).toEqual(['01', '02', '03', '04']);
  });
});

describe('slots across the 2026 EU DST changes (Europe/Berlin)', () => {
  const tz = 'Europe/Berlin';

  it('should run a 02:30 slot once on 2026-03-29, at 03:00 CEST', () => {
    const slots = upcomingSlots('30 2 * * *', tz, new Date('2026-03-28T12:00:00Z'), 2);
    expect(
      local(
        slots.map((s) => s.at),
        tz,
      ),
    ).toEqual(['2026-03-29 Sun 03:00:00 +02:00', '2026-03-30 Mon 02:30:00 +02:00']);
    expect(slots[0]?.at.toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('should run a 02:30 slot once on 2026-10-25, at the first 02:30 (CEST)', () => {
    const slots = upcomingSlots('30 2 * * *', tz, new Date('2026-10-24T12:00:00Z'), 2);
    expect(
      local(
        slots.map((s) => s.at),
        tz,
      ),
    ).toEqual(['2026-10-25 Sun 02:30:00 +02:00', '2026-10-26 Mon 02:30:00 +01:00']);
    expect(slots[0]?.fit).toBe('first-of-two');
    // During the second 02:30 (CET) the latest slot is still the first one.
    expect(previousSlot('30 2 * * *', tz, new Date('2026-10-25T01:30:00Z'))?.toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('should never list a slot twice or out of order over a whole year of hours', () => {
    const start = Date.parse('2026-01-01T00:00:00+01:00');
    const end = Date.parse('2027-01-01T00:00:00+01:00');
    const ms = nextSlots('0 * * * *', tz, new Date(start - 1), 365 * 24).map((d) => d.getTime());
    expect(ms[0]).toBe(start);
    expect(ms.every((t, i) => i === 0 || t > (ms[i - 1] as number))).toBe(true);
    // 365 × 24 wall times; on 29 March the skipped 02:00 folds into the 03:00 slot.
    expect(ms.filter((t) => t < end)).toHaveLength(365 * 24 - 1);
  });
});
