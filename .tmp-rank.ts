import { generateStories } from './bench/generate.js';
import { rankTopics } from './src/rank/index.js';
import { input, NOW } from './tests/rank/builders.js';
const stories = generateStories(2000, { seed: 7, now: NOW });
let id = 1;
const items = stories.flatMap((s) => s.items.map((c) => ({ ...c, id: id++, fetchedAt: c.publishedAt })));
const spec = input({ items, now: NOW });
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const ts: number[] = [];
for (let r = 0; r < 40; r++) { const t = cpu(); rankTopics(spec); ts.push(cpu() - t); }
ts.sort((a, b) => a - b); console.log('cpu median', ts[20]!.toFixed(1), 'min', ts[0]!.toFixed(1));
