import { ARCHIVE_DIR } from '../../links.js';
/** The archive's Atom feed (RFC 4287). Pure. Links are relative; xml:base names the site when known. */
import { createHash } from 'node:crypto';
import type { Draft } from '../../types.js';
import { escapeHtml, escapeXml } from '../escape.js';
import { issuePath, type ArchiveInput, type ArchiveIssue } from './model.js';

/** A name-based UUID (version 5 layout over SHA-1), so ids stay the same across builds. */
export function stableUuid(name: string): string {
  const h = createHash('sha1').update(name).digest();
  h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
  h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The archive's own address: `<baseUrl>/archive/` (src/links.ts), where its relative links resolve. */
export function siteBase(baseUrl: string | undefined): string | undefined {
  return baseUrl ? `${baseUrl.replace(/\/+$/, '')}/${ARCHIVE_DIR}` : undefined;
}

function entryId(input: ArchiveInput, issue: ArchiveIssue): string {
  const base = siteBase(input.newsletter.baseUrl);
  return base
    ? `${base}${issuePath(issue.id)}`
    : `urn:uuid:${stableUuid(`briefing:${input.newsletter.title}:issue:${issue.id}`)}`;
}

const safeUrl = (url: string): string | undefined => (/^https?:\/\//i.test(url) ? url : undefined);

/** The issue's stories and headlines as a small HTML summary for feed readers. */
export function entryContent(draft: Draft): string {
  const stories = draft.stories.map((s) => {
    const url = safeUrl(s.sources[0]?.url ?? '');
    const head = url ? `<a href="${escapeHtml(url)}">${escapeHtml(s.headline)}</a>` : escapeHtml(s.headline);
    return `<h2>${head}</h2>${s.lead.length ? `<p>${escapeHtml(s.lead.join(' '))}</p>` : ''}`;
  });
  const headlines = draft.headlines.map((h) => {
    const url = safeUrl(h.url);
    return `<li>${url ? `<a href="${escapeHtml(url)}">${escapeHtml(h.text)}</a>` : escapeHtml(h.text)}</li>`;
  });
  return stories.join('') + (headlines.length ? `<ul>${headlines.join('')}</ul>` : '');
}

export function atomFeed(input: ArchiveInput, issues: readonly ArchiveIssue[]): string {
  const { newsletter } = input;
  const base = siteBase(newsletter.baseUrl);
  const updated = issues[0]?.sentAt ?? input.now.toISOString();
  const feedId = base ?? `urn:uuid:${stableUuid(`briefing:${newsletter.title}`)}`;
  const entries = issues.map(
    (issue) => `  <entry>
    <title>${escapeXml(issue.draft.title)}</title>
    <id>${escapeXml(entryId(input, issue))}</id>
    <link rel="alternate" type="text/html" href="${escapeXml(issuePath(issue.id))}"/>
    <published>${escapeXml(new Date(issue.sentAt).toISOString())}</published>
    <updated>${escapeXml(new Date(issue.sentAt).toISOString())}</updated>
    <summary>${escapeXml(issue.draft.preheader || issue.draft.subject)}</summary>
    <content type="html">${escapeXml(entryContent(issue.draft))}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(newsletter.locale)}"${base ? ` xml:base="${escapeXml(base)}"` : ''}>
  <title>${escapeXml(newsletter.title)}</title>
  <id>${escapeXml(feedId)}</id>
  <updated>${escapeXml(new Date(updated).toISOString())}</updated>
  <link rel="self" type="application/atom+xml" href="feed.xml"/>
  <link rel="alternate" type="text/html" href="index.html"/>
  <author><name>${escapeXml(newsletter.title)}</name></author>
  <generator>briefing</generator>
${entries.join('\n')}${entries.length ? '\n' : ''}</feed>
`;
}
