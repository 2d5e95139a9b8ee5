/**
 * The HTTP client: one GET with a connect timeout and a whole-request deadline, a body
 * cap enforced while streaming (and again after decompression), gzip/deflate/br,
 * redirects with a limit and loop detection, conditional GET, and one-line reasons.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import https from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import zlib from 'node:zlib';
import { FeedFailure, reasons } from './failure.js';
import { parseRetryAfter } from './health.js';

export interface FetchLimits {
  timeoutMs: number;
  connectTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

export interface FetchRequest extends FetchLimits {
  url: string;
  accept: string;
  etag?: string | undefined;
  lastModified?: string | undefined;
  /** Reference time, for Retry-After dates. */
  now: Date;
  /** Which addresses count as private (loopback, private, link-local); the real ranges unless a test says. */
  isPrivateAddress?: ((address: string) => boolean) | undefined;
}

/** Loopback, private, link-local, CGNAT, unspecified and unique-local ranges, IPv4 and IPv6. */
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv6');

/** Whether an address is loopback, private or link-local (IPv4-mapped IPv6 checked as IPv4). */
export function isPrivateAddress(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a)?.[1];
  if (mapped) return PRIVATE.check(mapped, 'ipv4');
  const family = isIP(a);
  if (family === 4) return PRIVATE.check(a, 'ipv4');
  if (family === 6) return PRIVATE.check(a, 'ipv6');
  return false;
}

/**
 * A DNS lookup that fails for names resolving into private ranges: used for hops after
 * a redirect, so the check holds at connect time (no rebinding between check and use).
 */
export function publicOnlyLookup(isPrivate: (address: string) => boolean = isPrivateAddress): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as LookupAddress[];
      const bad = list.find((a) => isPrivate(a.address));
      if (bad) {
        const e = Object.assign(new Error(`${hostname} resolves to private address ${bad.address}`), {
          code: 'EPRIVATEADDRESS',
          address: bad.address,
        });
        return callback(e, '', 0);
      }
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
      callback(null, first.address, first.family);
    });
  };
}

export type FetchResult =
  | { kind: 'ok'; url: string; status: number; headers: IncomingHttpHeaders; body: Buffer }
  | { kind: 'not-modified'; url: string; headers: IncomingHttpHeaders };

export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';
export const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

const agentOptions = { keepAlive: true, keepAliveMsecs: 1000, maxFreeSockets: 64 };
const httpAgent = new http.Agent(agentOptions);
const httpsAgent = new https.Agent(agentOptions);

/** A network error as a short reason. */
export function networkReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException & { reason?: string };
  const code = err?.code ?? '';
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
      return 'connection reset by the server';
    case 'EPIPE':
      return 'connection closed by the server';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return 'host not found';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case 'ETIMEDOUT':
      return 'connection timed out';
    case 'ERR_INVALID_URL':
      return 'invalid URL';
    default:
      break;
  }
  if (
    /^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL)/.test(code) ||
    /SSL|TLS|certificate/i.test(err?.message ?? '')
  ) {
    return `TLS error (${code || (err?.message ?? 'handshake failed').split('\n')[0]})`;
  }
  if (code.startsWith('HPE_')) return `malformed HTTP response (${code})`;
  const msg = (err?.message ?? String(e)).split('\n')[0] ?? 'network error';
  return code ? `network error (${code}): ${msg}` : `network error: ${msg}`;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

interface Deadline {
  signal: AbortSignal;
  reason(): string | undefined;
  clear(): void;
}

function deadline(ms: number): Deadline {
  const ctl = new AbortController();
  let why: string | undefined;
  const timer = setTimeout(() => {
    why = reasons.timeout(ms);
    ctl.abort(new FeedFailure(why));
  }, ms);
  timer.unref?.();
  return { signal: ctl.signal, reason: () => why, clear: () => clearTimeout(timer) };
}

async function decompress(body: Buffer, encoding: string, maxBytes: number): Promise<Buffer> {
  const enc = encoding.trim().toLowerCase();
  if (!enc || enc === 'identity') return body;
  const opts = { maxOutputLength: maxBytes };
  const run = (
    fn: (b: Buffer, o: zlib.ZlibOptions, cb: (e: Error | null, r: Buffer) => void) => void,
    o: object = opts,
  ) => new Promise<Buffer>((resolve, reject) => fn(body, o, (e, r) => (e ? reject(e) : resolve(r))));
  try {
    if (enc === 'gzip' || enc === 'x-gzip')
      return await run(zlib.gunzip, { ...opts, finishFlush: zlib.constants.Z_SYNC_FLUSH });
    if (enc === 'deflate') {
      // Some servers send raw deflate where zlib-wrapped is meant.
      try {
        return await run(zlib.inflate);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw e;
        return await run(zlib.inflateRaw);
      }
    }
    if (enc === 'br') {
      return await new Promise<Buffer>((resolve, reject) =>
        zlib.brotliDecompress(body, opts, (e, r) => (e ? reject(e) : resolve(r))),
      );
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError)
      throw new FeedFailure(reasons.tooLargeDecoded(maxBytes));
    throw new FeedFailure(reasons.corruptBody(enc));
  }
  throw new FeedFailure(reasons.badEncoding(enc));
}

interface Hop {
  /** The address the response came from. */
  remoteAddress?: string | undefined;
  status: number;
  headers: IncomingHttpHeaders;
  statusMessage: string | undefined;
  body?: Buffer;
}

