/**
 * The preview in a real browser: Debian's Chromium driven by playwright-core, opening only
 * 127.0.0.1. The email is rendered by the product's render stage from a copy of its templates.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadLabels } from '../../src/config/locale.js';
import { startPreview, type PreviewServer } from '../../src/preview/index.js';
import { personalize, renderIssue } from '../../src/render/index.js';
import { makeDesk, type Desk } from '../preview/desk.js';

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
const PROJECT_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));
const SHOTS = mkdtempSync(join(tmpdir(), 'briefing-preview-shots-'));

let browser: Browser;
let desk: Desk;
let footer: string;
let server: PreviewServer;
let context: BrowserContext;
let outside: string[];

/** The test desk, rendering with the product's render stage and a copy of the project's templates. */
function realDesk(): { desk: Desk; footer: string } {
  const d = makeDesk();
  const templates = join(d.root, 'project-templates');
  cpSync(PROJECT_TEMPLATES, templates, { recursive: true });
  d.deps.watch = [templates, d.config];
  d.deps.render = async (draft, { style }) => {
    const rendered = await renderIssue(draft, {
      templatesDir: templates,
      labels: loadLabels(join(templates, 'locales'), draft.locale),
      style: style ?? draft.style,
    });
    return { ...rendered, ...personalize(rendered, { email: '', unsubscribeUrl: '#unsubscribe' }) };
  };
  return { desk: d, footer: join(templates, 'partials', 'footer.mjml.hbs') };
}

async function open(path = ''): Promise<{ page: Page; frame: Frame }> {
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  const handle = await page.waitForSelector('#frame', { state: 'attached' });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the page has no email frame');
  await page.waitForFunction('document.body.dataset.shown !== undefined || document.getElementById("frame").hidden');
  return { page, frame };
}

const frameBody = (page: Page) => page.frameLocator('#frame').locator('body');
/** Visible text in the email (the hidden preheader repeats the headline). */
const shown = (page: Page, text: string) => frameBody(page).getByText(text).filter({ visible: true }).first();

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  console.log(`screenshots: ${SHOTS}`);
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  ({ desk, footer } = realDesk());
  server = await startPreview(desk.deps);
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  outside = [];
  // Only ever 127.0.0.1: anything else is refused and counted.
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    outside.push(url.href);
    return route.abort();
  });
});

afterEach(async () => {
  await context?.close();
  await server?.close();
  desk?.cleanup();
  expect(outside).toEqual([]);
});

