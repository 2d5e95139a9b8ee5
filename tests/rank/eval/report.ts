/**
 * Prints the grouping figures on the labelled set: at the default config, for a sweep of
 * the cluster threshold, and for the duplicate threshold; `--topics` also lists each
 * topic's items with their gold story. Run: npx tsx tests/rank/eval/report.ts [--topics]
 */
import { rankTopics } from '../../../src/rank/index.js';
import type { RankConfig } from '../../../src/types.js';
import { input } from '../builders.js';
import { evalNow, evalSources, goldLabels, predictedDuplicatePairs, predictedLabels, toItems } from './dataset.js';
import { bcubed, pairwise } from './metrics.js';
import { EVAL_ITEMS } from './stories.js';

const gold = goldLabels();
const items = toItems();
const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);
const run = (rank: Partial<RankConfig> = {}) =>
  rankTopics(input({ items, sources: evalSources(), now: evalNow, rank }));

console.log(`${items.length} items, ${new Set(gold.values()).size} gold stories`);
console.log('clusterThreshold  pairwise P    R     F1 | B-cubed P    R     F1 | topics');
for (const tau of [0.12, 0.14, 0.16, 0.18, 0.2, 0.22, 0.25, 0.3]) {
  const r = run({ clusterThreshold: tau });
  const pred = predictedLabels(r);
  const p = pairwise(pred, gold);
  const b = bcubed(pred, gold);
  const all = r.topics.length + r.dropped.length;
  console.log(
    `${tau.toFixed(2).padStart(16)}  ${pct(p.precision)} ${pct(p.recall)} ${pct(p.f1)} |  ${pct(b.precision)} ${pct(b.recall)} ${pct(b.f1)} | ${all}`,
  );
}
const goldDups = new Set(EVAL_ITEMS.filter((e) => e.dupOf !== undefined).map((e) => [e.dupOf, e.id].join('-')));
for (const dup of [0.6, 0.7, 0.8, 0.9]) {
  const pairs = predictedDuplicatePairs(run({ duplicateThreshold: dup })).map(([d, k]) => [k, d].join('-'));
  const hits = pairs.filter((p) => goldDups.has(p)).length;
  console.log(
    `duplicateThreshold ${dup}: ${pairs.length} collapsed, ${hits} of ${goldDups.size} wire copies, ${pairs.length - hits} wrong`,
  );
}
if (process.argv.includes('--topics')) {
  const r = run();
  for (const t of [...r.topics, ...r.dropped.map((d) => d.topic)]) {
    const members = t.items.map(
      (i) => `${i.itemId}:${gold.get(i.itemId)}${i.duplicates.length ? `+${i.duplicates.join('+')}` : ''}`,
    );
    console.log(t.id, members.join(' '));
  }
}
