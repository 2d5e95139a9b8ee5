import { describe, expect, it } from 'vitest';
import { itemDate, parseFeedDate } from '../../src/collect/dates.js';

const iso = (text: string, opts?: { defaultOffsetMinutes?: number }) => parseFeedDate(text, opts)?.toISOString();

describe('feed dates', () => {
  it('reads the Korean afternoon form as KST', () => {
    expect(iso('2004-05-25 오후 11:23:17')).toBe('2004-05-25T14:23:17.000Z');
    expect(iso('2004-05-25 오전 12:05:00')).toBe('2004-05-24T15:05:00.000Z');
    expect(iso('2004-05-25 오후 12:05:00')).toBe('2004-05-25T03:05:00.000Z');
  });

  it('reads the 년 월 일 form as KST', () => {
    expect(iso('2004년 05월 28일 01:31:15')).toBe('2004-05-27T16:31:15.000Z');
    expect(iso('2004년 5월 28일 (금) 오후 3시 20분')).toBe('2004-05-28T06:20:00.000Z');
    expect(iso('2004.05.28 13:00')).toBe('2004-05-28T13:00:00.000Z');
  });

  it('reads RFC 822 dates with numeric and named zones', () => {
    expect(iso('Tue, 25 May 2004 23:23:17 +0900')).toBe('2004-05-25T14:23:17.000Z');
    expect(iso('Tue, 25 May 2004 23:23:17 KST')).toBe('2004-05-25T14:23:17.000Z');
    expect(iso('25 May 04 23:23 GMT')).toBe('2004-05-25T23:23:00.000Z');
    expect(iso('Tuesday, 25-May-04 23:23:17 EST')).toBe('2004-05-26T04:23:17.000Z');
  });

  it('reads ISO 8601 and W3CDTF dates', () => {
    expect(iso('2004-05-25T23:23:17+09:00')).toBe('2004-05-25T14:23:17.000Z');
    expect(iso('2004-05-25T23:23:17.123Z')).toBe('2004-05-25T23:23:17.000Z');
    expect(iso('2004-05-25')).toBe('2004-05-25T00:00:00.000Z');
    expect(iso('20040525T232317Z')).toBe('2004-05-25T23:23:17.000Z');
  });

  it('reads month-first and asctime forms', () => {
    expect(iso('May 25, 2004 11:23 PM GMT')).toBe('2004-05-25T23:23:00.000Z');
    expect(iso('Tue May 25 23:23:17 2004')).toBe('2004-05-25T23:23:17.000Z');
  });

  it('uses the given default offset for dates without a zone, never the machine timezone', () => {
    expect(iso('2004-05-25 23:23:17')).toBe('2004-05-25T23:23:17.000Z');
    expect(iso('2004-05-25 23:23:17', { defaultOffsetMinutes: 540 })).toBe('2004-05-25T14:23:17.000Z');
  });

  it('rejects text that is not a date and impossible dates', () => {
    expect(parseFeedDate('not a date')).toBeUndefined();
    expect(parseFeedDate('2004-02-31')).toBeUndefined();
    expect(parseFeedDate('Tue, 25 Foo 2004 10:00:00 GMT')).toBeUndefined();
    expect(parseFeedDate('')).toBeUndefined();
  });

  it('clamps a future date to the fetch time', () => {
    const now = new Date('2024-06-01T00:00:00Z');
    expect(itemDate(['Tue, 01 Jan 2036 00:00:00 +0900'], now)).toEqual({
      iso: now.toISOString(),
      missing: false,
      clamped: true,
    });
  });

  it('takes the first candidate that parses and falls back to the fetch time', () => {
    const now = new Date('2024-06-01T00:00:00Z');
    expect(itemDate([undefined, 'garbage', '2024-05-01T00:00:00Z'], now).iso).toBe('2024-05-01T00:00:00.000Z');
    expect(itemDate(['garbage'], now)).toEqual({ iso: now.toISOString(), missing: true, clamped: false });
  });
});
