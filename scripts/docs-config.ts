/** `npm run docs:config`: write docs/config.md from the config schema. */
import { resolve } from 'node:path';
import { configDocs } from '../src/config/docs.js';
import { writeFileAtomic } from '../src/util/atomic.js';

const file = resolve(import.meta.dirname, '../docs/config.md');
writeFileAtomic(file, configDocs());
process.stdout.write(`wrote ${file}\n`);
