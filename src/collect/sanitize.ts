/**
 * Item HTML is untrusted. It is cut down to a small allowlist (sanitize-html): no
 * scripts, styles, frames, forms or event handlers, no javascript:/data: URLs, no 1×1
 * tracking pixels; links and images made absolute against the item's base URL.
 */
import sanitizeHtml from 'sanitize-html';
import { resolveUrl } from './links.js';

const ALLOWED_TAGS = [
  'p',
  'br',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'small',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'q',
  'cite',
  'pre',
  'code',
  'img',
  'figure',
  'figcaption',
  'hr',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'dl',
  'dt',
  'dd',
];

/** Elements dropped together with everything inside them. */
const DROPPED_WITH_CONTENT = [
  'script',
  'style',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'template',
  'textarea',
  'select',
  'option',
  'button',
  'form',
  'head',
  'title',
  'nav',
  'aside',
  'footer',
  'canvas',
  'audio',
  'video',
  'map',
];

/** Image URLs that are counters, not pictures. */
const TRACKER =
  /(?:\/~r\/|\/~ff\/|feeds\.feedburner\.com\/~|feedsportal\.com|stats\.wordpress\.com|pixel\.wp\.com|doubleclick\.net|googleadservices|google-analytics\.com|\/pixel(?:\.gif|\.png)?(?:[?/]|$)|\/beacon|\/track(?:ing)?(?:\.gif|\/)|[/_-]1x1[._-]|spacer\.gif|blank\.gif|\/t\.gif|open\.gif|\/count(?:er)?\.(?:gif|png)|\/emimp\/|\/imp\?)/i;

function tinyDimension(v: string | undefined): boolean {
  if (v === undefined) return false;
  const n = Number.parseFloat(v);
  return Number.isFinite(n) && n <= 1;
}

export function isTrackingPixel(attribs: Record<string, string>): boolean {
  if (tinyDimension(attribs.width) || tinyDimension(attribs.height)) return true;
  const style = attribs.style ?? '';
  if (/(?:^|;)\s*(?:width|height)\s*:\s*[01](?:\.0+)?px/i.test(style) || /display\s*:\s*none/i.test(style)) return true;
  return TRACKER.test(attribs.src ?? '');
}

/** Sanitize item HTML; `base` resolves relative links and images (omit to drop relative ones). */
export function sanitizeItemHtml(html: string, base?: string): string {
  if (!html) return '';
  const out = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
      ol: ['start'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    nonTextTags: DROPPED_WITH_CONTENT,
    disallowedTagsMode: 'discard',
    transformTags: {
      a: (tagName, attribs) => {
        const href = resolveUrl(attribs.href, base);
        const next: Record<string, string> = {};
        if (href) next.href = href;
        if (attribs.title) next.title = attribs.title;
        return { tagName, attribs: next };
      },
      img: (tagName, attribs) => {
        const src = resolveUrl(attribs.src ?? attribs['data-src'] ?? attribs['data-original'], base);
        const next: Record<string, string> = { ...attribs };
        delete next.src;
        if (src && !src.startsWith('mailto:')) next.src = src;
        return { tagName, attribs: next };
      },
      b: 'strong',
      i: 'em',
    },
    exclusiveFilter: (frame) => {
      if (frame.tag === 'img') return !frame.attribs.src || isTrackingPixel(frame.attribs);
      if (frame.tag === 'a') return /feeds\.feedburner\.com\/~ff\//i.test(frame.attribs.href ?? '');
      return false;
    },
  });
  return out.trim();
}
