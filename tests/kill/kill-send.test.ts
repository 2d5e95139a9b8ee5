/**
 * `npm run test:kill`: a 1,000-subscriber send over 5 connections to a real SMTP server on
 * 127.0.0.1, killed (SIGKILL) 20 times at random moments, each kill followed by a plain
 * send (no --retry-uncertain); a last plain send finishes the list. Then, from what the
 * server holds: no subscriber has two copies, everyone without a copy is listed as
 * uncertain, and each kill left at most one uncertain row per open connection. It prints
 * how many of the uncertain rows the server really had.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/index.js';
import { addSubscribers } from '../deliver/builders.js';
import { startSmtpServer, type TestSmtpServer } from '../deliver/smtp-test-server.js';

const CHILD = fileURLToPath(new URL('../deliver/fixtures/send-child.ts', import.meta.url));
const TSX = new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url).href;
const ISSUE = '2026-11-23';
const SUBSCRIBERS = 1000;
const CONNECTIONS = 5;
const KILLS = 20;

interface KillRecord {
  /** Messages the server took during the killed run. */
  received: number;
  /** Rows the kill left 'sending', by phase. */
  phases: Record<string, number>;
}

function sendChild(
  dataDir: string,
  port: number,
): {
  kill: () => void;
  done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>;
} {
  const child = spawn(
    process.execPath,
    ['--import', TSX, CHILD, dataDir, String(port), String(CONNECTIONS), '--long'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return {
    kill: () => child.kill('SIGKILL'),
    done: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }))),
  };
}

function leftSending(dataDir: string): Record<string, number> {
  const s = Store.open(dataDir);
  try {
    const rows = s.db
      .prepare("SELECT phase, count(*) AS n FROM deliveries WHERE issue_id = ? AND status = 'sending' GROUP BY phase")
      .all(ISSUE) as Array<{ phase: string | null; n: number }>;
    return Object.fromEntries(rows.map((r) => [r.phase ?? 'none', r.n]));
  } finally {
    s.close();
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('a 1,000-subscriber send killed 20 times', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'briefing-kill20-'));
  let server: TestSmtpServer | undefined;
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('ends with every subscriber sent exactly once, apart from the few listed uncertain', {
    timeout: 600_000,
  }, async () => {
    const store = Store.open(dataDir);
    addSubscribers(store, SUBSCRIBERS);
    store.close();
    const smtp = await startSmtpServer();
    server = smtp;

    const kills: KillRecord[] = [];
    // Messages per millisecond, learned from the runs so far (a first guess until then).
    let rate = 0.3;
    while (kills.length < KILLS) {
      const before = smtp.received.length;
      if (before >= SUBSCRIBERS) break;
      const run = sendChild(dataDir, smtp.port);
      let exited = false;
      void run.done.then(() => (exited = true));
      // Wait for this run's first message, then kill at a random moment within the time
      // the next 1/(kills left + 2) of the remaining list takes, so the kills spread over
      // the whole send and the list is not finished before the last one.
      while (!exited && smtp.received.length === before) await sleep(2);
      const started = Date.now();
      const span = (SUBSCRIBERS - before) / (KILLS - kills.length + 2) / rate;
      await sleep(Math.random() * span);
      run.kill();
      const r = await run.done;
      const took = smtp.received.length - before;
      if (Date.now() > started) rate = Math.max(0.02, took / Math.max(1, Date.now() - started));
      if (r.signal !== 'SIGKILL') {
        expect(r.code, r.stderr).toBe(0);
        break; // the list was finished before the kill landed
      }
      const phases = leftSending(dataDir);
      kills.push({ received: took, phases });
    }

    const last = await sendChild(dataDir, smtp.port).done;
    expect(last.code, last.stderr).toBe(0);
    const summary = JSON.parse(last.stdout) as Record<string, number>;

    const per = new Map<string, number>();
    for (const m of smtp.received) for (const to of m.to) per.set(to, (per.get(to) ?? 0) + 1);
    const s = Store.open(dataDir);
    const uncertain = s.deliveries.list(ISSUE, 'uncertain').map((r) => r.email);
    const counts = s.deliveries.counts(ISSUE);
    s.close();
    const unsure = new Set(uncertain);
    const all = Array.from({ length: SUBSCRIBERS }, (_, i) => `sub${i + 1}@example.org`);
    const duplicates = [...per.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);
    const missed = all.filter((a) => !per.has(a));
    const missedNotUncertain = missed.filter((a) => !unsure.has(a));
    const uncertainAtServer = uncertain.filter((a) => per.has(a)).length;
    const perKill = kills.map((k) => k.phases.dot ?? 0);
    const resumedPerKill = kills.map((k) =>
      Object.entries(k.phases).reduce((n, [p, c]) => (p === 'dot' ? n : n + c), 0),
    );
    const report = {
      subscribers: SUBSCRIBERS,
      connections: CONNECTIONS,
      kills: kills.length,
      duplicates,
      missed: missed.length,
      missedNotUncertain: missedNotUncertain.length,
      uncertain: uncertain.length,
      uncertainTheServerHad: uncertainAtServer,
      uncertainPerKill: perKill,
      resentPerKill: resumedPerKill,
      phasesLeftAtKills: kills.reduce<Record<string, number>>((acc, k) => {
        for (const [p, c] of Object.entries(k.phases)) acc[p] = (acc[p] ?? 0) + c;
        return acc;
      }, {}),
      ledger: counts,
      lastRun: summary,
    };
    console.log(`kill test: ${JSON.stringify(report)}`);

    expect(kills.length).toBe(KILLS);
    expect(duplicates).toBe(0);
    expect(missedNotUncertain).toEqual([]);
    for (const k of kills) {
      const sending = Object.values(k.phases).reduce((a, b) => a + b, 0);
      expect(sending).toBeLessThanOrEqual(CONNECTIONS);
      expect(k.phases.dot ?? 0).toBeLessThanOrEqual(CONNECTIONS);
    }
    expect(counts.sent + counts.uncertain).toBe(SUBSCRIBERS);
    expect(counts.sending + counts.pending + counts.failed).toBe(0);
  });
});
