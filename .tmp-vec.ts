import { generateStories } from './bench/generate.js';
import { Analyzer } from './src/rank/tokenize.js';
import { buildVectors } from './src/rank/vectors.js';
const stories = generateStories(2000, { seed: 7, now: new Date('2026-11-23T00:00:00Z') });
const items = stories.flatMap((s) => s.items);
for (let r = 0; r < 40; r++) buildVectors(items, new Analyzer());
