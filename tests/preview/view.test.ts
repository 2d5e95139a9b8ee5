import { describe, expect, it } from 'vitest';
import { BriefingError } from '../../src/errors.js';
import { errorDocument, parsePageQuery, shellPage, type PageQuery } from '../../src/preview/page.js';
import {
  errorOf,
  frameDocument,
  GMAIL_CLIP_BYTES,
  hasDarkStyles,
  injectHead,
  sizeInfo,
  type ViewState,
} from '../../src/preview/view.js';

describe('render errors on the page', () => {
  it('splits a template error into file, line and message', () => {
    const e = new BriefingError(
      'ETEMPLATE',
      "templates/styles/briefing.mjml.hbs line 12: each doesn't match ech",
      'fix the block',
    );
    expect(errorOf(e)).toEqual({
      code: 'ETEMPLATE',
      file: 'templates/styles/briefing.mjml.hbs',
      line: 12,
      message: "each doesn't match ech",
      hint: 'fix the block',
    });
  });
  it('keeps an error without a place whole, and names unexpected errors', () => {
    expect(errorOf(new BriefingError('ENOTFOUND', 'no issue has been composed yet', 'compose one'))).toMatchObject({
      code: 'ENOTFOUND',
      message: 'no issue has been composed yet',
      file: undefined,
    });
    expect(errorOf(new TypeError('x is undefined'))).toEqual({ code: 'ERROR', message: 'x is undefined' });
  });
  it('escapes the error in the frame document', () => {
    const html = errorDocument({
      code: 'EDRAFT',
      file: 'draft.yaml',
      line: 3,
      message: '<img src=x onerror=alert(1)>',
    });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('draft.yaml line 3');
  });
});

describe('the email frame', () => {
  const email = `<!doctype html><html><head><meta name="color-scheme" content="light dark"><style>
@media (prefers-color-scheme: dark) { body { background: #000 } }
@media screen and (prefers-color-scheme:light) { body { background: #fff } }</style></head><body>hi</body></html>`;

  it('fixes prefers-color-scheme to dark for the dark view and gives a declared-dark email the dark canvas', () => {
    const dark = frameDocument(email, 'dark');
    expect(dark).toContain('@media (min-width: 0px) { body { background: #000 } }');
    expect(dark).toContain('@media screen and (max-width: -1px)');
    expect(dark).toContain(':root{color-scheme:dark !important}');
  });
  it('fixes it to light for the light view', () => {
    const light = frameDocument(email, 'light');
    expect(light).toContain('@media (max-width: -1px) { body { background: #000 } }');
    expect(light).toContain('@media screen and (min-width: 0px)');
    expect(light).toContain(':root{color-scheme:light !important}');
  });
  it('keeps an email without dark support on the light canvas and says it has no dark styles', () => {
    const plain = '<html><head></head><body>x</body></html>';
    expect(frameDocument(plain, 'dark')).toContain(':root{color-scheme:light !important}');
    expect(hasDarkStyles(plain)).toBe(false);
    expect(hasDarkStyles(email)).toBe(true);
  });
  it('puts markup into the head, making one when there is none', () => {
    expect(injectHead('<html lang="ko"><head><title>t</title></head></html>', '<x>')).toBe(
      '<html lang="ko"><head><x><title>t</title></head></html>',
    );
    expect(injectHead('<html><body>b</body></html>', '<x>')).toBe('<html><head><x></head><body>b</body></html>');
    expect(injectHead('<p>b</p>', '<x>')).toBe('<head><x></head><p>b</p>');
  });
  it('measures the HTML in bytes against Gmail’s clip', () => {
    const s = sizeInfo('한'.repeat(1000), 'abc');
    expect(s.htmlBytes).toBe(3000);
    expect(s.textBytes).toBe(3);
    expect(s.ratio).toBeCloseTo(3000 / GMAIL_CLIP_BYTES);
  });
});

describe('the page', () => {
  const query: PageQuery = { issue: undefined, style: undefined, width: 'phone', scheme: 'dark', part: 'html' };
  const view: ViewState = {
    version: 3,
    issueId: '2026-11-23',
    style: undefined,
    ok: true,
    subject: '[브리핑] <b>굵게</b> & "따옴표"',
    preheader: "it's <here>",
    warnings: [{ code: 'missing-alt', message: 'image <img> has no alt' }],
    size: sizeInfo('x'.repeat(200 * 1024), ''),
    darkStyles: false,
  };

  it('reads the toolbar state from the query and ignores values it does not know', () => {
    expect(
      parsePageQuery(new URLSearchParams('issue=2026-11-16&style=digest&width=phone&scheme=dark&part=text')),
    ).toEqual({
      issue: '2026-11-16',
      style: 'digest',
      width: 'phone',
      scheme: 'dark',
      part: 'text',
    });
    expect(parsePageQuery(new URLSearchParams('style=<x>&width=tablet'))).toMatchObject({
      style: undefined,
      width: 'desktop',
    });
  });

  it('escapes the subject, preheader, warnings and issue titles', () => {
    const html = shellPage({
      query,
      view,
      issues: [{ id: '2026-11-23', title: '<script>x</script>', status: 'composed', createdAt: '' }],
      actions: { recollect: true, recompose: true, sendTest: false },
      nonce: 'abc',
    });
    expect(html).toContain('[브리핑] &lt;b&gt;굵게&lt;/b&gt; &amp; &quot;따옴표&quot;');
    expect(html).toContain('it&#39;s &lt;here&gt;');
    expect(html).toContain('missing-alt: image &lt;img&gt; has no alt');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html.match(/<script/g)?.length).toBe(1);
  });

  it('marks the chosen toggles, a clipped size, no dark styles and a missing action', () => {
    const html = shellPage({
      query,
      view,
      issues: [],
      actions: { recollect: true, recompose: true, sendTest: false },
      nonce: 'n',
    });
    expect(html).toContain('data-value="phone" aria-pressed="true"');
    expect(html).toContain('data-value="dark" aria-pressed="true"');
    expect(html).toContain('<body data-issue=""');
    expect(html).toContain('class="dark"');
    expect(html).toContain('<main id="stage" class="stage phone">');
    expect(html).toContain('id="size" class="clipped"');
    expect(html).toContain('Gmail clips this message');
    expect(html).toContain('no dark styles');
    expect(html).toMatch(/id="send-button" disabled/);
  });
});
