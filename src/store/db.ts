import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BriefingError } from '../errors.js';
import type { TextBlock } from '../types.js';
import { openingColumns } from './opening.js';

export type Db = Database.Database;

/** A schema migration: SQL, or a function for steps SQL cannot do (filling a column from JSON). */
export type Migration = string | ((db: Db) => void);

/** Fill the opening and body length of every item stored before migration 3. */
function fillOpenings(db: Db): void {
  db.exec(`ALTER TABLE items ADD COLUMN opening BLOB NOT NULL DEFAULT x'';
           ALTER TABLE items ADD COLUMN body_chars INTEGER NOT NULL DEFAULT 0;`);
  const page = db.prepare('SELECT id, blocks FROM items WHERE id > ? ORDER BY id LIMIT 500');
  const update = db.prepare('UPDATE items SET opening = ?, body_chars = ? WHERE id = ?');
  // Page by page: a statement cannot write while another one is still reading.
  for (let after = 0; ; ) {
    const rows = page.all(after) as Array<{ id: number; blocks: string }>;
    if (rows.length === 0) break;
    for (const row of rows) {
      update.run(...openingColumns(JSON.parse(row.blocks) as TextBlock[]), row.id);
      after = row.id;
    }
  }
}

/**
 * Schema migrations, in order. Each runs once, inside a transaction; the
 * database's user_version records how many have run. Append, never edit.
 */
export const MIGRATIONS: readonly Migration[] = [
  // 1: the whole first schema
  `
  CREATE TABLE sources (
    url TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    etag TEXT,
    last_modified TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    retry_after TEXT,
    last_error TEXT,
    last_status TEXT,
    last_fetched_at TEXT
  );
  CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    guid TEXT NOT NULL,
    link TEXT NOT NULL,
    canonical_link TEXT NOT NULL,
    title TEXT NOT NULL,
    published_at TEXT NOT NULL,
    fetched_at TEXT NOT NULL,
    author TEXT,
    html TEXT NOT NULL,
    blocks TEXT NOT NULL,
    UNIQUE (source, guid)
  );
  CREATE INDEX items_canonical ON items (canonical_link);
  CREATE INDEX items_published ON items (published_at);
  CREATE TABLE issues (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    as_of TEXT NOT NULL,
    title TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'composed',
    dir TEXT NOT NULL,
    slot TEXT,
    sent_at TEXT
  );
  CREATE TABLE issue_topics (
    issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    topic_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    terms TEXT NOT NULL,
    PRIMARY KEY (issue_id, topic_id)
  );
  CREATE TABLE issue_items (
    issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL REFERENCES items(id),
    PRIMARY KEY (issue_id, item_id)
  );
  CREATE TABLE editor_marks (
    kind TEXT NOT NULL CHECK (kind IN ('pin','block')),
    key TEXT NOT NULL,
    issue_id TEXT,
    at TEXT NOT NULL,
    PRIMARY KEY (kind, key)
  );
  CREATE TABLE subscribers (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT,
    topics TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL DEFAULT 'active',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE suppressions (
    email TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE TABLE deliveries (
    issue_id TEXT NOT NULL,
    subscriber_id INTEGER NOT NULL,
    email TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending','sending','sent','failed','uncertain')),
    attempts INTEGER NOT NULL DEFAULT 0,
    message_id TEXT,
    error TEXT,
    claimed_at TEXT,
    finished_at TEXT,
    PRIMARY KEY (issue_id, subscriber_id)
  );
  CREATE INDEX deliveries_status ON deliveries (issue_id, status);
  CREATE TABLE slots (
    kind TEXT NOT NULL,
    slot TEXT NOT NULL,
    status TEXT NOT NULL,
    issue_id TEXT,
    started_at TEXT,
    finished_at TEXT,
    error TEXT,
    PRIMARY KEY (kind, slot)
  );
  CREATE TABLE locks (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    pid INTEGER NOT NULL,
    host TEXT NOT NULL,
    acquired_at TEXT NOT NULL,
    heartbeat_at TEXT NOT NULL
  );
  CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    outcome TEXT,
    detail TEXT
  );
  `,
  // 2: the highest item id an issue was composed over ("nothing new" since then)
  `ALTER TABLE issues ADD COLUMN item_watermark INTEGER NOT NULL DEFAULT 0;`,
  // 3: what ranking reads of an item (its opening paragraphs and body length), kept beside the body
  fillOpenings,
];

/** Open (creating if needed) the SQLite database in the data folder, WAL mode, migrated. */
export function openDb(dataDir: string, fileName = 'briefing.db'): Db {
  let db: Db;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(join(dataDir, fileName));
  } catch (e) {
    throw new BriefingError(
      'ESTORE',
      `cannot open the database in data folder ${dataDir}: ${(e as Error).message}`,
      'check that the folder is writable, or pass another one with --data-dir',
      { cause: e },
    );
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new BriefingError(
      'ESTORE',
      `the database schema is version ${current}, newer than this briefing (${MIGRATIONS.length})`,
      'upgrade briefing, or point --data-dir at another folder',
    );
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    const step = MIGRATIONS[v] ?? '';
    db.transaction(() => {
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
