/** A small HTTP server for the unsubscribe endpoint (`briefing serve`). */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BriefingConfig, Clock, Logger } from '../types.js';
import type { SubscriberSource } from './ports.js';
import { resolveUnsubscribeSecret } from './secret.js';
import { unsubscribeHandler } from './unsubscribe-handler.js';

export interface UnsubscribeServer {
  url: string;
  close(): Promise<void>;
}

export async function startUnsubscribeServer(
  deps: {
    config: BriefingConfig;
    subscribers: Pick<SubscriberSource, 'unsubscribe'>;
    /** Stamps each unsubscribe (the real time). */
    clock: Clock;
    logger: Logger;
    env?: NodeJS.ProcessEnv;
  },
  opts: { host: string; port: number },
): Promise<UnsubscribeServer> {
  const { config } = deps;
  const handler = unsubscribeHandler({
    subscribers: deps.subscribers,
    secret: resolveUnsubscribeSecret(config.delivery.unsubscribeSecretEnv, config.paths.data, deps.env ?? process.env),
    clock: deps.clock,
    logger: deps.logger,
    newsletter: config.newsletter.title,
    locale: config.newsletter.locale,
  });
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '');
    if (path === '/unsubscribe' || path.endsWith('/unsubscribe')) return handler(req, res);
    if (path === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('ok\n');
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${host}:${addr.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
