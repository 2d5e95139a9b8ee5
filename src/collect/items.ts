/**
 * Raw feed entries → CollectedItems: text fields, absolute links (xml:base, feed URL),
 * dates, sanitized HTML and cleaned text blocks. A bad entry is dropped and counted.
 */
import { createHash } from 'node:crypto';
import type { CollectedItem, TextBlock } from '../types.js';
import { htmlToBlocks, normalizeSpace } from './blocks.js';
import { stripBoilerplate } from './boilerplate.js';
import { KST_OFFSET_MINUTES, itemDate, type ItemDate } from './dates.js';
import { decodeEntities } from './dom.js';
import { canonicalLinksForFeed, resolveAgainst, resolveBase, resolveUrl } from './links.js';
import type { RawEntry, RawFeed } from './parse.js';
import { entryPicture } from './picture.js';
import { sanitizeItemHtml } from './sanitize.js';

export interface ItemContext {
  /** Source name (the publisher), stored with each item. */
  source: string;
  /** The feed's URL, or its file path for a bundled sample. */
  feedUrl: string;
  now: Date;
}

export interface BuiltItems {
  items: CollectedItem[];
  /** Entries dropped as unusable (no title, text or link; or broken). */
  dropped: number;
  /** Entries repeating an earlier entry's guid or link in the same feed. */
  duplicates: number;
  /** Entries whose date was missing (fetch time used) or in the future (clamped). */
  undated: number;
  clamped: number;
}

/** Text of an xml2js value: a string, `{ _: text }`, an array, or nested markup. */
export function textOf(v: unknown, depth = 0): string | undefined {
  if (depth > 8 || v === null || v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    const parts = v.map((x) => textOf(x, depth + 1)).filter((x): x is string => !!x);
    return parts.length ? parts.join(' ') : undefined;
  }
  if (typeof v === 'object') {
    const parts: string[] = [];
    for (const [k, child] of Object.entries(v as Record<string, unknown>)) {
      if (k === '$') continue;
      const t = textOf(child, depth + 1);
      if (t) parts.push(t);
    }
    return parts.length ? parts.join(' ') : undefined;
  }
  return undefined;
}

function first(v: unknown): unknown {
  return Array.isArray(v) ? v[0] : v;
}

function attrsOf(v: unknown): Record<string, string> {
  const f = first(v);
  if (f && typeof f === 'object' && '$' in f) {
    const a = (f as { $: unknown }).$;
    if (a && typeof a === 'object') return a as Record<string, string>;
  }
  return {};
}

