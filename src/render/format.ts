/**
 * Small pure formatters the templates call through helpers: dates in the issue's
 * timezone, labels with `{name}` slots, link checks, HTML escaping for placeholders.
 */
import { BriefingError } from '../errors.js';
import type { Labels, Locale } from '../types.js';

const mdFormatters = new Map<string, Intl.DateTimeFormat>();
const longFormatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(
  cache: Map<string, Intl.DateTimeFormat>,
  key: string,
  make: () => Intl.DateTimeFormat,
): Intl.DateTimeFormat {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** Throws EDRAFT when `timezone` is not an IANA zone Intl knows. */
export function checkTimezone(timezone: string): void {
  try {
    formatterFor(
      mdFormatters,
      timezone,
      () => new Intl.DateTimeFormat('en-US', { timeZone: timezone, month: 'numeric', day: 'numeric' }),
    );
  } catch {
    throw new BriefingError(
      'EDRAFT',
      `draft timezone "${timezone}" is not an IANA timezone`,
      'write it like Asia/Seoul or Europe/Berlin',
    );
  }
}

/** `M/D` of an ISO time in a timezone (e.g. "3/19"); '' when the time is not a date. */
export function mdDate(iso: string, timezone: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const f = formatterFor(
    mdFormatters,
    timezone,
    () => new Intl.DateTimeFormat('en-US', { timeZone: timezone, month: 'numeric', day: 'numeric' }),
  );
  const parts = f.formatToParts(new Date(t));
  const month = parts.find((p) => p.type === 'month')?.value ?? '';
  const day = parts.find((p) => p.type === 'day')?.value ?? '';
  return `${month}/${day}`;
}

/** The issue date for the header, in the locale's own words ("2026년 11월 16일 월요일", "Monday, November 16, 2026"). */
export function longDate(iso: string, timezone: string, locale: Locale): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const tag = locale === 'ko' ? 'ko-KR' : 'en-US';
  const f = formatterFor(
    longFormatters,
    `${tag}|${timezone}`,
    () =>
      new Intl.DateTimeFormat(tag, {
        timeZone: timezone,
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        weekday: 'long',
      }),
  );
  return f.format(new Date(t));
}

/** A label with its `{slot}` values filled in; undefined when the locale has no such key. */
export function formatLabel(labels: Labels, key: string, values: Record<string, unknown> = {}): string | undefined {
  const text = labels[key];
  if (text === undefined) return undefined;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The URL when it is an absolute http(s) URL, normalized; '' otherwise (javascript:, data:, relative, junk). */
export function httpUrl(value: unknown): string {
  if (typeof value !== 'string') return '';
  const text = value.trim();
  if (!/^https?:\/\//i.test(text)) return '';
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '`': '&#x60;',
  '=': '&#x3D;',
};

/** Escape text for HTML content and quoted attributes (the same set Handlebars escapes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** One line of feed text: control characters and runs of whitespace become one space. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029\s]+/g, ' ').trim();
}
