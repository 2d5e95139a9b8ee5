/**
 * What a message in the bounce mailbox says. Pure: plain data in (the message as read by
 * the mailbox edge), one finding out.
 *
 * - A delivery status notification (RFC 3464: multipart/report; report-type=delivery-status,
 *   with a message/delivery-status part) whose recipient failed with a 5.x.x status is a
 *   hard bounce; a 4.x.x status (failed or delayed), or a 5.7.x policy refusal (spam or
 *   reputation, not the address), is a soft bounce. "delivered", "relayed" and "expanded"
 *   reports are no bounce.
 * - A feedback report (RFC 5965: report-type=feedback-report, a message/feedback-report
 *   part) is a complaint, whatever its Feedback-Type (abuse, fraud, other…), except
 *   "not-spam".
 * - The delivery is found by the VERP address the report was sent to (or, for complaints,
 *   the Original-Mail-From / Return-Path of the reported message), else by the report's
 *   recipient fields and the original Message-ID.
 * - Anything else (auto-replies, bounces in free text, broken reports) is unparsed: kept in
 *   the mailbox for a person to read.
 */
import { parseVerpAddress, type VerpDelivery } from './verp.js';

export interface MailboxPart {
  /** Lower-case MIME type without parameters: message/delivery-status, text/rfc822-headers, … */
  contentType: string;
  content: string;
}

export interface MailboxMessage {
  /** The report's own Message-ID, if any. */
  messageId?: string | undefined;
  /** The top-level Content-Type with its parameters (report-type=…). */
  contentType: string;
  /** Addresses the report was delivered to: Delivered-To, X-Original-To, Envelope-To, To. */
  deliveredTo: string[];
  subject?: string | undefined;
  /** Every MIME part below the top, in order (leaves only). */
  parts: MailboxPart[];
}

export type BounceFindingKind = 'hard' | 'soft' | 'complaint';

export type BounceFinding =
  | {
      kind: BounceFindingKind;
      /** The recipient the report is about (lower case), when it names one. */
      email?: string | undefined;
      /** The delivery, from a verified VERP address. */
      delivery?: VerpDelivery | undefined;
      /** The original message's Message-ID, when the report carries its headers. */
      originalMessageId?: string | undefined;
      /** Enhanced status (5.1.1) or feedback type (abuse). */
      status: string;
      /** One line: what the report said. */
      detail: string;
    }
  | { kind: 'none'; detail: string }
  | { kind: 'unparsed'; detail: string };

export interface ReportContext {
  /** delivery.returnPath, to recognise VERP addresses. */
  returnPath?: string | undefined;
  secret: string;
}

