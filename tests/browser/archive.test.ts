/**
 * The web archive in Chromium, hosted by a plain static server under a deep sub-path of
 * 127.0.0.1: the relative links must work wherever the folder is put.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, fixedClock, silentLogger } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { collectStep, composeStep } from '../../src/pipeline.js';
import { loadArchiveIssues, writeArchive } from '../../src/preview/index.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = mkdtempSync(join(tmpdir(), 'briefing-archive-shots-'));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/atom+xml; charset=utf-8',
};

let dir: string;
let www: string;
let server: Server;
let base: string;
let browser: Browser;
let context: BrowserContext;
const outside: string[] = [];
const pictures: string[] = [];
const ids: string[] = [];

function serveStatic(root: string): Server {
  return createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  dir = mkdtempSync(join(tmpdir(), 'briefing-archive-web-'));
  const config = join(dir, 'briefing.config.yaml');
  writeFileSync(
    config,
    [
      'newsletter:',
      '  title: 테크 브리핑',
      'sources:',
      `  - { name: 테크데일리, url: "${join(ROOT, 'sources/tech-daily.xml')}" }`,
      `  - { name: 마켓워치코리아, url: "${join(ROOT, 'sources/market-atom.xml')}" }`,
      `  - { name: 스타트업브리프, url: "${join(ROOT, 'sources/startup-brief.xml')}" }`,
      'paths:',
      `  templates: "${join(ROOT, 'templates')}"`,
      '',
    ].join('\n'),
  );
  const clock = fixedClock('2026-11-16T07:00:00+09:00');
  const app = createApp(loadConfig(config), { clock, logger: silentLogger });
  try {
    await collectStep(app);
    for (const at of ['2026-11-16T07:00:00+09:00', '2026-11-17T07:00:00+09:00']) {
      clock.set(at);
      const out = await composeStep(app, { force: true });
      if (out.nothingNew) throw new Error(out.reason);
      app.store.issues.setStatus(out.issueId, 'sent', new Date(at));
      ids.push(out.issueId);
    }
    www = join(dir, 'www');
    const loaded = loadArchiveIssues(app.store.issues.list(), app.config.paths.outbox);
    expect(loaded.skipped).toEqual([]);
    writeArchive(join(www, 'hosted', 'deep', 'archive'), {
      newsletter: { title: '테크 브리핑', locale: 'ko', timezone: 'Asia/Seoul' },
      issues: loaded.issues,
      now: clock.now(),
    });
  } finally {
    app.close();
  }
  server = serveStatic(www);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hosted/deep/archive/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    // The sample stories' pictures sit on the samples' own (invented) hosts: asked for, never fetched.
    if (route.request().resourceType() === 'image' && url.hostname.endsWith('.example.kr')) pictures.push(url.href);
    else outside.push(url.href);
    return route.abort();
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await new Promise((r) => server?.close(r));
  rmSync(dir, { recursive: true, force: true });
});

describe('web archive in Chromium', () => {
  it('walks from the index to each issue, between issues, back, and to the feed', async () => {
    const [newer, older] = [ids[1] ?? '', ids[0] ?? ''];
    const page = await context.newPage();
    await page.goto(base);
    const links = page.locator('ol a');
    expect(await links.count()).toBe(2);
    expect(await links.first().getAttribute('href')).toBe(`issues/${newer}.html`);
    await page.screenshot({ path: join(SHOTS, 'archive-index.png') });

    await Promise.all([page.waitForURL(`${base}issues/${newer}.html`), links.first().click()]);
    expect(await page.locator('body').innerText()).toContain('[1]');
    expect(await page.title()).toContain('테크 브리핑');

    await Promise.all([page.waitForURL(`${base}issues/${older}.html`), page.click('nav.archive-nav a[rel="prev"]')]);
    await Promise.all([page.waitForURL(`${base}issues/${newer}.html`), page.click('nav.archive-nav a[rel="next"]')]);
    await Promise.all([page.waitForURL(`${base}index.html`), page.click('nav.archive-nav a[rel="index"]')]);

    const [feed] = await Promise.all([page.waitForResponse(`${base}feed.xml`), page.click('a.feed')]);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain(`<link rel="alternate" type="text/html" href="issues/${newer}.html"/>`);
    expect(outside).toEqual([]);
    expect(pictures.length).toBeGreaterThan(0); // the lead story's picture is on the page
  });

  it('reads an issue page on a 360 px phone without horizontal scroll', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${base}issues/${ids[1]}.html`);
    const m = (await page.evaluate(
      '({ client: document.scrollingElement.clientWidth, scroll: document.scrollingElement.scrollWidth })',
    )) as {
      client: number;
      scroll: number;
    };
    expect(m.client).toBe(360);
    expect(m.scroll).toBeLessThanOrEqual(m.client);
    await page.screenshot({ path: join(SHOTS, 'archive-issue-phone.png') });
    console.log(`archive screenshots: ${SHOTS}`);
  });
});
