/** Exit codes 0, 1 and 2 of the briefing command, and --json errors. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, type TestSmtpServer } from '../deliver/smtp-test-server.js';
import { CLI, ROOT, SAMPLE_AS_OF } from '../pipeline/helpers.js';

/** Runs the command without blocking this process (the SMTP server below answers from it). */
function briefing(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [...CLI, ...args], {
      cwd,
      env: { ...process.env, BRIEFING_LOG: '', BRIEFING_SECRET: 'exit-code-test-secret-42' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

function project(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-exit-'));
  writeFileSync(join(dir, 'briefing.config.yaml'), `${lines.join('\n')}\n`);
  return dir;
}

const SOURCES = [
  'sources:',
  `  - { name: 테크데일리, url: "${join(ROOT, 'sources/tech-daily.xml')}" }`,
  `  - { name: 마켓워치코리아, url: "${join(ROOT, 'sources/market-atom.xml')}" }`,
];

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer({
    rcpt: (address) =>
      address.startsWith('gone.') ? { code: 550, message: '5.1.1 <gone> mailbox unavailable' } : undefined,
  });
});
afterAll(() => smtp.close());

describe('exit codes', () => {
  it('0: every source read', async () => {
    const dir = project([`newsletter: { asOf: "${SAMPLE_AS_OF}" }`, ...SOURCES]);
    expect((await briefing(['collect'], dir)).code).toBe(0);
  });

  it('1: a bad config does nothing; with --json the error is JSON on stdout, one line on stderr', async () => {
    const dir = project(['newsletter:', '  timezone: Asia/Busan', ...SOURCES]);
    const r = await briefing(['--json', 'collect'], dir);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { error: { code: string; message: string; hint: string } };
    expect(out.error.code).toBe('ECONFIG');
    expect(out.error.message).toMatch(/briefing\.config\.yaml line 2: newsletter\.timezone is not an IANA timezone/);
    expect(out.error.hint).toMatch(/Asia\/Seoul/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('1: a bad draft, and a wrong command line, also with --json', async () => {
    const dir = project([`newsletter: { asOf: "${SAMPLE_AS_OF}" }`, ...SOURCES]);
    writeFileSync(join(dir, 'draft.yaml'), 'title: 테크 브리핑\nstories: 세 개\n');
    const draft = await briefing(['render', 'draft.yaml'], dir);
    expect(draft.code).toBe(1);
    expect(draft.stderr).toMatch(/^briefing: EDRAFT: /);
    const usage = await briefing(['--json', 'send', '--bogus'], dir);
    expect(usage.code).toBe(1);
    expect(JSON.parse(usage.stdout)).toMatchObject({ error: { code: 'EUSAGE', message: "unknown option '--bogus'" } });
  });

  it('2: collect where one source failed, the others read', async () => {
    const dir = project([
      `newsletter: { asOf: "${SAMPLE_AS_OF}" }`,
      ...SOURCES,
      `  - { name: 없어진 피드, url: "${join(ROOT, 'sources/closed-2026.xml')}" }`,
    ]);
    const r = await briefing(['--json', 'collect'], dir);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { sources: Array<{ status: string; newItems: number }> };
    expect(out.sources.map((s) => s.status)).toEqual(['ok', 'ok', 'failed']);
    expect(out.sources[0]?.newItems).toBeGreaterThan(0);
  });

  it('2: run and send with a refused delivery; 0 for a rerun with nothing left to do', async () => {
    const dir = project([
      `newsletter: { asOf: "${SAMPLE_AS_OF}", baseUrl: "https://news.example.kr" }`,
      ...SOURCES,
      'delivery:',
      '  transport: smtp',
      '  from: "테크 브리핑 <briefing@example.kr>"',
      `  smtp: { host: 127.0.0.1, port: ${smtp.port}, secure: false, retries: 0 }`,
      'subscribers: subscribers.csv',
    ]);
    writeFileSync(
      join(dir, 'subscribers.csv'),
      'email,name,topics\nminji.kim@example.kr,김민지,\ngone.lee@example.kr,이준호,\n',
    );
    const run = await briefing(['run'], dir);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toMatch(/1 sent, 0 skipped, 1 failed, 0 uncertain/);
    // A rerun has nothing left to do: the refusal is on record (doctor lists it), not a new failure.
    const again = await briefing(['--json', 'send'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ sent: 0, failed: 0, uncertain: 0 });
    writeFileSync(join(dir, 'subscribers.csv'), 'email,name,topics\ngone.park@example.kr,박서연,\n');
    const next = await briefing(['send'], dir);
    expect(next.code).toBe(2);
    expect(next.stdout).toMatch(/0 sent, \d+ already done, 1 failed/);
  });
});

describe('logging on stderr', () => {
  it('says a failed source once (in the report), and as a JSON line only with --log-format json', async () => {
    const dir = project([
      `newsletter: { asOf: "${SAMPLE_AS_OF}" }`,
      ...SOURCES,
      `  - { name: 없어진 피드, url: "${join(ROOT, 'sources/closed-2026.xml')}" }`,
    ]);
    const human = await briefing(['collect'], dir);
    expect(human.stdout.split('\n').filter((l) => l.includes('closed-2026.xml'))).toHaveLength(1);
    expect(human.stderr).not.toMatch(/^\{/m);
    expect(human.stderr).not.toContain('closed-2026.xml');
    const json = await briefing(['--log-format', 'json', 'collect'], dir);
    const lines = json.stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg: string; url?: string });
    expect(lines.find((l) => l.msg === 'source failed')?.url).toContain('closed-2026.xml');
  });
});
