import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BriefingError } from '../errors.js';
import type { TextBlock } from '../types.js';
import { openingColumns } from './opening-columns.js';

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
  // 4: the store's identity, matched against the `.id` file beside it (a replaced store is refused)
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // 5: the feed's categories of each item (JSON list), for interests
  `ALTER TABLE items ADD COLUMN categories TEXT NOT NULL DEFAULT '[]';`,
  // 6: how far a claimed delivery got (see DeliveryPhase), so a resume resends what cannot have arrived
  `ALTER TABLE deliveries ADD COLUMN phase TEXT;`,
  // 7: the item's picture (JSON: url, width, height, alt), when its feed or page had one
  `ALTER TABLE items ADD COLUMN image TEXT;`,
  // 8: the subscriber's own side: consent records, pauses, erased addresses (hashed), an audit trail
  `
  ALTER TABLE subscribers ADD COLUMN paused_until TEXT;
  CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    at TEXT NOT NULL,
    ip TEXT,
    wording TEXT NOT NULL,
    source TEXT NOT NULL
  );
  CREATE INDEX consents_email ON consents (email);
  CREATE TABLE used_nonces (
    nonce TEXT PRIMARY KEY,
    at TEXT NOT NULL
  );
  CREATE TABLE erased (
    hash TEXT PRIMARY KEY,
    at TEXT NOT NULL
  );
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT
  );
  `,
  // 9: the editions a subscriber receives (JSON list; empty = the first edition)
  `ALTER TABLE subscribers ADD COLUMN editions TEXT NOT NULL DEFAULT '[]';`,
  // 10: bounces and complaints read from the bounce mailbox; why and for which issue an address was suppressed
  `
  CREATE TABLE bounces (
    id INTEGER PRIMARY KEY,
    report_key TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    issue_id TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('hard','soft','complaint')),
    status TEXT,
    detail TEXT,
    at TEXT NOT NULL
  );
  CREATE INDEX bounces_email ON bounces (email, kind);
  ALTER TABLE suppressions ADD COLUMN issue_id TEXT;
  ALTER TABLE suppressions ADD COLUMN detail TEXT;
  `,
];

/** SQLite's application_id of a briefing store ("BRFG"): another program's database is refused. */
export const APPLICATION_ID = 0x42524647;

export interface OpenOptions {
  /**
   * Start a new, empty store even though one was here: the file that is there (empty, corrupt,
   * or another store) is moved aside to `<file>.replaced-<time>`, never deleted.
   */
  initStore?: boolean;
}

/** How to get a store back, for the errors that refuse one. */
function restoreHint(path: string): string {
  return (
    `stop briefing, copy your latest \`briefing backup\` file to ${path} (README: Backup and restore); ` +
    `if ${path}-wal is there, keep a copy of it aside first; or pass --init-store to start an empty store`
  );
}

function refuse(message: string, path: string, cause?: unknown): BriefingError {
  return new BriefingError('ESTORE', message, restoreHint(path), cause ? { cause } : undefined);
}

/** The one-line reason for an SQLite or file-system error on the store, with what to do. */
export function storeErrorHint(e: unknown, path: string, dataDir: string): { what: string; hint: string } {
  const err = e as { code?: string; message?: string };
  const code = err?.code ?? '';
  const msg = (err?.message ?? String(e)).split('\n')[0] ?? '';
  if (code === 'SQLITE_NOTADB' || /file is not a database/.test(msg))
    return { what: `${path} is not a SQLite database (${msg})`, hint: restoreHint(path) };
  if (code.startsWith('SQLITE_CORRUPT') || /malformed/.test(msg))
    return { what: `the store ${path} is corrupt (${msg})`, hint: restoreHint(path) };
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || /disk is full/.test(msg))
    return {
      what: `the disk holding ${path} is full (${msg})`,
      hint: `free space on the disk of ${dataDir} (df -h ${dataDir}) and run the command again`,
    };
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EPERM')
    return {
      what: `cannot open the store ${path} for writing (${msg})`,
      hint: `the folder ${dataDir} and the files in it must be writable by this user (ls -ld ${dataDir}); or pass another folder with --data-dir`,
    };
  return { what: `the store ${path} failed: ${msg}`, hint: restoreHint(path) };
}

