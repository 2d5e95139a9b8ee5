/**
 * The sending process of row 3: opens a store of N subscribers, renders the issue once and
 * sends it to everyone through `deliverIssue` (subscribers read a page at a time, ledger
 * claim and mark per recipient, personalize per recipient). The transport is a sink in
 * this process: it takes each finished message, counts its bytes and drops it (with
 * `--eml`, it first builds the .eml bytes as the SMTP transport does). No I/O but SQLite.
 *
 * Args: <config file> <data dir> <draft.json> [--eml]. Reports over IPC:
 * `{ type: 'memory', sent, ms, maxRss, baseRss, peakHeap, peakRss, retainedHeap, bytes }` (bytes of memory in bytes).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createApp, fixedClock, silentLogger } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { buildEml, deliverIssue, type Transport } from '../../src/deliver/index.js';
import { renderDraft } from '../../src/pipeline.js';
import { personalize } from '../../src/render/index.js';
import type { Draft, OutgoingMessage } from '../../src/types.js';
import { BENCH_SECRET, NOW } from '../lib/fixture.js';
import { collectGarbage } from '../lib/timing.js';

const [configFile = '', dataDir = '', draftFile = ''] = process.argv.slice(2);
const eml = process.argv.includes('--eml');

class SinkTransport implements Transport {
  readonly name = 'sink';
  readonly concurrency = 5;
  bytes = 0;
  async send(msg: OutgoingMessage): Promise<{ messageId: string; response: string }> {
    this.bytes += eml ? (await buildEml(msg)).length : msg.html.length + msg.text.length;
    return { messageId: msg.messageId, response: '250 dropped' };
  }
  async close(): Promise<void> {}
}

const config = loadConfig(configFile, { dataDir });
const app = createApp(config, { clock: fixedClock(NOW), logger: silentLogger });
const draft = JSON.parse(readFileSync(draftFile, 'utf8')) as Draft;
const rendered = await renderDraft(app, draft);
const transport = new SinkTransport();

collectGarbage();
const baseRss = process.memoryUsage().rss;
let peakHeap = 0;
let peakRss = 0;
const sampleMemory = (): void => {
  if (process.env.BENCH_TRACE === 'gc') collectGarbage();
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakRss = Math.max(peakRss, m.rss);
  if (process.env.BENCH_TRACE)
    process.stderr.write(`heap ${(m.heapUsed / 1048576).toFixed(0)} MB, rss ${(m.rss / 1048576).toFixed(0)} MB\n`);
};
const t0 = performance.now();
const summary = await deliverIssue(
  {
    ledger: app.store.deliveries,
    subscribers: app.store.subscribers,
    transport,
    config,
    clock: app.clock,
    logger: silentLogger,
    secret: BENCH_SECRET,
    personalize: (r) => personalize(rendered, r),
  },
  rendered,
  {
    issueId: draft.issueId,
    // The send loop rarely yields to timers: sample memory as it goes instead.
    onProgress: ({ sent }) => {
      if (sent % 500 === 0) sampleMemory();
    },
  },
);
const ms = performance.now() - t0;
// What the send left behind: the JS heap after a full collection (a leak shows here).
collectGarbage();
const retainedHeap = process.memoryUsage().heapUsed;
app.close();
process.send?.(
  {
    type: 'memory',
    sent: summary.sent,
    failed: summary.failed,
    ms,
    // resourceUsage().maxRSS is in kilobytes.
    maxRss: process.resourceUsage().maxRSS * 1024,
    baseRss,
    peakHeap,
    peakRss,
    retainedHeap,
    bytes: transport.bytes,
  },
  () => process.exit(0),
);
