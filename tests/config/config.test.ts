import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, resolveConfig } from '../../src/config/index.js';
import { BriefingError } from '../../src/errors.js';

const minimal = { sources: [{ name: '테크데일리', url: 'https://news.example.kr/rss' }] };

function writeConfig(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-config-'));
  const file = join(dir, 'briefing.config.yaml');
  writeFileSync(file, text);
  return file;
}

function errorOf(fn: () => unknown): BriefingError {
  try {
    fn();
  } catch (e) {
    if (e instanceof BriefingError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('resolveConfig', () => {
  it('should fill every default from a config that names only its sources', () => {
    const c = resolveConfig(minimal, '/srv/briefing');
    expect(c.newsletter).toMatchObject({
      locale: 'ko',
      timezone: 'Asia/Seoul',
      schedule: '0 7 * * 1',
      topStories: 3,
      headlines: 8,
      images: 'lead',
    });
    expect(c.newsletter.windowMs).toBe(7 * 86_400_000);
    expect(c.delivery.transport).toBe('outbox');
    expect(c.rank.halfLifeHours).toBe(72);
    expect(c.paths.data).toBe('/srv/briefing/data');
    expect(c.paths.locales).toBe('/srv/briefing/templates/locales');
  });

  it('should resolve file sources against the config folder and keep URLs as they are', () => {
    const c = resolveConfig(
      {
        sources: [
          { name: 'a', url: 'sources/a.xml' },
          { name: 'b', url: 'https://b.example/rss' },
        ],
      },
      '/srv/briefing',
    );
    expect(c.sources.map((s) => s.url)).toEqual(['/srv/briefing/sources/a.xml', 'https://b.example/rss']);
    expect(c.sources[0]).toMatchObject({ weight: 1, fullText: false });
  });

  it('should use the daily half-life and max age for a daily cadence', () => {
    const c = resolveConfig({ ...minimal, newsletter: { cadence: 'daily', window: '36h' } }, '/x');
    expect(c.rank.halfLifeHours).toBe(18);
    expect(c.rank.maxAgeHours).toBe(72);
    expect(c.newsletter.windowMs).toBe(36 * 3_600_000);
  });

  it('should let --data-dir override the configured data folder', () => {
    const c = resolveConfig(minimal, '/srv/briefing', { dataDir: '/var/lib/briefing' });
    expect(c.paths.data).toBe('/var/lib/briefing');
  });

  it('should name the key and the fix for a bad timezone', () => {
    const e = errorOf(() => resolveConfig({ ...minimal, newsletter: { timezone: 'Asia/Seol' } }, '/x'));
    expect(e.code).toBe('ECONFIG');
    expect(e.message).toContain('newsletter.timezone');
    expect(e.message).toContain('IANA timezone');
  });

  it('should name the choices of newsletter.images', () => {
    const e = errorOf(() => resolveConfig({ ...minimal, newsletter: { images: 'all' } }, '/srv'));
    expect(e.message).toContain('newsletter.images');
    expect(e.message).toMatch(/lead.*stories.*none/);
  });

  it('should reject a config without sources', () => {
    const e = errorOf(() => resolveConfig({ newsletter: {} }, '/x'));
    expect(e.message).toContain('sources is missing');
  });

  it('should reject unknown keys so typos do not pass silently', () => {
    const e = errorOf(() => resolveConfig({ ...minimal, newsleter: {} }, '/x'));
    expect(e.message).toContain('unknown key "newsleter"');
    expect(e.hint).toMatch(/spelling/);
  });

  it('should reject a malformed cron expression and window', () => {
    expect(
      errorOf(() => resolveConfig({ ...minimal, newsletter: { schedule: 'every monday' } }, '/x')).message,
    ).toContain('newsletter.schedule is not a cron expression');
    expect(errorOf(() => resolveConfig({ ...minimal, newsletter: { window: 'a week' } }, '/x')).message).toContain(
      'newsletter.window is not a duration',
    );
  });
});

describe('loadConfig', () => {
  it('should say the file is missing and how to fix it', () => {
    const e = errorOf(() => loadConfig('/nonexistent/briefing.config.yaml'));
    expect(e.message).toContain('config file not found');
    expect(e.hint).toContain('--config');
  });

  it('should point at the line of an invalid value', () => {
    const file = writeConfig(
      ['newsletter:', '  title: 테크 브리핑', '  topStories: many', 'sources:', '  - { name: a, url: a.xml }', ''].join(
        '\n',
      ),
    );
    const e = errorOf(() => loadConfig(file));
    expect(e.message).toContain(`${file} line 3: newsletter.topStories must be a number`);
  });

  it('should point at the line of a YAML syntax error', () => {
    const file = writeConfig(['newsletter:', '  title: "unclosed', 'sources: []', ''].join('\n'));
    const e = errorOf(() => loadConfig(file));
    expect(e.message).toMatch(/line \d+: not valid YAML/);
  });

  it('should point at a source entry missing its url', () => {
    const file = writeConfig(['sources:', '  - name: a', '    url: a.xml', '  - name: b', ''].join('\n'));
    const e = errorOf(() => loadConfig(file));
    expect(e.message).toContain('line 4: sources[1].url is missing');
  });
});

describe('interests', () => {
  it('are none by default and read with their match words and categories', () => {
    expect(resolveConfig(minimal, '/srv').interests).toEqual([]);
    const c = resolveConfig(
      {
        ...minimal,
        interests: [
          { id: 'ai', label: 'AI', match: ['인공지능', 'LLM'] },
          { id: 'markets', label: '증시', categories: ['증시'] },
        ],
      },
      '/srv',
    );
    expect(c.interests).toEqual([
      { id: 'ai', label: 'AI', match: ['인공지능', 'LLM'], categories: [] },
      { id: 'markets', label: '증시', match: [], categories: ['증시'] },
    ]);
  });

  it('refuse a repeated id and an interest with nothing to match, naming the key and the line', () => {
    const file = writeConfig(
      [
        'sources: [{ name: 테크데일리, url: "https://news.example.kr/rss" }]',
        'interests:',
        '  - { id: ai, label: AI, match: [인공지능] }',
        '  - { id: ai, label: 생성형 AI, match: [생성형] }',
      ].join('\n'),
    );
    const e = errorOf(() => loadConfig(file));
    expect(e.message).toMatch(/line 4: interests\[1\]\.id .*repeats the interest id "ai"/);
    expect(e.hint).toMatch(/give each interest its own id/);
    const empty = errorOf(() => resolveConfig({ ...minimal, interests: [{ id: 'ai', label: 'AI' }] }, '/srv'));
    expect(empty.message).toMatch(/interests\[0\]\.match .*needs words to match/);
    const badId = errorOf(() =>
      resolveConfig({ ...minimal, interests: [{ id: 'A I', label: 'AI', match: ['AI'] }] }, '/srv'),
    );
    expect(badId.message).toMatch(/interests\[0\]\.id must be a short key/);
  });
});

describe('file source URLs', () => {
  it('reads a file:// URL as the file it names, not as a path beside the config', () => {
    const c = resolveConfig(
      {
        sources: [
          { name: '샘플', url: 'file:///srv/feeds/%ED%85%8C%ED%81%AC.xml' },
          { name: '상대', url: 'file:feeds/market.xml' },
          { name: '경로', url: 'feeds/startup.xml' },
        ],
      },
      '/srv/briefing',
    );
    expect(c.sources.map((s) => s.url)).toEqual([
      '/srv/feeds/테크.xml',
      '/srv/briefing/feeds/market.xml',
      '/srv/briefing/feeds/startup.xml',
    ]);
  });
});

describe('config checks of hostile values', () => {
  const base = { sources: [{ name: '샘플', url: '/srv/feed.xml' }] };
  const fails = (raw: Record<string, unknown>, pattern: RegExp) =>
    expect(() => resolveConfig({ ...base, ...raw } as never, '/srv/briefing')).toThrow(pattern);

  it('takes only an http(s) baseUrl', () => {
    fails({ newsletter: { baseUrl: 'javascript:alert(1)' } }, /newsletter\.baseUrl must be an http\(s\) URL/);
    fails({ newsletter: { baseUrl: 'ftp://news.example.com/' } }, /newsletter\.baseUrl must be an http\(s\) URL/);
    expect(
      resolveConfig({ ...base, newsletter: { baseUrl: 'https://news.example.com' } }, '/srv').newsletter.baseUrl,
    ).toBe('https://news.example.com');
  });

  it('takes one address in from and replyTo: no line break, no list, no group', () => {
    fails(
      { delivery: { from: '브리핑 <a@example.com>\r\nBcc: victim@example.org' } },
      /delivery\.from must be one line/,
    );
    fails({ delivery: { from: 'a@example.com, b@example.com' } }, /delivery\.from must be one address/);
    fails({ delivery: { replyTo: 'undisclosed:a@example.com;' } }, /delivery\.replyTo must be one address/);
    const ok = resolveConfig({ ...base, delivery: { from: '"브리핑, 주간" <briefing@example.com>' } }, '/srv');
    expect(ok.delivery.from).toBe('"브리핑, 주간" <briefing@example.com>');
  });

  it('needs delivery.smtp when the transport is smtp, at load time', () => {
    fails({ delivery: { transport: 'smtp' } }, /delivery\.transport is smtp, but delivery\.smtp is missing/);
  });

  it('refuses a config that is not UTF-8, naming its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-cfg-'));
    const file = join(dir, 'briefing.config.yaml');
    const head = Buffer.from('newsletter:\n  title: ', 'utf8');
    const cp949 = Buffer.from([0xc5, 0xd7, 0xc5, 0xa9]); // 테크 in CP949
    writeFileSync(file, Buffer.concat([head, cp949, Buffer.from('\nsources:\n  - { name: a, url: a.xml }\n')]));
    expect(() => loadConfig(file)).toThrow(/briefing\.config\.yaml line 2: not UTF-8 \(byte 0xc5 at offset 21\)/);
  });
});
