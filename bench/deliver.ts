/**
 * Delivery benchmarks (a script, not a test):
 *   node --import tsx bench/deliver.ts [messages=3000] [subscribers=100000] [connections=1,2,5]
 *
 * 1. messages/second through the SMTP transport to an smtp-server sink on 127.0.0.1
 *    (in its own process), full path: ledger claim → personalize → MailComposer →
 *    SMTP → ledger mark; for 1, 2 and 5 pooled connections.
 * 2. memory while sending one issue to 100,000 subscribers (ledger and streaming
 *    through a transport that builds each .eml and drops it), sampled as it goes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { resolveConfig } from '../src/config/index.js';
import { buildEml, createTransport, deliverIssue, type Transport } from '../src/deliver/index.js';
import { Store } from '../src/store/index.js';
import type { BriefingConfig, OutgoingMessage, RenderedIssue } from '../src/types.js';

const ROOT = resolve(import.meta.dirname, '..');
const MESSAGES = Number(process.argv[2] ?? 3000);
const SUBSCRIBERS = Number(process.argv[3] ?? 100_000);
const SECRET = 'bench-secret-0123456789abcdef';
const silent = { info: () => {}, warn: () => {}, error: () => {} };
const clock = { now: () => new Date('2026-11-23T07:00:00+09:00') };

/** An issue the size of a rendered sample issue: ~42 KB of Korean HTML (MJML output is style-heavy), ~7 KB of text. */
function issue(): RenderedIssue {
  const para =
    '삼성전자가 6세대 고대역폭메모리 HBM4의 양산에 들어갔다. 회사는 엔비디아의 차세대 가속기에 물량을 공급한다고 밝혔다. ' +
    '업계는 메모리 시장 판도가 바뀔 수 있다고 본다. ';
  const style = 'font-family:-apple-system,BlinkMacSystemFont,Apple SD Gothic Neo,Malgun Gothic,sans-serif;font-size:15px;line-height:1.7;color:#222222;padding:8px 24px;word-break:keep-all';
  const blocks = Array.from({ length: 64 }, (_, i) => `<tr><td align="left" style="${style}"><div style="${style}">[${i + 1}] ${para}</div></td></tr>`);
  return {
    issueId: '2026-11-23',
    subject: '[브리핑] 삼성전자, HBM4 양산 돌입…엔비디아 공급 본격화',
    preheader: '오늘의 브리핑',
    html: `<!doctype html><html><body><table>${blocks.join('')}<tr><td>{{name}}님 · <a href="{{unsubscribe}}">수신 거부</a></td></tr></table></body></html>`,
    text: `${Array.from({ length: 30 }, (_, i) => `[${i + 1}] ${para}`).join('\n\n')}\n\n{{name}}님 · 수신 거부: {{unsubscribe}}\n`,
    warnings: [],
  };
}

const personalize = (r: { name?: string | undefined; unsubscribeUrl: string }, i: RenderedIssue): { html: string; text: string } => ({
  html: i.html.replace('{{name}}', r.name ?? '').replace('{{unsubscribe}}', r.unsubscribeUrl),
  text: i.text.replace('{{name}}', r.name ?? '').replace('{{unsubscribe}}', r.unsubscribeUrl),
});

function setup(n: number, delivery: Record<string, unknown>): { config: BriefingConfig; store: Store; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-bench-deliver-'));
  const config = resolveConfig(
    { newsletter: { baseUrl: 'https://news.example.com' }, sources: [{ name: 'x', url: '/dev/null' }], delivery: { from: '테크 브리핑 <briefing@example.com>', ...delivery } },
    dir,
  );
  const store = Store.open(config.paths.data);
  const batch = 10_000;
  for (let start = 0; start < n; start += batch) {
    store.subscribers.upsertMany(
      Array.from({ length: Math.min(batch, n - start) }, (_, i) => ({ email: `reader${start + i}@example.org`, name: `구독자${start + i}` })),
      clock.now(),
    );
  }
  return { config, store, dir };
}

