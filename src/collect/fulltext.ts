/**
 * Full text for description-only sources (`fullText: true`): fetch the article page
 * under the same limits, find the main text with @mozilla/readability over linkedom,
 * and sanitize it like feed HTML.
 */
import { Readability } from '@mozilla/readability';
import type { CollectConfig, CollectedItem } from '../types.js';
import { htmlToBlocks } from './blocks.js';
import { stripBoilerplate } from './boilerplate.js';
import { decodeBody } from './charset.js';
import { parseDocumentRaw } from './dom.js';
import { PAGE_ACCEPT, fetchUrl } from './http.js';
import { firstContentPicture, ogPicture } from './picture.js';
import { sanitizeItemHtml } from './sanitize.js';

/** The main content of an article page as HTML, or undefined when none is found. */
export function extractMainHtml(pageHtml: string): string | undefined {
  const doc = parseDocumentRaw(pageHtml);
  // Readability's typings name the DOM Document; linkedom's document is one in all it uses.
  const article = new Readability(doc as ConstructorParameters<typeof Readability>[0], { charThreshold: 200 }).parse();
  const content = article?.content;
  return typeof content === 'string' && content.trim() ? content : undefined;
}

function textLength(item: Pick<CollectedItem, 'blocks'>): number {
  return item.blocks.reduce((n, b) => n + b.text.length, 0);
}

/**
 * The item with its body replaced by the article page's main text, when that is longer
 * than what the feed gave. Throws FeedFailure when the page cannot be fetched.
 */
export async function withFullText(item: CollectedItem, config: CollectConfig, now: Date): Promise<CollectedItem> {
  if (!/^https?:\/\//i.test(item.link)) return item;
  const res = await fetchUrl({
    url: item.link,
    accept: PAGE_ACCEPT,
    timeoutMs: config.timeoutMs,
    connectTimeoutMs: config.connectTimeoutMs,
    maxBytes: config.maxBytes,
    maxRedirects: config.maxRedirects,
    userAgent: config.userAgent,
    now,
  });
  if (res.kind !== 'ok') return item;
  const contentType = Array.isArray(res.headers['content-type'])
    ? res.headers['content-type'][0]
    : res.headers['content-type'];
  const page = decodeBody(res.body, { contentType, html: true }).text;
  // The feed's own picture stays; without one, the page's og:image, then its first large image.
  const og = item.image ? undefined : ogPicture(page, res.url);
  const pictured = og ? { ...item, image: og } : item;
  const main = extractMainHtml(page);
  if (!main) return pictured;
  const html = sanitizeItemHtml(main, res.url);
  const blocks = stripBoilerplate(htmlToBlocks(html), { title: item.title });
  if (textLength({ blocks }) <= textLength(item)) return pictured;
  const image = pictured.image ?? firstContentPicture(html, res.url);
  return { ...item, html, blocks, ...(image ? { image } : {}) };
}
