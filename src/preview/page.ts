/**
 * The preview page and the frame's error document, as HTML strings. Pure: every value is
 * escaped where it is printed.
 */
import type { IssueStyle } from '../types.js';
import { PAGE_SCRIPT } from './client.js';
import { DESK_SCRIPT } from './desk-client.js';
import { DESK_CSS } from './desk-styles.js';
import { STYLES, type IssueSummary } from './deps.js';
import { escapeHtml as esc } from './escape.js';
import { PAGE_CSS } from './styles.js';
import { errorWhere, type Scheme, type ViewError, type ViewState } from './view.js';

export type Width = 'desktop' | 'phone';
export type Part = 'html' | 'text';

/** What the page shows, as the URL's query says. */
export interface PageQuery {
  issue: string | undefined;
  style: IssueStyle | undefined;
  width: Width;
  scheme: Scheme;
  part: Part;
}

export interface PageInput {
  query: PageQuery;
  view: ViewState;
  issues: readonly IssueSummary[];
  actions: { recollect: boolean; recompose: boolean; sendTest: boolean };
  /** Whether the page can edit the draft (the desk panel beside the email). */
  desk?: boolean | undefined;
  /** Nonce of the inline script and style (Content-Security-Policy). */
  nonce: string;
}

export function parsePageQuery(params: URLSearchParams): PageQuery {
  const style = params.get('style') ?? '';
  return {
    issue: params.get('issue') || undefined,
    style: (STYLES as readonly string[]).includes(style) ? (style as IssueStyle) : undefined,
    width: params.get('width') === 'phone' ? 'phone' : 'desktop',
    scheme: params.get('scheme') === 'dark' ? 'dark' : 'light',
    part: params.get('part') === 'text' ? 'text' : 'html',
  };
}

function queryString(entries: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(entries)) if (v) p.set(k, v);
  return p.toString();
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

function segmented(label: string, key: string, current: string, options: Array<[string, string]>): string {
  const buttons = options
    .map(
      ([value, text]) =>
        `<button type="button" data-set="${esc(key)}" data-value="${esc(value)}" aria-pressed="${value === current}">${esc(text)}</button>`,
    )
    .join('');
  return `<div class="group seg" role="group" aria-label="${esc(label)}">${buttons}</div>`;
}

function actionButton(id: string, text: string, enabled: boolean, type = 'button'): string {
  return enabled
    ? `<button type="${type}" id="${id}">${esc(text)}</button>`
    : `<button type="${type}" id="${id}" disabled title="not available in this setup">${esc(text)}</button>`;
}

function issueOptions(issues: readonly IssueSummary[], query: PageQuery, view: ViewState): string {
  const current = query.issue ?? '';
  const known = new Set(issues.map((i) => i.id));
  const first = `<option value=""${current === '' ? ' selected' : ''}>current draft${
    !query.issue && view.issueId ? ` (${esc(view.issueId)})` : ''
  }</option>`;
  const extra =
    current && !known.has(current) ? `<option value="${esc(current)}" selected>${esc(current)}</option>` : '';
  const rest = issues
    .map(
      (i) =>
        `<option value="${esc(i.id)}"${i.id === current ? ' selected' : ''}>${esc(i.id)} · ${esc(i.status)} · ${esc(i.title)}</option>`,
    )
    .join('');
  return first + extra + rest;
}

function styleOptions(style: IssueStyle | undefined): string {
  const own = `<option value=""${style ? '' : ' selected'}>draft's own</option>`;
  return own + STYLES.map((s) => `<option value="${s}"${s === style ? ' selected' : ''}>${s}</option>`).join('');
}

function metaRows(view: ViewState): string {
  const ok = view.ok ? view : undefined;
  const warnings = ok
    ? [
        ...ok.warnings.map((w) => `<li>${esc(w.code)}: ${esc(w.message)}</li>`),
        ...(ok.darkStyles ? [] : ['<li>dark mode: no dark styles; some clients invert the colours</li>']),
      ]
    : [];
  const size = ok
    ? `${kb(ok.size.htmlBytes)} HTML of ${kb(ok.size.clipAt)}${
        ok.size.ratio >= 1 ? ' — Gmail clips this message' : ' (Gmail clips above)'
      }, text ${kb(ok.size.textBytes)}`
    : '';
  return [
    `<span class="k">Subject</span><span class="v" id="subject">${esc(ok?.subject ?? '')}</span>`,
    `<span class="k">Preheader</span><span class="v" id="preheader">${esc(ok ? ok.preheader || '—' : '')}</span>`,
    `<span class="k">Size</span><span class="v" id="size"${ok && ok.size.ratio >= 1 ? ' class="clipped"' : ''}>${esc(size)}</span>`,
    `<span class="k">Preflight</span><ul class="v" id="warnings">${
      warnings.join('') || (ok ? '<li class="none">no preflight warnings</li>' : '')
    }</ul>`,
    `<span class="k"><span id="live">connecting…</span></span><span class="v" id="status" role="status" aria-live="polite"></span>`,
  ].join('\n');
}

