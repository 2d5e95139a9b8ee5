/**
 * Links: resolving relative ones, and the canonical form used to recognise one item
 * under different URLs (tracking parameters removed, fragments dropped unless they
 * tell items apart).
 */

/** Absolute http(s)/mailto URL for `href` against `base`, or undefined. */
export function resolveUrl(href: string | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  const h = href.trim().replace(/^<|>$/g, '').trim();
  if (!h) return undefined;
  try {
    const u = base ? new URL(h, base) : new URL(h);
    if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'mailto:') return undefined;
    return u.href;
  } catch {
    return undefined;
  }
}

/** The effective base of nested bases (innermost first, e.g. entry xml:base, feed xml:base, document URL). */
export function resolveBase(bases: ReadonlyArray<string | undefined>): string | undefined {
  let base: string | undefined;
  for (const b of [...bases].reverse()) {
    if (!b) continue;
    base = resolveUrl(b, base) ?? base;
  }
  return base;
}

/** Resolve `href` against nested bases (innermost first). */
export function resolveAgainst(href: string | undefined, bases: ReadonlyArray<string | undefined>): string | undefined {
  if (!href) return undefined;
  const direct = resolveUrl(href);
  if (direct) return direct;
  const base = resolveBase(bases);
  return base ? resolveUrl(href, base) : undefined;
}

const TRACKING_NAMES = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  '_ga',
  '_gl',
  'ref_src',
  'ref_url',
  'spm',
  'ncid',
  'ocid',
  'sr_share',
  'cmpid',
  'oly_anon_id',
  'oly_enc_id',
  'vero_conv',
  'vero_id',
  'wt.mc_id',
  'rss_source',
]);
/** Parameters that are tracking only when their value says where the click came from. */
const SOURCE_NAMES = new Set(['ref', 'source', 'src', 'from', 'cmp', 'feed', 'via', 'share']);
const SOURCE_VALUES = /rss|feed|newsletter|twitter|facebook|share|social|email/i;

export function isTrackingParam(name: string, value: string): boolean {
  const n = name.toLowerCase();
  if (n.startsWith('utm_') || n.startsWith('at_') || n.startsWith('pk_') || n.startsWith('mtm_')) return true;
  if (TRACKING_NAMES.has(n)) return true;
  return SOURCE_NAMES.has(n) && SOURCE_VALUES.test(value);
}

/** Both canonical forms of a URL, from one parse: without and with its fragment. */
function canonicalForms(url: string): { bare: string; withFragment: string } {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    const t = url.trim();
    return { bare: t, withFragment: t };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { bare: u.href, withFragment: u.href };
  const kept = [...u.searchParams].filter(([k, v]) => !isTrackingParam(k, v));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = '';
  for (const [k, v] of kept) u.searchParams.append(k, v);
  const routed = u.hash.startsWith('#!');
  if (u.hash === '#') u.hash = '';
  const withFragment = withoutEmptyQuery(u.href);
  if (routed) return { bare: withFragment, withFragment };
  u.hash = '';
  return { bare: withoutEmptyQuery(u.href), withFragment };
}

function withoutEmptyQuery(href: string): string {
  return href.endsWith('?') ? href.slice(0, -1) : href;
}

/**
 * Canonical form of an absolute URL: scheme and host in lower case, default port and
 * tracking parameters removed, the rest of the query sorted, the fragment dropped unless
 * `keepFragment` (or it is a `#!` route). Returns the input trimmed if it is not a URL.
 */
export function canonicalLink(url: string, opts: { keepFragment?: boolean } = {}): string {
  const forms = canonicalForms(url);
  return opts.keepFragment ? forms.withFragment : forms.bare;
}

/**
 * Canonical links for the items of one feed. A fragment is kept only when items share a
 * page and differ by fragment (a live blog's `#post-1`, `#post-2`); otherwise it is dropped.
 */
export function canonicalLinksForFeed(links: readonly string[]): string[] {
  const forms = links.map(canonicalForms);
  const fragmentsByPage = new Map<string, Set<string>>();
  for (const { bare, withFragment } of forms) {
    const set = fragmentsByPage.get(bare) ?? new Set<string>();
    set.add(withFragment);
    fragmentsByPage.set(bare, set);
  }
  return forms.map(({ bare, withFragment }) => ((fragmentsByPage.get(bare)?.size ?? 0) > 1 ? withFragment : bare));
}
