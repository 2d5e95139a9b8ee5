import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, Store } from '../../src/store/index.js';
import type { TextBlock } from '../../src/types.js';
import { bodyCharsOf, openingOf } from '../../src/opening.js';
import { makeCollectedItem } from '../fixtures/builders.js';

describe('schema migrations', () => {
  it('fills the opening and body length of items stored by an older schema', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-migrate-'));
    const file = join(dir, 'briefing.db');
    // A database as the second schema left it, with one item.
    const old = new Database(file);
    for (const sql of MIGRATIONS.slice(0, 2)) old.exec(sql as string);
    old.pragma('user_version = 2');
    const blocks: TextBlock[] = [
      { kind: 'heading', text: '소제목' },
      { kind: 'paragraph', text: `${'가나다 '.repeat(150)}끝.` },
      { kind: 'paragraph', text: '둘째 문단.' },
    ];
    old
      .prepare(
        `INSERT INTO items (source, guid, link, canonical_link, title, published_at, fetched_at, html, blocks)
         VALUES ('s', 'g', 'https://x/1', 'https://x/1', '제목', '2026-11-12T01:00:00.000Z', '2026-11-12T01:00:00.000Z', '', ?)`,
      )
      .run(JSON.stringify(blocks));
    old.close();

    const store = Store.open(dir);
    try {
      const [doc] = store.items.inWindow(new Date('2026-11-01T00:00:00Z'), new Date('2026-11-30T00:00:00Z'));
      expect(doc?.opening).toEqual(openingOf(blocks));
      expect(doc?.opening).toHaveLength(1);
      expect(doc?.bodyChars).toBe(bodyCharsOf(blocks));
    } finally {
      store.close();
    }
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('runs each step once: migrating a current database changes nothing', () => {
    const db = new Database(':memory:');
    migrate(db);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const columns = (db.prepare('PRAGMA table_info(items)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['opening', 'body_chars']));
    db.close();
  });

  it("keeps an item's picture with the item, and items stored before it have none", () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-picture-'));
    const old = new Database(join(dir, 'briefing.db'));
    for (const step of MIGRATIONS.slice(0, 3)) {
      if (typeof step === 'string') old.exec(step);
      else step(old);
    }
    old.pragma('user_version = 3');
    old
      .prepare(
        `INSERT INTO items (source, guid, link, canonical_link, title, published_at, fetched_at, html, blocks)
         VALUES ('s', 'g0', 'https://x/0', 'https://x/0', '예전 기사', '2026-11-12T01:00:00.000Z', '2026-11-12T01:00:00.000Z', '', '[]')`,
      )
      .run();
    old.close();
    const store = Store.open(dir);
    try {
      const picture = { url: 'https://img.x.example.kr/1.jpg', width: 1200, height: 675, alt: '공장 전경' };
      store.items.insertNew(
        [makeCollectedItem({ guid: 'g1', link: 'https://x/1', canonicalLink: 'https://x/1', image: picture })],
        new Date('2026-11-12T02:00:00Z'),
      );
      const [before, after] = store.items.byIds([1, 2]);
      expect(before?.title).toBe('예전 기사');
      expect(before?.image).toBeUndefined();
      expect(after?.image).toEqual(picture);
    } finally {
      store.close();
    }
  });
});
