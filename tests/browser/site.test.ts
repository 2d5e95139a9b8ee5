/**
 * The public site in Chromium, as a reader uses it: sign up, confirm from the message in the outbox, receive
 * the next issue, open its footer's preferences link, pause, download the data, delete it; a tampered link;
 * the pages on a 360 px screen; Korean and English. Everything on 127.0.0.1.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { simpleParser } from 'mailparser';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp, silentLogger, startPublicSite } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { collectStep, composeStep, sendStep } from '../../src/pipeline.js';
import type { Site } from '../../src/serve/server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'];
const ROOT = resolve(import.meta.dirname, '../..');
const SHOTS = mkdtempSync(join(tmpdir(), 'briefing-site-shots-'));
const ENV = { BRIEFING_SECRET: 'browser-site-secret-0123456789abcdef' };

let dir: string;
let app: App;
let site: Site;
let browser: Browser;
let context: BrowserContext;
const outside: string[] = [];

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

async function messageTo(folder: string, email: string): Promise<{ subject: string; text: string }> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const file = existsSync(folder) ? readdirSync(folder).find((f) => f.startsWith(email)) : undefined;
    if (file) {
      const mail = await simpleParser(readFileSync(join(folder, file)));
      return { subject: mail.subject ?? '', text: mail.text ?? '' };
    }
    if (Date.now() > deadline) throw new Error(`no message to ${email} in ${folder}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function linkIn(text: string, path: string): string {
  const m = new RegExp(`https?://\\S+${path}\\?t=\\S+`).exec(text);
  if (!m) throw new Error(`no ${path} link in:\n${text}`);
  return m[0];
}

async function fitsWidth(page: Page, width: number): Promise<void> {
  const scroll = await page.evaluate('document.documentElement.scrollWidth');
  expect(scroll).toBeLessThanOrEqual(width);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  dir = mkdtempSync(join(tmpdir(), 'briefing-site-web-'));
  const port = await freePort();
  const config = join(dir, 'briefing.config.yaml');
  writeFileSync(
    config,
    [
      'newsletter:',
      '  title: 테크 브리핑',
      `  baseUrl: "http://127.0.0.1:${port}"`,
      '  asOf: "2026-11-16T07:00:00+09:00"',
      'sources:',
      `  - { name: 테크데일리, url: "${join(ROOT, 'sources/tech-daily.xml')}" }`,
      `  - { name: 마켓워치코리아, url: "${join(ROOT, 'sources/market-atom.xml')}" }`,
      'interests:',
      '  - { id: ai, label: AI, match: [인공지능, AI, LLM, 생성형] }',
      '  - { id: chips, label: 반도체, match: [반도체, HBM, 메모리] }',
      '  - { id: markets, label: 금융·시장, match: [금리, 환율, 증시, 코스피] }',
      'serve:',
      '  minFillTime: 1s',
      'paths:',
      `  templates: "${join(ROOT, 'templates')}"`,
      '',
    ].join('\n'),
  );
  app = createApp(loadConfig(config), { logger: silentLogger });
  site = await startPublicSite(app, { host: '127.0.0.1', port }, ENV);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  context = await browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
  app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the public site in Chromium', () => {
  it('takes a reader from sign-up to the next issue, and through the footer link to change interests, pause, export and delete', async () => {
    const email = 'seoyeon.kim@example.org';
    const page = await context.newPage();
    await page.goto(`${site.url}/subscribe`);
    await page.fill('#email', email);
    await page.fill('#name', '김서연');
    await page.check('input[name=interests][value=chips]');
    await page.waitForTimeout(1100); // a person takes longer than the minimum fill time
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('h1').innerText()).toBe('메일함을 확인해 주세요');
    expect(app.store.subscribers.get(email)).toBeUndefined();

    const confirmation = await messageTo(join(app.config.paths.outbox, 'subscribe', 'recipients'), email);
    expect(confirmation.subject).toBe('[테크 브리핑] 구독을 확인해 주세요');
    await page.goto(linkIn(confirmation.text, '/confirm'));
    expect(app.store.subscribers.get(email)).toBeUndefined(); // the GET changed nothing
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('h1').innerText()).toBe('구독이 완료되었습니다');
    expect(app.store.subscribers.get(email)).toMatchObject({ status: 'active', interests: ['chips'] });

    // The next issue reaches the new subscriber, with a preferences link in its footer.
    await collectStep(app);
    const composed = await composeStep(app, { asOf: new Date('2026-11-16T07:00:00+09:00') });
    if (composed.nothingNew) throw new Error(composed.reason);
    const sent = await sendStep(app, composed.issueId, { env: ENV });
    expect(sent.sent).toBe(1);
    const issueMail = await messageTo(join(app.config.paths.outbox, composed.issueId, 'recipients'), email);
    expect(issueMail.subject).toContain('[브리핑]');
    const prefs = linkIn(issueMail.text, '/preferences');

    await page.goto(prefs);
    expect(await page.locator('h1').innerText()).toBe('구독 설정');
    expect(await page.isChecked('input[name=interests][value=chips]')).toBe(true);
    await page.check('input[name=interests][value=ai]');
    await page.uncheck('input[name=interests][value=chips]');
    await page.click('button[value=save]');
    await expect.poll(() => page.locator('[role=status]').innerText()).toBe('설정을 저장했습니다.');
    expect(app.store.subscribers.get(email)?.interests).toEqual(['ai']);
    await page.selectOption('#pause', '4');
    await page.click('button[value=save]');
    await expect.poll(() => page.locator('[role=status]').innerText()).toBe('설정을 저장했습니다.');
    expect(await page.locator('body').innerText()).toContain('쉬는 중입니다');
    expect([...app.store.subscribers.active()].map((s) => s.email)).not.toContain(email);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[download]')]);
    const data = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as {
      profile: { email: string; name: string };
      consents: Array<{ ip: string }>;
      deliveries: Array<{ issueId: string; status: string }>;
    };
    expect(data.profile).toMatchObject({ email, name: '김서연' });
    expect(data.consents[0]?.ip).toBe('127.0.0.1');
    expect(data.deliveries).toEqual([expect.objectContaining({ issueId: composed.issueId, status: 'sent' })]);

    await page.click('button.danger');
    await expect.poll(() => page.locator('h1').innerText()).toBe('삭제했습니다');
    expect(app.store.subscribers.get(email)).toBeUndefined();
    expect(app.store.subscriberData.isErased(email)).toBe(true);
    expect(outside).toEqual([]);
  });

  it('shows a tampered link as invalid, with the way to ask again', async () => {
    const page = await context.newPage();
    await page.goto(`${site.url}/confirm?t=eyJlbWFpbCI6ImFAYi5jIn0.AAAAAAAAAAAAAAAAAAAAAA`);
    expect(await page.locator('h1').innerText()).toBe('잘못된 링크');
    await Promise.all([page.waitForURL(/\/subscribe\?lang=ko$/), page.click('a[href^="/subscribe"]')]);
    expect(await page.locator('h1').innerText()).toBe('구독하기');
  });

  it('fits a 360 px screen without sideways scrolling, in Korean and English', async () => {
    const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2 });
    try {
      const page = await phone.newPage();
      for (const lang of ['ko', 'en']) {
        await page.goto(`${site.url}/subscribe?lang=${lang}`);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        expect(await page.locator('h1').innerText()).toBe(lang === 'ko' ? '구독하기' : 'Subscribe');
        await fitsWidth(page, 360);
        const box = await page.locator('button[type=submit]').boundingBox();
        expect(box?.width ?? 0).toBeGreaterThan(280); // a full-width button under a thumb
        await page.screenshot({ path: join(SHOTS, `subscribe-360-${lang}.png`), fullPage: true });
      }
      await page.goto(`${site.url}/confirm?t=bad&lang=en`);
      expect(await page.locator('h1').innerText()).toBe('Invalid link');
      await fitsWidth(page, 360);
    } finally {
      await phone.close();
    }
  });
});
