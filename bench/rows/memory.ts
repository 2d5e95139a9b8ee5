/**
 * Row 3, Memory: peak RSS of the process sending one issue to 100,000 subscribers
 * streamed from the store, against the same send to 10,000 (flat = about the same).
 * Each send runs in a fresh child process (bench/rows/memory-child.ts) that reports
 * its own peak RSS (process.resourceUsage().maxRSS); the stores are filled beforehand
 * by this process, so filling them never counts.
 */
import { join } from 'node:path';
import { composeStep } from '../../src/pipeline.js';
import { Store } from '../../src/store/index.js';
import { forkBench, nextMessage, rowMain } from '../lib/child.js';
import { NOW, projectWithItems, seedSubscribers } from '../lib/fixture.js';
import { count, mb, ms, rate, row, times, type Row } from '../lib/table.js';

interface MemoryReport {
  type: 'memory';
  sent: number;
  failed: number;
  ms: number;
  maxRss: number;
  baseRss: number;
  peakHeap: number;
  peakRss: number;
  retainedHeap: number;
  bytes: number;
}

const isReport = (m: unknown): m is MemoryReport => (m as { type?: unknown } | null)?.type === 'memory';

async function send(configFile: string, dataDir: string, draftFile: string, eml: boolean): Promise<MemoryReport> {
  const child = forkBench('rows/memory-child.ts', [configFile, dataDir, draftFile, ...(eml ? ['--eml'] : [])], {
    execArgv: ['--expose-gc'],
  });
  return nextMessage(child, isReport, 900_000);
}

rowMain(async (opts): Promise<Row[]> => {
  const small = 10_000;
  const large = opts.quick ? 30_000 : 100_000;
  const eml = process.argv.includes('--eml');
  const project = projectWithItems(2000);
  try {
    const app = project.open();
    let draftFile: string;
    try {
      const composed = await composeStep(app, { asOf: NOW, force: true });
      if (composed.nothingNew) throw new Error(`compose found nothing: ${composed.reason}`);
      draftFile = join(composed.dir, 'draft.json');
    } finally {
      app.close();
    }
    const results: MemoryReport[] = [];
    for (const n of [small, large]) {
      const dataDir = join(project.dir, `data-${n}`);
      const store = Store.open(dataDir);
      try {
        seedSubscribers(store, n);
      } finally {
        store.close();
      }
      const r = await send(project.configFile, dataDir, draftFile, eml);
      if (r.sent !== n) throw new Error(`sent ${r.sent} of ${n} (failed ${r.failed})`);
      results.push(r);
    }
    const [a, b] = results as [MemoryReport, MemoryReport];
    const growth = b.maxRss / a.maxRss;
    return [
      row({
        id: '3',
        work: `Memory: peak RSS sending to ${count(large)} subscribers streamed from SQLite`,
        ours: mb(b.maxRss),
        peer: `same send to ${count(small)}: ${mb(a.maxRss)}`,
        ratio: `${times(b.maxRss, a.maxRss)} for ${times(large, small)} the list`,
        target: '≤ 250 MB, flat',
        pass: b.maxRss <= 250 * 1024 * 1024 && growth <= 1.25,
        note: `sink transport in the sending process (${eml ? 'builds each .eml, then drops it' : 'takes each personalized message, counts its bytes, drops it; no .eml build, no I/O but SQLite'}); ledger claim+mark per recipient. RSS after setup ${mb(a.baseRss)}/${mb(b.baseRss)}, peak JS heap ${mb(a.peakHeap)}/${mb(b.peakHeap)}, JS heap left after the send and a full GC ${mb(a.retainedHeap)}/${mb(b.retainedHeap)} (${count(small)}/${count(large)}); ${count(large)} sent in ${ms(b.ms)} (${rate((large / b.ms) * 1000)}). Flat = peak grows ≤ 1.25× for ${times(large, small)} the subscribers.`,
      }),
    ];
  } finally {
    project.remove();
  }
});
