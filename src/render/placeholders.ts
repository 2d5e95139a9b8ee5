/**
 * Per-recipient fields. The issue is rendered once with placeholder tokens in their
 * place; `personalize` swaps them for each recipient with plain string replacement.
 *
 * A token reads `[[briefing:<field>]]` or `[[briefing:<field>|<fallback>]]`. It holds no
 * character an HTML escaper changes, so it passes through `{{ }}` untouched, and feed text
 * can never carry one (the view strips them).
 */

export type RecipientField = 'unsubscribe-url' | 'preferences-url' | 'name' | 'email';

export function placeholder(field: RecipientField, fallback?: string): string {
  const fb = fallback === undefined ? '' : `|${fallback.replace(/[\]|[]/g, '')}`;
  return `[[briefing:${field}${fb}]]`;
}

/** Matches any token; group 1 is the field, group 2 the fallback (as printed). */
export const PLACEHOLDER_RE = /\[\[briefing:([a-z-]+)(?:\|([^\]]*))?\]\]/g;

/** Remove anything that looks like a token from untrusted text. */
export function stripPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER_RE, '').replace(/\[\[briefing:/g, '[[briefing\u200b:');
}
