import { describe, expect, it } from 'vitest';
import { GMAIL_CLIP_BYTES, htmlBytes, preflight } from '../../src/render/index.js';
import { headline, sampleDraft, story } from './draft-builder.js';
import { render } from './harness.js';

const page = (body: string): string => `<!doctype html><html><body>${body}</body></html>`;

describe('preflight', () => {
  it('finds nothing wrong with a typical issue', async () => {
    const issue = await render(sampleDraft());
    expect(issue.warnings).toEqual([]);
    expect(htmlBytes(issue.html)).toBeLessThan(GMAIL_CLIP_BYTES / 2);
  });

  it('warns that Gmail will clip a big issue and says how many KB to cut', async () => {
    const long = '아주 긴 리드 문장이 이어집니다. '.repeat(20);
    const draft = sampleDraft({
      stories: Array.from({ length: 30 }, (_, i) => story({ topicId: `t-${i}`, lead: [long] })),
      headlines: Array.from({ length: 60 }, (_, i) => headline(i)),
    });
    const issue = await render(draft);
    const bytes = htmlBytes(issue.html);
    expect(bytes).toBeGreaterThan(GMAIL_CLIP_BYTES);
    const clip = issue.warnings.filter((w) => w.code === 'gmail-clip');
    expect(clip).toHaveLength(1);
    const cut = ((bytes - GMAIL_CLIP_BYTES) / 1024).toFixed(1);
    expect(clip[0]?.message).toContain(`cut at least ${cut} KB`);
    expect(clip[0]?.message).toContain(`${(bytes / 1024).toFixed(1)} KB`);
  });

  it('measures encoded bytes, not characters: Hangul counts three bytes each', () => {
    const hangul = page('가'.repeat(40_000));
    expect(hangul.length).toBeLessThan(GMAIL_CLIP_BYTES);
    expect(preflight(hangul).map((w) => w.code)).toEqual(['gmail-clip']);
    expect(preflight(page('a'.repeat(40_000)))).toEqual([]);
  });

  it('flags images without alt text or width', () => {
    const warnings = preflight(
      page(
        '<img src="https://x.example.com/a.png" width="600" alt="차트"><img src="https://x.example.com/b.png" alt=""><img src="https://x.example.com/c.png" width="10">',
      ),
    );
    expect(warnings.map((w) => w.code).sort()).toEqual(['image-width', 'missing-alt', 'missing-alt']);
    expect(warnings.find((w) => w.code === 'image-width')?.message).toContain('b.png');
  });

  it('reads tags as a browser would: any case, entities decoded, comments skipped', () => {
    const html = page(
      '<IMG SRC="https://x.example.com/a.png" ALT="차트" WIDTH="600"><a HREF="https://x.example.com/?a=1&amp;b=2">ok</a>' +
        '<!-- <a href="/old">old</a> --><a href="&#47;rel">rel</a>',
    );
    expect(preflight(html).map((w) => w.message)).toEqual([
      'link "/rel" is relative: mail has no base URL, use an absolute https:// URL',
    ]);
  });

  it('flags relative and non-http(s) links and image sources', () => {
    const warnings = preflight(
      page(
        '<a href="https://ok.example.com/">ok</a><a href="mailto:editor@example.com">mail</a>' +
          '<a href="/archive">rel</a><a href="javascript:alert(1)">js</a><a href="#top">top</a>' +
          '<a href="[[briefing:unsubscribe-url]]">unsub</a><img src="img/logo.png" width="100" alt="logo">',
      ),
    );
    const bad = warnings.filter((w) => w.code === 'bad-link').map((w) => w.message);
    expect(bad).toHaveLength(4);
    expect(bad.join('\n')).toContain('"/archive" is relative');
    expect(bad.join('\n')).toContain('"javascript:alert(1)" is not an http(s) link');
    expect(bad.join('\n')).toContain('"#top" is relative');
    expect(bad.join('\n')).toContain('image source "img/logo.png" is relative');
  });
});
