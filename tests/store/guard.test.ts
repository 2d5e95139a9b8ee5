/** A store that was here and is now gone, empty, unreadable or another one is refused; never silently remade. */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/store/index.js';
import { CLI, sampleConfig } from '../pipeline/helpers.js';

function freshStore(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-guard-'));
  const store = Store.open(dir);
  store.subscribers.upsertMany([{ email: 'reader@example.kr', name: '독자' }], new Date());
  store.close();
  return { dir, file: join(dir, 'briefing.db') };
}

describe('the store guard', () => {
  it('makes a new store where none was, and an id file beside it', () => {
    const { dir, file } = freshStore();
    expect(statSync(file).size).toBeGreaterThan(0);
    expect(existsSync(`${file}.id`)).toBe(true);
    const again = Store.open(dir);
    expect(again.subscribers.get('reader@example.kr')?.name).toBe('독자');
    again.close();
  });

  it('refuses a store truncated to 0 bytes, naming the file and how to restore, and leaves it as it is', () => {
    const { dir, file } = freshStore();
    writeFileSync(file, '');
    expect(() => Store.open(dir)).toThrow(/the store .*briefing\.db is empty \(0 bytes\)/);
    try {
      Store.open(dir);
    } catch (e) {
      expect((e as { hint?: string }).hint).toMatch(/briefing backup.*--init-store/);
    }
    expect(statSync(file).size).toBe(0);
  });

  it('refuses a deleted store whose id file is still there', () => {
    const { dir, file } = freshStore();
    rmSync(file);
    expect(() => Store.open(dir)).toThrow(/is missing, but store [0-9a-f]{16} was made in this folder/);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a file that is not SQLite, another schema, and another store', () => {
    const a = freshStore();
    writeFileSync(a.file, 'PK\u0003\u0004 this is a zip archive, not a database');
    expect(() => Store.open(a.dir)).toThrow(/is not a SQLite database/);

    const b = freshStore();
    rmSync(b.file);
    const other = new Database(b.file);
    other.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    other.close();
    expect(() => Store.open(b.dir)).toThrow(/of another schema \(no items, issues, deliveries, subscribers table\)/);

    const c = freshStore();
    const d = freshStore();
    copyFileSync(d.file, c.file);
    expect(() => Store.open(c.dir)).toThrow(/is another store \(id [0-9a-f]+\) than the one made in this folder/);
  });

  it('starts an empty store with initStore, moving the old file aside', () => {
    const { dir, file } = freshStore();
    writeFileSync(file, '');
    const s = Store.open(dir, { initStore: true });
    expect([...s.subscribers.all()]).toEqual([]);
    s.close();
    expect(readdirSync(dir).some((f) => /^briefing\.db\.replaced-.+$/.test(f))).toBe(true);
  });

  it('backs up a store that can be restored in place of a lost one', async () => {
    const { dir, file } = freshStore();
    const s = Store.open(dir);
    const copy = join(mkdtempSync(join(tmpdir(), 'briefing-backup-')), 'store.bak');
    await s.backup(copy);
    s.close();
    writeFileSync(file, '');
    rmSync(`${file}-wal`, { force: true });
    copyFileSync(copy, file);
    const back = Store.open(dir);
    expect(back.subscribers.get('reader@example.kr')?.name).toBe('독자');
    back.close();
  });
});

describe('run on a store emptied under it', () => {
  it('stops with one line and sends nothing again', () => {
    const { dir, file } = sampleConfig();
    const csv = join(dir, 'subscribers.csv');
    writeFileSync(csv, 'email,name\nreader1@example.kr,김독자\nreader2@example.kr,이독자\n');
    writeFileSync(file, `${readFileSync(file, 'utf8')}subscribers: subscribers.csv\n`);
    const run = (...extra: string[]) =>
      spawnSync(process.execPath, [...CLI, '--config', file, ...extra, 'run'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, BRIEFING_LOG: '' },
        timeout: 60_000,
      });
    const first = run();
    expect(first.status, first.stderr).toBe(0);
    const outbox = join(dir, 'outbox');
    const before = readdirSync(outbox).filter((f) => !f.startsWith('.'));
    expect(before).toEqual(['2026-11-16']);
    const sent = readdirSync(join(outbox, '2026-11-16', 'recipients'));
    expect(sent).toHaveLength(2);

    writeFileSync(join(dir, 'data', 'briefing.db'), '');
    const second = run();
    expect(second.status).not.toBe(0);
    const lines = second.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^briefing: ESTORE: the store .*briefing\.db is empty \(0 bytes\) — .*briefing backup/);
    expect(readdirSync(outbox).filter((f) => !f.startsWith('.'))).toEqual(before);
    expect(readdirSync(join(outbox, '2026-11-16', 'recipients'))).toEqual(sent);
  });
});

describe('doctor on a refused store', () => {
  it('says the store is not a database and how to restore it, not that the folder needs permissions', () => {
    const { dir, file } = sampleConfig();
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [...CLI, '--config', file, ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, BRIEFING_LOG: '' },
        timeout: 60_000,
      });
    expect(cli('collect').status).toBe(0);
    writeFileSync(join(dir, 'data', 'briefing.db'), 'this is not a database, it was overwritten by a log rotation\n');
    const r = cli('doctor');
    const out = `${r.stdout}${r.stderr}`;
    expect(out).toMatch(/is not a SQLite database .*briefing backup/);
    expect(out).not.toMatch(/fix its permissions/);
  });
});
