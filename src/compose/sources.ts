/** Source lines: who published what, when (`Publisher(M/D): title`). */
import type { Item, ListedItem, SourceConfig, SourceRef } from '../types.js';
import { sourceTitle } from './headline.js';

/** `M/D` of an ISO time in a timezone, e.g. formatSourceDate('2025-03-18T16:00:00Z', 'Asia/Seoul') → '3/19'. */
export function formatSourceDate(iso: string, timezone: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(d);
  const month = parts.find((p) => p.type === 'month')?.value ?? '';
  const day = parts.find((p) => p.type === 'day')?.value ?? '';
  return `${month}/${day}`;
}

/** The publisher shown for an item: the configured source's name (matched by name or URL). */
export function publisherOf(item: Pick<Item, 'source'>, sources: readonly SourceConfig[]): string {
  const s = sources.find((c) => c.name === item.source || c.url === item.source);
  return s?.name ?? item.source;
}

/** One reference per publisher, in the order given (best item first). */
export function sourceRefs(items: readonly ListedItem[], sources: readonly SourceConfig[]): SourceRef[] {
  const names = sources.map((s) => s.name);
  const seen = new Set<string>();
  const refs: SourceRef[] = [];
  for (const item of items) {
    const publisher = publisherOf(item, sources);
    if (seen.has(publisher)) continue;
    seen.add(publisher);
    refs.push({
      publisher,
      publishedAt: item.publishedAt,
      title: sourceTitle(item.title, [...names, publisher, item.source]),
      url: item.canonicalLink || item.link,
    });
  }
  return refs;
}
