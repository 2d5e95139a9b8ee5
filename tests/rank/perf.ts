/**
 * Time to cluster and rank 2,000 generated items (not a test: a measurement).
 * Run: npx tsx tests/rank/perf.ts [items] [runs]
 * Also prints the grouping figures against the generator's own stories.
 */
import { availableParallelism, loadavg } from 'node:os';
import { generateStories } from '../../bench/generate.js';
import { rankTopics } from '../../src/rank/index.js';
import type { Item } from '../../src/types.js';
import { input, NOW } from './builders.js';
import { bcubed, pairwise } from './eval/metrics.js';
import { predictedLabels } from './eval/dataset.js';

const n = Number(process.argv[2] ?? 2000);
const runs = Number(process.argv[3] ?? 30);
const stories = generateStories(n, { seed: 7, now: NOW, sources: 8, windowHours: 168 });
const gold = new Map<number, string>();
let id = 1;
const items: Item[] = [];
for (const s of stories) {
  for (const c of s.items) {
    gold.set(id, s.id);
    items.push({ ...c, id: id++, fetchedAt: c.publishedAt });
  }
}
const sources = [...new Set(items.map((i) => i.source))].map((name, k) => ({
  name,
  url: `https://${k}.example.kr/rss`,
  weight: 1,
  fullText: false,
}));
const spec = input({ items, sources, now: NOW });

const t0 = performance.now();
const first = rankTopics(spec);
const cold = performance.now() - t0;
const times: number[] = [];
const cpu: number[] = [];
for (let k = 0; k < runs; k++) {
  const c = process.cpuUsage();
  const t = performance.now();
  rankTopics(spec);
  times.push(performance.now() - t);
  const used = process.cpuUsage(c);
  cpu.push((used.user + used.system) / 1000);
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
const chars = items.reduce((s, i) => s + i.title.length + i.blocks.reduce((b, x) => b + x.text.length, 0), 0);
console.log(
  `${items.length} items (${(chars / items.length).toFixed(0)} chars each), ${stories.length} generated stories`,
);
console.log(
  `rankTopics: first run ${cold.toFixed(1)} ms; then median ${times[Math.floor(runs / 2)]?.toFixed(1)} ms, ` +
    `p90 ${times[Math.floor(runs * 0.9)]?.toFixed(1)} ms wall (CPU median ${cpu[Math.floor(runs / 2)]?.toFixed(1)} ms) over ${runs} runs; ` +
    `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`,
);
const pred = predictedLabels(first);
const p = pairwise(pred, gold);
const b = bcubed(pred, gold);
const f = (x: number): string => (x * 100).toFixed(1);
console.log(
  `topics ${first.topics.length + first.dropped.length}; pairwise P ${f(p.precision)} R ${f(p.recall)} F1 ${f(p.f1)}; B-cubed P ${f(b.precision)} R ${f(b.recall)} F1 ${f(b.f1)}`,
);
