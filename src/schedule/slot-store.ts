/**
 * What the scheduler needs from storage. Declared here, implemented structurally by
 * src/store/slots.ts, so the schedule stage does not import the store.
 */

/** An issue slot runs collect → compose → deliver; a collect slot only collects. */
export type RunKind = 'issue' | 'collect';

export type SlotStatus =
  /** Claimed and in progress (or its process died: see `interruptRunning`). */
  | 'running'
  /** Finished; an issue was composed and delivered. */
  | 'done'
  /** Finished; nothing new to compose. */
  | 'nothing-new'
  /** Finished, but some deliveries failed or are uncertain. */
  | 'partial'
  | 'failed'
  /** Stopped before it finished; resumed on the next start if still within the grace period. */
  | 'interrupted'
  /** Not run: another run was in progress (collect slots only). */
  | 'skipped'
  /** Not run: nothing was running at the time and the grace period had passed. */
  | 'missed';

export interface SlotRecord {
  kind: RunKind;
  /** ISO instant of the slot: the key. */
  slot: string;
  status: SlotStatus;
  issueId?: string | undefined;
  startedAt?: string | undefined;
  finishedAt?: string | undefined;
  error?: string | undefined;
}

/** One attempt at a slot (a resumed slot has two). */
export interface RunRecord {
  id: number;
  kind: RunKind;
  slot: string;
  startedAt: string;
  finishedAt?: string | undefined;
  outcome?: SlotStatus | undefined;
  ms?: number | undefined;
  issueId?: string | undefined;
  error?: string | undefined;
  resumed?: boolean | undefined;
}

export interface LockHolder {
  /** Unique per process start: host, pid and a random part. */
  holder: string;
  pid: number;
  host: string;
}

export interface LockInfo extends LockHolder {
  name: string;
  acquiredAt: string;
  heartbeatAt: string;
}

export type LockResult =
  | { acquired: true; tookOver?: { from: LockInfo; reason: string } | undefined }
  | { acquired: false; held: LockInfo };

export type ClaimResult =
  | { claimed: true; runId: number; resumed: boolean }
  | { claimed: false; reason: 'taken'; status: SlotStatus }
  | { claimed: false; reason: 'lock-lost' };

export interface SlotResult {
  status: SlotStatus;
  issueId?: string | undefined;
  error?: string | undefined;
  ms?: number | undefined;
  /** Extra facts for the run record (delivery counts, …). */
  detail?: Record<string, unknown> | undefined;
}

export interface SlotStore {
  /**
   * Take the named lock unless someone else holds it. A lock held by another holder is
   * taken over when `staleReason` returns a reason. Atomic across processes.
   */
  acquireLock(name: string, me: LockHolder, now: Date, staleReason: (held: LockInfo) => string | undefined): LockResult;
  /** Refresh the heartbeat; false when the lock is no longer ours. */
  heartbeat(name: string, holder: string, now: Date): boolean;
  /** Release the lock if ours; true when released. */
  releaseLock(name: string, holder: string): boolean;
  getLock(name: string): LockInfo | undefined;

  /**
   * Claim a slot for running, atomically and only while `holder` holds `lock`. A new slot
   * or an interrupted one (resumed) is claimed; any other status is `taken`.
   */
  claimSlot(kind: RunKind, slot: string, fence: { lock: string; holder: string }, now: Date): ClaimResult;
  /** Record how a claimed run ended. Only a slot still `running` changes. */
  finishSlot(runId: number, kind: RunKind, slot: string, result: SlotResult, now: Date): void;
  /** Record a slot that did not run (`skipped`, `missed`); false if the slot already has a record. */
  noteSlot(kind: RunKind, slot: string, status: 'skipped' | 'missed', reason: string, now: Date): boolean;
  /** Mark every `running` slot `interrupted` (their process is gone); returns them. */
  interruptRunning(now: Date): SlotRecord[];

  getSlot(kind: RunKind, slot: string): SlotRecord | undefined;
  /** The latest slot of a kind by slot time. */
  latestSlot(kind: RunKind): SlotRecord | undefined;
  /** The latest finished run (any outcome), optionally of one kind. */
  lastRun(kind?: RunKind): RunRecord | undefined;
  /** The latest run that failed, was interrupted, partial or missed. */
  lastFailure(kind?: RunKind): RunRecord | undefined;
}
