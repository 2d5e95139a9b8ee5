import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, fixedClock, silentLogger, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { composeStep, runOnce } from '../../src/pipeline.js';
import { expectCleanStoredIssue } from '../support/issue-check.js';
import { SAMPLE_AS_OF, sampleConfig, serveFeed, storyFeed } from './helpers.js';

describe('the whole pipeline on the bundled samples and a loopback feed', () => {
  let app: App;
  let feed: Awaited<ReturnType<typeof serveFeed>>;

  beforeAll(async () => {
    feed = await serveFeed(storyFeed());
    const { file } = sampleConfig([{ name: '연합와이어', url: feed.url }]);
    app = createApp(loadConfig(file), { clock: fixedClock(SAMPLE_AS_OF), logger: silentLogger });
  });
  afterAll(async () => {
    app.close();
    await feed.close();
  });

  it('should collect, compose, render and write a full issue to the outbox', async () => {
    const out = await runOnce(app);
    expect(feed.requests()).toBe(1);
    expect(out.collected.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(out.collected.reduce((n, r) => n + r.newItems, 0)).toBeGreaterThanOrEqual(28);
    expect(out.nothingNew).toBe(false);
    const issue = out.issue;
    if (!issue) throw new Error('no issue');
    expect(issue.issueId).toBe('2026-11-16');
    for (const f of ['issue.html', 'issue.txt', 'issue.eml', 'draft.yaml', 'draft.json']) {
      expect(existsSync(join(issue.dir, f)), f).toBe(true);
    }
    expect(issue.draft.title.startsWith('[브리핑] ')).toBe(true);
    expect(issue.draft.stories).toHaveLength(3);
    expect(issue.draft.headlines.length).toBeGreaterThan(0);
    expectCleanStoredIssue(app, issue.draft);
  });

  it('should write an issue whose HTML and text carry the numbered briefing', () => {
    const app2 = app;
    const dir = join(app2.config.paths.outbox, '2026-11-16');
    const html = readFileSync(join(dir, 'issue.html'), 'utf8');
    const text = readFileSync(join(dir, 'issue.txt'), 'utf8');
    expect(html).toContain('lang="ko"');
    expect(html).toContain('왜 중요하냐면');
    expect(html).toContain('헤드라인');
    const numbers = [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(numbers.length).toBeGreaterThanOrEqual(4);
    expect([...new Set(numbers)]).toEqual(numbers.map((_, i) => i + 1).slice(0, new Set(numbers).size));
    expect(text).not.toMatch(/무단 ?전재|많이 본 뉴스|@example\.co\.kr/);
  });

  it('should write a real multipart message a mail client opens', async () => {
    const dir = join(app.config.paths.outbox, '2026-11-16');
    const mail = await simpleParser(readFileSync(join(dir, 'issue.eml')));
    expect(mail.subject?.startsWith('[브리핑] ')).toBe(true);
    expect(mail.html).toContain('왜 중요하냐면');
    expect(mail.text).toContain('[1]');
    expect(mail.messageId).toMatch(/^<.+@.+>$/);
    expect(mail.from?.text).toContain('briefing@example.com');
  });

  it('should say nothing is new on a second run and write no issue', async () => {
    const out = await runOnce(app);
    expect(out.nothingNew).toBe(true);
    expect(out.reason).toBeTruthy();
    expect(existsSync(join(app.config.paths.outbox, '2026-11-16-2'))).toBe(false);
  });

  it('should compose again with force, under the next free id', async () => {
    const out = await composeStep(app, { force: true });
    expect(out.nothingNew).toBe(false);
    if (!out.nothingNew) {
      expect(out.issueId).toBe('2026-11-16-2');
      expectCleanStoredIssue(app, out.draft);
    }
  });
});
