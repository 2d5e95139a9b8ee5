/**
 * Why a source failed, in one line. Every user-facing reason lives in this table so the
 * wording stays consistent (report, log, `collect --json`).
 */

export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : Number(s.toFixed(s < 1 ? 2 : 1))} s`;
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) {
    const mb = n / (1024 * 1024);
    return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
  }
  if (n >= 1024) {
    const kb = n / 1024;
    return `${Number.isInteger(kb) ? kb : kb.toFixed(1)} KB`;
  }
  return `${n} bytes`;
}

/** Text a server controls, made safe for a one-line message. */
export function oneLine(text: string, max = 80): string {
  const flat = text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export const reasons = {
  timeout: (ms: number) => `timeout after ${formatSeconds(ms)}`,
  connectTimeout: (ms: number) => `connect timeout after ${formatSeconds(ms)}`,
  tooLarge: (max: number) => `response over ${formatBytes(max)}`,
  tooLargeDeclared: (max: number, declared: number) =>
    `response over ${formatBytes(max)} (Content-Length ${formatBytes(declared)})`,
  tooLargeDecoded: (max: number) => `response over ${formatBytes(max)} after decompression`,
  entityExpansion: (name: string, max: number) =>
    `entity &${oneLine(name, 40)}; expands the feed over ${formatBytes(max)} (an entity-expansion attack or a broken feed); the feed was not read`,
  replacedBytes: (count: number, charset: string, lines: readonly number[]) =>
    `${count} broken ${charset} byte sequence${count === 1 ? '' : 's'} replaced with U+FFFD${lines.length ? ` (line${lines.length === 1 ? '' : 's'} ${lines.join(', ')})` : ''}; the rest of the feed was read as ${charset}`,
  notARegularFile: (path: string, kind: string) =>
    `not a regular file (${kind}): ${oneLine(path, 160)}; a file source must be a feed file`,
  privateRedirect: (url: string, address: string) =>
    `redirect into a private address refused (${oneLine(url, 100)} is ${oneLine(address, 40)}); only a source configured on a private address may redirect into one`,
  fileTooLarge: (max: number, size: number) => `file over ${formatBytes(max)} (${formatBytes(size)})`,
  http: (status: number, text?: string) => `HTTP ${status}${text ? ` ${oneLine(text, 40)}` : ''}`,
  retryLater: (status: number, text: string | undefined, retryMs: number) =>
    `HTTP ${status}${text ? ` ${oneLine(text, 40)}` : ''}, retry after ${formatSeconds(retryMs)}`,
  redirectLoop: (url: string) => `redirect loop (back to ${oneLine(url, 120)})`,
  tooManyRedirects: (max: number) => `too many redirects (more than ${max})`,
  redirectWithoutLocation: (status: number) => `HTTP ${status} redirect without a Location header`,
  badRedirect: (location: string) => `redirect to an unsupported URL (${oneLine(location, 120)})`,
  badEncoding: (encoding: string) => `unsupported Content-Encoding "${oneLine(encoding, 30)}"`,
  corruptBody: (encoding: string) => `corrupt ${oneLine(encoding, 30)} body`,
  notAFeedHtml: 'not a feed (got an HTML page)',
  notAFeedEmpty: 'not a feed (empty document)',
  notAFeedText: 'not a feed (no XML markup)',
  notAFeedJson: 'not a feed (got JSON; JSON Feed is not supported)',
  notAFeedRoot: (root: string) => `not a feed (root element <${oneLine(root, 40)}>)`,
  xml: (line: number, message: string) => `XML error at line ${line}: ${oneLine(message, 80)}`,
  cutOff: (element: string, byte: number) =>
    `document ends inside <${oneLine(element, 40)}> at byte ${byte.toLocaleString('en-US')}`,
  recovered: (problem: string, items: number) =>
    `${problem}; ${items === 0 ? 'no items' : items === 1 ? '1 item' : `${items} items`} recovered`,
  parser: (message: string) => `feed could not be read: ${oneLine(message, 100)}`,
  badUrl: (url: string) => `not an http(s) URL or absolute file path: ${oneLine(url, 120)}`,
  fileMissing: (path: string) => `file not found: ${oneLine(path, 160)}`,
  fileUnreadable: (path: string, code: string) => `file not readable (${code}): ${oneLine(path, 160)}`,
  backingOff: (until: string, failures: number, last?: string) =>
    `backing off until ${until} after ${failures} failure${failures === 1 ? '' : 's'}${last ? ` (last: ${oneLine(last, 100)})` : ''}`,
  rateLimited: (until: string) => `server asked to wait until ${until}`,
  unexpected: (message: string) => `unexpected error: ${oneLine(message, 100)}`,
} as const;

/** A failure with its one-line reason; `retryAfterMs` when the server said when to come back. */
export class FeedFailure extends Error {
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;

  constructor(reason: string, opts: { retryAfterMs?: number | undefined; status?: number | undefined } = {}) {
    super(reason);
    this.name = 'FeedFailure';
    this.retryAfterMs = opts.retryAfterMs;
    this.status = opts.status;
  }
}

export function isFeedFailure(e: unknown): e is FeedFailure {
  return e instanceof FeedFailure;
}
