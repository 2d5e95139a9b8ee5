import type { ServerResponse } from 'node:http';

interface Client {
  res: ServerResponse;
  key: string;
}

/** Server-sent event streams of open pages, each following one view. */
export class EventHub {
  readonly #clients = new Set<Client>();
  readonly #heartbeat: NodeJS.Timeout;

  constructor(heartbeatMs = 15_000) {
    this.#heartbeat = setInterval(() => {
      for (const c of this.#clients) c.res.write(': ping\n\n');
    }, heartbeatMs);
    this.#heartbeat.unref();
  }

  get size(): number {
    return this.#clients.size;
  }

  /** Start a stream on a response; it ends when the page goes away. */
  open(res: ServerResponse, key: string): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    res.write('retry: 500\n\n');
    const client = { res, key };
    this.#clients.add(client);
    res.on('close', () => this.#clients.delete(client));
  }

  /** Distinct view keys pages follow. */
  keys(): string[] {
    return [...new Set([...this.#clients].map((c) => c.key))];
  }

  send(key: string, event: string, data: unknown): void {
    const payload = formatEvent(event, data);
    for (const c of this.#clients) if (c.key === key) c.res.write(payload);
  }

  sendTo(res: ServerResponse, event: string, data: unknown): void {
    res.write(formatEvent(event, data));
  }

  close(): void {
    clearInterval(this.#heartbeat);
    for (const c of this.#clients) c.res.end();
    this.#clients.clear();
  }
}

/** One SSE message; JSON keeps the data on one line. */
export function formatEvent(event: string, data: unknown): string {
  return `event: ${event.replace(/[\r\n]/g, '')}\ndata: ${JSON.stringify(data)}\n\n`;
}
