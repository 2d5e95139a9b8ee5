/**
 * The opening of an item's body: what ranking reads of it besides the title. The store
 * keeps it beside the full body (computed once, when the item is stored), so ranking a
 * window of thousands of items never reads or parses whole bodies.
 */
import type { Item, RankDoc, TextBlock } from './types.js';

/**
 * Characters of body text in the opening (whole paragraphs, the first one cut at a space).
 * The store keeps openings computed with this rule: changing it (or `openingOf`) needs a
 * migration that fills them again, as migration 3 in src/store/db.ts does.
 */
export const OPENING_CHARS = 400;

function cutAtSpace(text: string, limit: number): string {
  const cut = text.lastIndexOf(' ', limit);
  return text.slice(0, cut > 0 ? cut : limit);
}

/**
 * The first paragraphs of a body, headings skipped: whole paragraphs while they fit in
 * OPENING_CHARS (counting one separator each); a first paragraph longer than that is cut
 * at its last space before the limit. Stops at the first paragraph that does not fit.
 */
export function openingOf(blocks: readonly TextBlock[]): string[] {
  const out: string[] = [];
  let chars = 0;
  for (const b of blocks) {
    if (b.kind === 'heading') continue;
    const room = OPENING_CHARS - chars;
    if (room <= 0) break;
    const text = b.text.length <= room ? b.text : chars > 0 ? '' : cutAtSpace(b.text, room);
    if (!text) break;
    out.push(text);
    chars += text.length + 1;
  }
  return out;
}

/** Characters of body text, headings excluded. */
export function bodyCharsOf(blocks: readonly TextBlock[]): number {
  let chars = 0;
  for (const b of blocks) if (b.kind !== 'heading') chars += b.text.length;
  return chars;
}

/** What ranking reads of a whole item. */
export function rankDocOf(item: Item): RankDoc {
  return {
    id: item.id,
    source: item.source,
    link: item.link,
    canonicalLink: item.canonicalLink,
    title: item.title,
    publishedAt: item.publishedAt,
    fetchedAt: item.fetchedAt,
    opening: openingOf(item.blocks),
    bodyChars: bodyCharsOf(item.blocks),
    ...(item.categories?.length ? { categories: item.categories } : {}),
  };
}
