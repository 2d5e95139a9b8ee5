/**
 * Lines a source repeats across its items (a site's banner, a standing promotion, a
 * toolbar row), learned from what the store keeps of each item: a paragraph that opens
 * at least REPEAT_MIN_ITEMS of one source's items, and at least REPEAT_SHARE of them, is
 * the page, not a story.
 */
import type { RankDoc } from '../types.js';
import { fingerprint } from './text.js';

export const REPEAT_MIN_ITEMS = 3;
export const REPEAT_SHARE = 0.3;

/** Per source name, the fingerprints of the paragraphs it repeats across its items. */
export function learnRepeatedLines(docs: Iterable<Pick<RankDoc, 'source' | 'opening'>>): Map<string, Set<string>> {
  const counts = new Map<string, Map<string, number>>();
  const totals = new Map<string, number>();
  for (const doc of docs) {
    totals.set(doc.source, (totals.get(doc.source) ?? 0) + 1);
    const mine = counts.get(doc.source) ?? new Map<string, number>();
    counts.set(doc.source, mine);
    for (const key of new Set(doc.opening.map(fingerprint).filter((k) => k.length > 0))) {
      mine.set(key, (mine.get(key) ?? 0) + 1);
    }
  }
  const out = new Map<string, Set<string>>();
  for (const [source, mine] of counts) {
    const total = totals.get(source) ?? 0;
    const repeated = new Set(
      [...mine].filter(([, n]) => n >= REPEAT_MIN_ITEMS && n >= total * REPEAT_SHARE).map(([k]) => k),
    );
    if (repeated.size > 0) out.set(source, repeated);
  }
  return out;
}
