import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, fixedClock, silentLogger, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { collectStep } from '../../src/pipeline.js';
import { SAMPLE_AS_OF, sampleConfig } from './helpers.js';

describe('storing a collection', () => {
  let app: App;
  beforeAll(() => {
    const { file } = sampleConfig();
    app = createApp(loadConfig(file), { clock: fixedClock(SAMPLE_AS_OF), logger: silentLogger });
    // The store refuses one source's rows, as it refused a 180 MB item ("string or blob too big").
    app.store.db.exec(`CREATE TRIGGER refuse_market BEFORE INSERT ON items WHEN NEW.source = '마켓워치코리아'
      BEGIN SELECT RAISE(ABORT, 'string or blob too big'); END`);
  });
  afterAll(() => app.close());

  it('fails the source whose items cannot be stored, and keeps every other source', async () => {
    const reports = await collectStep(app);
    const byName = new Map(reports.map((r) => [r.name, r]));
    expect(byName.get('마켓워치코리아')).toMatchObject({ status: 'failed', newItems: 0 });
    expect(byName.get('마켓워치코리아')?.error).toMatch(/could not be stored: .*string or blob too big/);
    expect(byName.get('테크데일리')?.status).toBe('ok');
    expect(byName.get('테크데일리')?.newItems).toBeGreaterThan(0);
    expect(byName.get('스타트업브리프')?.newItems).toBeGreaterThan(0);
    const stored = app.store.db.prepare('SELECT source, COUNT(*) AS n FROM items GROUP BY source').all() as Array<{
      source: string;
      n: number;
    }>;
    expect(stored.map((r) => r.source).sort()).toEqual(['스타트업브리프', '테크데일리']);
    expect(app.store.sources.get(byName.get('마켓워치코리아')?.url ?? '')?.lastError).toMatch(/could not be stored/);
  });
});
