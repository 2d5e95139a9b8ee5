/**
 * Row 8, the public site under load (autocannon in this process, the site in its own, 2 cores shared):
 *
 * - 8a: GET an archive issue page, requests per second and p99 latency; peer: a bare `node:http` server
 *   answering the same bytes (no routing, no checks, no headers of ours);
 * - 8b: POST /subscribe (a valid form, a new address each time: validation, a signed confirmation link,
 *   one message queued for the outbox transport), requests per second and p99.
 */
import autocannon from 'autocannon';
import { forkBench, nextMessage, rowMain } from '../lib/child.js';
import { row, type Row } from '../lib/table.js';

interface Ready {
  type: 'ready';
  site: string;
  bare: string;
  page: string;
  bytes: number;
}
const isReady = (m: unknown): m is Ready => (m as { type?: unknown } | null)?.type === 'ready';

function load(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

rowMain(async (opts): Promise<Row[]> => {
  const server = forkBench('lib/site-server.ts');
  try {
    const ready = await nextMessage(server, isReady, 120_000);
    const duration = opts.quick ? 3 : 8;
    const connections = 16;
    await load({ url: `${ready.site}${ready.page}`, connections, duration: 1 }); // warm-up
    const ours = await load({ url: `${ready.site}${ready.page}`, connections, duration });
    const bare = await load({ url: `${ready.bare}/`, connections, duration });
    const formPage = await (await fetch(`${ready.site}/subscribe`)).text();
    const ft = /name="ft" value="([^"]+)"/.exec(formPage)?.[1] ?? '';
    let n = 0;
    const subscribe = await load({
      url: `${ready.site}/subscribe`,
      connections,
      duration,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      requests: [
        {
          setupRequest: (req) => ({
            ...req,
            body: `ft=${encodeURIComponent(ft)}&website=&email=reader${n++}%40example.org&name=`,
          }),
        },
      ],
    });
    const bad = ours.non2xx + subscribe.non2xx + ours.errors + subscribe.errors;
    if (bad > 0) throw new Error(`${bad} requests failed or were refused`);
    const pageRps = ours.requests.average;
    const postRps = subscribe.requests.average;
    return [
      row({
        id: '8a',
        work: `Site: GET an archive page (${Math.round(ready.bytes / 1024)} KB), ${connections} connections, ${duration} s`,
        ours: `${fmt(pageRps)} req/s, p99 ${ours.latency.p99} ms`,
        peer: `bare node:http, same bytes: ${fmt(bare.requests.average)} req/s, p99 ${bare.latency.p99} ms`,
        ratio: `${Math.round((pageRps / bare.requests.average) * 100)} % of bare`,
        target: '≥ 1,000 req/s, p99 ≤ 50 ms',
        pass: pageRps >= 1000 && ours.latency.p99 <= 50,
      }),
      row({
        id: '8b',
        work: `Site: POST /subscribe (new address each, message queued), ${connections} connections, ${duration} s`,
        ours: `${fmt(postRps)} req/s, p99 ${subscribe.latency.p99} ms`,
        peer: '',
        ratio: '',
        target: '≥ 300 req/s, p99 ≤ 100 ms',
        pass: postRps >= 300 && subscribe.latency.p99 <= 100,
        note: `${fmt(subscribe.requests.total)} sign-ups answered; their confirmation messages are written by the outbox transport one at a time after each answer.`,
      }),
    ];
  } finally {
    server.kill();
  }
});
