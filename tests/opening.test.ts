import { describe, expect, it } from 'vitest';
import type { TextBlock } from '../src/types.js';
import { bodyCharsOf, OPENING_CHARS, openingOf, rankDocOf } from '../src/opening.js';

const p = (text: string): TextBlock => ({ kind: 'paragraph', text });

describe('the opening of a body', () => {
  it('keeps whole paragraphs while they fit and skips headings', () => {
    const blocks: TextBlock[] = [
      { kind: 'heading', text: '소제목' },
      p('첫 문단이다.'),
      { kind: 'list-item', text: '항목 하나.' },
      p('셋째 문단.'),
    ];
    expect(openingOf(blocks)).toEqual(['첫 문단이다.', '항목 하나.', '셋째 문단.']);
  });

  it('stops at the first paragraph that does not fit, even when a later one would', () => {
    const first = '가'.repeat(300);
    const opening = openingOf([p(first), p('나'.repeat(200)), p('짧다.')]);
    expect(opening).toEqual([first]);
  });

  it('cuts a first paragraph longer than the limit at its last space before it', () => {
    const words = Array.from({ length: 200 }, (_, i) => `낱말${i}`).join(' ');
    const [cut, ...rest] = openingOf([p(words), p('다음 문단.')]);
    expect(rest).toEqual([]);
    expect(cut?.length).toBeLessThanOrEqual(OPENING_CHARS);
    expect(words.startsWith(`${cut ?? ''} `)).toBe(true);
  });

  it('cuts a first paragraph with no space at exactly the limit', () => {
    expect(openingOf([p('가'.repeat(OPENING_CHARS * 2))])).toEqual(['가'.repeat(OPENING_CHARS)]);
  });

  it('counts body characters without headings, and a rank doc carries no HTML', () => {
    const blocks: TextBlock[] = [{ kind: 'heading', text: '제목' }, p('12345'), p('678')];
    expect(bodyCharsOf(blocks)).toBe(8);
    const doc = rankDocOf({
      id: 1,
      source: 's',
      guid: 'g',
      link: 'https://x/1',
      canonicalLink: 'https://x/1',
      title: 't',
      publishedAt: '2026-11-12T01:00:00.000Z',
      fetchedAt: '2026-11-12T01:00:00.000Z',
      html: '<p>12345</p><p>678</p>',
      blocks,
    });
    expect(doc).toEqual({
      id: 1,
      source: 's',
      link: 'https://x/1',
      canonicalLink: 'https://x/1',
      title: 't',
      publishedAt: '2026-11-12T01:00:00.000Z',
      fetchedAt: '2026-11-12T01:00:00.000Z',
      opening: ['12345', '678'],
      bodyChars: 8,
    });
  });
});
