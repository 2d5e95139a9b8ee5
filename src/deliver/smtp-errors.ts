/** What an SMTP failure means for the delivery. Pure. */
import type { FailureKind } from './transport.js';

export interface SmtpFailure {
  code?: string | undefined;
  command?: string | undefined;
  responseCode?: number | undefined;
  response?: string | undefined;
  message: string;
}

const FATAL_CODES = new Set(['EAUTH', 'ENOAUTH', 'ETLS', 'ECONFIG', 'EOAUTH2', 'EREQUIRETLS']);

/**
 * Classify a failure. `dotWritten`: the final dot of the message had been written;
 * without a reply after that, the outcome is unknown. A server accepts a message only
 * once it has read that dot, so a connection lost before it (even in the middle of the
 * data) is a temporary failure: sending again cannot make a second copy.
 */
export function classifySmtpFailure(f: SmtpFailure, dotWritten: boolean): FailureKind {
  const rc = f.responseCode;
  const command = (f.command ?? '').toUpperCase();
  if (rc !== undefined && rc >= 400 && rc < 500) return 'temporary';
  if (rc !== undefined && rc >= 500) {
    // Refused recipient or refused message: this delivery only. Refused greeting,
    // EHLO, AUTH or sender: every delivery would fail the same way.
    return command.startsWith('RCPT') || command === 'DATA' ? 'permanent' : 'fatal';
  }
  if (f.code && FATAL_CODES.has(f.code)) return 'fatal';
  return dotWritten ? 'unknown' : 'temporary';
}

/**
 * A refused recipient whose reply says the mailbox does not exist: enhanced status
 * 5.1.x or 5.2.1, or (without an enhanced status) 550/551/553. Policy refusals
 * (5.7.x) are not bounces of the address.
 */
export function isHardBounce(f: SmtpFailure): boolean {
  if (!(f.responseCode && f.responseCode >= 500 && (f.command ?? '').toUpperCase().startsWith('RCPT'))) return false;
  const enhanced = /\b5\.(\d{1,3})\.(\d{1,3})\b/.exec(f.response ?? '');
  if (enhanced) return enhanced[1] === '1' || (enhanced[1] === '2' && enhanced[2] === '1');
  return [550, 551, 553].includes(f.responseCode);
}

/** Wait before retry `attempt` (0-based): base × 2^attempt, capped, with up to 20 % jitter. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: number): number {
  const d = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(d * (1 + 0.2 * random));
}
