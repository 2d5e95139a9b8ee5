/** `briefing preview` and `briefing archive` as a user runs them, wired with the real pipeline. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, fixedClock, silentLogger } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { collectStep, composeStep } from '../../src/pipeline.js';
import type { ViewState } from '../../src/preview/index.js';
import { openEvents, request } from './http.js';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = [
  '--import',
  pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href,
  join(ROOT, 'src/cli/bin.ts'),
];
const AS_OF = '2026-11-16T07:00:00+09:00';

let dir: string;
let config: string;
let issueId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'briefing-desk-cli-'));
  config = join(dir, 'briefing.config.yaml');
  writeFileSync(
    config,
    [
      'newsletter:',
      '  title: 테크 브리핑',
      `  asOf: "${AS_OF}"`,
      'sources:',
      `  - { name: 테크데일리, url: "${join(ROOT, 'sources/tech-daily.xml')}" }`,
      `  - { name: 마켓워치코리아, url: "${join(ROOT, 'sources/market-atom.xml')}" }`,
      'paths:',
      `  templates: "${join(ROOT, 'templates')}"`,
      '',
    ].join('\n'),
  );
  const app = createApp(loadConfig(config), { clock: fixedClock(AS_OF), logger: silentLogger });
  try {
    await collectStep(app);
    const out = await composeStep(app);
    if (out.nothingNew) throw new Error(`the sample feeds composed nothing: ${out.reason}`);
    issueId = out.issueId;
    app.store.issues.setStatus(issueId, 'sent', new Date('2026-11-16T07:05:00+09:00'));
  } finally {
    app.close();
  }
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('briefing archive', () => {
  it('writes the site of the sent issues from the outbox', () => {
    const out = join(dir, 'site');
    const r = spawnSync(process.execPath, [...CLI, '--config', config, '--json', 'archive', '--out', out], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ out, issues: 1, files: 4, skipped: [] });
    const page = readFileSync(join(out, 'issues', `${issueId}.html`), 'utf8');
    expect(page).toContain('href="../index.html"');
    expect(page).toContain('[브리핑] 엔비디아');
    expect(readFileSync(join(out, 'feed.xml'), 'utf8')).toContain(`href="issues/${issueId}.html"`);
  }, 60_000);

  it('needs --out', () => {
    const r = spawnSync(process.execPath, [...CLI, '--config', config, 'archive'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain("required option '-o, --out <dir>'");
  }, 60_000);
});

describe('briefing preview', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('serves the latest issue rendered by the pipeline, re-renders an edited draft, and stops on Ctrl+C', async () => {
    child = spawn(process.execPath, [...CLI, '--config', config, 'preview', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const proc = child;
    let stdout = '';
    let stderr = '';
    proc.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${stderr}`)), 45_000);
      proc.stdout?.on('data', (c: Buffer) => {
        stdout += c.toString();
        const m = /Preview at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (m?.[1]) {
          clearTimeout(timer);
          resolveUrl(m[1]);
        }
      });
      proc.on('exit', (code) => reject(new Error(`preview exited ${code}: ${stderr}`)));
    });

    const page = await request(url);
    expect(page.status).toBe(200);
    expect(page.body).toContain('[브리핑] 엔비디아');
    expect((await request(`${url}frame`)).body).toContain('엔비디아');
    expect((await request(`${url}text`)).body).toContain('엔비디아');

    const draft = join(dir, 'outbox', issueId, 'draft.yaml');
    expect(existsSync(draft)).toBe(true);
    const events = await openEvents(`${url}events`);
    try {
      const first = (await events.next((e) => e.event === 'view', 30_000)).data as ViewState;
      writeFileSync(draft, readFileSync(draft, 'utf8').replace(/^subject: .*$/m, 'subject: "편집자가 고친 제목"'));
      const next = (await events.next((e) => (e.data as ViewState).version > first.version, 30_000)).data as ViewState;
      expect(next.ok && next.subject).toBe('편집자가 고친 제목');
    } finally {
      events.close();
    }

    // A change on the desk is saved through the draft schema and rendered into the issue folder as
    // `briefing render` renders it: running render on the saved draft changes no byte of issue.html.
    const read = JSON.parse((await request(`${url}api/draft`)).body) as {
      rev: string;
      draft: { headlines: unknown[] };
    };
    read.draft.headlines.reverse();
    const html = join(dir, 'outbox', issueId, 'issue.html');
    const before = readFileSync(html, 'utf8');
    const origin = url.replace(/\/$/, '');
    const saved = await request(`${url}api/draft/save`, {
      method: 'POST',
      headers: { origin, 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
      body: JSON.stringify({ rev: read.rev, draft: read.draft }),
    });
    expect(saved.status).toBe(200);
    const fromDesk = readFileSync(html, 'utf8');
    expect(fromDesk).not.toBe(before);
    const rendered = spawnSync(process.execPath, [...CLI, '--config', config, 'render', draft], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(rendered.status).toBe(0);
    expect(readFileSync(html, 'utf8')).toBe(fromDesk);
    expect(fromDesk).not.toMatch(/id="desk"|data-key=|draggable/);

    const refused = await request(`${url}api/recompose`, {
      method: 'POST',
      headers: { origin: 'http://127.0.0.1:9', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(refused.status).toBe(403);

    const exited = new Promise<number | null>((done) => proc.on('exit', (code) => done(code)));
    proc.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 90_000);
});
