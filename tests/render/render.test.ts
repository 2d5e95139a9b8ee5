import { describe, expect, it } from 'vitest';
import type { IssueStyle } from '../../src/types.js';
import { sampleDraft } from './draft-builder.js';
import { dom, labels, numbers, render, visibleText } from './harness.js';

const STYLES: IssueStyle[] = ['briefing', 'digest', 'explainer'];
const draft = sampleDraft();
const total = draft.stories.length + draft.headlines.length;
const seq = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe('renderIssue', () => {
  it.each(STYLES)('renders the %s style as one HTML document in Korean with a text part', async (style) => {
    const issue = await render(sampleDraft({ style }));
    expect(issue.html.startsWith('<!doctype html>')).toBe(true);
    expect(issue.html).toMatch(/<html lang="ko"/);
    expect(issue.subject).toBe(draft.subject);
    expect(issue.issueId).toBe('2026-11-16');
    expect(issue.warnings).toEqual([]);
    const text = visibleText(issue.html);
    for (const s of draft.stories) expect(text).toContain(s.headline);
    for (const h of draft.headlines) expect(text).toContain(h.text);
    expect(text).toContain('헤드라인');
  });

  it('writes each style in its own form', async () => {
    const [briefing, digest, explainer] = await Promise.all(STYLES.map((style) => render(sampleDraft({ style }))));
    const ko = labels('ko');
    expect(visibleText(briefing!.html)).toContain(ko.why);
    expect(visibleText(digest!.html)).toContain(ko.topStory);
    // the digest gives the stories after the top one a single line: their why bullets are not there
    expect(visibleText(digest!.html)).not.toContain(draft.stories[1]!.why[0]!);
    const ex = visibleText(explainer!.html);
    for (const key of ['whatHappened', 'whyItMatters', 'whatsNext'] as const) expect(ex).toContain(ko[key]);
  });

  it.each(STYLES)(
    'numbers the %s style [1]…[n] over stories then headlines, with no gaps or repeats',
    async (style) => {
      const issue = await render(sampleDraft({ style }));
      expect(numbers(visibleText(issue.html))).toEqual(seq(total));
      expect(numbers(issue.text)).toEqual(seq(total));
    },
  );

  it('keeps numbering whole when there are no headlines or a single story', async () => {
    const one = await render(sampleDraft({ stories: [draft.stories[0]!], headlines: [] }));
    expect(numbers(visibleText(one.html))).toEqual([1]);
    const none = await render(sampleDraft({ stories: [], style: 'digest' }));
    expect(numbers(visibleText(none.html))).toEqual(seq(draft.headlines.length));
  });

  it('writes the plain-text part from its own template, with the same numbered stories', async () => {
    const issue = await render(draft);
    expect(issue.text).not.toMatch(/<[a-z/!]/i);
    const storyLine = /^\[(\d+)\] (?:\(후속\) )?(.+)$/;
    const fromText = issue.text
      .split('\n')
      .map((l) => storyLine.exec(l))
      .filter((m) => m !== null)
      .slice(0, draft.stories.length)
      .map((m) => `${m[1]} ${m[2]}`);
    const fromHtml = [...dom(issue.html).querySelectorAll('h2')].map((h) =>
      (h.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^\[(\d+)\] /, '$1 '),
    );
    expect(fromText).toEqual(fromHtml);
    expect(fromText).toEqual(draft.stories.map((s, i) => `${i + 1} ${s.headline}`));
    expect(issue.text).toContain(`■ ${labels().why}`);
    expect(issue.text).toContain(`- ${draft.stories[0]!.why[0]}`);
    expect(issue.text).toContain('https://techdaily.example.com/news/ai-chip-1');
    expect(issue.text.endsWith('\n')).toBe(true);
    expect(issue.text).not.toMatch(/\n\n\n/);
  });

  it('writes the source line as Publisher(M/D): original title in the issue timezone, others as 외 N곳', async () => {
    const issue = await render(draft);
    const text = visibleText(issue.html);
    // 2026-11-14T23:30Z is 11/15 in Seoul
    expect(text).toContain('테크데일리(11/15): [단독] 국산 AI칩, 데이터센터 첫 상용 공급 외 2곳');
    expect(text).toContain('마켓워치코리아(11/13): 한은, 기준금리 3.0% 동결');
    expect(issue.text).toContain('테크데일리(11/15): [단독] 국산 AI칩, 데이터센터 첫 상용 공급 외 2곳');
    const link = [...dom(issue.html).querySelectorAll('a')].find((a) => a.textContent?.startsWith('테크데일리(11/15)'));
    expect(link?.getAttribute('href')).toBe('https://techdaily.example.com/news/ai-chip-1');
    const utc = await render(sampleDraft({ timezone: 'UTC' }));
    expect(visibleText(utc.html)).toContain('테크데일리(11/14)');
  });

  it('switches every label to English with an en draft', async () => {
    const issue = await render(sampleDraft({ locale: 'en', newsletter: 'Tech Briefing' }));
    const en = labels('en');
    const text = visibleText(issue.html);
    expect(issue.html).toMatch(/<html lang="en"/);
    expect(text).toContain(en.why);
    expect(text).toContain(en.headlines);
    expect(text).toContain('and 2 more');
    expect(text).toContain('November 16, 2026');
    expect(text).not.toContain('왜 중요하냐면');
    expect(text).not.toContain('헤드라인');
    expect(issue.text).toContain(`■ ${en.headlines}`);
  });

  it('carries a hidden preheader, dark-mode styles and a phone layout', async () => {
    const issue = await render(draft);
    const doc = dom(issue.html);
    const hidden = doc.querySelector('div[style*="display:none"]');
    expect(hidden?.textContent).toContain(draft.preheader);
    expect(doc.querySelector('meta[name="color-scheme"]')?.getAttribute('content')).toBe('light dark');
    expect(issue.html).toContain('@media (prefers-color-scheme: dark)');
    expect(doc.querySelector('meta[name="viewport"]')?.getAttribute('content')).toContain('width=device-width');
    expect(issue.html).toMatch(/@media only screen and \(max-width: ?480px\)/);
    expect(doc.querySelector('title')?.textContent).toBe(draft.title);
  });

  it('links the issue page when a public base URL is set, and not otherwise', async () => {
    const withBase = await render(draft, { baseUrl: 'https://briefing.example.com/letters' });
    // The base URL is the public site's; its archive is under /archive/ (src/links.ts).
    const hrefs = [...dom(withBase.html).querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toContain('https://briefing.example.com/letters/archive/issues/2026-11-16.html');
    expect(withBase.text).toContain('https://briefing.example.com/letters/archive/issues/2026-11-16.html');
    const without = await render(draft);
    expect(visibleText(without.html)).not.toContain(labels().viewInBrowser);
  });

  it('lets the options choose the style over the draft', async () => {
    const issue = await render(draft, { style: 'digest' });
    expect(visibleText(issue.html)).toContain(labels().topStory);
  });

  it('shows the title at the top only when it says more than the first headline', async () => {
    const plain = await render(draft);
    expect(dom(plain.html).querySelector('h1')).toBeNull();
    const edited = await render(sampleDraft({ title: '[브리핑] 이번 주는 AI 칩 이야기' }));
    expect(dom(edited.html).querySelector('h1')?.textContent).toBe('[브리핑] 이번 주는 AI 칩 이야기');
  });

  it('rejects a draft whose timezone is not an IANA zone', async () => {
    await expect(render(sampleDraft({ timezone: 'Mars/Olympus' }))).rejects.toMatchObject({ code: 'EDRAFT' });
  });
});
