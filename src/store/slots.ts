import type { Db } from './db.js';
import type {
  RunKind,
  SlotStatus,
  SlotRecord,
  RunRecord,
  LockHolder,
  LockInfo,
  LockResult,
  ClaimResult,
  SlotResult,
} from '../types.js';

// SlotRepo implements the scheduler's SlotStore (src/schedule/slot-store.ts) structurally;
// the record shapes they share live in src/types.ts, so the store does not import the schedule stage.

interface SlotRow {
  kind: RunKind;
  slot: string;
  status: SlotStatus;
  issue_id: string | null;
  started_at: string | null;
  finished_at: string | null;
  error: string | null;
}

interface LockRow {
  name: string;
  holder: string;
  pid: number;
  host: string;
  acquired_at: string;
  heartbeat_at: string;
}

interface RunRow {
  id: number;
  kind: RunKind;
  started_at: string;
  finished_at: string | null;
  outcome: SlotStatus | null;
  detail: string | null;
}

/** What `runs.detail` holds, as JSON. */
interface RunDetail {
  slot: string;
  ms?: number;
  issueId?: string;
  error?: string;
  resumed?: boolean;
  [key: string]: unknown;
}

const FAILURES: readonly SlotStatus[] = ['failed', 'interrupted', 'partial', 'missed'];

function toSlot(r: SlotRow): SlotRecord {
  return {
    kind: r.kind,
    slot: r.slot,
    status: r.status,
    issueId: r.issue_id ?? undefined,
    startedAt: r.started_at ?? undefined,
    finishedAt: r.finished_at ?? undefined,
    error: r.error ?? undefined,
  };
}

function toLock(r: LockRow): LockInfo {
  return {
    name: r.name,
    holder: r.holder,
    pid: r.pid,
    host: r.host,
    acquiredAt: r.acquired_at,
    heartbeatAt: r.heartbeat_at,
  };
}

function toRun(r: RunRow): RunRecord {
  const d = (r.detail ? JSON.parse(r.detail) : {}) as Partial<RunDetail>;
  return {
    id: r.id,
    kind: r.kind,
    slot: d.slot ?? '',
    startedAt: r.started_at,
    finishedAt: r.finished_at ?? undefined,
    outcome: r.outcome ?? undefined,
    ms: d.ms,
    issueId: d.issueId,
    error: d.error,
    resumed: d.resumed,
  };
}

/**
 * Schedule state: one row per slot (the key that makes a slot run at most once), one
 * row per run attempt, and named locks with a heartbeat: the scheduler's SlotStore.
 * Every check-and-set runs in an IMMEDIATE transaction, so two processes on one
 * database cannot both win.
 */
export class SlotRepo {
  constructor(private readonly db: Db) {}

  acquireLock(
    name: string,
    me: LockHolder,
    now: Date,
    staleReason: (held: LockInfo) => string | undefined,
  ): LockResult {
    const at = now.toISOString();
    return this.db
      .transaction((): LockResult => {
        const row = this.db.prepare('SELECT * FROM locks WHERE name = ?').get(name) as LockRow | undefined;
        if (row && row.holder !== me.holder) {
          const held = toLock(row);
          const reason = staleReason(held);
          if (reason === undefined) return { acquired: false, held };
          this.writeLock(name, me, at);
          return { acquired: true, tookOver: { from: held, reason } };
        }
        if (row) {
          this.db.prepare('UPDATE locks SET heartbeat_at = ? WHERE name = ?').run(at, name);
          return { acquired: true };
        }
        this.writeLock(name, me, at);
        return { acquired: true };
      })
      .immediate();
  }

  private writeLock(name: string, me: LockHolder, at: string): void {
    this.db
      .prepare(
        `INSERT INTO locks (name, holder, pid, host, acquired_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, pid = excluded.pid, host = excluded.host,
           acquired_at = excluded.acquired_at, heartbeat_at = excluded.heartbeat_at`,
      )
      .run(name, me.holder, me.pid, me.host, at, at);
  }

  heartbeat(name: string, holder: string, now: Date): boolean {
    return (
      this.db
        .prepare('UPDATE locks SET heartbeat_at = ? WHERE name = ? AND holder = ?')
        .run(now.toISOString(), name, holder).changes === 1
    );
  }

  releaseLock(name: string, holder: string): boolean {
    return this.db.prepare('DELETE FROM locks WHERE name = ? AND holder = ?').run(name, holder).changes === 1;
  }

  getLock(name: string): LockInfo | undefined {
    const row = this.db.prepare('SELECT * FROM locks WHERE name = ?').get(name) as LockRow | undefined;
    return row ? toLock(row) : undefined;
  }

  claimSlot(kind: RunKind, slot: string, fence: { lock: string; holder: string }, now: Date): ClaimResult {
    const at = now.toISOString();
    return this.db
      .transaction((): ClaimResult => {
        const lock = this.db.prepare('SELECT holder FROM locks WHERE name = ?').get(fence.lock) as
          | { holder: string }
          | undefined;
        if (lock?.holder !== fence.holder) return { claimed: false, reason: 'lock-lost' };
        const row = this.db.prepare('SELECT status FROM slots WHERE kind = ? AND slot = ?').get(kind, slot) as
          | { status: SlotStatus }
          | undefined;
        let resumed = false;
        if (!row) {
          this.db
            .prepare(`INSERT INTO slots (kind, slot, status, started_at) VALUES (?, ?, 'running', ?)`)
            .run(kind, slot, at);
        } else if (row.status === 'interrupted') {
          resumed = true;
          this.db
            .prepare(
              `UPDATE slots SET status = 'running', finished_at = NULL, error = NULL WHERE kind = ? AND slot = ?`,
            )
            .run(kind, slot);
        } else {
          return { claimed: false, reason: 'taken', status: row.status };
        }
        const detail: RunDetail = { slot, ...(resumed ? { resumed } : {}) };
        const runId = Number(
          this.db
            .prepare('INSERT INTO runs (kind, started_at, detail) VALUES (?, ?, ?)')
            .run(kind, at, JSON.stringify(detail)).lastInsertRowid,
        );
        return { claimed: true, runId, resumed };
      })
      .immediate();
  }

