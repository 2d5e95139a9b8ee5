/**
 * What the scheduler needs from storage. Declared here, implemented structurally by
 * src/store/slots.ts, so the schedule stage does not import the store.
 */

import type {
  RunKind,
  SlotRecord,
  RunRecord,
  LockHolder,
  LockInfo,
  LockResult,
  ClaimResult,
  SlotResult,
} from '../types.js';

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
