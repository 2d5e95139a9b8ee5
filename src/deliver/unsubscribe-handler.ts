/**
 * One-click unsubscribe (RFC 8058) as a plain Node request handler, mountable in
 * any http server. GET shows a confirmation page with a button (link scanners fetch
 * GET, so GET never unsubscribes); POST verifies the token, records the unsubscribe
 * and answers 200 with no redirect.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock, Locale, Logger } from '../types.js';
import type { SubscriberSource } from './ports.js';
import { confirmPage, donePage, invalidPage } from './unsubscribe-page.js';
import { verifyUnsubscribeToken } from './unsubscribe-token.js';

export interface UnsubscribeDeps {
  subscribers: Pick<SubscriberSource, 'unsubscribe'>;
  /** The secret that signed the tokens (see resolveUnsubscribeSecret). */
  secret: string;
  clock: Clock;
  logger?: Logger | undefined;
  /** Newsletter name shown on the pages. */
  newsletter: string;
  locale?: Locale | undefined;
}

const MAX_BODY = 16 * 1024;

const HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
};

function reply(res: ServerResponse, status: number, html: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...HEADERS, ...extra, 'Content-Length': Buffer.byteLength(html) });
  res.end(html);
}

/** Read (and discard beyond MAX_BODY) the request body, so the connection stays usable. */
function drain(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy();
    });
    req.on('end', resolve);
    req.on('close', resolve);
    req.on('error', resolve);
  });
}

export function unsubscribeHandler(deps: UnsubscribeDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const locale = deps.locale ?? 'ko';
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const token = url.searchParams.get('t') ?? '';
    const email = verifyUnsubscribeToken(token, deps.secret);
    const method = (req.method ?? 'GET').toUpperCase();
    if (method === 'GET' || method === 'HEAD') {
      if (!email) return reply(res, 400, invalidPage(locale));
      return reply(res, 200, confirmPage(locale, email, deps.newsletter));
    }
    if (method !== 'POST') return reply(res, 405, invalidPage(locale), { Allow: 'GET, POST' });
    void drain(req).then(() => {
      if (!email) return reply(res, 400, invalidPage(locale));
      try {
        const changed = deps.subscribers.unsubscribe(email, deps.clock.now());
        deps.logger?.info('unsubscribed', { email, changed });
      } catch (e) {
        deps.logger?.error('unsubscribe failed', { email, error: (e as Error).message });
        return reply(res, 503, invalidPage(locale), { 'Retry-After': '60' });
      }
      return reply(res, 200, donePage(locale, email, deps.newsletter));
    });
  };
}
