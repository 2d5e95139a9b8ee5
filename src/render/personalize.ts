/**
 * Filling the per-recipient fields of a rendered issue: plain string replacement of the
 * placeholder tokens, values HTML-escaped in the HTML part and as they are in the text part
 * (its template prints nothing escaped). Cheap: no template runs.
 */
import { BriefingError } from '../errors.js';
import type { Recipient, RenderedIssue } from '../types.js';
import { escapeHtml, oneLine } from './format.js';
import { PLACEHOLDER_RE } from './placeholders.js';

/** http(s) and mailto: URLs, or a `#fragment` (a public copy without a personal link); anything else is refused. */
function unsubscribeUrl(recipient: Recipient): string {
  const url = recipient.unsubscribeUrl.trim();
  if (/^(https?:\/\/|mailto:)\S+$/i.test(url) || /^#\S*$/.test(url)) return url;
  throw new BriefingError(
    'ESEND',
    `unsubscribe URL for ${oneLine(recipient.email) || 'the public copy'} is not an http(s) or mailto: URL`,
    'set newsletter.baseUrl (or delivery.unsubscribeMailto) so every message carries a working unsubscribe link',
  );
}

function values(recipient: Recipient): Record<string, string | undefined> {
  const name = recipient.name === undefined ? '' : oneLine(recipient.name).slice(0, 100);
  const prefs = recipient.preferencesUrl?.trim();
  return {
    'unsubscribe-url': unsubscribeUrl(recipient),
    // Only an http(s) link is printed; without one the template's fallback (`#`) stays.
    'preferences-url': prefs && /^https?:\/\/\S+$/i.test(prefs) ? prefs : undefined,
    name: name || undefined,
    email: oneLine(recipient.email),
  };
}

export function personalize(issue: RenderedIssue, recipient: Recipient): { html: string; text: string } {
  const v = values(recipient);
  const html = issue.html.replace(PLACEHOLDER_RE, (_m, field: string, fallback: string | undefined) => {
    const value = v[field];
    return value === undefined ? (fallback ?? '') : escapeHtml(value);
  });
  const text = issue.text.replace(PLACEHOLDER_RE, (_m, field: string, fallback: string | undefined) => {
    return v[field] ?? fallback ?? '';
  });
  return { html, text };
}
