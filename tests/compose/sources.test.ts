import { describe, expect, it } from 'vitest';
import { formatSourceDate } from '../../src/compose/index.js';
import { publisherOf, sourceRefs } from '../../src/compose/sources.js';
import { SOURCES, item, p } from './fixtures.js';

describe('formatSourceDate', () => {
  it('gives M/D in the newsletter timezone', () => {
    expect(formatSourceDate('2026-03-18T16:00:00Z', 'Asia/Seoul')).toBe('3/19');
    expect(formatSourceDate('2026-03-18T16:00:00Z', 'UTC')).toBe('3/18');
    expect(formatSourceDate('2026-01-01T03:00:00Z', 'America/New_York')).toBe('12/31');
  });

  it('gives an empty string for a time it cannot read', () => {
    expect(formatSourceDate('not a date', 'Asia/Seoul')).toBe('');
  });
});

describe('sourceRefs', () => {
  const a = item({
    title: '[단독] 수출 최대 - 한빛일보',
    source: '한빛일보',
    link: 'https://hanbit.example.com/1',
    blocks: [p('수출이 늘었다.')],
  });
  const b = item({
    title: '수출 최대 행진 - 누리경제',
    source: 'https://nuri.example.com/rss',
    link: 'https://nuri.example.com/2',
    blocks: [p('수출이 늘었다.')],
  });
  const c = item({
    title: '수출 또 최대',
    source: '한빛일보',
    link: 'https://hanbit.example.com/3',
    blocks: [p('수출이 늘었다.')],
  });

  it('lists one reference per publisher, best item first', () => {
    const refs = sourceRefs([a, b, c], SOURCES);
    expect(refs.map((r) => r.publisher)).toEqual(['한빛일보', '누리경제']);
    expect(refs[0]).toEqual({
      publisher: '한빛일보',
      publishedAt: a.publishedAt,
      title: '[단독] 수출 최대',
      url: 'https://hanbit.example.com/1',
    });
  });

  it('names the publisher by the configured source, matched by name or URL', () => {
    expect(publisherOf(b, SOURCES)).toBe('누리경제');
    expect(publisherOf({ source: '모르는매체' }, SOURCES)).toBe('모르는매체');
  });

  it('keeps the original title apart from a trailing publisher', () => {
    expect(sourceRefs([b], SOURCES)[0]?.title).toBe('수출 최대 행진');
  });
});
