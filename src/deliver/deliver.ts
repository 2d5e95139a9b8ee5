/**
 * Sending an issue to the subscriber list through the ledger.
 *
 * For each active, unsuppressed subscriber (read page by page):
 *   1. skip if the ledger already has the issue for them ('sent', 'failed', 'uncertain');
 *   2. claim the row ('sending') in a committed transaction;
 *   3. hand the message to the transport, recording each phase it reports ('connected',
 *      'data', 'dot': one small write each, 'dot' before the final dot is written);
 *   4. mark the row 'sent', 'failed' (5xx), 'pending' again (4xx after retries, or the
 *      connection lost before the final dot) or 'uncertain' (connection lost after the
 *      final dot, no answer). 'sent' is committed in the same transaction as the worker's
 *      next claim (or when it stops).
 * A process killed anywhere leaves each row untouched, finished, or 'sending' with its
 * phase. The next run turns 'sending' rows in phase 'dot' into 'uncertain' and does not
 * resend them: they are reported (`uncertain`) and resent only on request
 * (`retryUncertain`). Every other 'sending' row cannot have reached the server: it goes
 * back to 'pending' and is sent again in the same run.
 */
import { randomBytes } from 'node:crypto';
import { BriefingError, reasonOf } from '../errors.js';
import type {
  BriefingConfig,
  Clock,
  Logger,
  OutgoingMessage,
  Recipient,
  RenderedIssue,
  SendSummary,
  Subscriber,
} from '../types.js';
import { normalizeEmail } from './address.js';
import { addressOf, buildMessage, domainOf, messageIdOf } from './message.js';
import type { DeliveryLedger, DeliveryStatus, SubscriberSource } from './ports.js';
import { resolveUnsubscribeSecret } from './secret.js';
import { isTransportError, type Transport } from './transport.js';
import { recipientFor, type RecipientContext } from './unsubscribe-token.js';
import { verpAddress } from './verp.js';

/** Per-recipient HTML and text (the pipeline passes render's personalize). */
export type Personalize = (recipient: Recipient, issue: RenderedIssue) => { html: string; text: string };

export interface DeliverDeps {
  ledger: DeliveryLedger;
  subscribers: SubscriberSource;
  transport: Transport;
  config: BriefingConfig;
  clock: Clock;
  logger: Logger;
  env?: NodeJS.ProcessEnv | undefined;
  personalize?: Personalize | undefined;
  /**
   * The rendered issue a subscriber gets (their interests' variant); the issue given to
   * deliverIssue when not set. Variants are rendered before the delivery starts: this only picks one.
   */
  issueFor?: ((subscriber: Subscriber) => RenderedIssue) | undefined;
  /** The unsubscribe signing secret; resolved from env / the data folder when not given. */
  secret?: string | undefined;
}

export interface DeliverOptions {
  /** Ledger key; the rendered issue's id when not given. */
  issueId?: string | undefined;
  /** Resend rows whose outcome is unknown (may deliver a second copy to those recipients). */
  retryUncertain?: boolean | undefined;
  personalize?: Personalize | undefined;
  /** Stop taking new recipients (in-flight ones finish and are recorded). */
  signal?: AbortSignal | undefined;
  /** Subscribers read per page. Default 50 (see DEFAULT_PAGE_SIZE). */
  pageSize?: number | undefined;
  /** Temporary failures in a row after which the run stops. Default 20. */
  maxConsecutiveFailures?: number | undefined;
  /** Called after each recipient is recorded. */
  onProgress?: ((done: { sent: number; failed: number; skipped: number }) => void) | undefined;
}

export interface DeliverSummary extends SendSummary {
  /** Rows left 'sending' after their final dot by an earlier process, turned 'uncertain' at the start of this run. */
  recovered: number;
  /** Rows left 'sending' before their final dot by an earlier process: sent again by this run. */
  resumed: number;
  /** Uncertain rows put back to be sent again (retryUncertain). */
  released: number;
}

const FINISHED: ReadonlySet<DeliveryStatus> = new Set(['sent', 'failed']);

/**
 * Subscribers read (and their ledger rows looked up) per page. Small on purpose: a page
 * is held while its messages are built, and a page that outlives two young-generation
 * collections (each message allocates some 100 KB of text) is promoted to the old
 * generation, where it stays as garbage until a full collection. Small pages die young,
 * so memory stays flat however long the list is.
 */
const DEFAULT_PAGE_SIZE = 50;

function recipientContext(deps: {
  config: BriefingConfig;
  env?: NodeJS.ProcessEnv | undefined;
  secret?: string | undefined;
}): RecipientContext {
  const { config } = deps;
  const secret =
    deps.secret ??
    resolveUnsubscribeSecret(config.delivery.unsubscribeSecretEnv, config.paths.data, deps.env ?? process.env);
  return { delivery: config.delivery, baseUrl: config.newsletter.baseUrl, secret };
}

