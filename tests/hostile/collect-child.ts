/**
 * One `collect` in its own process, for `npm run test:hostile`: prints the reports, what the
 * store holds, and the process's peak resident memory.
 */
import { createApp, silentLogger } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { collectStep } from '../../src/pipeline.js';

const app = createApp(loadConfig(process.argv[2] ?? ''), { logger: silentLogger });
try {
  const reports = await collectStep(app);
  const items = app.store.db.prepare('SELECT source, title, canonical_link AS link FROM items').all();
  process.stdout.write(`${JSON.stringify({ reports, items, maxRssKb: process.resourceUsage().maxRSS })}\n`);
} finally {
  app.close();
}
