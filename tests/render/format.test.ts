import { describe, expect, it } from 'vitest';
import { formatLabel, httpUrl, longDate, mdDate } from '../../src/render/format.js';
import { tidyText } from '../../src/render/tidy-text.js';

describe('format helpers', () => {
  it('writes M/D in the issue timezone', () => {
    expect(mdDate('2026-11-14T23:30:00Z', 'Asia/Seoul')).toBe('11/15');
    expect(mdDate('2026-11-14T23:30:00Z', 'UTC')).toBe('11/14');
    expect(mdDate('2026-01-01T03:00:00Z', 'America/New_York')).toBe('12/31');
    expect(mdDate('not a date', 'UTC')).toBe('');
  });

  it('writes the issue date in the locale', () => {
    expect(longDate('2026-11-15T22:00:00Z', 'Asia/Seoul', 'ko')).toBe('2026년 11월 16일 월요일');
    expect(longDate('2026-11-15T22:00:00Z', 'Asia/Seoul', 'en')).toBe('Monday, November 16, 2026');
  });

  it('fills label slots and leaves unknown ones', () => {
    expect(formatLabel({ more: '외 {n}곳' }, 'more', { n: 2 })).toBe('외 2곳');
    expect(formatLabel({ more: '외 {n}곳 {x}' }, 'more', { n: 2 })).toBe('외 2곳 {x}');
    expect(formatLabel({}, 'more')).toBeUndefined();
  });

  it('keeps only absolute http(s) URLs', () => {
    expect(httpUrl('https://a.example.com/x y')).toBe('https://a.example.com/x%20y');
    expect(httpUrl(' HTTP://A.example.com ')).toBe('http://a.example.com/');
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      '/rel',
      '//evil.example.com',
      'mailto:a@b.c',
      'https://',
      42,
      undefined,
    ]) {
      expect(httpUrl(bad)).toBe('');
    }
  });

  it('tidies the text part: no trailing spaces, one blank line at most, one final newline', () => {
    expect(tidyText('\n\na  \n\n\n\nb\t\n\n')).toBe('a\n\nb\n');
  });
});