function isSqliteFile(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    return head.toString('latin1') === 'SQLite format 3\u0000';
  } finally {
    closeSync(fd);
  }
}

function writeMarker(marker: string, id: string): void {
  const tmp = `${marker}.${process.pid}.tmp`;
  writeFileSync(tmp, `${id}\n`);
  renameSync(tmp, marker);
}

function moveAside(path: string): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, `${path}.replaced-${stamp}${suffix}`);
  }
}

/** Refuse a database that is a SQLite file but not a briefing store (or not this one's schema). */
function checkSchema(db: Db, path: string, hadMarker: boolean): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = new Set(
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map(
      (r) => r.name,
    ),
  );
  if (appId !== 0 && appId !== APPLICATION_ID)
    throw refuse(`${path} is another program's SQLite database (application_id ${appId}), not a briefing store`, path);
  if (version === 0 && tables.size === 0) {
    if (hadMarker) throw refuse(`the store ${path} is empty: it holds no tables, but a store was made here`, path);
    return;
  }
  const missing = ['items', 'issues', 'deliveries', 'subscribers'].filter((t) => !tables.has(t));
  if (version === 0 || missing.length > 0)
    throw refuse(
      `${path} is a SQLite database of another schema (no ${missing.length ? missing.join(', ') : 'schema version'} table), not a briefing store`,
      path,
    );
}

/**
 * Open the SQLite store in the data folder (WAL mode, migrated). A new store is made only
 * where none was: beside the database, `<file>.id` names the store made there, so a
 * store that is now missing, empty (0 bytes), unreadable, of another schema or another
 * store altogether is refused with what to do, and nothing runs on it.
 */
export function openDb(dataDir: string, fileName = 'briefing.db', opts: OpenOptions = {}): Db {
  const path = join(dataDir, fileName);
  const marker = `${path}.id`;
  let db: Db;
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    const h = storeErrorHint(e, path, dataDir);
    throw new BriefingError('ESTORE', `cannot make the data folder ${dataDir}: ${(e as Error).message}`, h.hint, {
      cause: e,
    });
  }
  if (opts.initStore) moveAside(path);
  const expected = !opts.initStore && existsSync(marker) ? readFileSync(marker, 'utf8').trim() : undefined;
  const exists = existsSync(path);
  if (!exists && expected)
    throw refuse(`the store ${path} is missing, but store ${expected} was made in this folder (${marker})`, path);
  if (exists) {
    const size = statSync(path).size;
    if (size === 0) throw refuse(`the store ${path} is empty (0 bytes)`, path);
    if (!isSqliteFile(path)) throw refuse(`${path} is not a SQLite database (its header is not SQLite's)`, path);
  }
  try {
    db = new Database(path, exists ? { fileMustExist: true } : {});
  } catch (e) {
    const h = storeErrorHint(e, path, dataDir);
    throw new BriefingError('ESTORE', h.what, h.hint, { cause: e });
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    checkSchema(db, path, expected !== undefined);
    migrate(db);
    if ((db.pragma('application_id', { simple: true }) as number) === 0)
      db.pragma(`application_id = ${APPLICATION_ID}`);
    const row = db.prepare("SELECT value FROM meta WHERE key = 'store_id'").get() as { value: string } | undefined;
    const id = row?.value ?? randomBytes(8).toString('hex');
    if (!row) db.prepare("INSERT INTO meta (key, value) VALUES ('store_id', ?)").run(id);
    if (expected && expected !== id)
      throw refuse(
        `${path} is another store (id ${id}) than the one made in this folder (id ${expected}, ${marker})`,
        path,
      );
    if (!expected) writeMarker(marker, id);
  } catch (e) {
    db.close();
    if (e instanceof BriefingError) throw e;
    const h = storeErrorHint(e, path, dataDir);
    throw new BriefingError('ESTORE', h.what, h.hint, { cause: e });
  }
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
