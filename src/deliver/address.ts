/** E-mail address validation and normalization. Pure. */
import { domainToASCII } from 'node:url';

const LOCAL_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * The normalized form of an address (trimmed, angle brackets dropped, lower-cased,
 * international domain in punycode), or undefined if it is not a plain address.
 * Quoted local parts and IP-literal domains are refused: newsletters never need them.
 */
export function normalizeEmail(input: string): string | undefined {
  let s = input.trim();
  if (s.startsWith('<') && s.endsWith('>')) s = s.slice(1, -1).trim();
  s = s.replace(/^mailto:/i, '');
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1) return undefined;
  const local = s.slice(0, at);
  const domainRaw = s.slice(at + 1);
  if (local.length > 64 || local.includes('@')) return undefined;
  if (!local.split('.').every((part) => LOCAL_ATOM.test(part))) return undefined;
  const domain = domainToASCII(domainRaw.toLowerCase().replace(/\.$/, ''));
  if (!domain) return undefined;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return undefined;
  const tld = labels[labels.length - 1] ?? '';
  if (!/^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)) return undefined;
  const email = `${local.toLowerCase()}@${domain}`;
  return email.length <= 254 ? email : undefined;
}
