/**
 * Row 4, Collect: 100 feeds × 50 items served by a loopback HTTP server (its own process).
 *
 * - cold: `collectStep` on an empty store (no validators: every feed answers 200, every
 *   item is parsed, cleaned and stored), median of fresh stores;
 * - all-304: the same sources again (every feed answers 304 to the stored ETag);
 * - peer: the same code fetching one feed at a time (collect.concurrency: 1);
 * - the note adds `briefing collect` from the built CLI in a fresh process.
 */
import { performance } from 'node:perf_hooks';
import type { SourceReport } from '../../src/types.js';
import { collectStep } from '../../src/pipeline.js';
import { CLI, forkBench, nextMessage, rowMain } from '../lib/child.js';
import { makeProject, type Project } from '../lib/fixture.js';
import { ms, row, speedup, type Row } from '../lib/table.js';
import { cold, median } from '../lib/timing.js';

const FEEDS = 100;
const PER_FEED = 50;

function check(reports: SourceReport[], want: SourceReport['status']): void {
  const off = reports.filter((r) => r.status !== want);
  if (off.length > 0)
    throw new Error(
      `${off.length} of ${reports.length} sources were ${off[0]?.status} not ${want}: ${off[0]?.error ?? ''}`,
    );
}

async function measure(
  sources: Array<{ name: string; url: string }>,
  concurrency: number,
  coldRuns: number,
  warmRuns: number,
): Promise<{ cold: number; notModified: number; newItems: number; project: Project }> {
  const colds: number[] = [];
  const hots: number[] = [];
  let newItems = 0;
  let last: Project | undefined;
  for (let r = 0; r < coldRuns; r++) {
    last?.remove();
    const project = makeProject({ sources, collect: [`concurrency: ${concurrency}`] });
    last = project;
    const app = project.open();
    try {
      const t0 = performance.now();
      const reports = await collectStep(app);
      colds.push(performance.now() - t0);
      check(reports, 'ok');
      newItems = reports.reduce((n, x) => n + x.newItems, 0);
      if (r === coldRuns - 1) {
        for (let w = 0; w < warmRuns; w++) {
          const t1 = performance.now();
          const again = await collectStep(app);
          hots.push(performance.now() - t1);
          check(again, 'not-modified');
        }
      }
    } finally {
      app.close();
    }
  }
  return { cold: median(colds), notModified: median(hots), newItems, project: last! };
}

rowMain(async (opts): Promise<Row[]> => {
  const server = forkBench('lib/feed-server.ts', [String(FEEDS), String(PER_FEED)]);
  const projects: Project[] = [];
  try {
    const ready = await nextMessage(
      server,
      (m): m is { type: 'ready'; port: number; bytes: number } => (m as { type?: unknown } | null)?.type === 'ready',
      120_000,
    );
    const sources = Array.from({ length: FEEDS }, (_, i) => ({
      name: `피드${i + 1}`,
      url: `http://127.0.0.1:${ready.port}/feed/${i}.xml`,
    }));
    const coldRuns = opts.quick ? 2 : 3;
    const warmRuns = opts.quick ? 3 : 7;
    const ours = await measure(sources, 8, coldRuns, warmRuns);
    projects.push(ours.project);
    const peer = await measure(sources, 1, opts.quick ? 1 : 2, warmRuns);
    projects.push(peer.project);

    // The CLI in a fresh process, on a fresh store.
    const cliProject = makeProject({ sources });
    projects.push(cliProject);
    const cli = cold([CLI, '--config', cliProject.configFile, 'collect'], { runs: 1, cwd: cliProject.dir });

    const mbServed = (ready.bytes / 1024 / 1024).toFixed(1);
    return [
      row({
        id: '4a',
        work: `Collect cold: ${FEEDS} feeds × ${PER_FEED} items from 127.0.0.1, empty store`,
        ours: ms(ours.cold),
        peer: `one by one: ${ms(peer.cold)}`,
        ratio: speedup(peer.cold, ours.cold),
        target: '≤ 2 s',
        pass: ours.cold <= 2000,
        note: `collectStep (fetch, decode, parse, sanitize, blocks, near-duplicates, store) with collect.concurrency 8 against 1; ${mbServed} MB of RSS served, ${ours.newItems.toLocaleString('en-US')} new items stored; median of ${coldRuns} fresh stores. \`briefing collect\` CLI, fresh process and store: ${ms(cli.median)}.`,
      }),
      row({
        id: '4b',
        work: `Collect again: all ${FEEDS} feeds answer 304 (median of ${warmRuns})`,
        ours: ms(ours.notModified),
        peer: `one by one: ${ms(peer.notModified)}`,
        ratio: speedup(peer.notModified, ours.notModified),
        target: '≤ 0.3 s',
        pass: ours.notModified <= 300,
      }),
    ];
  } finally {
    for (const p of projects) p.remove();
    server.send({ type: 'close' });
  }
});
