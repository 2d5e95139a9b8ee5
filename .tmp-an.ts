import { generateStories } from './bench/generate.js';
import { Analyzer } from './src/rank/tokenize.js';
import { buildVectors } from './src/rank/vectors.js';
const stories = generateStories(2000, { seed: 7, now: new Date('2026-11-23T00:00:00Z') });
const items = stories.flatMap((s) => s.items);
const texts = items.flatMap((it) => [it.title, ...it.blocks.map((b) => b.text)]);
const chars = texts.reduce((s, t) => s + t.length, 0);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
class Sink { n = 0; w = 0; add(id: number, w: number) { this.n += id; this.w += w; } }
const warm = new Analyzer();
for (let r = 0; r < 8; r++) {
  const s = new Sink();
  let t = cpu(); for (const x of texts) warm.analyze(x, 1, s); const a = cpu() - t;
  t = cpu(); const fresh = new Analyzer(); for (const x of texts) fresh.analyze(x, 1, s); const b = cpu() - t;
  t = cpu(); buildVectors(items, new Analyzer()); const c = cpu() - t;
  console.log(`chars ${chars} warm-cache analyze ${a.toFixed(1)} fresh ${b.toFixed(1)} buildVectors ${c.toFixed(1)}`);
}
