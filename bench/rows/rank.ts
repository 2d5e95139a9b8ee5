/**
 * Row 5, Cluster/rank: `rankTopics` (pure: tokenize, near-duplicates, topics, scores,
 * diverse selection) on 2,000 and 20,000 generated items, and how the time grows.
 */
import { performance } from 'node:perf_hooks';
import { resolveConfig } from '../../src/config/index.js';
import { rankTopics } from '../../src/rank/index.js';
import type { RankDoc, RankInput } from '../../src/types.js';
import { rankDocOf } from '../../src/opening.js';
import { generateItems } from '../generate.js';
import { rowMain } from '../lib/child.js';
import { NOW, sourcesOf } from '../lib/fixture.js';
import { count, ms, row, times, type Row } from '../lib/table.js';
import { sample, warm } from '../lib/timing.js';

function input(n: number): RankInput {
  const generated = generateItems(n, { seed: 5, now: NOW });
  const items: RankDoc[] = generated.map((it, i) => rankDocOf({ ...it, id: i + 1, fetchedAt: NOW.toISOString() }));
  const config = resolveConfig({ sources: sourcesOf(generated) }, '/');
  return {
    items,
    sources: config.sources,
    sent: [],
    now: NOW,
    newsletter: config.newsletter,
    rank: config.rank,
    pins: [],
    blocks: [],
  };
}

rowMain(async (opts): Promise<Row[]> => {
  const small = input(2000);
  const large = input(20_000);
  const t0 = performance.now();
  rankTopics(small);
  const firstCall = performance.now() - t0;
  const a = await warm(() => rankTopics(small), { runs: opts.quick ? 3 : 9, warmup: 1 });
  const times20k: number[] = [];
  let topics = 0;
  for (let i = 0; i < (opts.quick ? 1 : 3); i++) {
    const t0 = performance.now();
    topics = rankTopics(large).topics.length;
    times20k.push(performance.now() - t0);
  }
  const b = sample(times20k);
  const growth = b.median / a.median;
  const exponent = Math.log(growth) / Math.log(10);
  return [
    row({
      id: '5a',
      work: `Cluster/rank: rankTopics on ${count(2000)} items (median of ${a.runs})`,
      ours: ms(a.median),
      peer: '',
      ratio: '',
      target: '≤ 100 ms',
      pass: a.median <= 100,
      note: `the first call in a fresh process (what a cold \`briefing compose\` pays) took ${ms(firstCall)}.`,
    }),
    row({
      id: '5b',
      work: `Cluster/rank: ${count(20_000)} items (median of ${b.runs}), growth for 10× the items`,
      ours: ms(b.median),
      peer: `${count(2000)} items: ${ms(a.median)}`,
      ratio: `${times(b.median, a.median)} (n^${exponent.toFixed(2)})`,
      target: 'near linear (≤ n^1.2)',
      pass: exponent <= 1.2,
      note: `generated items over one week, ${topics} topics selected; linear growth would be 10×, n·log n about 13×, quadratic 100×.`,
    }),
  ];
});