describe('preview in Chromium', () => {
  it('shows the issue: subject, preheader and the rendered email', async () => {
    const { page } = await open();
    await expect.poll(() => page.locator('#subject').innerText()).toBe('[브리핑] 반도체 수출이 넉 달 만에 반등했다');
    expect(await page.locator('#preheader').innerText()).toBe(
      '오늘의 브리핑: 반도체 수출이 넉 달 만에 반등했다 외 2건',
    );
    await shown(page, '반도체 수출이 넉 달 만에 반등했다').waitFor();
    expect(await frameBody(page).innerText()).toContain('왜 중요하냐면');
    await expect.poll(() => page.locator('#live').innerText()).toBe('live');
    await page.screenshot({ path: join(SHOTS, 'desktop.png') });
  });

  it('shows a template edit live, without a manual reload, and reports the save→update time', async () => {
    const { page } = await open();
    await shown(page, '반도체 수출이').waitFor();
    await page.evaluate('window.__sameDocument = true');
    const original = readFileSync(footer, 'utf8');
    const times: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const marker = `실시간 편집 ${i}회차`;
      // The page notes the wall-clock time of the first frame that shows the marker.
      await page.evaluate(`void (window.__seen = new Promise((resolve) => {
        const check = () => {
          const doc = document.getElementById('frame').contentDocument;
          if (doc && doc.body && doc.body.innerText.includes(${JSON.stringify(marker)})) resolve(performance.timeOrigin + performance.now());
          else requestAnimationFrame(check);
        };
        check();
      }))`);
      const saved = Date.now();
      writeFileSync(
        footer,
        original.replace(
          '{{label "footer" newsletter=newsletter}}',
          `{{label "footer" newsletter=newsletter}} ${marker}`,
        ),
      );
      await shown(page, marker).waitFor({ timeout: 10_000 });
      times.push(Math.round(Number(await page.evaluate('window.__seen')) - saved));
      await page.waitForTimeout(150);
    }
    expect(await page.evaluate('window.__sameDocument')).toBe(true);
    const sorted = [...times].sort((a, b) => a - b);
    const line = `save→update ms: ${times.join(', ')} (median ${sorted[2]}, max ${sorted[4]})`;
    console.log(line);
    writeFileSync(join(SHOTS, 'save-to-update.txt'), `${line}\n`);
  });

  it('fits a 360 px phone without horizontal scroll', async () => {
    const { page, frame } = await open();
    await shown(page, '반도체 수출이').waitFor();
    await page.click('[data-set="width"][data-value="phone"]');
    await frame.waitForFunction('document.documentElement.clientWidth === 360');
    const m = (await frame.evaluate(
      '({ client: document.scrollingElement.clientWidth, scroll: document.scrollingElement.scrollWidth })',
    )) as { client: number; scroll: number };
    console.log(`phone frame: clientWidth ${m.client}, scrollWidth ${m.scroll}`);
    expect(m.client).toBe(360);
    expect(m.scroll).toBeLessThanOrEqual(m.client);
    expect(new URL(page.url()).searchParams.get('width')).toBe('phone');
    await page.screenshot({ path: join(SHOTS, 'phone.png') });
  });

  it('shows the email in dark mode as a dark-preferring client would', async () => {
    const { page, frame } = await open();
    await shown(page, '반도체 수출이').waitFor();
    const background = (): Promise<unknown> =>
      frame.evaluate(`(() => {
        let el = document.elementFromPoint(20, 20);
        while (el) {
          const c = getComputedStyle(el).backgroundColor;
          if (c && c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return c;
          el = el.parentElement;
        }
        return getComputedStyle(document.documentElement).backgroundColor;
      })()`);
    const luminance = (c: unknown): number => {
      const [r = 0, g = 0, b = 0] = String(c).match(/\d+/g)?.map(Number) ?? [];
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    expect(luminance(await background())).toBeGreaterThan(0.6);
    await page.click('[data-set="scheme"][data-value="dark"]');
    await page.waitForFunction('document.getElementById("frame").src.includes("scheme=dark")');
    await expect.poll(async () => luminance(await background()), { timeout: 5000 }).toBeLessThan(0.2);
    expect(await page.evaluate('document.body.classList.contains("dark")')).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'dark.png') });
    await page.click('[data-set="width"][data-value="phone"]');
    await frame.waitForFunction('document.documentElement.clientWidth === 360');
    await page.screenshot({ path: join(SHOTS, 'phone-dark.png') });
  });

  it('switches to the plain-text part, to a past issue and to another style', async () => {
    const { page } = await open();
    await page.click('[data-set="part"][data-value="text"]');
    await expect.poll(() => page.locator('#text').innerText()).toContain('반도체 수출이 넉 달 만에 반등했다');
    expect(await page.locator('#frame').isHidden()).toBe(true);

    await Promise.all([page.waitForURL(/issue=2026-11-16/), page.selectOption('#issue', '2026-11-16')]);
    await expect.poll(() => page.locator('#text').innerText()).toContain('배터리 공장이 문을 열었다');
    await Promise.all([page.waitForURL(/style=digest/), page.selectOption('#style', 'digest')]);
    await expect.poll(() => page.locator('#text').innerText()).toContain('배터리 공장이 문을 열었다');
    expect(await page.locator('#style').inputValue()).toBe('digest');
    expect(await page.locator('#issue').inputValue()).toBe('2026-11-16');
  });

  it('shows a broken template’s error with file and line, and recovers when it is fixed', async () => {
    const { page } = await open();
    await shown(page, '반도체 수출이').waitFor();
    const original = readFileSync(footer, 'utf8');
    writeFileSync(footer, original.replace('{{#if webUrl}}', '{{#if webUrl}}{{#each stories}}'));
    await page.locator('#error').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('#error-code').innerText()).toBe('ETEMPLATE');
    expect(await page.locator('#error-where').innerText()).toMatch(/footer\.mjml\.hbs line \d+$/);
    expect(await page.locator('#error-message').innerText()).not.toBe('');
    await shown(page, 'ETEMPLATE').waitFor();
    await page.screenshot({ path: join(SHOTS, 'error.png') });

    writeFileSync(footer, original);
    await page.locator('#error').waitFor({ state: 'hidden', timeout: 10_000 });
    await shown(page, '반도체 수출이').waitFor();
  });

  it('runs the editor’s actions from the page', async () => {
    const { page } = await open();
    await page.click('#recollect');
    await expect.poll(() => page.locator('#status').innerText()).toBe('collected 3 new items from 2 sources');
    await page.fill('#to', 'editor@example.com');
    await page.click('#send-button');
    await expect
      .poll(() => page.locator('#status').innerText())
      .toBe('sent a test of 2026-11-23 to editor@example.com');
    await Promise.all([page.waitForURL(/issue=2026-11-23-2/), page.click('#recompose')]);
    await shown(page, '다시 쓴 톱스토리가 맨 위에 온다').waitFor();
    expect(desk.calls).toEqual({
      recollect: 1,
      recompose: 1,
      sendTest: [{ to: 'editor@example.com', issueId: '2026-11-23' }],
    });
  });

  it('refuses a POST from another origin (another port on 127.0.0.1)', async () => {
    const target = `${server.url}api/recollect`;
    const other: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(
        `<!doctype html><form id="f" method="post" action="${target}" enctype="text/plain"><input name="a" value="b"></form>`,
      );
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
      const fetched = await page.evaluate(`Promise.all([
        fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', body: '{}' }).then(() => 'sent', () => 'failed'),
        fetch(${JSON.stringify(`${server.url}api/recompose`)}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then(() => 'read', () => 'blocked'),
      ])`);
      expect(fetched).toEqual(['sent', 'blocked']);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url() === target),
        page.evaluate('document.getElementById("f").submit()'),
      ]);
      expect(response.status()).toBe(403);
      expect(await response.text()).toContain('forbidden');
      expect(desk.calls).toEqual({ recollect: 0, recompose: 0, sendTest: [] });
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});
