/** The unsubscribe pages (confirmation, done, invalid link). Pure: every printed value is escaped. */
import type { Locale } from '../types.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const TEXT = {
  ko: {
    confirmTitle: '수신 거부',
    confirm: (email: string, nl: string) =>
      `<strong>${email}</strong> 주소로 보내는 <strong>${nl}</strong> 메일을 더 받지 않으시겠어요?`,
    button: '수신 거부하기',
    doneTitle: '수신 거부 완료',
    done: (email: string, nl: string) =>
      `<strong>${email}</strong> 주소로는 이제 <strong>${nl}</strong> 메일을 보내지 않습니다.`,
    invalidTitle: '잘못된 링크',
    invalid: '이 수신 거부 링크는 올바르지 않습니다. 받은 메일의 링크를 다시 눌러 주세요.',
  },
  en: {
    confirmTitle: 'Unsubscribe',
    confirm: (email: string, nl: string) => `Stop sending <strong>${nl}</strong> to <strong>${email}</strong>?`,
    button: 'Unsubscribe',
    doneTitle: 'Unsubscribed',
    done: (email: string, nl: string) => `<strong>${email}</strong> will no longer receive <strong>${nl}</strong>.`,
    invalidTitle: 'Invalid link',
    invalid: 'This unsubscribe link is not valid. Please use the link in the email you received.',
  },
} as const;

function page(locale: Locale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;line-height:1.6}button{font-size:1rem;padding:.5rem 1.25rem}</style>
</head><body><h1>${escapeHtml(title)}</h1>
${body}
</body></html>
`;
}

export function confirmPage(locale: Locale, email: string, newsletter: string): string {
  const t = TEXT[locale];
  // No action attribute: the form posts back to this same URL, token included.
  return page(
    locale,
    t.confirmTitle,
    `<p>${t.confirm(escapeHtml(email), escapeHtml(newsletter))}</p>
<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(t.button)}</button></form>`,
  );
}

export function donePage(locale: Locale, email: string, newsletter: string): string {
  const t = TEXT[locale];
  return page(locale, t.doneTitle, `<p>${t.done(escapeHtml(email), escapeHtml(newsletter))}</p>`);
}

export function invalidPage(locale: Locale): string {
  const t = TEXT[locale];
  return page(locale, t.invalidTitle, `<p>${escapeHtml(t.invalid)}</p>`);
}
