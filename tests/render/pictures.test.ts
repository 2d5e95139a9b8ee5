import { describe, expect, it } from 'vitest';
import { GMAIL_CLIP_BYTES, htmlBytes } from '../../src/render/index.js';
import { headline, sampleDraft, story } from './draft-builder.js';
import { dom, render } from './harness.js';

const FAB = {
  url: 'https://img.techdaily.example.kr/news/photo/202611/30412_1.jpg',
  width: 1200,
  height: 675,
  alt: '평택캠퍼스 전경',
};

describe('story pictures in the email', () => {
  it('shows the picture under the headline: responsive, with alt text, width and a frame, in every style', async () => {
    for (const style of ['briefing', 'digest', 'explainer'] as const) {
      const issue = await render(sampleDraft({ style, stories: [story({ image: FAB }), story({ topicId: 't-2' })] }));
      const imgs = [...dom(issue.html).querySelectorAll('img')];
      expect(imgs, style).toHaveLength(1);
      const img = imgs[0]!;
      expect(img.getAttribute('src')).toBe(FAB.url);
      expect(img.getAttribute('alt')).toBe('평택캠퍼스 전경');
      expect(Number(img.getAttribute('width'))).toBeLessThanOrEqual(600);
      const css = img.getAttribute('style') ?? '';
      expect(css).toMatch(/height:\s*auto/);
      expect(css).toMatch(/max-width:\s*100%/);
      expect(css).toMatch(/border:\s*1px solid/);
      // On a white mat, so a transparent picture stays legible in dark mode.
      expect(css).toMatch(/background-color:\s*#ffffff/);
      expect(issue.text).not.toContain('img.techdaily');
      expect(issue.text).not.toMatch(/사진|image|picture/i);
      expect(issue.warnings).toEqual([]);
    }
  });

  it('takes the alt text from the headline when the feed gave none, and no wider than the picture itself', async () => {
    const issue = await render(
      sampleDraft({
        stories: [story({ headline: '삼성전자, HBM4 양산 돌입', image: { url: FAB.url, width: 320, height: 180 } })],
      }),
    );
    const img = dom(issue.html).querySelector('img');
    expect(img?.getAttribute('alt')).toBe('삼성전자, HBM4 양산 돌입');
    expect(img?.getAttribute('width')).toBe('320');
  });

  it('prints nothing for a picture whose URL is not http(s)', async () => {
    const issue = await render(sampleDraft({ stories: [story({ image: { url: 'javascript:alert(1)' } })] }));
    expect(dom(issue.html).querySelectorAll('img')).toHaveLength(0);
  });
});

describe('preflight on pictures', () => {
  it('warns on a picture without a width and on an http picture', async () => {
    const issue = await render(
      sampleDraft({
        stories: [
          story({ image: { url: 'https://img.marketwatch.example.kr/2026/11/12/bok.jpg' } }),
          story({
            topicId: 't-2',
            image: { url: 'http://img.startupbrief.example.kr/a.jpg', width: 800, height: 450 },
          }),
        ],
      }),
    );
    const codes = issue.warnings.map((w) => w.code);
    expect(codes).toContain('image-width');
    expect(codes).toContain('image-http');
    expect(issue.warnings.find((w) => w.code === 'image-width')?.message).toContain('story [1]');
    expect(issue.warnings.find((w) => w.code === 'image-http')?.message).toContain('https://');
  });

  it('counts the pictures against the Gmail clip', async () => {
    const long = '아주 긴 리드 문장이 이어집니다. '.repeat(20);
    const draft = sampleDraft({
      stories: Array.from({ length: 30 }, (_, i) =>
        story({ topicId: `t-${i}`, lead: [long], image: { ...FAB, url: `${FAB.url}?n=${i}` } }),
      ),
      headlines: Array.from({ length: 40 }, (_, i) => headline(i)),
    });
    const issue = await render(draft);
    expect(htmlBytes(issue.html)).toBeGreaterThan(GMAIL_CLIP_BYTES);
    const clip = issue.warnings.find((w) => w.code === 'gmail-clip');
    expect(clip?.message).toMatch(/its 30 images take \d+\.\d KB of it/);
  });
});