/** One request, no redirects followed. Resolves with the body read (for 2xx) under the cap. */
function requestOnce(url: URL, req: FetchRequest, dl: Deadline, lookup?: LookupFunction): Promise<Hop> {
  return new Promise<Hop>((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    const headers: Record<string, string> = {
      'User-Agent': req.userAgent,
      Accept: req.accept,
      'Accept-Encoding': 'gzip, deflate, br',
      'Accept-Language': 'ko, en;q=0.8, *;q=0.5',
    };
    if (req.etag) headers['If-None-Match'] = req.etag;
    if (req.lastModified) headers['If-Modified-Since'] = req.lastModified;
    let settled = false;
    let connectTimer: NodeJS.Timeout | undefined;
    const fail = (e: unknown): void => {
      if (settled) return;
      settled = true;
      if (connectTimer) clearTimeout(connectTimer);
      const refused = e as { code?: string; address?: string };
      if (e instanceof FeedFailure) reject(e);
      else if (refused?.code === 'EPRIVATEADDRESS')
        reject(new FeedFailure(reasons.privateRedirect(url.href, refused.address ?? '')));
      else reject(new FeedFailure(dl.reason() ?? networkReason(e)));
    };
    const r = lib.request(
      url,
      {
        method: 'GET',
        headers,
        // A guarded hop gets a fresh connection: a kept-alive socket skips the lookup.
        agent: lookup ? false : url.protocol === 'https:' ? httpsAgent : httpAgent,
        signal: dl.signal,
        ...(lookup ? { lookup } : {}),
      },
      (res: IncomingMessage) => {
        if (connectTimer) clearTimeout(connectTimer);
        const status = res.statusCode ?? 0;
        const base = {
          status,
          headers: res.headers,
          statusMessage: res.statusMessage,
          remoteAddress: res.socket?.remoteAddress,
        };
        if (status < 200 || status >= 300) {
          res.resume();
          settled = true;
          resolve(base);
          return;
        }
        const declared = Number(header(res.headers, 'content-length'));
        if (Number.isFinite(declared) && declared > req.maxBytes) {
          fail(new FeedFailure(reasons.tooLargeDeclared(req.maxBytes, declared)));
          res.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > req.maxBytes) {
            fail(new FeedFailure(reasons.tooLarge(req.maxBytes)));
            res.destroy();
            r.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          if (settled) return;
          settled = true;
          resolve({ ...base, body: Buffer.concat(chunks, size) });
        });
        res.on('error', fail);
        res.on('aborted', () => fail(new FeedFailure(dl.reason() ?? 'connection closed before the response ended')));
      },
    );
    r.on('error', fail);
    r.on('socket', (socket) => {
      if (!socket.connecting) return;
      connectTimer = setTimeout(() => {
        fail(new FeedFailure(reasons.connectTimeout(req.connectTimeoutMs)));
        r.destroy();
      }, req.connectTimeoutMs);
      connectTimer.unref?.();
      socket.once('connect', () => {
        if (connectTimer) clearTimeout(connectTimer);
      });
    });
    r.end();
  });
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** GET `req.url`, following redirects; throws FeedFailure with a one-line reason. */
export async function fetchUrl(req: FetchRequest): Promise<FetchResult> {
  const dl = deadline(req.timeoutMs);
  const visited = new Set<string>();
  try {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      throw new FeedFailure(reasons.badUrl(req.url));
    }
    const isPrivate = req.isPrivateAddress ?? isPrivateAddress;
    // Redirects may lead into private, loopback and link-local ranges only when the configured
    // URL itself is in one (a feed on the intranet, a test on 127.0.0.1).
    let allowPrivate = true;
    for (let hops = 0; ; hops++) {
      visited.add(url.href);
      const guarded = hops > 0 && !allowPrivate;
      const literal = url.hostname.replace(/^\[|\]$/g, '');
      if (guarded && isIP(literal) && isPrivate(literal))
        throw new FeedFailure(reasons.privateRedirect(url.href, literal));
      const hop = await requestOnce(url, req, dl, guarded ? publicOnlyLookup(isPrivate) : undefined);
      if (hops === 0) allowPrivate = hop.remoteAddress !== undefined && isPrivate(hop.remoteAddress);
      if (REDIRECTS.has(hop.status)) {
        const location = header(hop.headers, 'location');
        if (!location) throw new FeedFailure(reasons.redirectWithoutLocation(hop.status));
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new FeedFailure(reasons.badRedirect(location));
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:')
          throw new FeedFailure(reasons.badRedirect(location));
        if (visited.has(next.href)) throw new FeedFailure(reasons.redirectLoop(next.href));
        if (hops + 1 > req.maxRedirects) throw new FeedFailure(reasons.tooManyRedirects(req.maxRedirects));
        url = next;
        continue;
      }
      if (hop.status === 304) return { kind: 'not-modified', url: url.href, headers: hop.headers };
      if (hop.status === 429 || hop.status === 503) {
        const retry = parseRetryAfter(header(hop.headers, 'retry-after'), req.now);
        throw new FeedFailure(
          retry !== undefined
            ? reasons.retryLater(hop.status, hop.statusMessage, retry)
            : reasons.http(hop.status, hop.statusMessage),
          { retryAfterMs: retry, status: hop.status },
        );
      }
      if (hop.status < 200 || hop.status >= 300 || !hop.body) {
        throw new FeedFailure(reasons.http(hop.status, hop.statusMessage), { status: hop.status });
      }
      const body = await decompress(hop.body, header(hop.headers, 'content-encoding') ?? '', req.maxBytes);
      return { kind: 'ok', url: url.href, status: hop.status, headers: hop.headers, body };
    }
  } catch (e) {
    if (e instanceof FeedFailure) {
      // An abort from the deadline surfaces as whatever the socket said; the deadline is the reason.
      const timedOut = dl.reason();
      if (timedOut && !/^response over|^HTTP|^redirect|^too many/.test(e.message)) throw new FeedFailure(timedOut);
      throw e;
    }
    throw new FeedFailure(dl.reason() ?? networkReason(e));
  } finally {
    dl.clear();
  }
}
