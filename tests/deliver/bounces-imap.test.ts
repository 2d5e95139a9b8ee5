/**
 * `briefing bounces` against a real IMAP server on 127.0.0.1: Debian's dovecot, started
 * with its own config in a temporary folder (tests/deliver/dovecot.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/index.js';
import { RETURN_PATH, bounceSamples, seedBounceStore } from './bounce-fixtures.js';
import { SECRET } from './builders.js';
import { type TestImapServer, startDovecot } from './dovecot.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const dir = mkdtempSync(join(tmpdir(), 'briefing-bounces-imap-'));
let imap: TestImapServer;

function briefing(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', TSX, join(ROOT, 'src/cli/bin.ts'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, BRIEFING_LOG: '', BRIEFING_SECRET: SECRET, BOUNCE_PASSWORD: imap.password },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

async function withImap<T>(fn: (c: ImapFlow) => Promise<T>): Promise<T> {
  const c = new ImapFlow({
    host: '127.0.0.1',
    port: imap.port,
    secure: false,
    auth: { user: imap.user, pass: imap.password },
    logger: false,
  });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.logout();
  }
}

async function count(c: ImapFlow, box: string): Promise<number> {
  const s = await c.status(box, { messages: true });
  return s ? (s.messages ?? 0) : 0;
}

beforeAll(async () => {
  imap = await startDovecot();
  writeFileSync(
    join(dir, 'briefing.config.yaml'),
    [
      'sources:',
      `  - { name: 테크데일리, url: ${join(ROOT, 'sources/tech-daily.xml')} }`,
      'delivery:',
      '  from: "테크 브리핑 <briefing@briefing.example.com>"',
      `  returnPath: ${RETURN_PATH}`,
      '  bounces:',
      `    imap: { host: 127.0.0.1, port: ${imap.port}, secure: false, user: ${imap.user}, passwordEnv: BOUNCE_PASSWORD }`,
      '',
    ].join('\n'),
  );
  const store = Store.open(join(dir, 'data'));
  seedBounceStore(store);
  store.close();
  await withImap(async (c) => {
    for (const s of bounceSamples()) await c.append('INBOX', s.raw);
  });
}, 60_000);

afterAll(async () => {
  await imap?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('briefing bounces over IMAP (dovecot on 127.0.0.1)', { timeout: 60_000 }, () => {
  it('processes the DSN and ARF samples, moves them to processed, keeps the unreadable ones, and counts nothing twice', async () => {
    const r = briefing('--json', 'bounces');
    expect(r.code, r.stderr + imap.log().slice(-1500)).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    console.log(`bounces (IMAP): ${JSON.stringify(out)}`);
    expect(out).toMatchObject({ processed: 7, hard: 3, soft: 2, complaints: 2, unparsed: 2 });
    expect(Object.keys(out)).toEqual(['processed', 'hard', 'soft', 'complaints', 'unparsed', 'suppressed']);
    expect((out.suppressed as Array<{ email: string }>).map((s) => s.email).sort()).toEqual([
      'haneul.song@yahoo.com',
      'hyunwoo_choi@hotmail.com',
      'jhyun@corp.hanbit-media.co.kr',
      'jiwoo.park.news@gmail.com',
      'juno.bae@outlook.com',
    ]);
    await withImap(async (c) => {
      expect(await count(c, 'INBOX')).toBe(2);
      expect(await count(c, 'processed')).toBe(7);
    });

    const again = briefing('--json', 'bounces');
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      processed: 0,
      hard: 0,
      soft: 0,
      complaints: 0,
      unparsed: 2,
      suppressed: [],
    });

    const list = briefing('--json', 'subscribers', 'list', '--suppressed');
    expect(list.code, list.stderr).toBe(0);
    const rows = JSON.parse(list.stdout) as Array<Record<string, unknown>>;
    expect(rows.find((x) => x.email === 'juno.bae@outlook.com')).toMatchObject({
      reason: 'complained',
      issue: '2026-11-23',
      detail: 'complaint (abuse) from Microsoft JMRP',
    });
    const human = briefing('subscribers', 'list', '--suppressed');
    expect(human.stdout).toMatch(/^jiwoo\.park\.news@gmail\.com\tbounced\t\S+\t2026-11-23\tfailed 5\.1\.1: /m);
  });

  it('says which mailbox failed and how to fix it when the password is wrong', () => {
    const r = spawnSync(process.execPath, ['--import', TSX, join(ROOT, 'src/cli/bin.ts'), 'bounces'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, BRIEFING_LOG: '', BRIEFING_SECRET: SECRET, BOUNCE_PASSWORD: 'wrong' },
      timeout: 60_000,
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`cannot read the bounce mailbox imap://bounce@127.0.0.1:${imap.port}/INBOX`);
    expect(r.stderr).toContain('delivery.bounces.imap');
  });
});