export async function deliverIssue(
  deps: DeliverDeps,
  issue: RenderedIssue,
  opts: DeliverOptions = {},
): Promise<DeliverSummary> {
  const { ledger, subscribers, transport, clock, logger } = deps;
  const issueId = opts.issueId ?? issue.issueId;
  const personalize: Personalize = opts.personalize ?? deps.personalize ?? ((_, i) => ({ html: i.html, text: i.text }));
  const ctx = recipientContext(deps);
  const maxFailures = opts.maxConsecutiveFailures ?? 20;
  const returnPath = deps.config.delivery.returnPath;
  const summary: DeliverSummary = {
    sent: 0,
    skipped: 0,
    failed: 0,
    uncertain: 0,
    recovered: 0,
    resumed: 0,
    released: 0,
  };

  const left = ledger.recover(issueId, clock.now());
  summary.recovered = left.uncertain;
  summary.resumed = left.resumed;
  if (left.uncertain > 0) {
    logger.warn('rows left sending after their final dot by an earlier run are uncertain', {
      issueId,
      count: left.uncertain,
    });
  }
  if (left.resumed > 0) {
    logger.info('rows left sending before their final dot by an earlier run are sent again', {
      issueId,
      count: left.resumed,
    });
  }
  if (opts.retryUncertain) {
    summary.released = ledger.releaseUncertain(issueId);
    if (summary.released > 0) logger.warn('resending uncertain rows on request', { issueId, count: summary.released });
  }

  const candidates = pendingSubscribers(subscribers, ledger, issueId, opts.pageSize ?? DEFAULT_PAGE_SIZE, summary);
  const issueToSend = issueId === issue.issueId ? issue : { ...issue, issueId };
  let consecutive = 0;
  let stop: BriefingError | undefined;

  const progress = (): void =>
    opts.onProgress?.({ sent: summary.sent, failed: summary.failed, skipped: summary.skipped });
  const atomically = <T>(fn: () => T): T => (ledger.atomically ? ledger.atomically(fn) : fn());

  /**
   * Hands one claimed message to the transport. A refusal or an unknown outcome is
   * recorded at once; an accepted message returns its recording, which the worker
   * commits together with its next claim (one commit instead of two per message).
   */
  const sendOne = async (sub: Subscriber, msg: OutgoingMessage): Promise<(() => void) | undefined> => {
    try {
      const res = await transport.send(msg, (phase) => ledger.phase(issueId, sub.id, phase));
      summary.sent++;
      consecutive = 0;
      return () => {
        ledger.markSent(issueId, sub.id, res.messageId, clock.now());
        progress();
      };
    } catch (e) {
      const reason = reasonOf(e).slice(0, 500);
      const kind = isTransportError(e) ? e.kind : 'unknown';
      if (kind === 'permanent') {
        ledger.markFailed(issueId, sub.id, reason, clock.now());
        summary.failed++;
        consecutive = 0;
        if (isTransportError(e) && e.hardBounce) subscribers.suppress(sub.email, 'bounced', clock.now());
        logger.warn('delivery refused', { issueId, email: sub.email, reason });
      } else if (kind === 'temporary' || kind === 'fatal') {
        // The server cannot have accepted it (no final dot was written): the next send tries again.
        ledger.markPending(issueId, sub.id, reason, clock.now());
        summary.failed++;
        consecutive++;
        if (kind === 'fatal' || consecutive >= maxFailures) {
          stop ??= new BriefingError(
            'ESEND',
            kind === 'fatal'
              ? `${transport.name} transport: ${reason}`
              : `${transport.name} transport: ${consecutive} temporary failures in a row, last: ${reason}`,
            transport.name === 'outbox'
              ? 'free space on (or fix the permissions of) the outbox folder, then run send again: who was sent is not sent again'
              : 'check delivery.smtp and the server, then run send again: who was sent is not sent again',
          );
        }
      } else {
        ledger.markUncertain(issueId, sub.id, reason, clock.now());
        logger.error('delivery outcome unknown', { issueId, email: sub.email, reason });
      }
      progress();
      return undefined;
    }
  };

  // Any other error (personalization, the store) stops the run the same way: workers
  // finish and record what they have in flight, then it is thrown.
  let crash: unknown;
  const worker = async (): Promise<void> => {
    // This worker's last accepted message, recorded with its next claim or when it stops
    // (nothing is awaited in between). Until then its row stays 'sending', so a worker
    // never holds more than one such row.
    let accepted: (() => void) | undefined;
    try {
      while (!stop && crash === undefined && !opts.signal?.aborted) {
        const next = candidates.next();
        if (next.done) break;
        const sub = next.value;
        // Claim first (committing the last accepted message with it), build after: the
        // time spent building is in the new row's 'claimed' phase, which a resume sends
        // again, not in the last row's 'dot' phase, which it would have to call uncertain.
        const variant = deps.issueFor ? deps.issueFor(sub) : issue;
        const toSend = variant === issue ? issueToSend : variant;
        const record = accepted;
        const claimed = atomically(() => {
          record?.();
          return ledger.claim(issueId, sub, clock.now(), messageIdOf(deps.config.delivery, toSend.issueId, sub.email));
        });
        accepted = undefined;
        if (!claimed) {
          summary.skipped++; // another process claimed it between the page read and now
          continue;
        }
        let msg: OutgoingMessage;
        try {
          const recipient = recipientFor(sub, ctx);
          msg = buildMessage({
            config: deps.config.delivery,
            issue: toSend,
            recipient,
            now: clock.now(),
            body: personalize(recipient, variant),
          });
          if (returnPath) msg.returnPath = verpAddress(returnPath, { issueId, subscriberId: sub.id }, ctx.secret);
        } catch (e) {
          // Nothing went out: the row is given back before the run stops.
          ledger.markPending(issueId, sub.id, reasonOf(e).slice(0, 500), clock.now());
          throw e;
        }
        accepted = await sendOne(sub, msg);
      }
    } catch (e) {
      crash ??= e;
    } finally {
      try {
        accepted?.();
      } catch (e) {
        crash ??= e;
      }
    }
  };
  const workers = Math.max(1, transport.concurrency ?? 1);
  await Promise.all(Array.from({ length: workers }, worker));

  summary.uncertain = ledger.counts(issueId).uncertain;
  logger.info('delivery finished', { issueId, transport: transport.name, ...summary });
  if (crash !== undefined) throw crash;
  if (stop)
    throw new BriefingError(stop.code, `${stop.message} (sent ${summary.sent} this run)`, stop.hint, {
      cause: summary,
    });
  return summary;
}

