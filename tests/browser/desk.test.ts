/**
 * The editor's desk in a real browser: Debian's Chromium driven by playwright-core, opening only
 * 127.0.0.1. The email is rendered by the product's render stage from a copy of its templates; the
 * draft is read and saved with the product's draft schema. The picture's host is answered inside the
 * browser (a route), so no request leaves the machine.
 */
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadLabels } from '../../src/config/locale.js';
import { startPreview, type PreviewServer } from '../../src/preview/index.js';
import { personalize, renderIssue } from '../../src/render/index.js';
import { makeDesk, type Desk } from '../preview/desk.js';
import { draftOnDisk, PICTURE, STORED, withEditing } from '../preview/desk-kit.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'];
const PROJECT_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));
const SHOTS = process.env.BRIEFING_SHOTS ?? mkdtempSync(join(tmpdir(), 'briefing-desk-shots-'));
const IMAGE_HOSTS = new Set(['img.techdaily.example.kr', 'img.marketwatch.example.kr']);

/** A stand-in photograph: a 1200×675 SVG of a clean room, served for the sample image hosts. */
const PHOTO = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#dfe8f2"/><stop offset="1" stop-color="#8ea4bd"/></linearGradient></defs>
<rect width="1200" height="675" fill="url(#g)"/>${Array.from(
  { length: 8 },
  (_, i) => `<rect x="${60 + i * 140}" y="250" width="90" height="330" rx="8" fill="#f7f9fb" stroke="#6b7f95"/>`,
).join('')}<rect y="580" width="1200" height="95" fill="#5b6f86"/></svg>`;

let browser: Browser;
let desk: Desk;
let server: PreviewServer;
let context: BrowserContext;
let outside: string[];
const saveToFrame: number[] = [];

function realDesk(): Desk {
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
  withEditing(d);
  return d;
}

async function open(viewport = { width: 1200, height: 900 }): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(server.url);
  await page.waitForSelector('#desk[data-ready="true"]');
  await page.waitForFunction('document.body.dataset.shown !== undefined');
  return page;
}

const frameBody = (page: Page) => page.frameLocator('#frame').locator('body');
const shown = (page: Page, text: string) => frameBody(page).getByText(text).filter({ visible: true }).first();
const storyCard = (page: Page, n: number) => page.locator('#stories > li.card').nth(n);
const headlineCard = (page: Page, n: number) => page.locator('#headlines > li.card').nth(n);

/** Run a change and wait until the frame shows `text`; note the time from the change to the frame. */
async function changeAndSee(page: Page, text: string, run: () => Promise<void>): Promise<void> {
  const started = Date.now();
  await run();
  await shown(page, text).waitFor({ timeout: 10_000 });
  saveToFrame.push(Date.now() - started);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  console.log(`screenshots: ${SHOTS}`);
});

afterAll(async () => {
  await browser?.close();
  if (saveToFrame.length > 0) {
    const sorted = [...saveToFrame].sort((a, b) => a - b);
    console.log(
      `change→frame ms: ${saveToFrame.join(', ')} (median ${sorted[Math.floor(sorted.length / 2)]}, max ${sorted[sorted.length - 1]})`,
    );
  }
});

beforeEach(async () => {
  desk = realDesk();
  server = await startPreview(desk.deps, { debounceMs: 20 });
  context = await browser.newContext();
  outside = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    if (IMAGE_HOSTS.has(url.hostname)) return route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PHOTO });
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

describe('the desk in Chromium', () => {
  it('reorders stories with a button and headlines by dragging', async () => {
    const page = await open();
    await changeAndSee(page, '[1] 전기차 충전 요금이 내년부터 오른다', () =>
      storyCard(page, 0).getByRole('button', { name: 'move down story 1' }).click(),
    );
    expect(draftOnDisk(desk).stories.map((s) => s.topicId)).toEqual(['t-bbbb', 't-aaaa']);

    await headlineCard(page, 1).locator('.num').dragTo(headlineCard(page, 0));
    await expect.poll(() => draftOnDisk(desk).headlines.map((h) => h.topicId)).toEqual(['t-dddd', 't-cccc']);
    await expect
      .poll(async () => {
        const text = await frameBody(page).innerText();
        return text.indexOf('새 개인정보 지침') < text.indexOf('국내 클라우드 시장이');
      })
      .toBe(true);
    await page.screenshot({ path: join(SHOTS, 'desk-1200.png') });
  });

  it('drops a headline, and undo brings it back', async () => {
    const page = await open();
    await headlineCard(page, 0).getByRole('button', { name: 'drop headline 3' }).click();
    await expect.poll(() => draftOnDisk(desk).headlines.map((h) => h.topicId)).toEqual(['t-dddd']);
    await expect.poll(() => frameBody(page).innerText()).not.toContain('국내 클라우드 시장이 20% 성장했다.');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => draftOnDisk(desk).headlines.map((h) => h.topicId)).toEqual(['t-cccc', 't-dddd']);
    await shown(page, '국내 클라우드 시장이 20% 성장했다.').waitFor();
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => draftOnDisk(desk).headlines.map((h) => h.topicId)).toEqual(['t-dddd']);
  });

  it('edits a headline and a bullet in place, with the keyboard alone', async () => {
    const page = await open();
    const headline = page.getByRole('textbox', { name: 'headline of story 1' });
    await headline.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('반도체 수출, 넉 달 만에 12% 반등');
    await changeAndSee(page, '반도체 수출, 넉 달 만에 12% 반등', () => page.keyboard.press('Enter'));
    expect(draftOnDisk(desk).stories[0]?.headline).toBe('반도체 수출, 넉 달 만에 12% 반등');

    // A double click on a sentence of the email puts the cursor in its field.
    await shown(page, '충전 사업자의 수익 구조가 바뀐다.').dblclick();
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.getAttribute("aria-label")'))
      .toBe('bullet 2 of story 2');
    const bullet = page.getByRole('textbox', { name: 'bullet 2 of story 2' });
    await bullet.fill('충전 사업자의 수익 구조가 kWh당 30원만큼 바뀐다.');
    await changeAndSee(page, '충전 사업자의 수익 구조가 kWh당 30원만큼 바뀐다.', () => bullet.press('Enter'));
    expect(draftOnDisk(desk).stories[1]?.why[1]).toBe('충전 사업자의 수익 구조가 kWh당 30원만큼 바뀐다.');

    // Alt+↓ on a focused card moves it; the focus stays on the control that was used.
    await page.getByRole('button', { name: 'pin for next time headline 3' }).focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => draftOnDisk(desk).headlines.map((h) => h.topicId)).toEqual(['t-dddd', 't-cccc']);
    await page.getByRole('button', { name: 'pin for next time headline 4' }).press('Enter');
    await expect.poll(() => draftOnDisk(desk).pins).toEqual(['t-cccc']);
  });

  it('says what is wrong with an edit the draft schema refuses, and keeps the file', async () => {
    const page = await open();
    const before = draftOnDisk(desk);
    await page.getByRole('textbox', { name: 'headline of story 1' }).fill('   ');
    await page.getByRole('textbox', { name: 'headline of story 1' }).press('Enter');
    await expect
      .poll(() => page.locator('#desk-status').innerText())
      .toMatch(/draft\.yaml line \d+: stories\[0\]\.headline must not be empty/);
    expect(draftOnDisk(desk)).toEqual(before);
  });

  it('picks an alternative sentence for a lead sentence', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'other sentences for lead sentence 2 of story 1' }).click();
    const alt = '반도체 수출은 넉 달 만에 증가세로 돌아섰다.';
    await changeAndSee(page, alt, () => page.getByRole('button', { name: new RegExp(alt) }).click());
    const story = draftOnDisk(desk).stories[0];
    expect(story?.lead).toEqual(['산업통상자원부는 11월 반도체 수출이 전년보다 12% 늘었다고 밝혔다.', alt]);
    // The sentence it replaced is kept as an alternative, with the story's source.
    expect(story?.alternatives?.map((a) => a.text)).toEqual([
      '업계는 인공지능 서버용 메모리 주문이 내년 상반기까지 이어질 것으로 본다.',
      '메모리 가격 회복이 이끌었다.',
    ]);
  });

  it('adds a headline from a stored item found by words, and from a link', async () => {
    const page = await open();
    await page.getByRole('searchbox', { name: /Find a stored item/ }).fill('공공 AI');
    await page.getByRole('button', { name: 'Find' }).click();
    const item = STORED[1];
    await changeAndSee(page, item?.title ?? '', () =>
      page.getByRole('button', { name: `add as headline: ${item?.title}` }).click(),
    );
    expect(draftOnDisk(desk).headlines.at(-1)).toEqual({
      topicId: 'item-42',
      text: item?.title,
      url: item?.url,
      publisher: '마켓워치코리아',
    });

    await page
      .getByRole('searchbox', { name: /Find a stored item/ })
      .fill('https://www.yna.example.kr/view/AKR20261122');
    await page.getByRole('button', { name: 'Find' }).click();
    await page
      .getByRole('textbox', { name: 'headline text for the link' })
      .fill('정부가 전력망 특별법 시행령을 입법예고했다.');
    await changeAndSee(page, '정부가 전력망 특별법 시행령을 입법예고했다.', () =>
      page.getByRole('button', { name: 'Add link' }).click(),
    );
    expect(draftOnDisk(desk).headlines.at(-1)).toMatchObject({
      url: 'https://www.yna.example.kr/view/AKR20261122',
      publisher: 'yna.example.kr',
    });
  });

  it('tells the second of two tabs that the draft changed, and lets it reload', async () => {
    const first = await open();
    const second = await open();
    await first.getByRole('button', { name: 'drop headline 4' }).click();
    await expect.poll(() => draftOnDisk(desk).headlines).toHaveLength(1);
    // The second tab is told as soon as the issue changes, before it saves anything.
    await expect.poll(() => second.locator('#desk').getAttribute('data-conflict')).toBe('true');
    expect(await first.locator('#desk').getAttribute('data-conflict')).toBeNull();
    await second.getByRole('textbox', { name: 'Title' }).fill('[브리핑] 두 번째 탭의 제목');
    await second.getByRole('textbox', { name: 'Title' }).press('Enter');
    await expect.poll(() => second.locator('#desk-status').innerText()).toMatch(/changed since this page read it/);
    expect(await second.locator('#desk').getAttribute('data-conflict')).toBe('true');
    expect(draftOnDisk(desk).title).toBe('[브리핑] 반도체 수출이 넉 달 만에 반등했다');
    expect(draftOnDisk(desk).headlines).toHaveLength(1);
    await Promise.all([second.waitForEvent('load'), second.getByRole('button', { name: 'Reload' }).click()]);
    await second.waitForSelector('#desk[data-ready="true"]');
    expect(await second.locator('#headlines > li.card').count()).toBe(1);
  });

  it('shows a story’s picture, swaps it and removes it', async () => {
    const page = await open();
    const img = page.frameLocator('#frame').locator(`img[src="${PICTURE.url}"]`);
    await img.waitFor();
    await expect
      .poll(() => img.evaluate((e) => (e as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
    expect(await img.getAttribute('alt')).toBe(PICTURE.alt);
    await page.screenshot({ path: join(SHOTS, 'issue-picture-1200.png') });
    await page.locator('[data-set="width"][data-value="phone"]').click();
    await page.waitForFunction('document.getElementById("frame").getBoundingClientRect().width <= 360');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'issue-picture-phone.png') });
    await page.locator('[data-set="width"][data-value="desktop"]').click();

    await page.getByRole('combobox', { name: 'swap the picture' }).selectOption({ index: 1 });
    const swapped = page.frameLocator('#frame').locator('img[src*="chip-export-port"]');
    await swapped.waitFor();
    expect(draftOnDisk(desk).stories[0]?.image?.url).toContain('chip-export-port');

    await page.getByRole('button', { name: 'Remove picture' }).click();
    await expect.poll(() => page.frameLocator('#frame').locator('img').count()).toBe(0);
    const story = draftOnDisk(desk).stories[0];
    expect(story?.image).toBeUndefined();
    expect(story?.images?.map((p) => p.url).sort()).toEqual(
      [PICTURE.url, 'https://img.marketwatch.example.kr/2026/11/22/chip-export-port.jpg'].sort(),
    );
  });

  it('switches the marker and blocks a topic, and fits a 360 px screen', async () => {
    const page = await open({ width: 360, height: 800 });
    await page.getByRole('button', { name: 'switch the marker of story 1' }).click();
    await expect.poll(() => draftOnDisk(desk).stories[0]?.marker).toBe('💡');
    await page.getByRole('button', { name: 'block the topic of story 2' }).click();
    await expect.poll(() => draftOnDisk(desk).stories.map((s) => s.topicId)).toEqual(['t-aaaa']);
    expect(draftOnDisk(desk).blocks).toEqual(['t-bbbb']);
    const overflow = await page.evaluate(
      'document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'desk-360.png'), fullPage: false });
  });
});