  finishSlot(runId: number, kind: RunKind, slot: string, result: SlotResult, now: Date): void {
    const at = now.toISOString();
    this.db
      .transaction(() => {
        this.db
          .prepare(
            `UPDATE slots SET status = ?, issue_id = COALESCE(?, issue_id), finished_at = ?, error = ?
             WHERE kind = ? AND slot = ? AND status = 'running'`,
          )
          .run(result.status, result.issueId ?? null, at, result.error ?? null, kind, slot);
        const old = this.db.prepare('SELECT detail FROM runs WHERE id = ?').get(runId) as
          | { detail: string | null }
          | undefined;
        const detail: RunDetail = {
          ...(old?.detail ? (JSON.parse(old.detail) as RunDetail) : { slot }),
          ...result.detail,
          ...(result.ms !== undefined ? { ms: result.ms } : {}),
          ...(result.issueId !== undefined ? { issueId: result.issueId } : {}),
          ...(result.error !== undefined ? { error: result.error } : {}),
        };
        this.db
          .prepare('UPDATE runs SET finished_at = ?, outcome = ?, detail = ? WHERE id = ?')
          .run(at, result.status, JSON.stringify(detail), runId);
      })
      .immediate();
  }

  noteSlot(kind: RunKind, slot: string, status: 'skipped' | 'missed', reason: string, now: Date): boolean {
    const at = now.toISOString();
    return this.db
      .transaction((): boolean => {
        const added =
          this.db
            .prepare(
              `INSERT INTO slots (kind, slot, status, finished_at, error) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
            )
            .run(kind, slot, status, at, reason).changes === 1;
        if (added) {
          const detail: RunDetail = { slot, error: reason };
          this.db
            .prepare('INSERT INTO runs (kind, started_at, finished_at, outcome, detail) VALUES (?, ?, ?, ?, ?)')
            .run(kind, at, at, status, JSON.stringify(detail));
        }
        return added;
      })
      .immediate();
  }

  interruptRunning(now: Date): SlotRecord[] {
    const at = now.toISOString();
    const reason = 'the process stopped before the run finished';
    return this.db
      .transaction((): SlotRecord[] => {
        const rows = this.db.prepare(`SELECT * FROM slots WHERE status = 'running' ORDER BY slot`).all() as SlotRow[];
        this.db
          .prepare(`UPDATE slots SET status = 'interrupted', finished_at = ?, error = ? WHERE status = 'running'`)
          .run(at, reason);
        const open = this.db.prepare('SELECT id, detail FROM runs WHERE finished_at IS NULL').all() as Array<{
          id: number;
          detail: string | null;
        }>;
        const close = this.db.prepare(
          `UPDATE runs SET finished_at = ?, outcome = 'interrupted', detail = ? WHERE id = ?`,
        );
        for (const r of open) {
          const detail = { ...(r.detail ? (JSON.parse(r.detail) as RunDetail) : {}), error: reason };
          close.run(at, JSON.stringify(detail), r.id);
        }
        return rows.map((r) => ({ ...toSlot(r), status: 'interrupted' as const, finishedAt: at, error: reason }));
      })
      .immediate();
  }

  getSlot(kind: RunKind, slot: string): SlotRecord | undefined {
    const row = this.db.prepare('SELECT * FROM slots WHERE kind = ? AND slot = ?').get(kind, slot) as
      | SlotRow
      | undefined;
    return row ? toSlot(row) : undefined;
  }

  latestSlot(kind: RunKind): SlotRecord | undefined {
    const row = this.db.prepare('SELECT * FROM slots WHERE kind = ? ORDER BY slot DESC LIMIT 1').get(kind) as
      | SlotRow
      | undefined;
    return row ? toSlot(row) : undefined;
  }

  lastRun(kind?: RunKind): RunRecord | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM runs WHERE finished_at IS NOT NULL AND (? IS NULL OR kind = ?) ORDER BY finished_at DESC, id DESC LIMIT 1`,
      )
      .get(kind ?? null, kind ?? null) as RunRow | undefined;
    return row ? toRun(row) : undefined;
  }

  lastFailure(kind?: RunKind): RunRecord | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM runs WHERE outcome IN (${FAILURES.map(() => '?').join(', ')}) AND (? IS NULL OR kind = ?)
         ORDER BY finished_at DESC, id DESC LIMIT 1`,
      )
      .get(...FAILURES, kind ?? null, kind ?? null) as RunRow | undefined;
    return row ? toRun(row) : undefined;
  }

  /** Recent runs, newest first (for `doctor`). */
  recentRuns(limit: number, kind?: RunKind): RunRecord[] {
    const rows = this.db
      .prepare(`SELECT * FROM runs WHERE (? IS NULL OR kind = ?) ORDER BY id DESC LIMIT ?`)
      .all(kind ?? null, kind ?? null, limit) as RunRow[];
    return rows.map(toRun);
  }
}
