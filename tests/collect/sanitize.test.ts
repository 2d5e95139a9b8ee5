import { describe, expect, it } from 'vitest';
import { isTrackingPixel, sanitizeItemHtml } from '../../src/collect/sanitize.js';

const BASE = 'https://news.example.kr/articles/1';

describe('sanitizing item HTML', () => {
  it('drops scripts, styles and iframes with their content', () => {
    const out = sanitizeItemHtml(
      '<p>ok</p><script>alert(1)</script><style>p{}</style><iframe src="https://x">frame text</iframe>',
      BASE,
    );
    expect(out).toBe('<p>ok</p>');
  });

  it('drops event handlers and javascript: URLs', () => {
    const out = sanitizeItemHtml(
      '<p onclick="steal()">a <a href="javascript:alert(1)" onmouseover="x()">b</a></p>',
      BASE,
    );
    expect(out).toBe('<p>a <a>b</a></p>');
  });

  it('drops 1×1 tracking pixels and known counters', () => {
    const out = sanitizeItemHtml(
      '<p>text<img src="/p.gif" width="1" height="1"><img src="https://feeds.feedburner.com/~r/x/~4/abc"><img src="/real.jpg" alt="real"></p>',
      BASE,
    );
    expect(out).toBe('<p>text<img alt="real" src="https://news.example.kr/real.jpg" /></p>');
    expect(isTrackingPixel({ src: 'https://x/a.gif', style: 'width:1px;height:1px' })).toBe(true);
  });

  it('makes link and image URLs absolute against the base', () => {
    const out = sanitizeItemHtml('<a href="../2">next</a><img src="img/a.png" alt="">', BASE);
    expect(out).toContain('href="https://news.example.kr/2"');
    expect(out).toContain('src="https://news.example.kr/articles/img/a.png"');
  });

  it('keeps only the allowlist: unknown tags go, their text stays', () => {
    const out = sanitizeItemHtml(
      '<section class="x" style="color:red"><font color="red">빨강</font> <b>굵게</b></section>',
      BASE,
    );
    expect(out).toBe('빨강 <strong>굵게</strong>');
  });

  it('refuses data: images and forms', () => {
    const out = sanitizeItemHtml(
      '<img src="data:image/png;base64,AAAA"><form><input name="q"><button>go</button></form><p>after</p>',
      BASE,
    );
    expect(out).toBe('<p>after</p>');
  });
});
