/**
 * A week of real-looking Korean news from three outlets (a news site, a business paper
 * that writes names in Latin letters, a blog that reposts), served from 127.0.0.1 and
 * composed by the whole pipeline: the issue must pass the issue checker.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, fixedClock, silentLogger, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { runOnce } from '../../src/pipeline.js';
import type { Draft } from '../../src/types.js';
import { fixture, startFeedServer, type FeedServer } from '../collect/support/feed-server.js';
import { ROOT } from '../pipeline/helpers.js';
import { expectCleanStoredIssue } from '../support/issue-check.js';

const REAL_WEEK_AS_OF = '2026-11-16T07:00:00+09:00';
const FEEDS = [
  { name: '디지털포커스', file: 'digital-focus.rss' },
  { name: '한결경제', file: 'hangyeol.rss' },
  { name: '테크인사이트', file: 'insight-blog.rss' },
] as const;

/** An app over the real-week feeds, composing `topStories` top stories. */
async function realWeekApp(server: FeedServer, topStories = 2): Promise<App> {
  for (const f of FEEDS) {
    server.route(`/${f.file}`, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(fixture(`real-week/${f.file}`));
    });
  }
  const dir = mkdtempSync(join(tmpdir(), 'briefing-real-week-'));
  const file = join(dir, 'briefing.config.yaml');
  writeFileSync(
    file,
    [
      'newsletter:',
      '  title: 테크 브리핑',
      `  asOf: "${REAL_WEEK_AS_OF}"`,
      `  topStories: ${topStories}`,
      '  headlines: 8',
      'sources:',
      ...FEEDS.map((f) => `  - { name: ${f.name}, url: "${server.url(`/${f.file}`)}" }`),
      'paths:',
      `  templates: "${join(ROOT, 'templates')}"`,
      '',
    ].join('\n'),
  );
  return createApp(loadConfig(file), { clock: fixedClock(REAL_WEEK_AS_OF), logger: silentLogger });
}

describe.each([1, 2])('an issue of real-looking Korean news with %i top stories', (topStories) => {
  let server: FeedServer;
  let app: App;
  let draft: Draft;
  let dropped: Array<{ topicId: string; dropped: Record<string, number | undefined> }>;

  beforeAll(async () => {
    server = await startFeedServer();
    app = await realWeekApp(server, topStories);
    const out = await runOnce(app);
    expect(out.collected.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    if (!out.issue) throw new Error('no issue composed');
    draft = out.issue.draft;
    dropped = out.issue.dropped ?? [];
  });
  afterAll(async () => {
    app.close();
    await server.close();
  });

  it('passes the issue checker', () => {
    expectCleanStoredIssue(app, draft);
  });

  it('reports, per top story, the lines compose dropped from its items', () => {
    expect(dropped.map((s) => s.topicId)).toEqual(draft.stories.map((s) => s.topicId));
    // Collection already strips these pages' sign-offs, notices and controls; nothing that compose
    // drops later may reach the issue (the checker above), and every count is a whole number.
    for (const s of dropped) for (const n of Object.values(s.dropped)) expect(Number.isInteger(n)).toBe(true);
  });
});