/** Plain one-line text of a field that may hold escaped HTML. */
export function plainText(v: unknown): string {
  const t = textOf(v) ?? '';
  const noTags = t.replace(/<!\[CDATA\[|\]\]>/g, '').replace(/<[^>]*>/g, ' ');
  return normalizeSpace(decodeEntities(noTags));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Whether the entry carries a picture: an image media:content, a media:thumbnail or an image enclosure. */
export function hasPicture(e: RawEntry): boolean {
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
  if (list(e.mediaThumbnail).length > 0) return true;
  const image = (a: Record<string, string>): boolean =>
    (a.medium ?? '').toLowerCase() === 'image' || /^image\//i.test(a.type ?? '');
  if (list(e.mediaContent).some((m) => image(attrsOf(m)))) return true;
  const enclosure = e.enclosure as { type?: unknown } | undefined;
  return typeof enclosure?.type === 'string' && /^image\//i.test(enclosure.type);
}

/**
 * The entry's body as HTML, best field first: content:encoded, Atom content,
 * description/summary, then media:description, but only when the entry carries no picture:
 * beside a picture, media:description is its caption, never the story.
 */
function bodyHtml(e: RawEntry): { html: string; base?: string | undefined } {
  const candidates: Array<{ value: unknown; raw: unknown }> = [
    { value: e['content:encoded'], raw: undefined },
    { value: e.content, raw: e.contentRaw ?? e.descriptionRaw },
    { value: e.summary, raw: e.summaryRaw },
    ...(hasPicture(e) ? [] : [{ value: e.mediaDescription, raw: undefined }]),
  ];
  for (const c of candidates) {
    const v = typeof c.value === 'string' ? c.value : textOf(c.value);
    if (!v?.trim()) continue;
    const attrs = attrsOf(c.raw);
    const type = (attrs.type ?? '').toLowerCase();
    const html = type === 'text' || type === 'text/plain' ? escapeHtml(v) : v;
    return { html, base: attrs['xml:base'] };
  }
  return { html: '' };
}

function shortHash(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}

function firstSentence(blocks: readonly TextBlock[]): string {
  const text = blocks[0]?.text ?? '';
  const m = /^.{10,120}?[.!?。](?=\s|$)/u.exec(text);
  if (m) return m[0];
  if (text.length <= 120) return text;
  const cut = text.slice(0, 120);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}

function authorOf(e: RawEntry): string | undefined {
  const raw = plainText(e.creator ?? e['dc:creator'] ?? e.author);
  if (!raw) return undefined;
  const m = /^\S+@\S+\s*\((.+)\)$/.exec(raw);
  return (m?.[1] ?? raw).slice(0, 200) || undefined;
}

/** Most categories kept per item, and characters per category. */
const MAX_CATEGORIES = 12;
const MAX_CATEGORY_CHARS = 60;

/**
 * The entry's categories as plain text: RSS <category> text, Atom category label or
 * term, Dublin Core subject. A category holding several (`AI, 반도체` or `AI/반도체`) is
 * split; duplicates and empty ones are left out.
 */
export function categoriesOf(e: RawEntry): string[] {
  const raw = [e.categoryRaw, e.dcSubject].flatMap((v) => (Array.isArray(v) ? v : v === undefined ? [] : [v]));
  const out = new Set<string>();
  for (const c of raw) {
    const attrs = attrsOf(c);
    const text = (typeof c === 'string' ? c : textOf(c)) || attrs.label || attrs.term || '';
    for (const part of plainText(text).split(/\s*[,;/|·]\s*/)) {
      const name = normalizeSpace(part).slice(0, MAX_CATEGORY_CHARS);
      if (name && out.size < MAX_CATEGORIES) out.add(name);
    }
  }
  return [...out];
}

interface FeedEnv {
  feed: RawFeed;
  ctx: ItemContext;
  /** The feed's own http(s) URL; undefined for a file source. */
  feedUrl: string | undefined;
  /** The site the feed names (its <link>), absolute. */
  siteLink: string | undefined;
  dateOpts: { defaultOffsetMinutes: number };
}

type Built = Omit<CollectedItem, 'canonicalLink'> & { date: ItemDate };

/** One entry as an item; undefined when it has neither a title nor any text. */
/**
 * Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069):
 * in feed text they only serve to make a title or link read other than it is.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export function withoutBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** The largest item body kept, in characters of HTML: a long article is a few hundred KB. */
export const MAX_ITEM_CHARS = 1024 * 1024;

function entryToItem(e: RawEntry, env: FeedEnv): Built | undefined {
  const { feed, feedUrl, siteLink } = env;
  const attrs = (e.attrs && typeof e.attrs === 'object' ? e.attrs : {}) as Record<string, string>;
  const itemBase = attrs['xml:base'];
  // Relative links resolve against xml:base, then the feed's URL; a file source has no URL
  // of its own, so the site link it names stands in.
  const documentUrl = feedUrl ?? siteLink;
  const bases = [itemBase, feed.base, documentUrl];
  const title = withoutBidi(plainText(e.title));
  const guidText = normalizeSpace(textOf(e.guid) ?? textOf(e.id) ?? attrs['rdf:about'] ?? '');
  const linkText = normalizeSpace(textOf(e.link) ?? '');
  const guidIsLink = attrsOf(e.guidRaw).isPermaLink !== 'false';
  // A permalink guid stands in for a missing link only when it is a whole URL.
  const ownLink =
    resolveAgainst(linkText, bases) ??
    (guidIsLink ? resolveUrl(guidText) : undefined) ??
    resolveUrl(attrs['rdf:about']);
  const body = bodyHtml(e);
  // An entry too big to be an article (entity or padding abuse) is dropped and counted, never stored.
  if (body.html.length + title.length > MAX_ITEM_CHARS) return undefined;
  // Relative URLs in the body: against xml:base when the feed sets one, else the item's own page.
  const contentBase =
    (body.base || itemBase || feed.base ? resolveBase([body.base, itemBase, feed.base, documentUrl]) : undefined) ??
    (ownLink && /^https?:/i.test(ownLink) ? ownLink : undefined) ??
    documentUrl;
  const html = withoutBidi(sanitizeItemHtml(body.html, contentBase || undefined));
  const blocks = stripBoilerplate(htmlToBlocks(html), { title });
  if (!title && blocks.length === 0) return undefined;
  const date = itemDate(
    [
      textOf(e.pubDate),
      textOf(e.published),
      textOf(e['dc:date']) ?? textOf(e.date),
      textOf(e.issued),
      textOf(e.dctermsCreated),
      textOf(e.created),
      textOf(e.updated),
      textOf(e.modified),
      textOf(e.dctermsModified),
    ],
    env.ctx.now,
    env.dateOpts,
  );
  const guid = guidText || ownLink || `sha1:${shortHash(`${title}\n${blocks[0]?.text ?? ''}`)}`;
  const link = ownLink ?? siteLink ?? feedUrl ?? `urn:briefing:${shortHash(guid)}`;
  const image = entryPicture(e, html, contentBase || undefined);
  return {
    source: env.ctx.source,
    guid,
    link,
    title: title || firstSentence(blocks),
    publishedAt: date.iso,
    author: authorOf(e)?.replace(BIDI_CONTROLS, ''),
    ...withCategories(categoriesOf(e)),
    html,
    blocks,
    ...(image ? { image } : {}),
    date,
  };
}

function withCategories(categories: string[]): { categories?: string[] } {
  return categories.length ? { categories } : {};
}

/** Build the items of one parsed feed. */
export function buildItems(feed: RawFeed, ctx: ItemContext): BuiltItems {
  const feedUrl = /^https?:\/\//i.test(ctx.feedUrl) ? ctx.feedUrl : undefined;
  const siteLink = resolveAgainst(feed.link, [feed.base, feedUrl]);
  const env: FeedEnv = {
    feed,
    ctx,
    feedUrl,
    siteLink,
    dateOpts: { defaultOffsetMinutes: /^ko/i.test(feed.language ?? '') ? KST_OFFSET_MINUTES : 0 },
  };
  const out: Built[] = [];
  let dropped = feed.partialEntries;
  for (const e of feed.items) {
    try {
      const it = entryToItem(e, env);
      if (it) out.push(it);
      else dropped++;
    } catch {
      dropped++;
    }
  }

  // Several entries without a link of their own share the site link: tell them apart by guid.
  const linkCount = new Map<string, number>();
  for (const it of out) linkCount.set(it.link, (linkCount.get(it.link) ?? 0) + 1);
  const keyed = out.map((it) =>
    (linkCount.get(it.link) ?? 0) > 1 && (it.link === siteLink || it.link === feedUrl)
      ? `${it.link}#${shortHash(it.guid)}`
      : it.link,
  );
  const canonical = canonicalLinksForFeed(keyed);

  const items: CollectedItem[] = [];
  const seenGuid = new Set<string>();
  const seenLink = new Set<string>();
  let duplicates = 0;
  out.forEach(({ date: _date, ...it }, i) => {
    const canonicalLink = canonical[i] ?? it.link;
    if (seenGuid.has(it.guid) || seenLink.has(canonicalLink)) {
      duplicates++;
      return;
    }
    seenGuid.add(it.guid);
    seenLink.add(canonicalLink);
    items.push({ ...it, canonicalLink });
  });
  return {
    items,
    dropped,
    duplicates,
    undated: out.filter((it) => it.date.missing).length,
    clamped: out.filter((it) => it.date.clamped).length,
  };
}
