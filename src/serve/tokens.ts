/**
 * Signed tokens of the sign-up (the per-address tokens of the emails' links are deliver's). Pure. A token is `<base64url(JSON payload)>.<base64url(MAC)>`, the MAC
 * being the first 128 bits of HMAC-SHA256 over the purpose and the payload, so a token made for one purpose
 * (a confirmation link) is worthless for another (the form), and nothing in it can be changed.
 *
 * - `confirm`: a sign-up waiting for its double opt-in: the address, name and choices, a one-time nonce and
 *   an expiry (48 h by default).
 * - `form`: the time the sign-up form was served, for the minimum fill time, and proof that the form came
 *   from this server.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type TokenPurpose = 'confirm' | 'form';

export interface ConfirmClaims {
  email: string;
  name?: string | undefined;
  interests?: string[] | undefined;
  editions?: string[] | undefined;
  /** Locale of the form the person used. */
  lang?: string | undefined;
  /** One-time id. */
  nonce: string;
  /** Expiry, ms since the epoch. */
  exp: number;
}

export interface FormClaims {
  /** When the form was served, ms since the epoch. */
  iat: number;
  nonce: string;
}

interface ClaimsOf {
  confirm: ConfirmClaims;
  form: FormClaims;
}

const MAC_BYTES = 16;
const MAX_TOKEN = 4096;

function mac(secret: string, purpose: TokenPurpose, body: string): Buffer {
  return createHmac('sha256', secret).update(`briefing-serve\n${purpose}\n${body}`).digest().subarray(0, MAC_BYTES);
}

export function signToken<P extends TokenPurpose>(purpose: P, claims: ClaimsOf[P], secret: string): string {
  const body = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `${body}.${mac(secret, purpose, body).toString('base64url')}`;
}

/**
 * The claims of a token made for `purpose` with this secret; `undefined` when it is malformed, tampered
 * with, made for another purpose, or (with `exp`) expired at `now`.
 */
export function verifyToken<P extends TokenPurpose>(
  purpose: P,
  token: string | undefined,
  secret: string,
  now: Date,
): ClaimsOf[P] | undefined {
  if (!token || token.length > MAX_TOKEN) return undefined;
  const m = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{22})$/.exec(token.trim());
  if (!m) return undefined;
  const body = m[1] ?? '';
  const given = Buffer.from(m[2] ?? '', 'utf8');
  const want = Buffer.from(mac(secret, purpose, body).toString('base64url'), 'utf8');
  if (given.length !== want.length || !timingSafeEqual(given, want)) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!claims || typeof claims !== 'object') return undefined;
  const exp = (claims as { exp?: unknown }).exp;
  if (typeof exp === 'number' && exp <= now.getTime()) return undefined;
  return claims as ClaimsOf[P];
}

/** Why a token did not verify, for the page that says so: expired (ask again) or not valid at all. */
export function tokenProblem(purpose: TokenPurpose, token: string | undefined, secret: string): 'expired' | 'invalid' {
  // Signed and well-formed at the epoch, so the only thing wrong with it now is its age.
  return verifyToken(purpose, token, secret, new Date(0)) ? 'expired' : 'invalid';
}

export function nonce(): string {
  return randomBytes(12).toString('base64url');
}
