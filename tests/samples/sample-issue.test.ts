import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, fixedClock, silentLogger, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { runOnce } from '../../src/pipeline.js';
import type { Draft } from '../../src/types.js';
import { ROOT, SAMPLE_AS_OF } from '../pipeline/helpers.js';
import { expectCleanStoredIssue } from '../support/issue-check.js';

/** The issue `npm start` composes: the bundled config and sample feeds, in a folder of its own. */
describe('the sample issue', () => {
  let app: App;
  let draft: Draft;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-sample-'));
    cpSync(join(ROOT, 'briefing.config.yaml'), join(dir, 'briefing.config.yaml'));
    symlinkSync(join(ROOT, 'sources'), join(dir, 'sources'));
    symlinkSync(join(ROOT, 'templates'), join(dir, 'templates'));
    app = createApp(loadConfig(join(dir, 'briefing.config.yaml')), {
      clock: fixedClock(SAMPLE_AS_OF),
      logger: silentLogger,
    });
    const out = await runOnce(app);
    if (!out.issue) throw new Error(`the samples composed no issue: ${JSON.stringify(out)}`);
    draft = out.issue.draft;
  });
  afterAll(() => app.close());

  it('has the configured top stories and headlines', () => {
    expect(draft.stories).toHaveLength(app.config.newsletter.topStories);
    expect(draft.headlines.length).toBeGreaterThan(0);
  });

  it('passes the issue checker: no dependent sentence, repeated story, wrong credit or chrome line', () => {
    expectCleanStoredIssue(app, draft);
  });
});