/** An smtp-server sink in its own process; resolves with its port and a way to stop it. */
function startSink(): Promise<{ port: number; stop: () => Promise<number> }> {
  const code = `
    import { SMTPServer } from 'smtp-server';
    let n = 0;
    const s = new SMTPServer({ logger: false, authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'],
      onData(stream, _s, cb) { stream.on('data', () => {}); stream.on('end', () => { n++; cb(null, 'ok'); }); } });
    s.on('error', () => {});
    s.listen(0, '127.0.0.1', () => process.stdout.write('PORT ' + s.server.address().port + '\\n'));
    process.on('SIGTERM', () => { process.stdout.write('COUNT ' + n + '\\n'); process.exit(0); });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  return new Promise((resolvePort) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /PORT (\d+)/.exec(out);
      if (m) {
        child.stdout.removeAllListeners('data');
        resolvePort({
          port: Number(m[1]),
          stop: () =>
            new Promise((done) => {
              let tail = '';
              child.stdout.on('data', (d: Buffer) => (tail += d.toString()));
              child.on('exit', () => done(Number(/COUNT (\d+)/.exec(tail)?.[1] ?? -1)));
              child.kill('SIGTERM');
            }),
        });
      }
    });
  });
}

async function smtpThroughput(connections: number): Promise<void> {
  const sink = await startSink();
  const { config, store, dir } = setup(MESSAGES, {
    transport: 'smtp',
    smtp: { host: '127.0.0.1', port: sink.port, secure: false, pool: true, maxConnections: connections, retries: 1 },
  });
  const transport = createTransport(config, {});
  const t0 = performance.now();
  const s = await deliverIssue(
    { ledger: store.deliveries, subscribers: store.subscribers, transport, config, clock, logger: silent, secret: SECRET, personalize },
    issue(),
  );
  const secs = (performance.now() - t0) / 1000;
  await transport.close();
  const received = await sink.stop();
  console.log(
    `smtp loopback, ${connections} connection(s): ${s.sent} sent in ${secs.toFixed(2)} s = ${(s.sent / secs).toFixed(0)} msg/s` +
      ` (server received ${received}, failed ${s.failed}, uncertain ${s.uncertain})`,
  );
  store.close();
  rmSync(dir, { recursive: true, force: true });
}

/** Builds every message like a real transport would, then drops it. */
class BuildOnlyTransport implements Transport {
  readonly name = 'build-only';
  readonly concurrency = 4;
  bytes = 0;
  async send(msg: OutgoingMessage): Promise<{ messageId: string; response: string }> {
    this.bytes += (await buildEml(msg)).length;
    return { messageId: msg.messageId, response: 'dropped' };
  }
  async close(): Promise<void> {}
}

async function memoryAt100k(): Promise<void> {
  const { config, store, dir } = setup(SUBSCRIBERS, {});
  const transport = new BuildOnlyTransport();
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;
  global.gc?.();
  const base = process.memoryUsage();
  const samples: string[] = [];
  let peakHeap = 0;
  let peakRss = 0;
  const t0 = performance.now();
  const s = await deliverIssue(
    { ledger: store.deliveries, subscribers: store.subscribers, transport, config, clock, logger: silent, secret: SECRET, personalize },
    issue(),
    {
      onProgress: ({ sent }) => {
        if (sent % 1000 === 0) {
          const m = process.memoryUsage();
          peakHeap = Math.max(peakHeap, m.heapUsed);
          peakRss = Math.max(peakRss, m.rss);
          if (sent % (SUBSCRIBERS / 5) === 0) samples.push(`${sent}: heap ${mb(m.heapUsed)}, rss ${mb(m.rss)}`);
        }
      },
    },
  );
  const secs = (performance.now() - t0) / 1000;
  console.log(
    `${SUBSCRIBERS} subscribers, build-only transport: ${s.sent} sent in ${secs.toFixed(1)} s (${(s.sent / secs).toFixed(0)} msg/s, ` +
      `${mb(transport.bytes)} of .eml built); heap before ${mb(base.heapUsed)}, peak heap ${mb(peakHeap)}, peak rss ${mb(peakRss)}`,
  );
  console.log(`  samples: ${samples.join(' | ')}`);
  const t1 = performance.now();
  const again = await deliverIssue(
    { ledger: store.deliveries, subscribers: store.subscribers, transport, config, clock, logger: silent, secret: SECRET, personalize },
    issue(),
  );
  console.log(`  second send of the same issue: ${JSON.stringify({ sent: again.sent, skipped: again.skipped })} in ${((performance.now() - t1) / 1000).toFixed(2)} s`);
  store.close();
  rmSync(dir, { recursive: true, force: true });
}

const CONNECTIONS = (process.argv[4] ?? '1,2,5').split(',').map(Number);
for (const c of CONNECTIONS) await smtpThroughput(c);
if (SUBSCRIBERS > 0) await memoryAt100k();
