import type { Subscriber, SuppressionReason } from '../types.js';
import { createHash } from 'node:crypto';
import type { Db } from './db.js';

/**
 * What the store keeps of an erased address: its SHA-256 (lower-cased), enough to refuse it on a later
 * import and nothing a reader of the database can mail.
 */
export function addressHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

interface SubscriberRow {
  id: number;
  email: string;
  name: string | null;
  /** Interest ids as JSON (the column keeps its first name). */
  topics: string;
  /** Edition ids as JSON. */
  editions: string;
  status: Subscriber['status'];
  created_at: string;
  updated_at: string;
}

export type { SuppressionReason } from '../types.js';

export interface Suppression {
  email: string;
  reason: SuppressionReason;
  at: string;
  /** The issue whose delivery bounced or was complained about, when known. */
  issueId?: string | undefined;
  /** What the report said (status code and diagnostic, feedback type). */
  detail?: string | undefined;
}

interface SuppressionRow {
  email: string;
  reason: SuppressionReason;
  at: string;
  issue_id: string | null;
  detail: string | null;
}

function toSuppression(r: SuppressionRow): Suppression {
  return {
    email: r.email,
    reason: r.reason,
    at: r.at,
    issueId: r.issue_id ?? undefined,
    detail: r.detail ?? undefined,
  };
}

export interface SubscriberInput {
  /** Already validated and normalized (lower-case). */
  email: string;
  name?: string | undefined;
  interests?: readonly string[] | undefined;
  /** Already confirmed elsewhere (an operator's import): recorded as a consent once, `now` = at the import. */
  confirmed?: Date | 'now' | undefined;
  /** Editions received; unset keeps what the store has (a new subscriber: none, the first edition). */
  editions?: readonly string[] | undefined;
}

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
  /** Addresses on the suppression list: kept, never sent to. */
  suppressed: number;
}

function parseInterests(json: string): string[] {
  return json === '[]' ? [] : (JSON.parse(json) as string[]);
}

function toSubscriber(r: SubscriberRow): Subscriber {
  return {
    id: r.id,
    email: r.email,
    name: r.name ?? undefined,
    interests: parseInterests(r.topics),
    editions: parseInterests(r.editions),
    status: r.status,
  };
}

function toActiveSubscriber(r: Pick<SubscriberRow, 'id' | 'email' | 'name' | 'topics' | 'editions'>): Subscriber {
  return {
    id: r.id,
    email: r.email,
    name: r.name ?? undefined,
    interests: parseInterests(r.topics),
    editions: parseInterests(r.editions),
    status: 'active',
  };
}

/**
 * The subscriber list and the suppression list. An address on the suppression
 * list (unsubscribed, hard-bounced) is never returned by `active`, whatever its
 * subscriber row says.
 */
export class SubscriberRepo {
  constructor(private readonly db: Db) {}

