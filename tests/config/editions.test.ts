import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/index.js';
import { configsFor, editionConfig, editionOfIssue } from '../../src/config/editions.js';
import { BriefingError } from '../../src/errors.js';

const base = {
  newsletter: { title: '테크 브리핑', schedule: '0 7 * * 1', window: '7d', topStories: 3, headlines: 8 },
  sources: [
    { name: '테크데일리', url: 'https://techdaily.example.kr/rss' },
    { name: '마켓워치코리아', url: 'https://marketwatch.example.kr/atom.xml' },
  ],
  interests: [
    { id: 'ai', label: 'AI', match: ['인공지능'] },
    { id: 'markets', label: '증시', match: ['코스피'] },
  ],
  editions: [
    {
      id: 'daily',
      title: '테크 브리핑 데일리',
      schedule: '0 7 * * 1-5',
      cadence: 'daily',
      window: '1d',
      topStories: 2,
    },
    { id: 'weekly', schedule: '0 8 * * 1', sources: ['테크데일리'], interests: ['ai'] },
  ],
};

describe('editions', () => {
  it('inherit every key they do not set from newsletter:, with the rank defaults of their own cadence', () => {
    const config = resolveConfig(base, '/srv');
    const daily = editionConfig(config, 'daily');
    expect(daily.edition).toBe('daily');
    expect(daily.newsletter).toMatchObject({
      title: '테크 브리핑 데일리',
      schedule: '0 7 * * 1-5',
      cadence: 'daily',
      windowMs: 86_400_000,
      topStories: 2,
      headlines: 8,
      timezone: 'Asia/Seoul',
    });
    expect(daily.rank.halfLifeHours).toBe(18);
    expect(daily.sources).toHaveLength(2);
    const weekly = editionConfig(config, 'weekly');
    expect(weekly.newsletter).toMatchObject({ title: '테크 브리핑', schedule: '0 8 * * 1', windowMs: 7 * 86_400_000 });
    expect(weekly.rank.halfLifeHours).toBe(72);
    expect(weekly.sources.map((s) => s.name)).toEqual(['테크데일리']);
    expect(weekly.interests.map((i) => i.id)).toEqual(['ai']);
  });

  it('run every edition when none is asked for, and the config itself without editions', () => {
    const config = resolveConfig(base, '/srv');
    expect(configsFor(config).map((c) => c.edition)).toEqual(['daily', 'weekly']);
    expect(configsFor(config, 'weekly').map((c) => c.edition)).toEqual(['weekly']);
    const single = resolveConfig({ sources: base.sources }, '/srv');
    expect(configsFor(single)).toEqual([single]);
    expect(() => configsFor(single, 'daily')).toThrow(/the config defines no editions/);
  });

  it('refuse an unknown edition, naming the ones there are', () => {
    const config = resolveConfig(base, '/srv');
    let err: unknown;
    try {
      editionConfig(config, 'monthly');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BriefingError);
    expect((err as BriefingError).message).toBe('no edition "monthly" in the config');
    expect((err as BriefingError).hint).toBe('use one of: daily, weekly');
  });

  it('refuse a repeated id and sources or interests the config does not define', () => {
    const repeat = { ...base, editions: [{ id: 'daily' }, { id: 'daily' }] };
    expect(() => resolveConfig(repeat, '/srv')).toThrow(/editions\[1\]\.id .*repeats the edition id "daily"/);
    const source = { ...base, editions: [{ id: 'daily', sources: ['조선비즈'] }] };
    expect(() => resolveConfig(source, '/srv')).toThrow(/editions\[0\]\.sources\[0\] .*names no source \("조선비즈"\)/);
    const interest = { ...base, editions: [{ id: 'daily', interests: ['sports'] }] };
    expect(() => resolveConfig(interest, '/srv')).toThrow(/editions\[0\]\.interests\[0\] .*names no interest/);
  });

  it("tell an issue's edition from its id", () => {
    expect(editionOfIssue('weekly/2026-11-16')).toBe('weekly');
    expect(editionOfIssue('2026-11-16-2')).toBeUndefined();
  });
});
