import { describe, expect, it } from 'vitest';
import { personalize } from '../../src/render/index.js';
import type { RenderedIssue } from '../../src/types.js';
import { sampleDraft } from './draft-builder.js';
import { dom, labels, render, visibleText } from './harness.js';

const unsubscribeLink = (html: string): string | null | undefined =>
  [...dom(html).querySelectorAll('a')].find((a) => a.textContent === labels().unsubscribe)?.getAttribute('href');

describe('personalize', () => {
  let issue: RenderedIssue;
  const rendered = async (): Promise<RenderedIssue> => (issue ??= await render(sampleDraft()));

  it('fills each recipient’s own unsubscribe URL in the HTML and the text part', async () => {
    const base = await rendered();
    const a = personalize(base, {
      email: 'a@example.com',
      name: '김지원',
      unsubscribeUrl: 'https://b.example.com/u?t=aaa&id=1',
    });
    const b = personalize(base, { email: 'b@example.com', unsubscribeUrl: 'https://b.example.com/u?t=bbb&id=2' });
    expect(unsubscribeLink(a.html)).toBe('https://b.example.com/u?t=aaa&id=1');
    expect(unsubscribeLink(b.html)).toBe('https://b.example.com/u?t=bbb&id=2');
    expect(a.html).toContain('https://b.example.com/u?t&#x3D;aaa&amp;id&#x3D;1');
    expect(a.text).toContain('https://b.example.com/u?t=aaa&id=1');
    for (const out of [a, b]) {
      expect(out.html).not.toContain('[[briefing:');
      expect(out.text).not.toContain('[[briefing:');
    }
    expect(base.html).toContain('[[briefing:unsubscribe-url]]');
  });

  it('greets by name, or with the locale’s word for a reader when there is none', async () => {
    const base = await rendered();
    expect(
      visibleText(
        personalize(base, { email: 'a@example.com', name: '김지원', unsubscribeUrl: 'https://u.example.com/' }).html,
      ),
    ).toContain('김지원님,');
    const anonymous = personalize(base, { email: 'a@example.com', unsubscribeUrl: 'https://u.example.com/' });
    expect(visibleText(anonymous.html)).toContain(`${labels().reader}님,`);
    expect(anonymous.text).toContain(`${labels().reader}님,`);
  });

  it('escapes what it fills in', async () => {
    const base = await rendered();
    const out = personalize(base, {
      email: 'x@example.com',
      name: '<b>굵게</b>"\n',
      unsubscribeUrl: 'https://u.example.com/?a="><script>alert(1)</script>',
    });
    const doc = dom(out.html);
    expect(doc.querySelectorAll('script, b')).toHaveLength(0);
    expect(unsubscribeLink(out.html)).toBe('https://u.example.com/?a="><script>alert(1)</script>');
    expect(visibleText(out.html)).toContain('<b>굵게</b>"님,');
    expect(out.text).toContain('<b>굵게</b>"님,');
  });

  it('refuses an unsubscribe URL that is not http(s), mailto or a #fragment', async () => {
    const base = await rendered();
    expect(() => personalize(base, { email: 'x@example.com', unsubscribeUrl: 'javascript:alert(1)' })).toThrow(
      /not an http\(s\) or mailto/,
    );
    expect(() => personalize(base, { email: 'x@example.com', unsubscribeUrl: 'data:text/html,x' })).toThrow(
      /not an http\(s\) or mailto/,
    );
    expect(
      personalize(base, { email: 'x@example.com', unsubscribeUrl: 'mailto:unsub@example.com?subject=x' }).text,
    ).toContain('mailto:unsub@example.com');
    // the public copy (browser, outbox) has no personal link
    expect(unsubscribeLink(personalize(base, { email: '', unsubscribeUrl: '#unsubscribe' }).html)).toBe('#unsubscribe');
  });
});

describe('the preferences link in the footer', () => {
  const prefsLink = (html: string): string | null | undefined =>
    [...dom(html).querySelectorAll('a')].find((a) => a.textContent === labels().preferences)?.getAttribute('href');

  it('is each subscriber’s own with a base URL, and absent without one', async () => {
    const withSite = await render(sampleDraft(), { baseUrl: 'https://news.example.com' });
    const a = personalize(withSite, {
      email: 'a@example.com',
      unsubscribeUrl: 'https://news.example.com/unsubscribe?t=a',
      preferencesUrl: 'https://news.example.com/preferences?t=pa',
    });
    expect(prefsLink(a.html)).toBe('https://news.example.com/preferences?t=pa');
    expect(a.text).toContain(`${labels().preferences}: https://news.example.com/preferences?t=pa`);
    // The public copy (no subscriber) keeps a harmless placeholder link, never another reader's.
    const publicCopy = personalize(withSite, { email: '', unsubscribeUrl: '#unsubscribe' });
    expect(prefsLink(publicCopy.html)).toBe('#');
    const noSite = await render(sampleDraft());
    expect(
      prefsLink(personalize(noSite, { email: 'a@example.com', unsubscribeUrl: 'mailto:u@example.com' }).html),
    ).toBe(undefined);
  });
});