  /** Insert or update subscribers in one transaction. Suppressed addresses stay suppressed. */
  upsertMany(inputs: Iterable<SubscriberInput>, at: Date): ImportResult {
    const now = at.toISOString();
    const get = this.db.prepare('SELECT * FROM subscribers WHERE email = ?');
    const sup = this.db.prepare(
      'SELECT 1 FROM suppressions WHERE email = ? UNION ALL SELECT 1 FROM erased WHERE hash = ?',
    );
    const insert = this.db.prepare(
      `INSERT INTO subscribers (email, name, topics, editions, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const update = this.db.prepare(
      'UPDATE subscribers SET name = ?, topics = ?, editions = ?, updated_at = ? WHERE id = ?',
    );
    const consented = this.db.prepare('SELECT 1 FROM consents WHERE email = ?');
    const consent = this.db.prepare(
      "INSERT INTO consents (email, at, ip, wording, source) VALUES (?, ?, NULL, 'import', 'import')",
    );
    const result: ImportResult = { added: 0, updated: 0, unchanged: 0, suppressed: 0 };
    this.db.transaction(() => {
      for (const s of inputs) {
        const topics = JSON.stringify([...(s.interests ?? [])]);
        if (s.confirmed && !consented.get(s.email)) {
          consent.run(s.email, s.confirmed === 'now' ? now : s.confirmed.toISOString());
        }
        const editionsGiven = s.editions ? JSON.stringify([...s.editions]) : undefined;
        const suppressed = sup.get(s.email, addressHash(s.email)) !== undefined;
        if (suppressed) result.suppressed++;
        const row = get.get(s.email) as SubscriberRow | undefined;
        if (!row) {
          insert.run(
            s.email,
            s.name ?? null,
            topics,
            editionsGiven ?? '[]',
            suppressed ? 'unsubscribed' : 'active',
            now,
            now,
          );
          if (!suppressed) result.added++;
        } else if (
          (s.name !== undefined && s.name !== row.name) ||
          topics !== row.topics ||
          (editionsGiven !== undefined && editionsGiven !== row.editions)
        ) {
          update.run(s.name ?? row.name, topics, editionsGiven ?? row.editions, now, row.id);
          if (!suppressed) result.updated++;
        } else if (!suppressed) {
          result.unchanged++;
        }
      }
    })();
    return result;
  }

  get(email: string): Subscriber | undefined {
    const r = this.db.prepare('SELECT * FROM subscribers WHERE email = ?').get(email) as SubscriberRow | undefined;
    return r ? toSubscriber(r) : undefined;
  }

  /** Delete a subscriber row (the suppression list is untouched). True if there was one. */
  remove(email: string): boolean {
    return this.db.prepare('DELETE FROM subscribers WHERE email = ?').run(email).changes > 0;
  }

  /** Every subscriber in id order, read a page at a time. */
  *all(pageSize = 1000): Generator<Subscriber> {
    yield* this.pages('SELECT * FROM subscribers WHERE id > ? ORDER BY id LIMIT ?', pageSize, toSubscriber);
  }

  /**
   * Active subscribers not on the suppression list, in id order, read a page at a time.
   * Only the columns a delivery needs are read: a page stays small while it is held.
   */
  *active(pageSize = 500): Generator<Subscriber> {
    yield* this.pages(
      `SELECT s.id, s.email, s.name, s.topics, s.editions FROM subscribers s
       WHERE s.id > ? AND s.status = 'active'
         AND (s.paused_until IS NULL OR s.paused_until <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
         AND NOT EXISTS (SELECT 1 FROM suppressions p WHERE p.email = s.email)
       ORDER BY s.id LIMIT ?`,
      pageSize,
      toActiveSubscriber,
    );
  }

  // Keyset paging: each page is a finished query, so the connection is free for
  // ledger writes between pages and only one page is ever held in memory.
  private *pages<R extends { id: number }>(
    sql: string,
    pageSize: number,
    map: (row: R) => Subscriber,
  ): Generator<Subscriber> {
    const stmt = this.db.prepare(sql);
    let after = 0;
    for (;;) {
      const rows = stmt.all(after, pageSize) as R[];
      for (const r of rows) yield map(r);
      const last = rows[rows.length - 1];
      if (!last || rows.length < pageSize) return;
      after = last.id;
    }
  }

  /** Record an unsubscribe. False when nothing changed (already unsubscribed and suppressed). */
  unsubscribe(email: string, at: Date): boolean {
    return this.db.transaction(() => {
      const now = at.toISOString();
      const a = this.db
        .prepare("UPDATE subscribers SET status = 'unsubscribed', updated_at = ? WHERE email = ? AND status = 'active'")
        .run(now, email).changes;
      const b = this.db
        .prepare(
          "INSERT INTO suppressions (email, reason, at) VALUES (?, 'unsubscribed', ?) ON CONFLICT (email) DO NOTHING",
        )
        .run(email, now).changes;
      return a + b > 0;
    })();
  }

  /**
   * Put an address on the suppression list (the first reason stays); a hard bounce also
   * marks the subscriber bounced. True when the address was not suppressed before.
   */
  suppress(
    email: string,
    reason: SuppressionReason,
    at: Date,
    why: { issueId?: string | undefined; detail?: string | undefined } = {},
  ): boolean {
    return this.db.transaction(() => {
      const now = at.toISOString();
      const added = this.db
        .prepare(
          'INSERT INTO suppressions (email, reason, at, issue_id, detail) VALUES (?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING',
        )
        .run(email, reason, now, why.issueId ?? null, why.detail ?? null).changes;
      const status = reason === 'bounced' ? 'bounced' : 'unsubscribed';
      this.db
        .prepare("UPDATE subscribers SET status = ?, updated_at = ? WHERE email = ? AND status = 'active'")
        .run(status, now, email);
      return added > 0;
    })();
  }

  /** Take an address off the suppression list and make its subscriber active again (explicit resubscribe). */
  unsuppress(email: string, at: Date): boolean {
    return this.db.transaction(() => {
      const removed = this.db.prepare('DELETE FROM suppressions WHERE email = ?').run(email).changes;
      this.db
        .prepare("UPDATE subscribers SET status = 'active', updated_at = ? WHERE email = ?")
        .run(at.toISOString(), email);
      return removed > 0;
    })();
  }

  suppression(email: string): Suppression | undefined {
    const r = this.db.prepare('SELECT * FROM suppressions WHERE email = ?').get(email) as SuppressionRow | undefined;
    return r ? toSuppression(r) : undefined;
  }

  suppressions(): Suppression[] {
    return (this.db.prepare('SELECT * FROM suppressions ORDER BY at, email').all() as SuppressionRow[]).map(
      toSuppression,
    );
  }

  counts(): { active: number; unsubscribed: number; bounced: number; suppressed: number } {
    const by = this.db.prepare('SELECT status, count(*) AS n FROM subscribers GROUP BY status').all() as Array<{
      status: string;
      n: number;
    }>;
    const n = (s: string): number => by.find((r) => r.status === s)?.n ?? 0;
    const suppressed = (this.db.prepare('SELECT count(*) AS n FROM suppressions').get() as { n: number }).n;
    return { active: n('active'), unsubscribed: n('unsubscribed'), bounced: n('bounced'), suppressed };
  }
}
