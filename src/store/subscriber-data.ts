/**
 * The subscriber's own side of the store: confirmed sign-ups with their consent record, preferences
 * (interests, pause), the export of everything kept about one address, and its erasure. An erased
 * address leaves only its hash (see `addressHash`) so that no later import mails it again, and an
 * audit line that names the hash, not the address.
 */
import type { Db } from './db.js';
import { addressHash } from './subscribers.js';

export interface ConsentInput {
  email: string;
  name?: string | undefined;
  /** Interest ids (see `interests:` in the config); empty = the whole issue. */
  interests?: readonly string[] | undefined;
  /** Edition ids (see `editions:` in the config); empty = the first edition. */
  editions?: readonly string[] | undefined;
  at: Date;
  /** Where the person confirmed from (the client address the server saw). */
  ip?: string | undefined;
  /** Which wording of the sign-up form they agreed to (e.g. `ko:3f2a9c1e`). */
  wording: string;
  /** `signup` (double opt-in) or `import` (an operator's CSV marked as already confirmed). */
  source: 'signup' | 'import';
  /** The confirmation token's one-time id: a second use of the same link is refused. */
  nonce?: string | undefined;
}

export type ConfirmOutcome = 'confirmed' | 'already-used';

export interface PreferencesInput {
  /** Interest ids (see `interests:` in the config); empty = the whole issue. */
  interests?: readonly string[] | undefined;
  editions?: readonly string[] | undefined;
  /** ISO time until which nothing is sent; null ends a pause. */
  pausedUntil?: string | null | undefined;
}

export interface SubscriberProfile {
  email: string;
  name?: string | undefined;
  interests: string[];
  editions: string[];
  status: string;
  pausedUntil?: string | undefined;
  createdAt: string;
  updatedAt: string;
}

export interface SubscriberExport {
  profile: SubscriberProfile | null;
  consents: Array<{ at: string; ip: string | null; wording: string; source: string }>;
  deliveries: Array<{
    issueId: string;
    status: string;
    attempts: number;
    messageId: string | null;
    finishedAt: string | null;
  }>;
  suppressions: Array<{ reason: string; at: string }>;
}

interface ProfileRow {
  email: string;
  name: string | null;
  topics: string;
  editions: string;
  status: string;
  paused_until: string | null;
  created_at: string;
  updated_at: string;
}

export class SubscriberDataRepo {
  constructor(private readonly db: Db) {}

  /**
   * Activate a subscriber after a confirmed sign-up: create or update the row, lift a suppression
   * (the person asked again, and confirmed), forget an earlier erasure, record the consent. A
   * confirmation whose nonce was used before changes nothing.
   */
  confirm(input: ConsentInput): ConfirmOutcome {
    const email = input.email.toLowerCase();
    const now = input.at.toISOString();
    return this.db.transaction((): ConfirmOutcome => {
      // Used nonces name no one, so they outlive an erasure: an old link can never subscribe anyone again.
      if (input.nonce) {
        const fresh = this.db
          .prepare('INSERT INTO used_nonces (nonce, at) VALUES (?, ?) ON CONFLICT (nonce) DO NOTHING')
          .run(input.nonce, now).changes;
        if (fresh === 0) return 'already-used';
      }
      const topics = JSON.stringify([...(input.interests ?? [])]);
      const editions = JSON.stringify([...(input.editions ?? [])]);
      this.db
        .prepare(
          `INSERT INTO subscribers (email, name, topics, editions, status, created_at, updated_at, paused_until)
           VALUES (?, ?, ?, ?, 'active', ?, ?, NULL)
           ON CONFLICT (email) DO UPDATE SET name = coalesce(excluded.name, subscribers.name), topics = excluded.topics,
             editions = excluded.editions, status = 'active', paused_until = NULL, updated_at = excluded.updated_at`,
        )
        .run(email, input.name ?? null, topics, editions, now, now);
      this.db.prepare('DELETE FROM suppressions WHERE email = ?').run(email);
      this.db.prepare('DELETE FROM erased WHERE hash = ?').run(addressHash(email));
      this.recordConsent(input);
      this.audit(input.at, 'confirm', email, input.source);
      return 'confirmed';
    })();
  }

  /** Record a consent without touching the subscriber row (CSV imports marked as confirmed). */
  recordConsent(input: ConsentInput): void {
    this.db
      .prepare('INSERT INTO consents (email, at, ip, wording, source) VALUES (?, ?, ?, ?, ?)')
      .run(input.email.toLowerCase(), input.at.toISOString(), input.ip ?? null, input.wording, input.source);
  }

