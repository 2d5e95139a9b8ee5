/** One delivery of an issue at a time: a second `send` names the holder and never recovers its rows. */
import { spawn, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, silentLogger, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { collectStep, composeStep, sendLockName, sendStep } from '../../src/pipeline.js';
import { sampleConfig } from './helpers.js';

describe('the send lock', () => {
  let app: App;
  let issueId: string;
  let other: ChildProcess;

  beforeAll(async () => {
    const { file } = sampleConfig();
    app = createApp(loadConfig(file), { logger: silentLogger });
    app.store.subscribers.upsertMany(
      Array.from({ length: 5 }, (_, i) => ({ email: `reader${i + 1}@example.kr`, name: `독자${i + 1}` })),
      new Date(),
    );
    await collectStep(app);
    const out = await composeStep(app);
    if (out.nothingNew) throw new Error(out.reason);
    issueId = out.issueId;
    // Another live process on this host is sending the issue: it holds the lock and one row in flight.
    other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    const at = new Date();
    app.store.slots.acquireLock(
      sendLockName(issueId),
      { holder: `${hostname()}:${other.pid}:feedbeef`, pid: other.pid ?? 0, host: hostname() },
      at,
      () => undefined,
    );
    const first = app.store.subscribers.get('reader1@example.kr');
    if (!first) throw new Error('no subscriber');
    app.store.deliveries.claim(issueId, first, at, '<in-flight@example.com>');
  });
  afterAll(() => {
    other.kill();
    app.close();
  });

  it('refuses a second send of the issue, naming the holder, and leaves its rows alone', async () => {
    await expect(sendStep(app, issueId, { retryUncertain: true })).rejects.toThrow(
      new RegExp(`issue ${issueId} is being sent by another process \\(pid ${other.pid} on host `),
    );
    expect(app.store.deliveries.counts(issueId)).toMatchObject({ sending: 1, uncertain: 0, sent: 0 });
  });

  it('takes the lock over once its process is gone, and then recovers its row', async () => {
    const exited = new Promise((r) => other.once('exit', r));
    other.kill();
    await exited;
    const summary = await sendStep(app, issueId);
    // The dead process had claimed the row but sent no message data: it goes out once, now.
    expect(summary).toMatchObject({ sent: 5, uncertain: 0 });
    expect(app.store.slots.getLock(sendLockName(issueId))).toBeUndefined();
  });
});
