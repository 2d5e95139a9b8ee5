/**
 * Bytes of a source: over HTTP (conditional GET) or from disk for file sources (an
 * absolute path or a file:// URL: the bundled samples).
 */
import { constants, type Stats } from 'node:fs';
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

/**
 * A file source's bytes. Only a regular file is read (a device, pipe, socket or folder is
 * refused: `/dev/zero` never ends), and the cap counts the bytes actually read, so a file
 * that grows while it is read (or lies about its size) stops at the cap too.
 */
export async function readFileCapped(path: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must not hang before it can be refused.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new FeedFailure(code === 'ENOENT' ? reasons.fileMissing(path) : reasons.fileUnreadable(path, code));
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new FeedFailure(reasons.notARegularFile(path, kindOf(st)));
    if (st.size > maxBytes) throw new FeedFailure(reasons.fileTooLarge(maxBytes, st.size));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(64 * 1024, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new FeedFailure(reasons.fileTooLarge(maxBytes, total));
      chunks.push(buf.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    if (e instanceof FeedFailure) throw e;
    throw new FeedFailure(reasons.fileUnreadable(path, (e as NodeJS.ErrnoException).code ?? 'error'));
  } finally {
    await handle.close();
  }
}

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
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
