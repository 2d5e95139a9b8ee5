/**
 * Bytes of a source: over HTTP (conditional GET) or from disk for file sources (an
 * absolute path or a file:// URL: the bundled samples).
 */
import { open } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CollectConfig, SourceState } from '../types.js';
import { FeedFailure, reasons } from './failure.js';
import { FEED_ACCEPT, fetchUrl } from './http.js';

export type SourceLocation = { kind: 'http'; url: string } | { kind: 'file'; path: string };

export function locate(url: string): SourceLocation | undefined {
  const u = url.trim();
  if (/^https?:\/\//i.test(u)) return { kind: 'http', url: u };
  if (/^file:\/\//i.test(u)) {
    try {
      return { kind: 'file', path: fileURLToPath(u) };
    } catch {
      return undefined;
    }
  }
  if (isAbsolute(u)) return { kind: 'file', path: u };
  return undefined;
}

export type SourceBytes =
  | {
      kind: 'ok';
      body: Buffer;
      contentType?: string | undefined;
      etag?: string | undefined;
      lastModified?: string | undefined;
      finalUrl: string;
    }
  | { kind: 'not-modified'; etag?: string | undefined; lastModified?: string | undefined };

export async function readFileCapped(path: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new FeedFailure(code === 'ENOENT' ? reasons.fileMissing(path) : reasons.fileUnreadable(path, code));
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) throw new FeedFailure(reasons.fileTooLarge(maxBytes, size));
    return await handle.readFile();
  } catch (e) {
    if (e instanceof FeedFailure) throw e;
    throw new FeedFailure(reasons.fileUnreadable(path, (e as NodeJS.ErrnoException).code ?? 'error'));
  } finally {
    await handle.close();
  }
}

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export async function readSource(
  loc: SourceLocation,
  state: SourceState,
  config: CollectConfig,
  now: Date,
): Promise<SourceBytes> {
  if (loc.kind === 'file') {
    return { kind: 'ok', body: await readFileCapped(loc.path, config.maxBytes), finalUrl: loc.path };
  }
  const res = await fetchUrl({
    url: loc.url,
    accept: FEED_ACCEPT,
    timeoutMs: config.timeoutMs,
    connectTimeoutMs: config.connectTimeoutMs,
    maxBytes: config.maxBytes,
    maxRedirects: config.maxRedirects,
    userAgent: config.userAgent,
    etag: state.etag,
    lastModified: state.lastModified,
    now,
  });
  const etag = one(res.headers.etag);
  const lastModified = one(res.headers['last-modified']);
  if (res.kind === 'not-modified') return { kind: 'not-modified', etag, lastModified };
  return {
    kind: 'ok',
    body: res.body,
    contentType: one(res.headers['content-type']),
    etag,
    lastModified,
    finalUrl: res.url,
  };
}
