import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { revisionOf, startPreview, type PreviewServer } from '../../src/preview/index.js';
import { frameDocument } from '../../src/preview/view.js';
import { makeDesk, type Desk } from './desk.js';
import { deskDraft, draftOnDisk, withEditing } from './desk-kit.js';
import { request } from './http.js';

let desk: Desk;
let server: PreviewServer;

beforeEach(async () => {
  desk = makeDesk();
  withEditing(desk);
  server = await startPreview(desk.deps, { debounceMs: 20 });
});

afterEach(async () => {
  await server.close();
  desk.cleanup();
});

const sameOrigin = (): Record<string, string> => ({
  origin: server.url.replace(/\/$/, ''),
  'sec-fetch-site': 'same-origin',
  'content-type': 'application/json',
});

async function readDraft(): Promise<{ rev: string; draft: ReturnType<typeof deskDraft> }> {
  const r = await request(`${server.url}api/draft`);
  expect(r.status).toBe(200);
  return JSON.parse(r.body) as { rev: string; draft: ReturnType<typeof deskDraft> };
}

function save(body: unknown, headers = sameOrigin()) {
  return request(`${server.url}api/draft/save`, { method: 'POST', headers, body: JSON.stringify(body) });
}

describe('the desk API', () => {
  it('gives the draft with the version of its file', async () => {
    const { rev, draft } = await readDraft();
    expect(rev).toBe(revisionOf(readFileSync(desk.draftFileOf('2026-11-23'), 'utf8')));
    expect(draft.stories[0]?.alternatives?.length).toBe(2);
  });

  it('saves an edited draft through the draft schema and answers with the new version', async () => {
    const { rev, draft } = await readDraft();
    draft.stories.reverse();
    draft.title = '[브리핑] 전기차 충전 요금이 내년부터 오른다';
    const r = await save({ rev, draft });
    expect(r.status).toBe(200);
    const saved = draftOnDisk(desk);
    expect(saved.stories.map((s) => s.topicId)).toEqual(['t-bbbb', 't-aaaa']);
    expect(saved.title).toBe('[브리핑] 전기차 충전 요금이 내년부터 오른다');
    expect(JSON.parse(r.body).rev).toBe(revisionOf(readFileSync(desk.draftFileOf('2026-11-23'), 'utf8')));
    // The file stays the readable draft an editor can open: Korean as is, with its header.
    expect(readFileSync(desk.draftFileOf('2026-11-23'), 'utf8')).toMatch(/^# 브리핑 초안입니다/);
  });

  it('refuses a save made from an older version, and leaves the file as the other save wrote it', async () => {
    const { rev, draft } = await readDraft();
    const first = structuredClone(draft);
    first.headlines.pop();
    expect((await save({ rev, draft: first })).status).toBe(200);
    const second = structuredClone(draft);
    second.title = '[브리핑] 다른 탭의 제목';
    const r = await save({ rev, draft: second });
    expect(r.status).toBe(409);
    expect(JSON.parse(r.body).error).toMatch(/changed since this page read it.*reload/);
    const onDisk = draftOnDisk(desk);
    expect(onDisk.headlines).toHaveLength(1);
    expect(onDisk.title).not.toBe('[브리핑] 다른 탭의 제목');
  });

  it('refuses an invalid draft with the message and line render gives, and writes nothing', async () => {
    const before = readFileSync(desk.draftFileOf('2026-11-23'), 'utf8');
    const { rev, draft } = await readDraft();
    (draft.stories[0] as { headline: string }).headline = '  ';
    const r = await save({ rev, draft });
    expect(r.status).toBe(422);
    const body = JSON.parse(r.body) as { error: string; file: string; line: number; message: string };
    expect(body.file).toBe(desk.draftFileOf('2026-11-23'));
    expect(body.line).toBeGreaterThan(1);
    expect(body.message).toBe('stories[0].headline must not be empty');
    expect(readFileSync(desk.draftFileOf('2026-11-23'), 'utf8')).toBe(before);
    // A key the draft does not have is named, as render names it.
    const extra = await save({ rev, draft: { ...(await readDraft()).draft, editorNote: 'x' } });
    expect(JSON.parse(extra.body).message).toBe('editorNote is not a draft field');
  });

  it('takes saves only from the page itself, as JSON', async () => {
    const { rev, draft } = await readDraft();
    const cross = await save(
      { rev, draft },
      { ...sameOrigin(), origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
    );
    expect(cross.status).toBe(403);
    const form = await save({ rev, draft }, { ...sameOrigin(), 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const rebound = await request(`${server.url}api/draft`, { headers: { host: 'attacker.example:80' } });
    expect(rebound.status).toBe(403);
    expect(draftOnDisk(desk).title).toBe(deskDraft('2026-11-23').title);
  });

  it('finds stored items by words, and a stored item by its link', async () => {
    const words = JSON.parse((await request(`${server.url}api/items?q=${encodeURIComponent('클라우드 공공')}`)).body);
    expect(words.items.map((i: { id: number }) => i.id)).toEqual([41, 42]);
    const link = 'https://marketwatch.example.kr/news/88301';
    const byLink = JSON.parse((await request(`${server.url}api/items?q=${encodeURIComponent(link)}`)).body);
    expect(byLink).toMatchObject({ url: link, items: [{ id: 43 }] });
    const unknown = JSON.parse(
      (await request(`${server.url}api/items?q=${encodeURIComponent('https://news.example.kr/a/1')}`)).body,
    );
    expect(unknown).toEqual({ url: 'https://news.example.kr/a/1', items: [] });
  });

  it('keeps the controls out of the email: the frame is the render, byte for byte, with only the colour scheme and link target of the preview added', async () => {
    const page = await request(server.url);
    expect(page.body).toContain('id="desk"');
    const frame = await request(`${server.url}frame`);
    const rendered = await desk.deps.render(draftOnDisk(desk), { style: undefined });
    expect(frame.body).toBe(frameDocument(rendered.html, 'light'));
    expect(rendered.html).not.toMatch(/desk|data-key|draggable/);
  });
});