/** RFC 822-style fields (folded lines joined), in groups separated by blank lines. */
export function fieldGroups(text: string): Array<Map<string, string>> {
  const groups: Array<Map<string, string>> = [];
  let current = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      if (current.size > 0) groups.push(current);
      current = new Map();
      last = undefined;
      continue;
    }
    if (/^[ \t]/.test(line) && last) {
      current.set(last, `${current.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const m = /^([A-Za-z0-9][A-Za-z0-9-]*)\s*:\s?(.*)$/.exec(line);
    if (!m) continue;
    last = (m[1] ?? '').toLowerCase();
    if (!current.has(last)) current.set(last, (m[2] ?? '').trim());
  }
  if (current.size > 0) groups.push(current);
  return groups;
}

/** The address of an `rfc822; addr` typed field, or a bare / bracketed one, lower case. */
export function addressIn(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const typed = /^\s*[A-Za-z0-9-]+\s*;\s*(.+)$/.exec(value);
  const v = (typed ? (typed[1] ?? '') : value).trim();
  const m = /<?([^\s<>;"]+@[^\s<>;"]+?)>?\s*(?:\(.*\))?$/.exec(v);
  return m?.[1]?.toLowerCase().replace(/\.$/, '');
}

const ENHANCED = /\b([245])\.(\d{1,3})\.(\d{1,3})\b/;

function oneLine(s: string, max = 300): string {
  return s.replace(/\s+/g, ' ').trim().slice(0, max);
}

/** The Message-ID header of the reported message (message/rfc822 or text/rfc822-headers part). */
function originalHeaders(parts: readonly MailboxPart[]): Map<string, string> | undefined {
  const p = parts.find((x) => x.contentType === 'text/rfc822-headers' || x.contentType === 'message/rfc822');
  if (!p) return undefined;
  const head = p.content.replace(/\r\n?/g, '\n').split(/\n\n/, 1)[0] ?? '';
  return fieldGroups(head)[0];
}

function verpFrom(addresses: Iterable<string | undefined>, ctx: ReportContext): VerpDelivery | undefined {
  if (!ctx.returnPath) return undefined;
  for (const a of addresses) {
    const addr = addressIn(a);
    if (!addr) continue;
    const d = parseVerpAddress(addr, ctx.returnPath, ctx.secret);
    if (d) return d;
  }
  return undefined;
}

function reportType(contentType: string): string | undefined {
  return /report-type\s*=\s*"?([A-Za-z-]+)"?/i.exec(contentType)?.[1]?.toLowerCase();
}

function classifyDsn(msg: MailboxMessage, status: MailboxPart, ctx: ReportContext): BounceFinding {
  const groups = fieldGroups(status.content);
  const recipients = groups.filter((g) => g.has('final-recipient') || g.has('original-recipient') || g.has('action'));
  if (recipients.length === 0) return { kind: 'unparsed', detail: 'delivery-status report names no recipient' };
  // The first recipient that failed or is delayed; a report of success is no bounce.
  const rcpt = recipients.find((g) => /^(failed|delayed)\b/i.test(g.get('action') ?? '')) ?? recipients[0];
  if (!rcpt) return { kind: 'unparsed', detail: 'delivery-status report names no recipient' };
  const action = (rcpt.get('action') ?? '').toLowerCase().split(/\s/)[0] ?? '';
  const diagnostic = rcpt.get('diagnostic-code') ?? '';
  if (['delivered', 'relayed', 'expanded'].includes(action)) {
    return { kind: 'none', detail: `delivery report: ${action}` };
  }
  const enhanced = ENHANCED.exec(rcpt.get('status') ?? '') ?? ENHANCED.exec(diagnostic);
  const basic = /(?:^|;)\s*([245])\d\d\b/.exec(diagnostic);
  const cls = enhanced?.[1] ?? basic?.[1];
  if (!cls || cls === '2')
    return { kind: 'unparsed', detail: `delivery-status report without a failure status (${action || 'no action'})` };
  const code = enhanced ? `${enhanced[1]}.${enhanced[2]}.${enhanced[3]}` : `${cls}.0.0`;
  const policy = enhanced?.[1] === '5' && enhanced[2] === '7';
  const kind: BounceFindingKind = cls === '5' && action !== 'delayed' && !policy ? 'hard' : 'soft';
  const original = originalHeaders(msg.parts);
  const email = addressIn(rcpt.get('original-recipient')) ?? addressIn(rcpt.get('final-recipient'));
  const perMessage = groups[0];
  const delivery = verpFrom(
    [...msg.deliveredTo, perMessage?.get('x-postfix-sender'), original?.get('return-path')],
    ctx,
  );
  const said = oneLine(diagnostic.replace(/^\s*smtp\s*;\s*/i, '')) || `status ${code}`;
  return {
    kind,
    email,
    delivery,
    originalMessageId: original?.get('message-id')?.trim(),
    status: code,
    detail: `${action || 'failed'} ${code}: ${said}`.slice(0, 300),
  };
}

function classifyArf(msg: MailboxMessage, report: MailboxPart, ctx: ReportContext): BounceFinding {
  const fields = fieldGroups(report.content)[0] ?? new Map<string, string>();
  const type = (fields.get('feedback-type') ?? '').toLowerCase().split(/\s/)[0] ?? '';
  if (!type) return { kind: 'unparsed', detail: 'feedback report without Feedback-Type' };
  if (type === 'not-spam') return { kind: 'none', detail: 'feedback report: not-spam' };
  const original = originalHeaders(msg.parts);
  const delivery = verpFrom([fields.get('original-mail-from'), original?.get('return-path')], ctx);
  const email = addressIn(fields.get('original-rcpt-to')) ?? addressIn(original?.get('to'));
  const agent = fields.get('user-agent');
  return {
    kind: 'complaint',
    email,
    delivery,
    originalMessageId: original?.get('message-id')?.trim(),
    status: type,
    detail: oneLine(`complaint (${type})${agent ? ` from ${agent}` : ''}`),
  };
}

/** What one message of the bounce mailbox says. */
export function classifyReport(msg: MailboxMessage, ctx: ReportContext): BounceFinding {
  const type = reportType(msg.contentType);
  const status = msg.parts.find((p) => p.contentType === 'message/delivery-status');
  const feedback = msg.parts.find((p) => p.contentType === 'message/feedback-report');
  if (feedback && (type === 'feedback-report' || !status)) return classifyArf(msg, feedback, ctx);
  if (status) return classifyDsn(msg, status, ctx);
  const subject = msg.subject ? ` "${oneLine(msg.subject, 80)}"` : '';
  return {
    kind: 'unparsed',
    detail: type ? `a ${type} report without its machine-readable part${subject}` : `not a DSN or ARF report${subject}`,
  };
}
