/** The archive's HTML pages. Pure; every value is escaped; every link is relative. */
import { escapeHtml as esc } from '../escape.js';
import { injectHead } from '../view.js';
import { siteBase } from './atom.js';
import { issuePath, type ArchiveInput, type ArchiveIssue } from './model.js';
import { archiveText, formatDate } from './labels.js';

const INDEX_CSS = `*{box-sizing:border-box}body{margin:0;background:#f4f5f7;color:#1d2330;
font:16px/1.6 system-ui,-apple-system,"Apple SD Gothic Neo","Noto Sans KR",sans-serif}
main{max-width:720px;margin:0 auto;padding:24px 16px}h1{font-size:26px;margin:0 0 4px}
.feed{color:#5b6475;font-size:14px}ol{list-style:none;margin:24px 0 0;padding:0}
li{background:#fff;border:1px solid #e1e4ea;border-radius:10px;padding:14px 16px;margin:0 0 12px}
li a{color:#1d2330;font-weight:600;text-decoration:none;font-size:18px}li a:hover{text-decoration:underline}
time{display:block;color:#5b6475;font-size:13px}p{margin:4px 0 0;color:#3d4454;overflow-wrap:anywhere}
@media (prefers-color-scheme:dark){body{background:#16181d;color:#e8eaef}li{background:#22252c;border-color:#3a3f4a}
li a{color:#e8eaef}p{color:#c3c9d4}time,.feed{color:#a3abba}}`;

export function indexPage(input: ArchiveInput, issues: readonly ArchiveIssue[]): string {
  const { newsletter } = input;
  const t = archiveText(newsletter.locale, input.labels);
  const items = issues
    .map(
      (
        issue,
      ) => `<li><time datetime="${esc(issue.sentAt)}">${esc(formatDate(issue.sentAt, newsletter.locale, newsletter.timezone))}</time>
<a href="${esc(issuePath(issue.id))}">${esc(issue.draft.title)}</a>${
        issue.draft.preheader ? `<p>${esc(issue.draft.preheader)}</p>` : ''
      }</li>`,
    )
    .join('\n');
  const base = siteBase(newsletter.baseUrl);
  return `<!doctype html>
<html lang="${esc(newsletter.locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(newsletter.title)} · ${esc(t.archive)}</title>
<link rel="alternate" type="application/atom+xml" href="feed.xml" title="${esc(newsletter.title)}">
${base ? `<link rel="canonical" href="${esc(base)}index.html">\n` : ''}<style>${INDEX_CSS}</style>
</head>
<body>
<main>
<h1>${esc(newsletter.title)}</h1>
<a class="feed" href="feed.xml">${esc(t.feed)}</a>
${issues.length ? `<ol>\n${items}\n</ol>` : `<p>${esc(t.empty)}</p>`}
</main>
</body>
</html>
`;
}

const NAV_LINK = 'color:#2456d3;text-decoration:none;margin:0 8px;white-space:nowrap';
const NAV_DARK_CSS =
  '@media (prefers-color-scheme: dark){nav.archive-nav{background:#1c1d21 !important;border-color:#33363d !important}nav.archive-nav a{color:#8fb0ff !important}}';

/** Leftover per-recipient tokens become their fallback (the archive copy is nobody's). */
export function stripRecipientTokens(html: string): string {
  return html.replace(/\[\[briefing:[a-z-]+(?:\|([^\]]*))?\]\]/g, (_m, fallback: string | undefined) => fallback ?? '');
}

/**
 * The issue as readers got it, with a bar on top linking the index, the older and newer issue
 * and the feed.
 */
export function issuePage(
  input: ArchiveInput,
  issue: ArchiveIssue,
  older: ArchiveIssue | undefined,
  newer: ArchiveIssue | undefined,
): string {
  const { newsletter } = input;
  const t = archiveText(newsletter.locale, input.labels);
  const link = (href: string, text: string, rel?: string): string =>
    `<a href="${esc(href)}"${rel ? ` rel="${rel}"` : ''} style="${NAV_LINK}">${esc(text)}</a>`;
  const nav = `<nav class="archive-nav" style="font:14px/1.5 system-ui,sans-serif;background:#ffffff;border-bottom:1px solid #e1e4ea;padding:8px 4px;text-align:center">${[
    link('../index.html', `← ${t.allIssues}`, 'index'),
    older ? link(`${older.id}.html`, `‹ ${t.older}`, 'prev') : '',
    newer ? link(`${newer.id}.html`, `${t.newer} ›`, 'next') : '',
    link('../feed.xml', t.feed),
  ]
    .filter(Boolean)
    .join('')}</nav>`;
  const base = siteBase(newsletter.baseUrl);
  const title = `${issue.draft.title} · ${newsletter.title}`;
  let html = stripRecipientTokens(issue.html);
  const head = [
    /<meta[^>]+name=["']?viewport/i.test(html)
      ? ''
      : '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<link rel="alternate" type="application/atom+xml" href="../feed.xml" title="${esc(newsletter.title)}">`,
    base ? `<link rel="canonical" href="${esc(`${base}${issuePath(issue.id)}`)}">` : '',
    `<style>${NAV_DARK_CSS}</style>`,
  ].join('');
  if (/<title[^>]*>[\s\S]*?<\/title>/i.test(html)) {
    html = html.replace(/<title[^>]*>[\s\S]*?<\/title>/i, () => `<title>${esc(title)}</title>`);
    html = injectHead(html, head);
  } else {
    html = injectHead(html, `<title>${esc(title)}</title>${head}`);
  }
  const bodyOpen = /<body(\s[^>]*)?>/i.exec(html);
  if (bodyOpen) {
    const at = bodyOpen.index + bodyOpen[0].length;
    return html.slice(0, at) + nav + html.slice(at);
  }
  return html.replace(/<\/head>/i, (m) => `${m}${nav}`);
}
