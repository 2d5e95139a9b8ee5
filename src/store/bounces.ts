import type { Db } from './db.js';

export type BounceKind = 'hard' | 'soft' | 'complaint';

export interface BounceInput {
  /** Identifies the report itself (its Message-ID, else a hash of its bytes): a report is counted once. */
  reportKey: string;
  email: string;
  issueId?: string | undefined;
  kind: BounceKind;
  /** The enhanced status code (5.1.1) or the feedback type (abuse). */
  status?: string | undefined;
  detail?: string | undefined;
}

/**
 * Bounces and complaints read from the bounce mailbox, one row per report. A report
 * already recorded (same key) is not counted again.
 */
export class BounceRepo {
  constructor(private readonly db: Db) {}

  /** Record a report. False when it was recorded before. */
  record(b: BounceInput, at: Date): boolean {
    return (
      this.db
        .prepare(
          `INSERT INTO bounces (report_key, email, issue_id, kind, status, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (report_key) DO NOTHING`,
        )
        .run(b.reportKey, b.email, b.issueId ?? null, b.kind, b.status ?? null, b.detail ?? null, at.toISOString())
        .changes === 1
    );
  }

  /**
   * Soft bounces in a row: the issues last sent to the address (newest first), counted
   * while each has a soft bounce; the first one without a bounce ends the streak. A soft
   * bounce with no known issue counts as one issue of its own.
   */
  softStreak(email: string): number {
    const sent = this.db
      .prepare(
        `SELECT d.issue_id FROM deliveries d WHERE d.email = ? AND d.status = 'sent'
         ORDER BY d.finished_at DESC, d.issue_id DESC LIMIT 100`,
      )
      .all(email) as Array<{ issue_id: string }>;
    const soft = new Set(
      (
        this.db.prepare("SELECT issue_id FROM bounces WHERE email = ? AND kind = 'soft'").all(email) as Array<{
          issue_id: string | null;
        }>
      ).map((r) => r.issue_id),
    );
    const unknown = (
      this.db
        .prepare("SELECT count(*) AS n FROM bounces WHERE email = ? AND kind = 'soft' AND issue_id IS NULL")
        .get(email) as { n: number }
    ).n;
    let streak = 0;
    for (const r of sent) {
      if (!soft.has(r.issue_id)) break;
      streak++;
    }
    // Soft bounces for issues the ledger does not know (sent before it, or by hand).
    const knownIssues = new Set(sent.map((r) => r.issue_id));
    for (const issue of soft) if (issue !== null && !knownIssues.has(issue)) streak++;
    return streak + unknown;
  }

  deliveryEmail(issueId: string, subscriberId: number): string | undefined {
    const r = this.db
      .prepare('SELECT email FROM deliveries WHERE issue_id = ? AND subscriber_id = ?')
      .get(issueId, subscriberId) as { email: string } | undefined;
    return r?.email;
  }

  /** Message-IDs are `<issue.hash@domain>`: the issue part narrows the lookup to one issue's rows. */
  deliveryOfMessage(messageId: string): { issueId: string; email: string } | undefined {
    const m = /^<?([^<>@]+)\.[0-9a-f]{20}@[^<>]+>?$/.exec(messageId.trim());
    if (!m) return undefined;
    const id = messageId.trim().startsWith('<') ? messageId.trim() : `<${messageId.trim()}>`;
    const r = this.db
      .prepare('SELECT issue_id, email FROM deliveries WHERE issue_id = ? AND message_id = ?')
      .get(m[1], id) as { issue_id: string; email: string } | undefined;
    return r ? { issueId: r.issue_id, email: r.email } : undefined;
  }

  knows(email: string): boolean {
    return this.db.prepare('SELECT 1 FROM subscribers WHERE email = ?').get(email) !== undefined;
  }

  atomically<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  counts(): Record<BounceKind, number> {
    const rows = this.db.prepare('SELECT kind, count(*) AS n FROM bounces GROUP BY kind').all() as Array<{
      kind: BounceKind;
      n: number;
    }>;
    const out: Record<BounceKind, number> = { hard: 0, soft: 0, complaint: 0 };
    for (const r of rows) out[r.kind] = r.n;
    return out;
  }
}
