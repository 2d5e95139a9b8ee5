/**
 * The public addresses of an issue, one scheme for all that print them: the email's "view in browser"
 * link (render), the archive's pages (`archive --out`, preview) and the public site that serves the
 * archive (`briefing serve`, under `/archive/`). `newsletter.baseUrl` is where the public site is; a
 * static archive is hosted at `<baseUrl>/archive/` so the same links work.
 */

/** Where the archive sits under the base URL. */
export const ARCHIVE_DIR = 'archive/';

/** An issue's page, relative to the archive's folder. */
export function issuePagePath(issueId: string): string {
  return `issues/${encodeURIComponent(issueId)}.html`;
}

/** The absolute address of an issue's page under the base URL ('' without one, or for a non-http URL). */
export function issueWebUrl(baseUrl: string | undefined, issueId: string): string {
  if (!baseUrl || !/^https?:\/\//i.test(baseUrl.trim())) return '';
  const base = baseUrl.trim().endsWith('/') ? baseUrl.trim() : `${baseUrl.trim()}/`;
  return new URL(`${ARCHIVE_DIR}${issuePagePath(issueId)}`, base).href;
}
