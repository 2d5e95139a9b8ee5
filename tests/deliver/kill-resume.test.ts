import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/index.js';
import { addSubscribers } from './builders.js';
import { startSmtpServer, type TestSmtpServer } from './smtp-test-server.js';

const CHILD = fileURLToPath(new URL('./fixtures/send-child.ts', import.meta.url));
const TSX = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
const N = 40;

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function runChild(dataDir: string, port: number, connections: number, ...flags: string[]): Run {
  const child = spawn(
    process.execPath,
    ['--import', TSX, CHILD, dataDir, String(port), String(connections), ...flags],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

async function finished(run: Run): Promise<Record<string, number>> {
  const r = await run.done;
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, number>;
}

/** Subscribers, delivered (distinct), duplicates and missed, from what the server holds. */
function tally(server: TestSmtpServer): { subscribers: number; delivered: number; duplicates: number; missed: number } {
  const per = new Map<string, number>();
  for (const m of server.received) for (const to of m.to) per.set(to, (per.get(to) ?? 0) + 1);
  const all = Array.from({ length: N }, (_, i) => `sub${i + 1}@example.org`);
  return {
    subscribers: N,
    delivered: all.filter((a) => (per.get(a) ?? 0) > 0).length,
    duplicates: [...per.values()].reduce((s, n) => s + Math.max(0, n - 1), 0),
    missed: all.filter((a) => !per.has(a)).length,
  };
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function prepare(): Promise<{ dataDir: string; server: TestSmtpServer; uncertain: () => string[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'briefing-kill-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const store = Store.open(dataDir);
  addSubscribers(store, N);
  store.close();
  const server = await startSmtpServer();
  cleanups.push(() => server.close());
  const uncertain = (): string[] => {
    const s = Store.open(dataDir);
    try {
      return s.deliveries.list('2026-11-23', 'uncertain').map((r) => r.email);
    } finally {
      s.close();
    }
  };
  return { dataDir, server, uncertain };
}

describe('a sending process killed mid-run and started again', { timeout: 60_000 }, () => {
  it('delivers exactly one message per subscriber when killed after the server took a message but before the ledger recorded it', async () => {
    const { dataDir, server, uncertain } = await prepare();
    let killed: Run | undefined;
    // The 15th message arrives whole; the sender is SIGKILLed before the server answers it.
    server.behaviour = {
      data: () => (server.received.length === 14 && killed ? (killed.child.kill('SIGKILL'), 'hold') : undefined),
    };
    killed = runChild(dataDir, server.port, 1);
    const k = await killed.done;
    expect(k.signal).toBe('SIGKILL');
    expect(server.received).toHaveLength(15);

    server.behaviour = {};
    const resumed = await finished(runChild(dataDir, server.port, 1));
    expect(resumed).toMatchObject({ recovered: 1, sent: N - 15, skipped: 14, failed: 0, uncertain: 1 });
    expect(uncertain()).toEqual(['sub15@example.org']);
    // The uncertain row carries the Message-ID the server holds, so the operator can look it up.
    const atServer = server.received.find((m) => m.to[0] === 'sub15@example.org')?.raw.toString('latin1') ?? '';
    const s = Store.open(dataDir);
    const row = s.deliveries.list('2026-11-23', 'uncertain')[0];
    s.close();
    expect(row?.messageId).toMatch(/^<2026-11-23\./);
    expect(atServer).toContain(`Message-ID: ${row?.messageId}`);
    const t = tally(server);
    console.log(`kill-and-resume (killed after accept): ${JSON.stringify({ ...t, uncertain: resumed.uncertain })}`);
    expect(t).toEqual({ subscribers: N, delivered: N, duplicates: 0, missed: 0 });

    // A third run changes nothing.
    const third = await finished(runChild(dataDir, server.port, 1));
    expect(third).toMatchObject({ sent: 0, skipped: N - 1, uncertain: 1 });
    expect(server.received).toHaveLength(N);
  });

  it('sends a subscriber killed before the data went out again with a plain send, not as uncertain', async () => {
    const { dataDir, server, uncertain } = await prepare();
    let killed: Run | undefined;
    // Killed while the 15th recipient's envelope is being given: the server never gets that message.
    server.behaviour = {
      rcpt: (addr) => {
        if (addr === 'sub15@example.org' && killed) killed.child.kill('SIGKILL');
        return undefined;
      },
    };
    killed = runChild(dataDir, server.port, 1);
    expect((await killed.done).signal).toBe('SIGKILL');
    server.behaviour = {};
    expect(tally(server)).toMatchObject({ delivered: 14 });

    const resumed = await finished(runChild(dataDir, server.port, 1));
    expect(resumed).toMatchObject({ recovered: 0, resumed: 1, sent: N - 14, uncertain: 0 });
    expect(uncertain()).toEqual([]);
    const t = tally(server);
    console.log(`kill-and-resume (killed before data): ${JSON.stringify(t)}`);
    expect(t).toEqual({ subscribers: N, delivered: N, duplicates: 0, missed: 0 });
  });

  it('resends an uncertain subscriber only with --retry-uncertain', async () => {
    const { dataDir, server, uncertain } = await prepare();
    let killed: Run | undefined;
    // The 15th message's final dot is read, and the server drops it without answering (it never keeps it).
    server.behaviour = {
      data: (msg) => {
        if (msg.to[0] === 'sub15@example.org' && killed) {
          killed.child.kill('SIGKILL');
          return 'hold';
        }
        return undefined;
      },
    };
    killed = runChild(dataDir, server.port, 1);
    expect((await killed.done).signal).toBe('SIGKILL');
    server.received.splice(
      server.received.findIndex((m) => m.to[0] === 'sub15@example.org'),
      1,
    );
    server.behaviour = {};
    const resumed = await finished(runChild(dataDir, server.port, 1));
    expect(resumed).toMatchObject({ recovered: 1, resumed: 0, uncertain: 1 });
    expect(uncertain()).toEqual(['sub15@example.org']);
    expect(tally(server)).toMatchObject({ delivered: N - 1, missed: 1 });

    const retried = await finished(runChild(dataDir, server.port, 1, '--retry-uncertain'));
    expect(retried).toMatchObject({ released: 1, sent: 1, uncertain: 0 });
    expect(uncertain()).toEqual([]);
    expect(tally(server)).toEqual({ subscribers: N, delivered: N, duplicates: 0, missed: 0 });
  });

  it('never doubles a message with three connections in flight at the kill', async () => {
    const { dataDir, server, uncertain } = await prepare();
    let killed: Run | undefined;
    server.behaviour = {
      data: () => (server.received.length === 19 && killed ? (killed.child.kill('SIGKILL'), 'hold') : undefined),
    };
    killed = runChild(dataDir, server.port, 3);
    expect((await killed.done).signal).toBe('SIGKILL');
    server.behaviour = {};
    const resumed = await finished(runChild(dataDir, server.port, 3));
    const unsure = new Set(uncertain());
    expect(resumed.uncertain).toBe(unsure.size);
    expect(unsure.size).toBeGreaterThanOrEqual(1);
    expect(unsure.size).toBeLessThanOrEqual(3);
    const per = new Map<string, number>();
    for (const m of server.received) for (const to of m.to) per.set(to, (per.get(to) ?? 0) + 1);
    for (let i = 1; i <= N; i++) {
      const a = `sub${i}@example.org`;
      if (unsure.has(a)) expect(per.get(a) ?? 0, a).toBeLessThanOrEqual(1);
      else expect(per.get(a), a).toBe(1);
    }
    const t = tally(server);
    console.log(`kill-and-resume (3 connections): ${JSON.stringify({ ...t, uncertain: unsure.size })}`);
    expect(t.duplicates).toBe(0);
  });
});
