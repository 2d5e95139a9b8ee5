/**
 * What the page shows for one (issue, style): plain data built from a render or its error.
 * Pure: no I/O.
 */
import { isBriefingError, reasonOf } from '../errors.js';
import type { IssueStyle, PreflightWarning, RenderedIssue } from '../types.js';

export type Scheme = 'light' | 'dark';

/** Gmail clips a message whose HTML is larger than about 102 KB. */
export const GMAIL_CLIP_BYTES = 102 * 1024;

export interface SizeInfo {
  htmlBytes: number;
  textBytes: number;
  clipAt: number;
  /** htmlBytes / clipAt (1 or more is clipped). */
  ratio: number;
}

export interface ViewError {
  code: string;
  message: string;
  hint?: string | undefined;
  file?: string | undefined;
  line?: number | undefined;
}

interface ViewBase {
  /** Rises on every change of a watched file; the page ignores older messages. */
  version: number;
  issueId: string | undefined;
  /** The style asked for (undefined = the draft's own). */
  style: IssueStyle | undefined;
}

export interface ViewOk extends ViewBase {
  ok: true;
  subject: string;
  preheader: string;
  warnings: PreflightWarning[];
  size: SizeInfo;
  /** Whether the email has its own dark-mode styles (otherwise clients may invert its colours). */
  darkStyles: boolean;
}

export interface ViewFailed extends ViewBase {
  ok: false;
  error: ViewError;
}

export type ViewState = ViewOk | ViewFailed;

/** A view with the rendered parts the frame and text routes serve. */
export interface RenderedView {
  state: ViewState;
  html?: string | undefined;
  text?: string | undefined;
}

export function sizeInfo(html: string, text: string): SizeInfo {
  const htmlBytes = Buffer.byteLength(html, 'utf8');
  return {
    htmlBytes,
    textBytes: Buffer.byteLength(text, 'utf8'),
    clipAt: GMAIL_CLIP_BYTES,
    ratio: htmlBytes / GMAIL_CLIP_BYTES,
  };
}

export function viewOf(base: ViewBase, rendered: RenderedIssue): RenderedView {
  return {
    state: {
      ...base,
      ok: true,
      subject: rendered.subject,
      preheader: rendered.preheader,
      warnings: rendered.warnings,
      size: sizeInfo(rendered.html, rendered.text),
      darkStyles: hasDarkStyles(rendered.html),
    },
    html: rendered.html,
    text: rendered.text,
  };
}

export function failedViewOf(base: ViewBase, e: unknown): RenderedView {
  return { state: { ...base, ok: false, error: errorOf(e) } };
}

/** Split a BriefingError message `<file> line N: message` into its parts. */
export function errorOf(e: unknown): ViewError {
  if (!isBriefingError(e)) return { code: 'ERROR', message: reasonOf(e) };
  const m = /^(.+?) line (\d+)(?::\d+)?: ([\s\S]*)$/.exec(e.message);
  return {
    code: e.code,
    message: m ? (m[3] ?? e.message) : e.message,
    hint: e.hint,
    file: m?.[1],
    line: m ? Number(m[2]) : undefined,
  };
}

const DARK_FEATURE = /\(\s*prefers-color-scheme\s*:\s*dark\s*\)/gi;
const LIGHT_FEATURE = /\(\s*prefers-color-scheme\s*:\s*light\s*\)/gi;
const ALWAYS = '(min-width: 0px)';
const NEVER = '(max-width: -1px)';
const DECLARES_DARK =
  /<meta[^>]+name=["']?(?:color-scheme|supported-color-schemes)["']?[^>]*content=["'][^"']*\bdark\b|color-scheme\s*:\s*[^;}"']*\bdark\b/i;

export function hasDarkStyles(html: string): boolean {
  DARK_FEATURE.lastIndex = 0;
  return DARK_FEATURE.test(html) || DECLARES_DARK.test(html);
}

/**
 * The email as a client with the given colour scheme shows it, whatever the editor's own
 * browser prefers: `prefers-color-scheme` media features are fixed to the scheme, and an email
 * that declares dark support gets the dark canvas. Links open outside the preview.
 */
export function frameDocument(html: string, scheme: Scheme): string {
  const forced = html
    .replace(DARK_FEATURE, scheme === 'dark' ? ALWAYS : NEVER)
    .replace(LIGHT_FEATURE, scheme === 'dark' ? NEVER : ALWAYS);
  const canvas = scheme === 'dark' && DECLARES_DARK.test(html) ? 'dark' : 'light';
  const head = `<base target="_blank"><style data-preview>:root{color-scheme:${canvas} !important}</style>`;
  return injectHead(forced, head);
}

/** Put markup at the start of <head>, creating one when the document has none. */
export function injectHead(html: string, markup: string): string {
  const headOpen = /<head(\s[^>]*)?>/i.exec(html);
  if (headOpen) {
    const at = headOpen.index + headOpen[0].length;
    return html.slice(0, at) + markup + html.slice(at);
  }
  const htmlOpen = /<html(\s[^>]*)?>/i.exec(html);
  if (htmlOpen) {
    const at = htmlOpen.index + htmlOpen[0].length;
    return `${html.slice(0, at)}<head>${markup}</head>${html.slice(at)}`;
  }
  return `<head>${markup}</head>${html}`;
}

/** Where an error is: `file line N`, or nothing. */
export function errorWhere(error: ViewError): string {
  if (!error.file) return '';
  return error.line !== undefined ? `${error.file} line ${error.line}` : error.file;
}