/** Subscribers still to be sent this issue, read a page at a time; counts the skipped ones. */
function* pendingSubscribers(
  source: SubscriberSource,
  ledger: DeliveryLedger,
  issueId: string,
  pageSize: number,
  summary: SendSummary,
): Generator<Subscriber> {
  let page: Subscriber[] = [];
  const flush = function* (): Generator<Subscriber> {
    const statuses = ledger.statuses(
      issueId,
      page.map((s) => s.id),
    );
    for (const s of page) {
      const st = statuses.get(s.id);
      if (st === undefined || st === 'pending') yield s;
      else if (FINISHED.has(st)) summary.skipped++;
      // 'uncertain' is reported in the summary; 'sending' belongs to a live run.
    }
    page = [];
  };
  for (const s of source.active(pageSize)) {
    page.push(s);
    if (page.length >= pageSize) yield* flush();
  }
  if (page.length > 0) yield* flush();
}

export interface SendTestDeps {
  transport: Transport;
  config: BriefingConfig;
  clock: Clock;
  logger?: Logger | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  personalize?: Personalize | undefined;
  secret?: string | undefined;
}

/** A test send of the issue to one address, outside the ledger and the subscriber list. */
export async function sendTest(deps: SendTestDeps, issue: RenderedIssue, to: string): Promise<{ messageId: string }> {
  const email = normalizeEmail(to);
  if (!email) {
    throw new BriefingError('EUSAGE', `--to "${to}" is not an e-mail address`, 'write it like you@example.com');
  }
  const ctx = recipientContext(deps);
  const recipient = recipientFor({ email }, ctx);
  const personalize: Personalize = deps.personalize ?? ((_, i) => ({ html: i.html, text: i.text }));
  const msg = buildMessage({
    config: deps.config.delivery,
    issue,
    recipient,
    now: deps.clock.now(),
    body: personalize(recipient, issue),
  });
  const domain = domainOf(addressOf(msg.from)) ?? 'briefing.invalid';
  const test = {
    ...msg,
    test: true,
    messageId: `<test.${randomBytes(8).toString('hex')}.${issue.issueId.replace(/[^A-Za-z0-9._-]/g, '-')}@${domain}>`,
  };
  try {
    const res = await deps.transport.send(test);
    return { messageId: res.messageId };
  } catch (e) {
    throw new BriefingError(
      'ESEND',
      `test send to ${email} failed: ${reasonOf(e)}`,
      'check delivery.smtp and the address',
      { cause: e },
    );
  }
}