  profile(email: string): SubscriberProfile | undefined {
    const r = this.db
      .prepare(
        'SELECT email, name, topics, editions, status, paused_until, created_at, updated_at FROM subscribers WHERE email = ?',
      )
      .get(email.toLowerCase()) as ProfileRow | undefined;
    if (!r) return undefined;
    return {
      email: r.email,
      name: r.name ?? undefined,
      interests: JSON.parse(r.topics) as string[],
      editions: JSON.parse(r.editions) as string[],
      status: r.status,
      pausedUntil: r.paused_until ?? undefined,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  /** Change what an active subscriber receives. False when there is no such subscriber. */
  setPreferences(email: string, prefs: PreferencesInput, at: Date): boolean {
    const row = this.profile(email);
    if (!row) return false;
    const topics = JSON.stringify([...(prefs.interests ?? row.interests)]);
    const editions = JSON.stringify([...(prefs.editions ?? row.editions)]);
    const paused = prefs.pausedUntil === undefined ? (row.pausedUntil ?? null) : prefs.pausedUntil;
    this.db
      .prepare('UPDATE subscribers SET topics = ?, editions = ?, paused_until = ?, updated_at = ? WHERE email = ?')
      .run(topics, editions, paused, at.toISOString(), email.toLowerCase());
    this.audit(
      at,
      'preferences',
      email,
      JSON.stringify({ interests: JSON.parse(topics), editions: JSON.parse(editions), pausedUntil: paused }),
    );
    return true;
  }

  /** Everything the store keeps about one address, as the subscriber may download it. */
  export(email: string): SubscriberExport {
    const e = email.toLowerCase();
    const sub = this.db.prepare('SELECT id FROM subscribers WHERE email = ?').get(e) as { id: number } | undefined;
    return {
      profile: this.profile(e) ?? null,
      consents: this.db
        .prepare('SELECT at, ip, wording, source FROM consents WHERE email = ? ORDER BY id')
        .all(e) as SubscriberExport['consents'],
      deliveries: sub
        ? (this.db
            .prepare(
              `SELECT issue_id AS issueId, status, attempts, message_id AS messageId, finished_at AS finishedAt
               FROM deliveries WHERE subscriber_id = ? ORDER BY issue_id`,
            )
            .all(sub.id) as SubscriberExport['deliveries'])
        : [],
      suppressions: this.db
        .prepare('SELECT reason, at FROM suppressions WHERE email = ?')
        .all(e) as SubscriberExport['suppressions'],
    };
  }

  /**
   * Erase an address: its subscriber row, consents, delivery rows and suppression entry go; its hash
   * stays on the erased list, so it is never mailed again unless the person signs up and confirms anew.
   */
  erase(email: string, at: Date): void {
    const e = email.toLowerCase();
    const hash = addressHash(e);
    this.db.transaction(() => {
      const sub = this.db.prepare('SELECT id FROM subscribers WHERE email = ?').get(e) as { id: number } | undefined;
      if (sub) this.db.prepare('DELETE FROM deliveries WHERE subscriber_id = ?').run(sub.id);
      this.db.prepare('DELETE FROM deliveries WHERE email = ?').run(e);
      this.db.prepare('DELETE FROM subscribers WHERE email = ?').run(e);
      this.db.prepare('DELETE FROM consents WHERE email = ?').run(e);
      this.db.prepare('DELETE FROM suppressions WHERE email = ?').run(e);
      // Earlier audit lines name the address: they keep their facts, under the hash.
      this.db.prepare('UPDATE audit SET subject = ?, detail = NULL WHERE subject = ?').run(`sha256:${hash}`, e);
      this.db
        .prepare('INSERT INTO erased (hash, at) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING')
        .run(hash, at.toISOString());
      this.db
        .prepare('INSERT INTO audit (at, action, subject, detail) VALUES (?, ?, ?, ?)')
        .run(at.toISOString(), 'erase', `sha256:${hash}`, null);
    })();
  }

  isErased(email: string): boolean {
    return this.db.prepare('SELECT 1 FROM erased WHERE hash = ?').get(addressHash(email)) !== undefined;
  }

  /** The audit trail, oldest first. */
  auditLog(): Array<{ at: string; action: string; subject: string; detail: string | null }> {
    return this.db.prepare('SELECT at, action, subject, detail FROM audit ORDER BY id').all() as Array<{
      at: string;
      action: string;
      subject: string;
      detail: string | null;
    }>;
  }

  private audit(at: Date, action: string, email: string, detail: string | null): void {
    this.db
      .prepare('INSERT INTO audit (at, action, subject, detail) VALUES (?, ?, ?, ?)')
      .run(at.toISOString(), action, email.toLowerCase(), detail);
  }
}
