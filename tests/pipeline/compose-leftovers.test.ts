/** What a compose killed mid-write leaves is finished or cleaned on the next start; never an unrecorded issue. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, silentLogger, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { collectStep, composeStep, sendStep } from '../../src/pipeline.js';
import { sampleConfig } from './helpers.js';

const apps: App[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.close();
});

async function collected(): Promise<App> {
  const { file } = sampleConfig();
  const app = createApp(loadConfig(file), { logger: silentLogger });
  apps.push(app);
  await collectStep(app);
  return app;
}

/** A pid that was just used and is gone. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid ?? 999_999;
}

describe('compose leftovers', () => {
  it('finishes an issue the store recorded whose folder was still a temp folder', async () => {
    const app = await collected();
    const out = await composeStep(app);
    if (out.nothingNew) throw new Error(out.reason);
    const outbox = app.config.paths.outbox;
    renameSync(out.dir, join(outbox, `.${out.issueId}.${deadPid()}.0a1b2c3d.tmp`));
    app.store.subscribers.upsertMany([{ email: 'reader@example.kr', name: '독자' }], new Date());
    const sent = await sendStep(app, out.issueId);
    expect(sent.sent).toBe(1);
    expect(existsSync(join(outbox, out.issueId, 'draft.json'))).toBe(true);
    expect(readdirSync(outbox)).toEqual([out.issueId]);
  });

  it('removes a half-written temp folder of a dead compose, and the next compose takes the id', async () => {
    const app = await collected();
    const outbox = app.config.paths.outbox;
    const stale = join(outbox, `.2026-11-16.${deadPid()}.deadbeef.tmp`);
    mkdirSync(stale, { recursive: true });
    writeFileSync(join(stale, 'issue.html'), '<!doctype html><html><body><h1>[브리핑] 반도');
    const out = await composeStep(app);
    if (out.nothingNew) throw new Error(out.reason);
    expect(out.issueId).toBe('2026-11-16');
    expect(readdirSync(outbox)).toEqual(['2026-11-16']);
  });

  it('leaves the temp folder of a compose that is still running', async () => {
    const app = await collected();
    const outbox = app.config.paths.outbox;
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      const theirs = join(outbox, `.2026-11-16.${live.pid}.12345678.tmp`);
      mkdirSync(theirs, { recursive: true });
      await composeStep(app);
      expect(existsSync(theirs)).toBe(true);
    } finally {
      live.kill();
    }
  });

  it('puts no issue folder in place when the store cannot record it', async () => {
    const app = await collected();
    app.store.db.exec(`CREATE TRIGGER refuse_issue BEFORE INSERT ON issues
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    await expect(composeStep(app)).rejects.toThrow(/disk is full/);
    expect(existsSync(app.config.paths.outbox) ? readdirSync(app.config.paths.outbox) : []).toEqual([]);
  });
});
