/**
 * VERP return paths (variable envelope return path). Pure.
 * With `delivery.returnPath: bounce@example.com`, the message of issue 2026-11-23 to
 * subscriber 42 goes out with the envelope sender `bounce+2026-11-23.16.<mac>@example.com`
 * (the subscriber id in base 36): a bounce to it names the exact delivery even when the
 * report leaves out the original headers. The MAC (HMAC-SHA256 with the unsubscribe secret,
 * 48 bits, lower-case hex so a mail system that lower-cases local parts keeps it valid) stops
 * a forged bounce from suppressing an address.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface VerpDelivery {
  issueId: string;
  subscriberId: number;
}

const MAC_HEX = 12;
/** Issue ids written as they are; anything else is hex-encoded behind an `x`. */
const PLAIN_ISSUE = /^[0-9][a-z0-9-]{0,40}$/;

function mac(secret: string, issueId: string, subscriberId: number): string {
  return createHmac('sha256', secret).update(`verp\n${issueId}\n${subscriberId}`).digest('hex').slice(0, MAC_HEX);
}

function splitAddress(address: string): { local: string; domain: string } | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return undefined;
  return { local: address.slice(0, at), domain: address.slice(at + 1) };
}

/** The envelope sender for one delivery: `<local>+<issue>.<subscriber>.<mac>@<domain>`. */
export function verpAddress(returnPath: string, d: VerpDelivery, secret: string): string {
  const parts = splitAddress(returnPath);
  if (!parts) throw new Error(`delivery.returnPath is not an address: ${returnPath}`);
  const issue = PLAIN_ISSUE.test(d.issueId) ? d.issueId : `x${Buffer.from(d.issueId, 'utf8').toString('hex')}`;
  return `${parts.local}+${issue}.${d.subscriberId.toString(36)}.${mac(secret, d.issueId, d.subscriberId)}@${parts.domain}`;
}

/**
 * The delivery a VERP address names, or undefined when it is not one of this return
 * path's addresses or its MAC does not verify. Case-insensitive.
 */
export function parseVerpAddress(address: string, returnPath: string, secret: string): VerpDelivery | undefined {
  const want = splitAddress(returnPath.toLowerCase());
  const got = splitAddress(address.trim().toLowerCase());
  if (!want || !got || got.domain !== want.domain) return undefined;
  const prefix = `${want.local}+`;
  if (!got.local.startsWith(prefix)) return undefined;
  const m = /^([0-9a-z-]{1,200})\.([0-9a-z]{1,11})\.([0-9a-f]{12})$/.exec(got.local.slice(prefix.length));
  if (!m) return undefined;
  const [, rawIssue = '', rawId = '', given = ''] = m;
  let issueId = rawIssue;
  if (!PLAIN_ISSUE.test(rawIssue)) {
    if (!/^x(?:[0-9a-f]{2})+$/.test(rawIssue)) return undefined;
    issueId = Buffer.from(rawIssue.slice(1), 'hex').toString('utf8');
  }
  const subscriberId = Number.parseInt(rawId, 36);
  if (!Number.isSafeInteger(subscriberId) || subscriberId <= 0) return undefined;
  const expected = mac(secret, issueId, subscriberId);
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(expected))) return undefined;
  return { issueId, subscriberId };
}
