import type { CollectedItem, Item, Picture, RankDoc, TextBlock } from '../types.js';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';
import { decodeOpening, openingColumns } from './opening-columns.js';

/** Ids per `IN (…)` query (well under SQLite's bound-parameter limit). */
const IDS_PER_QUERY = 500;

interface ItemRow {
  id: number;
  source: string;
  guid: string;
  link: string;
  canonical_link: string;
  title: string;
  published_at: string;
  fetched_at: string;
  author: string | null;
  html: string;
  blocks: string;
  categories: string;
  image: string | null;
}

interface ListedRow {
  id: number;
  source: string;
  title: string;
  link: string;
  canonical_link: string;
  published_at: string;
}

/** What a search of the stored items gives of each: enough to list it and make it a headline. */
export interface ListedItemRow {
  id: number;
  source: string;
  title: string;
  link: string;
  canonicalLink: string;
  publishedAt: string;
}

function listed(r: ListedRow): ListedItemRow {
  return {
    id: r.id,
    source: r.source,
    title: r.title,
    link: r.link,
    canonicalLink: r.canonical_link,
    publishedAt: r.published_at,
  };
}

/** A stored picture column back as a Picture; anything unreadable is no picture. */
function pictureOf(json: string | null): Picture | undefined {
  if (!json) return undefined;
  try {
    const p = JSON.parse(json) as Partial<Picture>;
    if (typeof p.url !== 'string' || !p.url.startsWith('https://')) return undefined;
    const out: Picture = { url: p.url };
    if (typeof p.width === 'number') out.width = p.width;
    if (typeof p.height === 'number') out.height = p.height;
    if (typeof p.alt === 'string') out.alt = p.alt;
    return out;
  } catch {
    return undefined;
  }
}

interface RankDocRow {
  id: number;
  source: string;
  link: string;
  canonical_link: string;
  title: string;
  published_at: string;
  fetched_at: string;
  opening: Buffer;
  body_chars: number;
  categories: string;
}

/** Categories from their column: none is `[]`, left off the item. */
function categoriesOf(json: string): { categories?: string[] } {
  return json === '[]' ? {} : { categories: JSON.parse(json) as string[] };
}

function toItem(r: ItemRow): Item {
  return {
    id: r.id,
    source: r.source,
    guid: r.guid,
    link: r.link,
    canonicalLink: r.canonical_link,
    title: r.title,
    publishedAt: r.published_at,
    fetchedAt: r.fetched_at,
    author: r.author ?? undefined,
    html: r.html,
    blocks: JSON.parse(r.blocks) as TextBlock[],
    ...categoriesOf(r.categories),
    ...(r.image ? { image: pictureOf(r.image) } : {}),
  };
}

/** The statements `insertNew` runs, prepared once per repository. */
interface InsertStatements {
  byGuid: Statement;
  byLink: Statement;
  insert: Statement;
  /** The checks and inserts of one call, as one transaction. */
  insertAll: (items: readonly CollectedItem[], fetchedAt: string) => number;
}

/** Items: deduplicated by (source, guid) and by canonical link across sources. */
export class ItemRepo {
  private statements: InsertStatements | undefined;

  constructor(private readonly db: Db) {}

