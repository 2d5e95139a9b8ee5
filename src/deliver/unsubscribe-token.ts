/**
 * Signed per-recipient address tokens and the URLs that carry them. Pure.
 * A token is `<base64url(email)>.<first 128 bits of HMAC-SHA256(secret, purpose + email)>`:
 * it names the address and proves the link was made by this newsletter, for one purpose:
 * `unsubscribe` (the one-click link) or `preferences` (the footer's settings page), so
 * neither link can stand in for the other.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DeliveryConfig, Recipient } from '../types.js';
import { addressOf, unsubscribeMailto } from './message.js';

const MAC_BYTES = 16;

export type AddressTokenPurpose = 'unsubscribe' | 'preferences';

function mac(secret: string, email: string, purpose: AddressTokenPurpose): Buffer {
  return createHmac('sha256', secret).update(`${purpose}\n${email.toLowerCase()}`).digest().subarray(0, MAC_BYTES);
}

export function signAddressToken(purpose: AddressTokenPurpose, email: string, secret: string): string {
  return `${Buffer.from(email.toLowerCase(), 'utf8').toString('base64url')}.${mac(secret, email, purpose).toString('base64url')}`;
}

export function signUnsubscribeToken(email: string, secret: string): string {
  return signAddressToken('unsubscribe', email, secret);
}

/** The address an unsubscribe token was made for, or undefined when it is malformed or not signed with this secret. */
export function verifyUnsubscribeToken(token: string, secret: string): string | undefined {
  return verifyAddressToken('unsubscribe', token, secret);
}

/** The address a token of this purpose was made for, or undefined. */
export function verifyAddressToken(purpose: AddressTokenPurpose, token: string, secret: string): string | undefined {
  const m = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{22})$/.exec(token.trim());
  if (!m) return undefined;
  const email = Buffer.from(m[1] ?? '', 'base64url').toString('utf8');
  if (!email.includes('@') || /[\s\u0000-\u001f]/.test(email)) return undefined;
  // Compare the canonical text: base64url's last character carries unused bits.
  const given = Buffer.from(m[2] ?? '', 'utf8');
  const want = Buffer.from(mac(secret, email, purpose).toString('base64url'), 'utf8');
  return given.length === want.length && timingSafeEqual(given, want) ? email : undefined;
}

/** `<baseUrl>/<page>?t=<token>` (baseUrl may carry a path). */
function tokenUrl(baseUrl: string, page: string, token: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const url = new URL(page, base);
  url.searchParams.set('t', token);
  return url.toString();
}

/** `<baseUrl>/unsubscribe?t=<token>` (baseUrl may carry a path). */
export function unsubscribeUrl(baseUrl: string, token: string): string {
  return tokenUrl(baseUrl, 'unsubscribe', token);
}

/** `<baseUrl>/preferences?t=<token>`: the subscriber's settings page on the public site. */
export function preferencesUrl(baseUrl: string, email: string, secret: string): string {
  return tokenUrl(baseUrl, 'preferences', signAddressToken('preferences', email, secret));
}

export interface RecipientContext {
  delivery: DeliveryConfig;
  /** newsletter.baseUrl; without it the unsubscribe link is the mailto. */
  baseUrl?: string | undefined;
  secret: string;
}

/** The Recipient (with its signed unsubscribe link) for a subscriber. */
export function recipientFor(
  subscriber: { email: string; name?: string | undefined; interests?: readonly string[] | undefined },
  ctx: RecipientContext,
): Recipient {
  const token = signUnsubscribeToken(subscriber.email, ctx.secret);
  const url = ctx.baseUrl ? unsubscribeUrl(ctx.baseUrl, token) : (unsubscribeMailto(ctx.delivery) ?? '');
  return {
    email: subscriber.email,
    name: subscriber.name,
    unsubscribeUrl: url,
    preferencesUrl: ctx.baseUrl ? preferencesUrl(ctx.baseUrl, subscriber.email, ctx.secret) : undefined,
    interests: subscriber.interests && subscriber.interests.length > 0 ? [...subscriber.interests] : undefined,
  };
}

/**
 * The recipient of the preview file (outbox/<id>/issue.eml): the From
 * address itself, with an unsigned placeholder unsubscribe link.
 */
export function previewRecipient(delivery: DeliveryConfig, baseUrl?: string): Recipient {
  const email = addressOf(delivery.from);
  return {
    email,
    unsubscribeUrl: baseUrl ? unsubscribeUrl(baseUrl, 'preview') : (unsubscribeMailto(delivery) ?? ''),
  };
}
