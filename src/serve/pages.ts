/**
 * The public site's pages and the confirmation emails. Pure: labels and values in, HTML out. Every printed
 * value is escaped; the words come from the locale files (`site…` keys); no page needs JavaScript, and the
 * one stylesheet (`/site.css`) fits a 360 px screen.
 */
import type { Labels, Locale } from '../types.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A label with its `{name}` fields filled; values are escaped unless passed as `{ html }`. */
function say(labels: Labels, key: string, vars: Record<string, string | number | { html: string }> = {}): string {
  const template = labels[key] ?? key;
  return escapeHtml(template).replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = vars[name];
    if (v === undefined) return m;
    return typeof v === 'object' ? v.html : escapeHtml(String(v));
  });
}

export const SITE_CSS = `*{box-sizing:border-box}
body{margin:0;background:#f4f5f7;color:#1d2330;font:16px/1.6 system-ui,-apple-system,"Apple SD Gothic Neo","Noto Sans KR",sans-serif}
main{max-width:34rem;margin:0 auto;padding:24px 16px}
header{font-weight:700;color:#5b6475;font-size:14px;margin:0 0 12px}
h1{font-size:24px;line-height:1.3;margin:0 0 12px}
.card{background:#fff;border:1px solid #e1e4ea;border-radius:10px;padding:18px 16px;margin:0 0 16px}
label{display:block;font-weight:600;margin:12px 0 4px}
input[type=email],input[type=text],select{width:100%;font:inherit;padding:10px 12px;border:1px solid #b8bfcc;border-radius:8px;background:#fff;color:inherit}
fieldset{border:0;padding:0;margin:12px 0 0}legend{font-weight:600;padding:0}
.check{display:flex;gap:8px;align-items:center;font-weight:400;margin:6px 0}
.check input{width:20px;height:20px;flex:none}
button{font:inherit;font-weight:600;margin-top:16px;padding:12px 20px;border:0;border-radius:8px;background:#1f5fd1;color:#fff;cursor:pointer;width:100%}
button.quiet{background:#e8ebf0;color:#1d2330}button.danger{background:#b3261e}
.note{color:#5b6475;font-size:14px;margin:8px 0 0}.error{color:#b3261e;font-weight:600}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
a{color:#1f5fd1;overflow-wrap:anywhere}p{overflow-wrap:anywhere}
footer{font-size:14px;color:#5b6475;text-align:center}
@media (prefers-color-scheme:dark){body{background:#16181d;color:#e8eaef}.card{background:#22252c;border-color:#3a3f4a}
input[type=email],input[type=text],select{background:#16181d;border-color:#4a5060}button.quiet{background:#3a3f4a;color:#e8eaef}
.note,header,footer{color:#a3abba}a{color:#8ab4ff}}
@media (min-width:600px){button{width:auto}}
`;

export interface PageContext {
  locale: Locale;
  labels: Labels;
  newsletter: string;
}

export interface Choice {
  id: string;
  label: string;
}

function page(ctx: PageContext, title: string, body: string): string {
  return `<!doctype html>
<html lang="${ctx.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)} · ${escapeHtml(ctx.newsletter)}</title>
<link rel="stylesheet" href="/site.css">
</head>
<body>
<main>
<header>${escapeHtml(ctx.newsletter)}</header>
<h1>${escapeHtml(title)}</h1>
${body}
<footer><a href="/archive/">${say(ctx.labels, 'siteArchive')}</a></footer>
</main>
</body>
</html>
`;
}

function checkboxes(name: string, legend: string, choices: readonly Choice[], chosen: ReadonlySet<string>): string {
  if (choices.length === 0) return '';
  const boxes = choices
    .map(
      (c) =>
        `<label class="check"><input type="checkbox" name="${name}" value="${escapeHtml(c.id)}"${
          chosen.has(c.id) ? ' checked' : ''
        }> ${escapeHtml(c.label)}</label>`,
    )
    .join('\n');
  return `<fieldset><legend>${legend}</legend>\n${boxes}\n</fieldset>`;
}

export interface SubscribeFormView {
  formToken: string;
  interests: readonly Choice[];
  editions: readonly Choice[];
  /** Values to show again after a mistake. */
  email?: string | undefined;
  name?: string | undefined;
  chosenInterests?: readonly string[] | undefined;
  chosenEditions?: readonly string[] | undefined;
  error?: string | undefined;
}