  private insertStatements(): InsertStatements {
    if (this.statements) return this.statements;
    const byGuid = this.db.prepare('SELECT 1 FROM items WHERE source = ? AND guid = ?');
    const byLink = this.db.prepare('SELECT 1 FROM items WHERE canonical_link = ?');
    const insert = this.db.prepare(
      `INSERT INTO items (source, guid, link, canonical_link, title, published_at, fetched_at, author, html, blocks, opening, body_chars, categories, image)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertAll = this.db.transaction((items: readonly CollectedItem[], at: string): number => {
      let added = 0;
      for (const it of items) {
        if (byGuid.get(it.source, it.guid)) continue;
        if (it.canonicalLink && byLink.get(it.canonicalLink)) continue;
        insert.run(
          it.source,
          it.guid,
          it.link,
          it.canonicalLink,
          it.title,
          it.publishedAt,
          at,
          it.author ?? null,
          it.html,
          JSON.stringify(it.blocks),
          ...openingColumns(it.blocks),
          JSON.stringify(it.categories ?? []),
          it.image ? JSON.stringify(it.image) : null,
        );
        added++;
      }
      return added;
    });
    this.statements = { byGuid, byLink, insert, insertAll };
    return this.statements;
  }

  /** Insert items not seen before; returns how many were new. */
  insertNew(items: readonly CollectedItem[], fetchedAt: Date): number {
    return this.insertStatements().insertAll(items, fetchedAt.toISOString());
  }

  /** Whether an item with this guid (in its source) or this canonical link is stored already. */
  has(item: Pick<CollectedItem, 'source' | 'guid' | 'canonicalLink'>): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM items WHERE (source = ? AND guid = ?) OR canonical_link = ? LIMIT 1')
        .get(item.source, item.guid, item.canonicalLink) !== undefined
    );
  }

  /**
   * What ranking reads of the items published in [from, to]: no HTML and no whole body,
   * so a window of thousands of items reads in a few milliseconds.
   */
  inWindow(from: Date, to: Date): RankDoc[] {
    const rows = this.db
      .prepare(
        `SELECT id, source, link, canonical_link, title, published_at, fetched_at, opening, body_chars, categories
         FROM items WHERE published_at >= ? AND published_at <= ? ORDER BY published_at, id`,
      )
      .all(from.toISOString(), to.toISOString()) as RankDocRow[];
    return rows.map((r) => ({
      id: r.id,
      source: r.source,
      link: r.link,
      canonicalLink: r.canonical_link,
      title: r.title,
      publishedAt: r.published_at,
      fetchedAt: r.fetched_at,
      opening: decodeOpening(r.opening),
      bodyChars: r.body_chars,
      ...categoriesOf(r.categories),
    }));
  }

  /** Whole items by id, in the order asked (unknown ids are left out). */
  byIds(ids: readonly number[]): Item[] {
    const map = new Map<number, Item>();
    for (let at = 0; at < ids.length; at += IDS_PER_QUERY) {
      const chunk = ids.slice(at, at + IDS_PER_QUERY);
      const rows = this.db
        .prepare(`SELECT * FROM items WHERE id IN (${chunk.map(() => '?').join(',')})`)
        .all(...chunk) as ItemRow[];
      for (const r of rows) map.set(r.id, toItem(r));
    }
    return ids.flatMap((id) => map.get(id) ?? []);
  }

  /**
   * Items whose title holds every word (case-insensitive for Latin letters), newest first:
   * what the editor's desk offers as headlines.
   */
  search(words: readonly string[], limit: number): ListedItemRow[] {
    const terms = words
      .map((w) => w.trim())
      .filter((w) => w.length > 0)
      .slice(0, 8);
    if (terms.length === 0) return [];
    const like = terms.map(() => "title LIKE ? ESCAPE '\\'").join(' AND ');
    const rows = this.db
      .prepare(
        `SELECT id, source, title, link, canonical_link, published_at FROM items WHERE ${like}
         ORDER BY published_at DESC, id DESC LIMIT ?`,
      )
      .all(...terms.map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`), limit) as ListedRow[];
    return rows.map(listed);
  }

  /** The item stored at one of these links (its canonical link or the feed's own), if any. */
  atLink(links: readonly string[]): ListedItemRow | undefined {
    const find = this.db.prepare(
      'SELECT id, source, title, link, canonical_link, published_at FROM items WHERE canonical_link = ? OR link = ? ORDER BY id LIMIT 1',
    );
    for (const l of links) {
      const row = find.get(l, l) as ListedRow | undefined;
      if (row) return listed(row);
    }
    return undefined;
  }

  /** The highest item id so far (0 when empty). */
  maxId(): number {
    return (this.db.prepare('SELECT coalesce(max(id), 0) AS n FROM items').get() as { n: number }).n;
  }

  /** How many items published in [from, to] were stored after item id `after`. */
  countNewerThan(after: number, from: Date, to: Date): number {
    return (
      this.db
        .prepare('SELECT count(*) AS n FROM items WHERE id > ? AND published_at >= ? AND published_at <= ?')
        .get(after, from.toISOString(), to.toISOString()) as { n: number }
    ).n;
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n;
  }

  /** The publication times of the oldest and the newest item (undefined when empty). */
  publishedRange(): { oldest: string; newest: string } | undefined {
    const r = this.db.prepare('SELECT min(published_at) AS oldest, max(published_at) AS newest FROM items').get() as {
      oldest: string | null;
      newest: string | null;
    };
    return r.oldest && r.newest ? { oldest: r.oldest, newest: r.newest } : undefined;
  }
}
