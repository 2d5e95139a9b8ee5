import { describe, expect, it } from 'vitest';
import {
  canonicalLink,
  canonicalLinksForFeed,
  isTrackingParam,
  resolveAgainst,
  resolveUrl,
} from '../../src/collect/links.js';

describe('links', () => {
  it('removes utm_* and other tracking parameters and sorts the rest', () => {
    expect(canonicalLink('https://News.Example.kr:443/a?utm_source=rss&b=2&fbclid=x&a=1&utm_medium=feed')).toBe(
      'https://news.example.kr/a?a=1&b=2',
    );
    expect(canonicalLink('https://example.com/a?utm_campaign=x')).toBe('https://example.com/a');
  });

  it('treats ref/from parameters as tracking only when they name a feed or a network', () => {
    expect(isTrackingParam('ref', 'rss')).toBe(true);
    expect(isTrackingParam('from', 'twitter')).toBe(true);
    expect(isTrackingParam('ref', 'v2-docs')).toBe(false);
    expect(canonicalLink('https://example.com/a?ref=feed&id=7')).toBe('https://example.com/a?id=7');
  });

  it('drops the fragment unless it is a #! route', () => {
    expect(canonicalLink('https://example.com/a#comments')).toBe('https://example.com/a');
    expect(canonicalLink('https://example.com/#!/post/1')).toBe('https://example.com/#!/post/1');
  });

  it('keeps fragments only when they tell items of one feed apart', () => {
    expect(
      canonicalLinksForFeed([
        'https://live.example.com/blog#post-1',
        'https://live.example.com/blog#post-2',
        'https://example.com/x#top',
      ]),
    ).toEqual([
      'https://live.example.com/blog#post-1',
      'https://live.example.com/blog#post-2',
      'https://example.com/x',
    ]);
  });

  it('resolves relative links against the innermost base', () => {
    expect(
      resolveAgainst('post.html', ['posts/', 'https://blog.example.com/', 'https://feeds.example.com/feed.xml']),
    ).toBe('https://blog.example.com/posts/post.html');
    expect(resolveAgainst('/item/1', [undefined, undefined, 'http://example.net/feed'])).toBe(
      'http://example.net/item/1',
    );
    expect(resolveAgainst('https://abs.example.org/x', ['https://other/'])).toBe('https://abs.example.org/x');
  });

  it('refuses javascript:, data: and unresolvable links', () => {
    expect(resolveUrl('javascript:alert(1)')).toBeUndefined();
    expect(resolveUrl('data:text/html,hi')).toBeUndefined();
    expect(resolveUrl('/relative')).toBeUndefined();
  });
});