function errorBox(view: ViewState): string {
  const e = view.ok ? undefined : view.error;
  return `<div id="error" role="alert"${e ? '' : ' hidden'}>
<strong id="error-code">${esc(e?.code ?? '')}</strong> <span id="error-where">${esc(e ? errorWhere(e) : '')}</span>
<pre id="error-message">${esc(e?.message ?? '')}</pre>
<p id="error-hint">${esc(e?.hint ?? '')}</p>
</div>`;
}

/** The desk panel: filled by the desk script from the draft; none of it is part of the email. */
function deskPanel(): string {
  return `<aside id="desk" aria-label="Edit the issue">
<div class="row"><button type="button" id="undo" disabled title="Ctrl+Z">Undo</button><button type="button" id="redo" disabled title="Ctrl+Shift+Z">Redo</button>
<button type="button" id="desk-reload" hidden>Reload</button></div>
<p id="desk-status" role="status" aria-live="polite"></p>
<div class="row edit"><label for="d-title">Title</label><input type="text" id="d-title" data-key="title"></div>
<div class="row edit"><label for="d-subject">Subject</label><input type="text" id="d-subject" data-key="subject"></div>
<h2>Top stories</h2>
<ol id="stories" class="cards" aria-label="Top stories"></ol>
<h2>Headlines</h2>
<ol id="headlines" class="cards" aria-label="Headlines"></ol>
<h2>Add a headline</h2>
<form id="find" class="row"><input type="search" id="find-q" placeholder="words of a stored item, or a link https://…" aria-label="Find a stored item, or paste a link"><button type="submit">Find</button></form>
<ul id="found" aria-label="Found items"></ul>
</aside>`;
}

export function shellPage(input: PageInput): string {
  const { query, view, actions, nonce } = input;
  const frameSrc = `/frame?${queryString({ issue: query.issue, style: query.style, scheme: query.scheme, v: String(view.version) })}`;
  const title = view.ok ? view.subject : `${view.error.code} — preview`;
  const data = {
    issue: query.issue ?? '',
    style: query.style ?? '',
    width: query.width,
    scheme: query.scheme,
    part: query.part,
    version: String(view.version),
    resolved: view.issueId ?? '',
  };
  const dataAttrs = Object.entries(data)
    .map(([k, v]) => `data-${k}="${esc(v)}"`)
    .join(' ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style nonce="${esc(nonce)}">${PAGE_CSS}${input.desk ? DESK_CSS : ''}</style>
</head>
<body ${dataAttrs}${query.scheme === 'dark' ? ' class="dark"' : ''}>
<header class="bar">
<div class="group"><label>Issue <select id="issue">${issueOptions(input.issues, query, view)}</select></label>
<label>Style <select id="style">${styleOptions(query.style)}</select></label></div>
${segmented('Width', 'width', query.width, [
  ['desktop', 'Desktop'],
  ['phone', 'Phone 360'],
])}
${segmented('Colour scheme', 'scheme', query.scheme, [
  ['light', 'Light'],
  ['dark', 'Dark'],
])}
${segmented('Part', 'part', query.part, [
  ['html', 'HTML'],
  ['text', 'Text'],
])}
<div class="group actions">
${actionButton('recollect', 'Re-collect', actions.recollect)}
${actionButton('recompose', 'Re-compose', actions.recompose)}
<form id="send"><input type="email" id="to" name="to" placeholder="you@example.com" aria-label="Test address" required${
    actions.sendTest ? '' : ' disabled'
  }>${actionButton('send-button', 'Send test', actions.sendTest, 'submit')}</form>
</div>
</header>
<section class="meta${view.ok ? '' : ' stale'}" id="meta">
${metaRows(view)}
</section>
${errorBox(view)}
${input.desk ? `<div class="work">${deskPanel()}` : ''}
<main id="stage" class="stage ${query.width}">
<iframe id="frame" title="Email preview" src="${esc(frameSrc)}" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"${
    query.part === 'html' ? '' : ' hidden'
  }></iframe>
<pre id="text"${query.part === 'text' ? '' : ' hidden'}></pre>
</main>
${input.desk ? '</div>' : ''}
<script nonce="${esc(nonce)}">${PAGE_SCRIPT}</script>
${input.desk ? `<script nonce="${esc(nonce)}">${DESK_SCRIPT}</script>` : ''}
</body>
</html>
`;
}

/** What the frame shows while the draft or a template is broken. */
export function errorDocument(error: ViewError): string {
  const where = errorWhere(error);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(error.code)}</title>
<style>body{margin:0;padding:24px;font:15px/1.5 system-ui,sans-serif;background:#fde8e8;color:#8a1414}
pre{white-space:pre-wrap;font:13px/1.4 ui-monospace,Menlo,Consolas,monospace}</style></head>
<body><h1 style="font-size:18px;margin:0 0 8px">${esc(error.code)}${where ? ` · ${esc(where)}` : ''}</h1>
<pre>${esc(error.message)}</pre>${error.hint ? `<p>${esc(error.hint)}</p>` : ''}
<p>The preview updates when the file is saved again.</p></body></html>
`;
}
