/**
 * An item's picture, best evidence first: `media:content` (the largest image), `media:thumbnail`,
 * an image enclosure, then the first image in the body that is large enough to be a picture
 * (not a tracking pixel, an icon, a logo or a share button). Only absolute https URLs are kept.
 * Pure: raw entry fields and sanitized HTML in, a Picture or undefined out.
 */
import type { Picture } from '../types.js';
import { normalizeSpace } from './blocks.js';
import { Parser } from 'htmlparser2';
import { decodeEntities } from './dom.js';
import { resolveUrl } from './links.js';

/** A body image narrower or lower than this (when its size is given) is an icon or a button, not a picture. */
export const MIN_PICTURE_WIDTH = 200;
export const MIN_PICTURE_HEIGHT = 100;

/** Image URLs that name site furniture, not a story's picture. */
const FURNITURE =
  /(?:^|[/_.-])(?:icon|icons|favicon|logo|logos|avatar|avatars|emoji|emoticon|badge|button|btn|sprite|spacer|blank|share|sns|kakao(?:talk)?|facebook|twitter|naver_?blog|profile|reporter|byline|ad|ads|banner)(?:[/_.-]|\d|$)/i;

const IMAGE_EXT = /\.(?:jpe?g|png|gif|webp|avif)(?:$|[?#])/i;

/** A whole number of pixels from an attribute (`640`, `640px`); undefined otherwise. */
export function pixels(v: unknown): number | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const m = /^\s*(\d{1,5})(?:\.\d+)?\s*(?:px)?\s*$/i.exec(String(v));
  if (!m) return undefined;
  const n = Number(m[1]);
  return n > 0 ? n : undefined;
}

/** The URL as an absolute https URL (resolved against base), or undefined. */
export function httpsUrl(src: string | undefined, base?: string): string | undefined {
  if (!src?.trim()) return undefined;
  const url = resolveUrl(decodeEntities(src.trim()), base);
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.hostname ? u.href : undefined;
  } catch {
    return undefined;
  }
}

function cleanAlt(alt: unknown): string | undefined {
  if (typeof alt !== 'string') return undefined;
  const t = normalizeSpace(decodeEntities(alt.replace(/<[^>]*>/g, ' ')));
  return t ? t.slice(0, 300) : undefined;
}

