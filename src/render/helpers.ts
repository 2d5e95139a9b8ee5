/**
 * The one Handlebars instance of the renderer and every helper templates may call,
 * registered here and nowhere else.
 *
 * Helpers return plain strings, which Handlebars escapes; only `link` builds markup,
 * and it escapes what it prints itself and drops anything but http(s) URLs.
 */
import Handlebars from 'handlebars';
import { BriefingError } from '../errors.js';
import type { Labels, Locale } from '../types.js';
import { escapeHtml, formatLabel, httpUrl, longDate, mdDate } from './format.js';

type Hb = typeof Handlebars;
type Options = Handlebars.HelperOptions;

interface RootData {
  labels?: Labels;
  timezone?: string;
  locale?: Locale;
}

function root(options: Options): RootData {
  const data = options.data as { root?: RootData } | undefined;
  return data?.root ?? {};
}

/** Helpers take their hash as the last argument; this splits it off. */
function args(list: unknown[]): { params: unknown[]; options: Options } {
  const options = list[list.length - 1] as Options;
  return { params: list.slice(0, -1), options };
}

function toNumber(v: unknown): number {
  const n = typeof v === 'number' ? v : Array.isArray(v) ? v.length : Number(v);
  return Number.isFinite(n) ? n : 0;
}

const helpers = {
  /** `{{label "why"}}`, `{{label "moreSources" n=2}}`: text from the locale file. */
  label(...list: unknown[]): string {
    const { params, options } = args(list);
    const key = String(params[0]);
    const text = formatLabel(root(options).labels ?? {}, key, options.hash as Record<string, unknown>);
    if (text === undefined) {
      throw new BriefingError(
        'ETEMPLATE',
        `label "${key}" is not in the locale file`,
        `add "${key}: …" to templates/locales/<locale>.yaml`,
      );
    }
    return text;
  },

  /** `{{num @index}}` → 1-based item number; `{{num @index offset=@root.stories}}` continues after a list. */
  num(...list: unknown[]): number {
    const { params, options } = args(list);
    return toNumber(params[0]) + 1 + toNumber((options.hash as { offset?: unknown }).offset);
  },

  /** `{{mdDate publishedAt}}` → "3/19" in the timezone. */
  mdDate(...list: unknown[]): string {
    const { params, options } = args(list);
    return mdDate(String(params[0] ?? ''), root(options).timezone ?? 'UTC');
  },

  /** `{{longDate asOf}}` → the issue date in the locale and timezone. */
  longDate(...list: unknown[]): string {
    const { params, options } = args(list);
    const r = root(options);
    return longDate(String(params[0] ?? ''), r.timezone ?? 'UTC', r.locale ?? 'ko');
  },

  /** `{{join list ", "}}` */
  join(...list: unknown[]): string {
    const { params } = args(list);
    const items = Array.isArray(params[0]) ? (params[0] as unknown[]) : [];
    return items.map(String).join(params[1] === undefined ? ', ' : String(params[1]));
  },

  /** `{{httpUrl url}}` → the URL if absolute http(s), else ''. For the text part and attributes. */
  httpUrl(...list: unknown[]): string {
    return httpUrl(args(list).params[0]);
  },

  /** `{{#if (eq style "digest")}}` */
  eq(...list: unknown[]): boolean {
    const { params } = args(list);
    return params[0] === params[1];
  },

  /** `{{#if (gt others.length 0)}}` */
  gt(...list: unknown[]): boolean {
    const { params } = args(list);
    return toNumber(params[0]) > toNumber(params[1]);
  },

  /**
   * `{{#link url class="src"}}text{{/link}}` → `<a href="…" class="src" target="_blank">text</a>`;
   * just the text when the URL is not absolute http(s).
   */
  link(this: unknown, ...list: unknown[]): Handlebars.SafeString | string {
    const { params, options } = args(list);
    const inner = options.fn(this);
    const href = httpUrl(params[0]);
    if (!href) return inner;
    const attrs = Object.entries(options.hash as Record<string, unknown>)
      .filter(([k]) => /^[a-z][a-z-]*$/.test(k) && k !== 'href' && !k.startsWith('on'))
      .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
      .join('');
    return new Handlebars.SafeString(
      `<a href="${escapeHtml(href)}"${attrs} target="_blank" rel="noopener">${inner}</a>`,
    );
  },
} satisfies Record<string, (...a: never[]) => unknown>;

/** Names templates may call as helpers: ours and Handlebars' built-ins. */
export const HELPER_NAMES: ReadonlySet<string> = new Set([
  ...Object.keys(helpers),
  'if',
  'unless',
  'each',
  'with',
  'lookup',
  'log',
  'helperMissing',
  'blockHelperMissing',
]);

/** A fresh, isolated Handlebars environment with the renderer's helpers. */
export function createHandlebars(): Hb {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn as Handlebars.HelperDelegate);
  return hb;
}