export function subscribePage(ctx: PageContext, view: SubscribeFormView): string {
  const t = ctx.labels;
  const interests = checkboxes('interests', say(t, 'siteInterests'), view.interests, new Set(view.chosenInterests));
  const editions = checkboxes('editions', say(t, 'siteEditions'), view.editions, new Set(view.chosenEditions));
  return page(
    ctx,
    t.siteSubscribeTitle ?? 'Subscribe',
    `<div class="card">
<p>${say(t, 'siteSubscribeIntro', { newsletter: ctx.newsletter })}</p>
<form method="post" action="/subscribe?lang=${ctx.locale}">
${view.error ? `<p class="error" role="alert">${say(t, view.error)}</p>\n` : ''}<label for="email">${say(t, 'siteEmail')}</label>
<input id="email" type="email" name="email" required maxlength="254" autocomplete="email" value="${escapeHtml(view.email ?? '')}">
<label for="name">${say(t, 'siteName')}</label>
<input id="name" type="text" name="name" maxlength="100" autocomplete="name" value="${escapeHtml(view.name ?? '')}">
${interests}${interests ? `\n<p class="note">${say(t, 'siteInterestsNote')}</p>` : ''}
${editions}${editions ? `\n<p class="note">${say(t, 'siteEditionsNote')}</p>` : ''}
<div class="hp" aria-hidden="true"><label for="website">${say(t, 'siteHoneypot')}</label><input id="website" type="text" name="website" tabindex="-1" autocomplete="off"></div>
<input type="hidden" name="ft" value="${escapeHtml(view.formToken)}">
<p class="note">${say(t, 'siteConsent', { newsletter: ctx.newsletter })}</p>
<button type="submit">${say(t, 'siteSubmit')}</button>
</form>
</div>`,
  );
}

export function checkInboxPage(ctx: PageContext, hours: number): string {
  return page(
    ctx,
    ctx.labels.siteCheckTitle ?? 'Check your inbox',
    `<div class="card"><p>${say(ctx.labels, 'siteCheckBody', { hours })}</p></div>`,
  );
}

export function confirmPage(ctx: PageContext, email: string, token: string): string {
  return page(
    ctx,
    ctx.labels.siteConfirmTitle ?? 'Confirm',
    `<div class="card">
<p>${say(ctx.labels, 'siteConfirmBody', { email: { html: `<strong>${escapeHtml(email)}</strong>` }, newsletter: ctx.newsletter })}</p>
<form method="post" action="/confirm?lang=${ctx.locale}"><input type="hidden" name="t" value="${escapeHtml(token)}"><button type="submit">${say(ctx.labels, 'siteConfirmButton')}</button></form>
</div>`,
  );
}

export function confirmedPage(ctx: PageContext, email: string, preferencesUrl: string): string {
  return page(
    ctx,
    ctx.labels.siteConfirmedTitle ?? 'Subscribed',
    `<div class="card"><p>${say(ctx.labels, 'siteConfirmedBody', { email })}</p>
<p><a href="${escapeHtml(preferencesUrl)}">${say(ctx.labels, 'sitePrefsTitle')}</a></p></div>`,
  );
}

/** An expired or invalid link, with the way to ask again. */
export function badLinkPage(ctx: PageContext, problem: 'expired' | 'invalid', hours: number): string {
  const expired = problem === 'expired';
  return page(
    ctx,
    (expired ? ctx.labels.siteExpiredTitle : ctx.labels.siteInvalidTitle) ?? 'Invalid link',
    `<div class="card"><p>${say(ctx.labels, expired ? 'siteExpiredBody' : 'siteInvalidBody', { hours })}</p>
<p><a href="/subscribe?lang=${ctx.locale}">${say(ctx.labels, 'siteAskAgain')}</a></p></div>`,
  );
}

export interface PreferencesView {
  token: string;
  email: string;
  active: boolean;
  interests: readonly Choice[];
  chosenInterests: readonly string[];
  editions: readonly Choice[];
  chosenEditions: readonly string[];
  pausedUntil?: string | undefined;
  /** The pause end formatted for the reader. */
  pausedUntilText?: string | undefined;
  saved?: boolean | undefined;
}

