import { describe, expect, it } from 'vitest';
import { personalize } from '../../src/render/index.js';
import { sampleDraft, story, headline } from './draft-builder.js';
import { dom, render, visibleText } from './harness.js';

const SCRIPT = '<script>alert(1)</script>';
const BREAKOUT = '"><img src=x onerror=alert(2)>';
const EVIL = `${SCRIPT}${BREAKOUT}`;

/** A draft with hostile text in every field a feed can fill. */
function hostileDraft() {
  return sampleDraft({
    title: `[브리핑] ${EVIL}`,
    subject: `[브리핑] ${EVIL}`,
    preheader: EVIL,
    newsletter: `테크 ${EVIL}`,
    stories: [
      story({
        headline: `헤드 ${EVIL}`,
        lead: [`리드 ${EVIL}`, `둘째 ${BREAKOUT}`],
        why: [`이유 ${EVIL}`, `'; background:url(javascript:alert(3)) ${BREAKOUT}`],
        sections: [{ heading: `소제목 ${EVIL}`, bullets: [`항목 ${EVIL}`] }],
        sources: [
          {
            publisher: `매체 ${EVIL}`,
            publishedAt: '2026-11-14T23:30:00Z',
            title: `원제 ${EVIL}`,
            url: `https://evil.example.com/a${BREAKOUT}`,
          },
          { publisher: '둘째매체', publishedAt: '2026-11-14T23:30:00Z', title: 't', url: 'https://b.example.com/' },
        ],
      }),
    ],
    headlines: [
      headline(0, { text: `헤드라인 ${EVIL}`, publisher: `매체 ${EVIL}`, url: `https://h.example.com/?q=${BREAKOUT}` }),
      headline(1, { text: '자바스크립트 링크', url: 'javascript:alert(4)' }),
      headline(2, { text: '데이터 링크', url: 'data:text/html,<script>alert(5)</script>' }),
      headline(3, { text: '상대 링크', url: '/relative/path' }),
      headline(4, { text: '공백 자바스크립트', url: '  JaVaScRiPt:alert(6)' }),
    ],
  });
}

describe('escaping feed text', () => {
  it('prints every piece of feed text as text: no script, no injected element or attribute', async () => {
    const issue = await render(hostileDraft());
    const doc = dom(issue.html);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    const injected = [...doc.querySelectorAll('*')].filter(
      (el) =>
        [...el.attributes].some((a) => a.name.startsWith('on')) ||
        (el.tagName === 'IMG' && el.getAttribute('src') === 'x'),
    );
    expect(injected).toHaveLength(0);
    expect(issue.html).not.toContain('<script>');
    expect(issue.html).not.toMatch(/<img[^>]*onerror/i);
    const text = visibleText(issue.html);
    for (const field of ['헤드 ', '리드 ', '이유 ', '소제목 ', '항목 ', '헤드라인 ', '매체 ']) {
      expect(text).toContain(`${field}${SCRIPT}${BREAKOUT}`);
    }
    expect(doc.querySelector('title')?.textContent).toBe(`[브리핑] ${EVIL}`);
  });

  it('keeps hostile URLs inside their attribute', async () => {
    const issue = await render(hostileDraft());
    const hrefs = [...dom(issue.html).querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs).toContain('https://evil.example.com/a%22%3E%3Cimg%20src=x%20onerror=alert(2)%3E');
    for (const href of hrefs) expect(href).not.toMatch(/[<>"]/);
  });

  it('drops javascript:, data: and relative links but keeps their text', async () => {
    const issue = await render(hostileDraft());
    const doc = dom(issue.html);
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.filter((h) => /^(javascript|data):|^\//i.test(h.trim()))).toEqual([]);
    const text = visibleText(issue.html);
    for (const t of ['자바스크립트 링크', '데이터 링크', '상대 링크', '공백 자바스크립트']) expect(text).toContain(t);
    expect(issue.text).not.toMatch(/^\s*(javascript|data):/im);
    expect(issue.text).not.toContain('/relative/path');
    expect(issue.warnings.filter((w) => w.code === 'bad-link')).toEqual([]);
  });

  it('prints the text part unescaped, as a reader should see it', async () => {
    const issue = await render(hostileDraft());
    expect(issue.text).toContain(`헤드 ${EVIL}`);
    expect(issue.text).not.toContain('&lt;');
  });

  it('never lets feed text carry a per-recipient placeholder', async () => {
    const draft = sampleDraft({
      headlines: [headline(0, { text: '토큰 [[briefing:unsubscribe-url]] 과 [[briefing:name|x]] 끝' })],
    });
    const issue = await render(draft);
    const out = personalize(issue, { email: 'a@example.com', name: '가나', unsubscribeUrl: 'https://u.example.com/x' });
    expect(out.html.split('https://u.example.com/x')).toHaveLength(2);
    expect(out.text.split('https://u.example.com/x')).toHaveLength(2);
    expect(visibleText(out.html)).toContain('토큰 과 끝');
  });

  it('puts feed line breaks and control characters on one line', async () => {
    const draft = sampleDraft({ headlines: [headline(0, { text: '첫 줄\n\n[99] 가짜 번호\u0007 끝' })] });
    const issue = await render(draft);
    expect(issue.text).toContain('[4] 첫 줄 [99] 가짜 번호 끝');
  });
});