/** Whether a picture of this size and URL could be a story's picture. */
export function looksLikePicture(p: Pick<Picture, 'url' | 'width' | 'height'>): boolean {
  if (p.width !== undefined && p.width < MIN_PICTURE_WIDTH) return false;
  if (p.height !== undefined && p.height < MIN_PICTURE_HEIGHT) return false;
  let path = p.url;
  try {
    path = new URL(p.url).pathname;
  } catch {
    return false;
  }
  return !FURNITURE.test(path) && !/\.(?:svg|ico)(?:$|[?#])/i.test(path);
}

function picture(
  url: string | undefined,
  width: unknown,
  height: unknown,
  alt: unknown,
  base?: string,
): Picture | undefined {
  const abs = httpsUrl(url, base);
  if (!abs) return undefined;
  const p: Picture = { url: abs };
  const w = pixels(width);
  const h = pixels(height);
  if (w !== undefined) p.width = w;
  if (h !== undefined) p.height = h;
  const a = cleanAlt(alt);
  if (a !== undefined) p.alt = a;
  return looksLikePicture(p) ? p : undefined;
}

type Attrs = Record<string, unknown>;

/** The `$` attributes of each xml2js node of a repeated element. */
function nodes(v: unknown): Array<{ attrs: Attrs; node: Attrs }> {
  const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
  const out: Array<{ attrs: Attrs; node: Attrs }> = [];
  for (const n of list) {
    if (!n || typeof n !== 'object') continue;
    const node = n as Attrs;
    const attrs = node.$ && typeof node.$ === 'object' ? (node.$ as Attrs) : {};
    out.push({ attrs, node });
  }
  return out;
}

function textOfNode(v: unknown): string | undefined {
  const f = Array.isArray(v) ? v[0] : v;
  if (typeof f === 'string') return f;
  if (f && typeof f === 'object' && '_' in f) return String((f as { _: unknown })._);
  return undefined;
}

function isImageType(type: unknown, medium: unknown, url: unknown): boolean {
  if (typeof medium === 'string' && medium) return medium.toLowerCase() === 'image';
  if (typeof type === 'string' && type) return /^image\//i.test(type);
  return typeof url === 'string' && IMAGE_EXT.test(url);
}

/** The entry fields the parser keeps for pictures (see parse.ts ITEM_FIELDS). */
export interface PictureFields {
  mediaContent?: unknown;
  mediaThumbnail?: unknown;
  mediaGroup?: unknown;
  /** rss-parser's `{ url, type, length }` of an RSS enclosure. */
  enclosure?: unknown;
  /** Atom `<link>` elements with their attributes. */
  linkRaw?: unknown;
  /** Text of media:description / media:title, as alt text. */
  mediaDescription?: unknown;
}

function fromMedia(fields: PictureFields, base: string | undefined, fallbackAlt: unknown): Picture | undefined {
  const groups = nodes(fields.mediaGroup);
  const contents = [...nodes(fields.mediaContent), ...groups.flatMap((g) => nodes(g.node['media:content']))].filter(
    (c) => isImageType(c.attrs.type, c.attrs.medium, c.attrs.url),
  );
  const found = contents
    .map((c) =>
      picture(
        c.attrs.url as string | undefined,
        c.attrs.width,
        c.attrs.height,
        textOfNode(c.node['media:description']) ?? textOfNode(c.node['media:title']) ?? fallbackAlt,
        base,
      ),
    )
    .filter((p): p is Picture => p !== undefined);
  // The largest of several renditions; one without a size ranks after sized ones.
  found.sort((a, b) => (b.width ?? 0) - (a.width ?? 0));
  if (found[0]) return found[0];
  const thumbs = [...nodes(fields.mediaThumbnail), ...groups.flatMap((g) => nodes(g.node['media:thumbnail']))];
  for (const t of thumbs) {
    const p = picture(t.attrs.url as string | undefined, t.attrs.width, t.attrs.height, fallbackAlt, base);
    if (p) return p;
  }
  return undefined;
}

function fromEnclosure(fields: PictureFields, base: string | undefined, alt: unknown): Picture | undefined {
  const e = fields.enclosure;
  if (e && typeof e === 'object') {
    const { url, type } = e as { url?: unknown; type?: unknown };
    if (typeof url === 'string' && isImageType(type, undefined, url)) {
      const p = picture(url, undefined, undefined, alt, base);
      if (p) return p;
    }
  }
  for (const l of nodes(fields.linkRaw)) {
    if (String(l.attrs.rel ?? '').toLowerCase() !== 'enclosure') continue;
    if (!isImageType(l.attrs.type, undefined, l.attrs.href)) continue;
    const p = picture(l.attrs.href as string | undefined, undefined, undefined, alt, base);
    if (p) return p;
  }
  return undefined;
}

/** The first image of sanitized HTML that is large enough to be a picture. */
export function firstContentPicture(html: string, base?: string): Picture | undefined {
  let found: Picture | undefined;
  if (!html.includes('<img')) return undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (found || name !== 'img') return;
        found = picture(attrs.src, attrs.width, attrs.height, attrs.alt, base);
        if (found) parser.pause();
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return found;
}

/** The entry's picture from its feed fields, then its body; undefined when it has none. */
export function entryPicture(fields: PictureFields, html: string, base?: string): Picture | undefined {
  const alt = cleanAlt(textOfNode(fields.mediaDescription));
  return fromMedia(fields, base, alt) ?? fromEnclosure(fields, base, alt) ?? firstContentPicture(html, base);
}

/** `og:image` (with og:image:width/height/alt) of an article page's `<meta>` tags. */
export function ogPicture(pageHtml: string, pageUrl: string): Picture | undefined {
  const meta: Record<string, string> = {};
  const head = pageHtml.slice(0, 200_000);
  for (const m of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = m[0];
    const key = /\b(?:property|name)\s*=\s*["']?([^"'\s>]+)/i.exec(tag)?.[1]?.toLowerCase();
    const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
    const value = content?.[1] ?? content?.[2] ?? content?.[3];
    if (!key || value === undefined || key in meta) continue;
    meta[key] = value;
  }
  const url = meta['og:image:secure_url'] ?? meta['og:image'] ?? meta['og:image:url'] ?? meta['twitter:image'];
  return picture(url, meta['og:image:width'], meta['og:image:height'], meta['og:image:alt'], pageUrl);
}