export function preferencesPage(ctx: PageContext, view: PreferencesView): string {
  const t = ctx.labels;
  const q = `t=${encodeURIComponent(view.token)}&amp;lang=${ctx.locale}`;
  const hidden = `<input type="hidden" name="t" value="${escapeHtml(view.token)}">`;
  const weeks = [1, 2, 4, 8].map((n) => `<option value="${n}">${say(t, 'sitePauseWeeks', { n })}</option>`).join('');
  const settings = view.active
    ? `<form method="post" action="/preferences?${q}">${hidden}
${checkboxes('interests', say(t, 'siteInterests'), view.interests, new Set(view.chosenInterests))}${
  view.interests.length ? `\n<p class="note">${say(t, 'siteInterestsNote')}</p>` : ''
}
${checkboxes('editions', say(t, 'siteEditions'), view.editions, new Set(view.chosenEditions))}${
  view.editions.length ? `\n<p class="note">${say(t, 'siteEditionsNote')}</p>` : ''
}
<label for="pause">${say(t, 'sitePause')}</label>
<select id="pause" name="pause"><option value="0">${say(t, 'sitePauseNone')}</option>${weeks}</select>
${view.pausedUntilText ? `<p class="note">${say(t, 'sitePausedUntil', { date: view.pausedUntilText })}</p>` : ''}
<button type="submit" name="action" value="save">${say(t, 'siteSave')}</button>
<button type="submit" name="action" value="unsubscribe" class="quiet">${say(t, 'siteUnsubscribeAll')}</button>
</form>`
    : `<p>${say(t, 'siteUnsubscribed')}</p><p><a href="/subscribe?lang=${ctx.locale}">${say(t, 'siteAskAgain')}</a></p>`;
  return page(
    ctx,
    t.sitePrefsTitle ?? 'Preferences',
    `${view.saved ? `<p class="card" role="status">${say(t, 'siteSaved')}</p>\n` : ''}<div class="card">
<p>${say(t, 'sitePrefsFor', { email: view.email })}</p>
${settings}
</div>
<div class="card">
<p><a href="/preferences/export?${q}" download>${say(t, 'siteExport')}</a></p>
<form method="post" action="/preferences/delete?lang=${ctx.locale}">${hidden}
<p class="note">${say(t, 'siteDeleteNote')}</p>
<button type="submit" class="danger">${say(t, 'siteDelete')}</button>
</form>
</div>`,
  );
}

/** The one-click unsubscribe's confirmation (GET never unsubscribes: link scanners fetch it). */
export function unsubscribePage(ctx: PageContext, email: string, token: string): string {
  return page(
    ctx,
    ctx.labels.siteUnsubscribeAll ?? 'Unsubscribe',
    `<div class="card"><p><strong>${escapeHtml(email)}</strong></p>
<form method="post" action="/unsubscribe?t=${encodeURIComponent(token)}&amp;lang=${ctx.locale}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${say(ctx.labels, 'siteUnsubscribeAll')}</button></form></div>`,
  );
}

export function deletedPage(ctx: PageContext): string {
  return page(
    ctx,
    ctx.labels.siteDeletedTitle ?? 'Deleted',
    `<div class="card"><p>${say(ctx.labels, 'siteDeletedBody')}</p></div>`,
  );
}

export function messagePage(ctx: PageContext, key: string): string {
  return page(ctx, ctx.newsletter, `<div class="card"><p>${say(ctx.labels, key)}</p></div>`);
}

export interface MailContent {
  subject: string;
  html: string;
  text: string;
}

/** The double opt-in message (or, for an address already subscribed, the note that says so). */
export function signupMail(ctx: PageContext, kind: 'confirm' | 'already', link: string, hours: number): MailContent {
  const t = ctx.labels;
  const confirm = kind === 'confirm';
  const subject = (t[confirm ? 'siteConfirmSubject' : 'siteAlreadySubject'] ?? '')
    .replace('{newsletter}', ctx.newsletter)
    .replace(/[\r\n]+/g, ' ');
  const bodyKey = confirm ? 'siteConfirmMail' : 'siteAlreadyMail';
  const button = say(t, confirm ? 'siteConfirmButton' : 'sitePrefsTitle');
  const plain = (t[bodyKey] ?? '').replace('{newsletter}', ctx.newsletter).replace('{hours}', String(hours));
  return {
    subject,
    text: `${plain}\n\n${link}\n`,
    html: `<!doctype html><html lang="${ctx.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:system-ui,sans-serif;line-height:1.6;max-width:34rem;margin:0 auto;padding:16px">
<p>${say(t, bodyKey, { newsletter: ctx.newsletter, hours })}</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;background:#1f5fd1;color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none">${button}</a></p>
<p style="color:#5b6475;font-size:14px;overflow-wrap:anywhere">${escapeHtml(link)}</p>
</body></html>`,
  };
}
