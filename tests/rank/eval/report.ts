/**
 * Prints the clustering figures on the labelled set, for a sweep of thresholds.
 * Run: npx tsx tests/rank/eval/report.ts
 */
import { rankTopics } from '../../../src/rank/index.js';
import { input } from '../builders.js';
import { bcubed, pairwise } from './metrics.js';
import { evalNow, evalSources, goldLabels, predictedDuplicatePairs, predictedLabels, toItems } from './dataset.js';
import { EVAL_ITEMS } from './stories.js';

const gold = goldLabels();
const items = toItems();
const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);
console.log(`items ${items.length}, gold topics ${new Set(gold.values()).size}`);
console.log('tau    pairP  pairR  pairF1 | b3P    b3R    b3F1  | topics');
for (const tau of [0.1, 0.12, 0.14, 0.15, 0.16, 0.18, 0.2, 0.22, 0.25, 0.3]) {
  const r = rankTopics(input({ items, sources: evalSources(), now: evalNow, rank: { clusterThreshold: tau } }));
  const pred = predictedLabels(r);
  const p = pairwise(pred, gold);
  const b = bcubed(pred, gold);
  console.log(
    `${tau.toFixed(2)}  ${pct(p.precision)}  ${pct(p.recall)}  ${pct(p.f1)} | ${pct(b.precision)}  ${pct(b.recall)}  ${pct(b.f1)} | ${r.topics.length + r.dropped.length}`,
  );
}
for (const dup of [0.6, 0.7, 0.8, 0.9]) {
  const r = rankTopics(input({ items, sources: evalSources(), now: evalNow, rank: { duplicateThreshold: dup } }));
  const pairs = predictedDuplicatePairs(r);
  const goldDups = EVAL_ITEMS.filter((e) => e.dupOf !== undefined);
  const hit = pairs.filter(([d, k]) => goldDups.some((g) => (g.id === d && g.dupOf === k) || (g.id === k && g.dupOf === d)));
  console.log(`dup ${dup}: collapsed ${pairs.length} pairs, ${hit.length} of ${goldDups.length} gold wire copies`, pairs);
}
if (process.argv.includes('--clusters')) {
  const r = rankTopics(input({ items, sources: evalSources(), now: evalNow }));
  for (const t of [...r.topics, ...r.dropped.map((d) => d.topic)]) {
    console.log(t.id, t.items.map((i) => `${i.itemId}:${gold.get(i.itemId)}${i.duplicates.length ? `+${i.duplicates}` : ''}`).join(' '));
  }
}
const tauArg = process.argv.find((a) => a.startsWith('--tau='));
if (tauArg) {
  const r = rankTopics(input({ items, sources: evalSources(), now: evalNow, rank: { clusterThreshold: Number(tauArg.slice(6)) } }));
  for (const t of [...r.topics, ...r.dropped.map((d) => d.topic)]) {
    const labels = new Set(t.items.map((i) => gold.get(i.itemId)));
    if (labels.size > 1 || process.argv.includes('--all'))
      console.log('MIXED', t.items.map((i) => `${i.itemId}:${gold.get(i.itemId)}`).join(' '));
  }
  const byStory = new Map<string, Set<string>>();
  for (const t of [...r.topics, ...r.dropped.map((d) => d.topic)])
    for (const i of t.items) {
      const s = gold.get(i.itemId) ?? '?';
      byStory.set(s, (byStory.get(s) ?? new Set()).add(t.id));
    }
  for (const [s, ts] of byStory) if (ts.size > 1) console.log('SPLIT', s, ts.size);
}
