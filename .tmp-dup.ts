import { generateStories } from './bench/generate.js';
import { Analyzer } from './src/rank/tokenize.js';
import { buildVectors, DenseRow } from './src/rank/vectors.js';
import { groupDuplicates } from './src/rank/duplicates.js';
const stories = generateStories(2000, { seed: 7, now: new Date('2026-11-23T00:00:00Z') });
const items = stories.flatMap((s) => s.items).sort((a, b) => (a.publishedAt < b.publishedAt ? -1 : 1));
const a = new Analyzer();
const v = buildVectors(items, a);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const order = items.map((_, i) => i);
const docs = items.map((it, i) => ({ vector: v[i]!, key: it.canonicalLink }));
for (let r = 0; r < 30; r++) {
  const t = cpu();
  const row = new DenseRow(a.vocabularySize);
  const root = groupDuplicates(docs, order, 0.8, row, (id) => a.isWholeWord(id));
  if (r % 5 === 0) console.log('dup', (cpu() - t).toFixed(1), root.filter((x, i) => x !== i).length);
}
