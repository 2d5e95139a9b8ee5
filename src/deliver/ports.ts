/**
 * What deliver needs from the store, declared here so deliver never imports it.
 * src/store/subscribers.ts and src/store/deliveries.ts implement these
 * structurally.
 */
import type { DeliveryPhase, DeliveryRow, DeliveryStatus, Subscriber, SuppressionReason } from '../types.js';

export type { DeliveryPhase, DeliveryRow, DeliveryStatus, SuppressionReason } from '../types.js';

export interface SubscriberSource {
  /**
   * Active subscribers whose address is not suppressed, in id order, read from the
   * store a page at a time (memory stays flat however long the list is).
   */
  active(pageSize?: number): Iterable<Subscriber>;
  /** Record an unsubscribe: the subscriber's status and the suppression list. False if the address was unknown and already suppressed. */
  unsubscribe(email: string, at: Date): boolean;
  /** Put an address on the suppression list (e.g. a hard bounce). True when it was not suppressed before. */
  suppress(
    email: string,
    reason: SuppressionReason,
    at: Date,
    why?: { issueId?: string | undefined; detail?: string | undefined },
  ): boolean;
}

export interface DeliveryLedger {
  /**
   * Rows left in 'sending' by a process that died: those in phase 'dot' (the server may
   * have the message) become 'uncertain'; the rest go back to 'pending'. Returns how many of each.
   */
  recover(issueId: string, at: Date): { uncertain: number; resumed: number };
  /**
   * Record how far a claimed delivery got. Must be durable when it returns (a process
   * killed right after must find it): 'dot' is recorded before the final dot is written.
   */
  phase(issueId: string, subscriberId: number, phase: DeliveryPhase): void;
  /** Explicit resend: 'uncertain' rows go back to 'pending'. Returns how many. */
  releaseUncertain(issueId: string): number;
  /** Statuses of these subscribers' rows for an issue (absent = no row yet). */
  statuses(issueId: string, subscriberIds: readonly number[]): Map<number, DeliveryStatus>;
  /**
   * Claim one delivery in a transaction: create the row or move it from 'pending'
   * to 'sending', recording the Message-ID it will carry. False when the row is in
   * any other state (someone else has it, or it is finished).
   */
  claim(issueId: string, subscriber: { id: number; email: string }, at: Date, messageId?: string): boolean;
  /** The transport accepted the message. */
  markSent(issueId: string, subscriberId: number, messageId: string, at: Date): void;
  /** Permanently failed (5xx): not tried again for this issue. */
  markFailed(issueId: string, subscriberId: number, error: string, at: Date): void;
  /** Temporarily failed after retries: back to 'pending', tried again by the next send. */
  markPending(issueId: string, subscriberId: number, error: string, at: Date): void;
  /** The outcome is unknown (the connection broke after the message was handed over). */
  markUncertain(issueId: string, subscriberId: number, error: string, at: Date): void;
  /** How many rows of the issue are in each status. */
  counts(issueId: string): Record<DeliveryStatus, number>;
  /** Rows of an issue in one status, for reports (ordered by subscriber id). */
  list(issueId: string, status: DeliveryStatus): DeliveryRow[];
  /**
   * Run `fn` as one transaction: its writes commit together or not at all. Optional;
   * without it each write commits on its own.
   */
  atomically?<T>(fn: () => T): T;
}

/** What bounce processing needs from the store (src/store/bounces.ts implements it). */
export interface BounceBook {
  /** Record one report; false when the same report was recorded before (it is not counted again). */
  record(
    b: {
      reportKey: string;
      email: string;
      issueId?: string | undefined;
      kind: 'hard' | 'soft' | 'complaint';
      status?: string | undefined;
      detail?: string | undefined;
    },
    at: Date,
  ): boolean;
  /** Issues in a row, newest first, whose delivery to this address soft-bounced. */
  softStreak(email: string): number;
  /** The address a delivery went to (from the ledger). */
  deliveryEmail(issueId: string, subscriberId: number): string | undefined;
  /** The delivery that carried this Message-ID, from the ledger. */
  deliveryOfMessage(messageId: string): { issueId: string; email: string } | undefined;
  /** Whether the address is (or was) on the subscriber list. */
  knows(email: string): boolean;
  /** Run `fn` as one transaction. */
  atomically<T>(fn: () => T): T;
}
