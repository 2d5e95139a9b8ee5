/**
 * Bounces and complaints that arrive after sending: read the bounce mailbox once, learn
 * from each report, move it out of the way.
 *
 * For each message: parse it (mailparser), classify it (bounce-report.ts), find the
 * delivery it is about (VERP address, else the ledger by original Message-ID, else the
 * report's recipient if that address is one of ours), then, in one transaction, record
 * it and suppress the address when the rules say so:
 *   hard bounce → suppressed as bounced; complaint → suppressed as complained;
 *   soft bounce → counted, suppressed as bounced after `softBounceLimit` issues in a row.
 * Then the message is moved to the processed folder. A report recorded before (a run that
 * stopped between the two) is moved without being counted again. A message that cannot
 * be read, or names no delivery of ours, is left in the mailbox and counted as unparsed.
 */
import { reasonOf } from '../errors.js';
import type { Clock, Logger } from '../types.js';
import { type BounceMailbox, readMailboxMessage, reportKey } from './bounce-mailbox.js';
import { classifyReport } from './bounce-report.js';
import type { BounceBook, SubscriberSource, SuppressionReason } from './ports.js';

export interface BounceDeps {
  mailbox: BounceMailbox;
  book: BounceBook;
  subscribers: SubscriberSource;
  /** delivery.returnPath (VERP), if set. */
  returnPath?: string | undefined;
  /** The secret VERP addresses are signed with (the unsubscribe secret). */
  secret: string;
  softBounceLimit: number;
  clock: Clock;
  logger: Logger;
  /** Messages read per run at most (the rest wait for the next run). Default 1000. */
  limit?: number | undefined;
}

export interface BounceSummary {
  /** Messages handled and moved to the processed folder. */
  processed: number;
  hard: number;
  soft: number;
  complaints: number;
  /** Messages left in the mailbox: unreadable, or not about a delivery of ours. */
  unparsed: number;
  /** Addresses suppressed by this run. */
  suppressed: Array<{ email: string; reason: SuppressionReason; issue: string | null }>;
}

export async function processBounces(deps: BounceDeps): Promise<BounceSummary> {
  const { mailbox, book, subscribers, clock, logger } = deps;
  const summary: BounceSummary = { processed: 0, hard: 0, soft: 0, complaints: 0, unparsed: 0, suppressed: [] };
  const entries = await mailbox.list(deps.limit ?? 1000);
  for (const entry of entries) {
    const msg = await readMailboxMessage(entry.raw);
    const finding = msg
      ? classifyReport(msg, { returnPath: deps.returnPath, secret: deps.secret })
      : ({ kind: 'unparsed', detail: 'not a readable message' } as const);
    if (finding.kind === 'unparsed') {
      summary.unparsed++;
      logger.warn('bounce mailbox: message kept, not understood', {
        mailbox: mailbox.name,
        message: entry.ref,
        why: finding.detail,
      });
      continue;
    }
    if (finding.kind === 'none') {
      await mailbox.processed(entry);
      summary.processed++;
      continue;
    }
    // Which delivery: the VERP address names it; else the ledger knows the original Message-ID.
    const byVerp = finding.delivery
      ? {
          issueId: finding.delivery.issueId,
          email: book.deliveryEmail(finding.delivery.issueId, finding.delivery.subscriberId),
        }
      : undefined;
    const byId =
      !byVerp?.email && finding.originalMessageId ? book.deliveryOfMessage(finding.originalMessageId) : undefined;
    const email =
      byVerp?.email ?? byId?.email ?? (finding.email && book.knows(finding.email) ? finding.email : undefined);
    const issueId = byVerp?.email ? byVerp.issueId : byId?.issueId;
    if (!email) {
      summary.unparsed++;
      logger.warn('bounce mailbox: message kept, names no delivery of ours', {
        mailbox: mailbox.name,
        message: entry.ref,
        why: finding.detail,
      });
      continue;
    }
    const now = clock.now();
    const suppressed = book.atomically(() => {
      const fresh = book.record(
        {
          reportKey: reportKey(msg, entry.raw),
          email,
          issueId,
          kind: finding.kind,
          status: finding.status,
          detail: finding.detail,
        },
        now,
      );
      if (!fresh) return undefined;
      if (finding.kind === 'hard') summary.hard++;
      else if (finding.kind === 'soft') summary.soft++;
      else summary.complaints++;
      let reason: SuppressionReason | undefined;
      let detail = finding.detail;
      if (finding.kind === 'hard') reason = 'bounced';
      else if (finding.kind === 'complaint') reason = 'complained';
      else {
        const streak = book.softStreak(email);
        if (streak >= deps.softBounceLimit) {
          reason = 'bounced';
          detail = `${streak} soft bounces in a row, last: ${finding.detail}`;
        }
      }
      if (reason && subscribers.suppress(email, reason, now, { issueId, detail })) return reason;
      return undefined;
    });
    if (suppressed) summary.suppressed.push({ email, reason: suppressed, issue: issueId ?? null });
    try {
      await mailbox.processed(entry);
      summary.processed++;
    } catch (e) {
      // Recorded already: a later run moves it without counting it again.
      logger.error('bounce mailbox: recorded but not moved', {
        mailbox: mailbox.name,
        message: entry.ref,
        error: reasonOf(e),
      });
      throw e;
    }
  }
  logger.info('bounces processed', { mailbox: mailbox.name, ...summary, suppressed: summary.suppressed.length });
  return summary;
}
