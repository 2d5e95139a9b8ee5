/**
 * Building one outgoing message: pure, plain data in and out. Every value that
 * ends up in a header passes through `oneLine`, so a feed title or a subscriber
 * name with CR/LF can never start a header of its own.
 */
import { createHash } from 'node:crypto';
import type { DeliveryConfig, OutgoingMessage, Recipient, RenderedIssue } from '../types.js';

export interface BuildMessageArgs {
  config: DeliveryConfig;
  issue: RenderedIssue;
  recipient: Recipient;
  /** The message's Date. */
  now: Date;
  /** Right-hand side of the Message-ID; the From address's domain when not set. */
  messageIdDomain?: string | undefined;
  /** The recipient's personalized HTML and text; the issue's own when not set. */
  body?: { html: string; text: string } | undefined;
}

/** Control characters, line and paragraph separators: never allowed inside a header value. */
const HEADER_BREAKERS = /[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g;

/** A header-safe single line: CR, LF and every other control character become one space. */
export function oneLine(value: string): string {
  return value.replace(HEADER_BREAKERS, ' ').replace(/ {2,}/g, ' ').trim();
}

/** Characters of a subject kept: what a phone's inbox shows, well inside RFC 5322's 78-column lines once encoded and folded. */
export const SUBJECT_MAX = 70;

/** A subject cut to SUBJECT_MAX characters at a word, with "…"; a short one is unchanged. */
export function capSubject(subject: string, max = SUBJECT_MAX): string {
  const chars = [...subject];
  if (chars.length <= max) return subject;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  const cut = space >= head.length / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,.:;·…-]+$/u, '')}…`;
}

/** `"Name" <email>` with the name quoted (quotes and backslashes escaped), or the bare address. */
export function formatAddress(email: string, name?: string): string {
  const address = oneLine(email).replace(/[<>",;\s]/g, '');
  const display = name === undefined ? '' : oneLine(name);
  if (!display) return address;
  return `"${display.replace(/[\\"]/g, (c) => `\\${c}`)}" <${address}>`;
}

/** The address part of `Name <addr>` or a bare `addr`. */
export function addressOf(mailbox: string): string {
  const m = /<([^<>]*)>\s*$/.exec(mailbox);
  return (m ? (m[1] ?? '') : mailbox).trim();
}

/** The domain of an address, lower-cased; undefined when there is none. */
export function domainOf(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  if (at < 0) return undefined;
  const d = address
    .slice(at + 1)
    .trim()
    .toLowerCase();
  return /^[a-z0-9.-]+$/.test(d) && d.length > 0 ? d : undefined;
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 20);
}

/**
 * The Message-ID of an issue to one recipient. Deterministic: the same issue to
 * the same address always gets the same id, so a message sent again after an
 * unknown outcome can be recognised as the same message by receiving systems.
 */
export function messageIdFor(issueId: string, email: string, domain: string): string {
  const left = issueId.replace(/[^A-Za-z0-9._-]/g, '-');
  return `<${left}.${shortHash(email.toLowerCase())}@${domain}>`;
}

/** The mailto: for List-Unsubscribe (delivery.unsubscribeMailto, else the From address). */
export function unsubscribeMailto(config: DeliveryConfig): string | undefined {
  const to = addressOf(oneLine(config.unsubscribeMailto ?? config.from)).replace(/^mailto:/i, '');
  if (!domainOf(to)) return undefined;
  return `mailto:${encodeURI(to)}?subject=unsubscribe`;
}

/** Header-safe URL: only printable ASCII, no angle brackets, commas or spaces. */
function safeUrl(url: string): string | undefined {
  const u = oneLine(url);
  if (!/^(https?|mailto):[\x21-\x7e]+$/i.test(u) || /[<>,]/.test(u)) return undefined;
  return u;
}

/** List-Unsubscribe (one-click URL and mailto) and List-Unsubscribe-Post when there is an http(s) URL. */
export function listUnsubscribeHeaders(config: DeliveryConfig, recipient: Recipient): Record<string, string> {
  const url = safeUrl(recipient.unsubscribeUrl);
  const web = url && /^https?:/i.test(url) ? url : undefined;
  const mailto = (url && /^mailto:/i.test(url) ? url : undefined) ?? unsubscribeMailto(config);
  const parts = [web, mailto].filter((p): p is string => p !== undefined).map((p) => `<${p}>`);
  const headers: Record<string, string> = {};
  if (parts.length > 0) headers['List-Unsubscribe'] = parts.join(', ');
  if (web) headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  return headers;
}

/** The Message-ID buildMessage gives an issue's message to this address (known before the message is built). */
export function messageIdOf(config: DeliveryConfig, issueId: string, email: string, messageIdDomain?: string): string {
  const domain = messageIdDomain ?? domainOf(addressOf(oneLine(config.from))) ?? 'briefing.invalid';
  return messageIdFor(issueId, email, domain);
}

/** One issue to one recipient, ready for a transport. Pure. */
export function buildMessage(args: BuildMessageArgs): OutgoingMessage {
  const { config, issue, recipient, now } = args;
  const from = oneLine(config.from);
  const body = args.body ?? { html: issue.html, text: issue.text };
  return {
    issueId: issue.issueId,
    from,
    to: formatAddress(recipient.email, recipient.name),
    replyTo: config.replyTo !== undefined ? oneLine(config.replyTo) : undefined,
    subject: capSubject(oneLine(issue.subject)),
    html: body.html,
    text: body.text,
    messageId: messageIdOf(config, issue.issueId, recipient.email, args.messageIdDomain),
    date: now,
    headers: listUnsubscribeHeaders(config, recipient),
  };
}
