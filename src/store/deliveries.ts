import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';
import type { DeliveryPhase, DeliveryRow, DeliveryStatus } from '../types.js';

export type { DeliveryRow, DeliveryStatus } from '../types.js';

interface Row {
  issue_id: string;
  subscriber_id: number;
  email: string;
  status: DeliveryStatus;
  phase: DeliveryPhase | null;
  attempts: number;
  message_id: string | null;
  error: string | null;
  claimed_at: string | null;
  finished_at: string | null;
}

const STATUSES: readonly DeliveryStatus[] = ['pending', 'sending', 'sent', 'failed', 'uncertain'];

/**
 * The delivery ledger: one row per (issue, subscriber). A row is claimed
 * ('sending') in its own committed transaction before the message goes to the
 * transport and marked after, so a process killed at any point leaves every row
 * either untouched, finished, or 'sending' (outcome unknown).
 */
export class DeliveryRepo {
  // The two statements run once per message: prepared once.
  private claimStmt: Statement | undefined;
  private finishStmt: Statement | undefined;
  private phaseStmt: Statement | undefined;
  private tx: ((fn: () => unknown) => unknown) | undefined;

  constructor(private readonly db: Db) {}

  /** Run `fn` in one transaction (nested calls become savepoints): one commit for several writes. */
  atomically<T>(fn: () => T): T {
    this.tx ??= this.db.transaction((f: () => unknown) => f());
    return this.tx(fn) as T;
  }

  /**
   * Rows left 'sending' by a process that died. Only a row whose final dot may have been
   * written ('dot', or a row from before phases were recorded) becomes 'uncertain'; every
   * other one cannot have been accepted and goes back to 'pending', to be sent again.
   */
  recover(issueId: string, at: Date): { uncertain: number; resumed: number } {
    return this.db.transaction(() => {
      const now = at.toISOString();
      const uncertain = this.db
        .prepare(
          `UPDATE deliveries SET status = 'uncertain', finished_at = ?,
             error = coalesce(error, 'process ended after the final dot was written, before the server answered')
           WHERE issue_id = ? AND status = 'sending' AND (phase IS NULL OR phase = 'dot')`,
        )
        .run(now, issueId).changes;
      const resumed = this.db
        .prepare(
          `UPDATE deliveries SET status = 'pending', finished_at = ?,
             error = 'process ended before the message was complete (' || phase || '): sent again'
           WHERE issue_id = ? AND status = 'sending'`,
        )
        .run(now, issueId).changes;
      return { uncertain, resumed };
    })();
  }

  /**
   * Record how far a claimed delivery got. One small write by primary key, committed on
   * its own (WAL, synchronous=NORMAL: it survives the process being killed). 'dot' is
   * written before the final dot goes out, so a row the server may have is never resent.
   */
  phase(issueId: string, subscriberId: number, phase: DeliveryPhase): void {
    this.phaseStmt ??= this.db.prepare(
      "UPDATE deliveries SET phase = ? WHERE issue_id = ? AND subscriber_id = ? AND status = 'sending'",
    );
    this.phaseStmt.run(phase, issueId, subscriberId);
  }

  releaseUncertain(issueId: string): number {
    return this.db
      .prepare("UPDATE deliveries SET status = 'pending' WHERE issue_id = ? AND status = 'uncertain'")
      .run(issueId).changes;
  }

  statuses(issueId: string, subscriberIds: readonly number[]): Map<number, DeliveryStatus> {
    const out = new Map<number, DeliveryStatus>();
    if (subscriberIds.length === 0) return out;
    let lo = Infinity;
    let hi = -Infinity;
    for (const id of subscriberIds) {
      if (id < lo) lo = id;
      if (id > hi) hi = id;
    }
    const rows = this.db
      .prepare('SELECT subscriber_id, status FROM deliveries WHERE issue_id = ? AND subscriber_id BETWEEN ? AND ?')
      .all(issueId, lo, hi) as Array<{ subscriber_id: number; status: DeliveryStatus }>;
    for (const r of rows) out.set(r.subscriber_id, r.status);
    return out;
  }

  /** The Message-ID is recorded with the claim, so an uncertain row can be looked up in the mail server's log. */
  claim(issueId: string, subscriber: { id: number; email: string }, at: Date, messageId?: string): boolean {
    this.claimStmt ??= this.db.prepare(
      `INSERT INTO deliveries (issue_id, subscriber_id, email, status, phase, attempts, claimed_at, message_id)
       VALUES (?, ?, ?, 'sending', 'claimed', 1, ?, ?)
       ON CONFLICT (issue_id, subscriber_id) DO UPDATE
         SET status = 'sending', phase = 'claimed', attempts = attempts + 1, claimed_at = excluded.claimed_at, email = excluded.email,
             message_id = coalesce(excluded.message_id, message_id)
         WHERE status = 'pending'`,
    );
    return (
      this.claimStmt.run(issueId, subscriber.id, subscriber.email, at.toISOString(), messageId ?? null).changes === 1
    );
  }

  markSent(issueId: string, subscriberId: number, messageId: string, at: Date): void {
    this.finish(issueId, subscriberId, 'sent', { messageId }, at);
  }

  markFailed(issueId: string, subscriberId: number, error: string, at: Date): void {
    this.finish(issueId, subscriberId, 'failed', { error }, at);
  }

  markPending(issueId: string, subscriberId: number, error: string, at: Date): void {
    this.finish(issueId, subscriberId, 'pending', { error }, at);
  }

  markUncertain(issueId: string, subscriberId: number, error: string, at: Date): void {
    this.finish(issueId, subscriberId, 'uncertain', { error }, at);
  }

  // Only a row this run claimed ('sending') or one a later run reported uncertain
  // while this one was still sending can be finished.
  private finish(
    issueId: string,
    subscriberId: number,
    status: DeliveryStatus,
    f: { messageId?: string; error?: string },
    at: Date,
  ): void {
    this.finishStmt ??= this.db.prepare(
      `UPDATE deliveries SET status = ?, message_id = coalesce(?, message_id), error = ?, finished_at = ?
       WHERE issue_id = ? AND subscriber_id = ? AND status IN ('sending', 'uncertain')`,
    );
    this.finishStmt.run(status, f.messageId ?? null, f.error ?? null, at.toISOString(), issueId, subscriberId);
  }

  counts(issueId: string): Record<DeliveryStatus, number> {
    const rows = this.db
      .prepare('SELECT status, count(*) AS n FROM deliveries WHERE issue_id = ? GROUP BY status')
      .all(issueId) as Array<{ status: DeliveryStatus; n: number }>;
    const out = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<DeliveryStatus, number>;
    for (const r of rows) out[r.status] = r.n;
    return out;
  }

  list(issueId: string, status: DeliveryStatus): DeliveryRow[] {
    const rows = this.db
      .prepare('SELECT * FROM deliveries WHERE issue_id = ? AND status = ? ORDER BY subscriber_id')
      .all(issueId, status) as Row[];
    return rows.map((r) => ({
      issueId: r.issue_id,
      subscriberId: r.subscriber_id,
      email: r.email,
      status: r.status,
      phase: r.phase ?? undefined,
      attempts: r.attempts,
      messageId: r.message_id ?? undefined,
      error: r.error ?? undefined,
      claimedAt: r.claimed_at ?? undefined,
      finishedAt: r.finished_at ?? undefined,
    }));
  }
}
