import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { signUnsubscribeToken } from '../../src/deliver/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
// The loader by path: the commands run in a temp folder, where a bare 'tsx' does not resolve.
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const SECRET = 'cli-test-secret-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'briefing-deliver-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  join(dir, 'briefing.config.yaml'),
  [
    'newsletter:',
    '  title: 테크 브리핑',
    '  asOf: "2026-11-16T07:00:00+09:00"',
    '  baseUrl: https://news.example.com',
    'sources:',
    `  - { name: 테크데일리, url: ${join(ROOT, 'sources/tech-daily.xml')} }`,
    `  - { name: 마켓워치코리아, url: ${join(ROOT, 'sources/market-atom.xml')} }`,
    'delivery:',
    '  from: "테크 브리핑 <briefing@example.com>"',
    `paths: { templates: ${join(ROOT, 'templates')} }`,
    '',
  ].join('\n'),
);

const ENV = { ...process.env, BRIEFING_LOG: '', BRIEFING_SECRET: SECRET };

function briefing(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', TSX, join(ROOT, 'src/cli/bin.ts'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: ENV,
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('briefing subscribers', { timeout: 60_000 }, () => {
  it('imports a CSV, merging duplicates and normalizing addresses', () => {
    writeFileSync(
      join(dir, 'list.csv'),
      'email,name,topics\nKim@Example.com,김철수,AI\nlee@example.org,이영희,\nkim@example.com,,반도체\n',
    );
    const r = briefing('--json', 'subscribers', 'import', 'list.csv');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ added: 2, merged: 1 });
    const list = JSON.parse(briefing('--json', 'subscribers', 'list').stdout) as Array<Record<string, unknown>>;
    expect(list).toEqual([
      { email: 'kim@example.com', name: '김철수', interests: ['AI', '반도체'], editions: [], status: 'active' },
      { email: 'lee@example.org', name: '이영희', interests: [], editions: [], status: 'active' },
    ]);
  });

  it('refuses a CSV with a bad address, naming the file and line, and imports nothing from it', () => {
    writeFileSync(join(dir, 'bad.csv'), 'email,name\nnew@example.org,새\nbroken@,x\n');
    const r = briefing('subscribers', 'import', 'bad.csv');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^briefing: ESUBSCRIBER: .*bad\.csv line 3: "broken@" is not an e-mail address — /);
    expect(briefing('subscribers', 'list').stdout).not.toContain('new@example.org');
  });

  it('adds and removes one subscriber, and keeps a suppressed address off the list', () => {
    expect(briefing('subscribers', 'add', 'Park@Example.org', '--name', '박서연', '--topics', 'AI,모바일').code).toBe(
      0,
    );
    expect(briefing('subscribers', 'list', '--status', 'active').stdout).toContain(
      'park@example.org\t박서연\tAI,모바일\tactive',
    );
    expect(briefing('subscribers', 'remove', 'park@example.org', '--suppress').code).toBe(0);
    const again = briefing('subscribers', 'add', 'park@example.org');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/on the suppression list.*--resubscribe/);
    expect(briefing('subscribers', 'list', '--suppressed').stdout).toMatch(/^park@example\.org\tmanual\t/m);
  });
});

describe('briefing send', () => {
  it('sends each subscriber one copy and does nothing the second time', () => {
    expect(briefing('collect').code).toBe(0);
    expect(briefing('compose').code).toBe(0);
    const first = briefing('--json', 'send');
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ sent: 2, skipped: 0, failed: 0, uncertain: 0 });
    const second = briefing('--json', 'send');
    expect(JSON.parse(second.stdout)).toEqual({ sent: 0, skipped: 2, failed: 0, uncertain: 0 });
    const issue = readdirSync(join(dir, 'outbox')).find((d) => /^\d{4}-\d{2}-\d{2}/.test(d)) ?? '';
    expect(readdirSync(join(dir, 'outbox', issue, 'recipients')).sort()).toEqual([
      'kim@example.com.eml',
      'lee@example.org.eml',
    ]);
  }, 90_000);

  it('sends a test copy with --to outside the ledger', () => {
    const r = briefing('--json', 'send', '--to', 'editor@example.net');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ sent: 1 });
    expect(JSON.parse(briefing('--json', 'send').stdout)).toEqual({ sent: 0, skipped: 2, failed: 0, uncertain: 0 });
  }, 60_000);
});

describe('briefing serve', { timeout: 60_000 }, () => {
  it('serves the unsubscribe endpoint on loopback and records a one-click POST', async () => {
    const child = spawn(
      process.execPath,
      ['--import', TSX, join(ROOT, 'src/cli/bin.ts'), '--json', 'serve', '--port', '0'],
      {
        cwd: dir,
        env: ENV,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      const url = await new Promise<string>((resolveUrl, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /"url": "([^"]+)"/.exec(out);
          if (m?.[1]) resolveUrl(m[1]);
        });
        child.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const link = `${url}/unsubscribe?t=${signUnsubscribeToken('lee@example.org', SECRET)}`;
      const res = await fetch(link, { method: 'POST', body: 'List-Unsubscribe=One-Click', redirect: 'manual' });
      expect(res.status).toBe(200);
    } finally {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.on('exit', r));
      }
    }
    expect(briefing('subscribers', 'list', '--status', 'unsubscribed').stdout).toContain('lee@example.org');
  });
});
