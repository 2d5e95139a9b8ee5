import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startPreview, type PreviewServer, type ViewState } from '../../src/preview/index.js';
import { writeFileAtomic } from '../../src/util/atomic.js';
import { makeDesk, type Desk } from './desk.js';
import { openEvents, request } from './http.js';

let desk: Desk;
let server: PreviewServer;

beforeEach(async () => {
  desk = makeDesk();
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

describe('preview server routes', () => {
  it('listens on loopback and prints a URL with the port it got', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves the page with the subject, the preheader, the toolbar and a frame of the email', async () => {
    const r = await request(server.url);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('text/html');
    expect(r.body).toContain('[브리핑] 반도체 수출이 넉 달 만에 반등했다');
    expect(r.body).toContain('오늘의 브리핑: 반도체 수출이 넉 달 만에 반등했다 외 2건');
    for (const control of [
      'data-value="phone"',
      'data-value="dark"',
      'data-value="text"',
      'id="recollect"',
      'id="recompose"',
      'id="send"',
    ]) {
      expect(r.body).toContain(control);
    }
    expect(r.body).toMatch(/<iframe id="frame"[^>]+src="\/frame\?scheme=light&amp;v=\d+"/);
    expect(r.body).toContain('<option value="briefing">briefing</option>');
    expect(r.body).toContain('2026-11-16');
    const csp = String(r.headers['content-security-policy']);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(r.body).toContain(`<script nonce="${nonce}">`);
  });

  it('serves the rendered email in the frame and the plain-text part', async () => {
    const frame = await request(`${server.url}frame`);
    expect(frame.status).toBe(200);
    expect(frame.body).toContain('반도체 수출이 넉 달 만에 반등했다');
    expect(frame.body).toContain('<base target="_blank">');
    expect(frame.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    const text = await request(`${server.url}text`);
    expect(text.headers['content-type']).toContain('text/plain');
    expect(text.body).toContain('[1] 반도체 수출이 넉 달 만에 반등했다');
  });

  it('fixes prefers-color-scheme to the scheme asked for, whatever the browser prefers', async () => {
    const dark = await request(`${server.url}frame?scheme=dark`);
    const light = await request(`${server.url}frame?scheme=light`);
    expect(dark.body).not.toMatch(/prefers-color-scheme/);
    expect(dark.body).toMatch(/@media \(min-width: 0px\) \{ \.sheet/);
    expect(light.body).toMatch(/@media \(max-width: -1px\) \{ \.sheet/);
  });

  it('shows a past issue and another style when asked', async () => {
    const view = JSON.parse((await request(`${server.url}api/view?issue=2026-11-16&style=digest`)).body) as ViewState;
    expect(view.ok).toBe(true);
    expect(view.issueId).toBe('2026-11-16');
    expect(view.style).toBe('digest');
    const frame = await request(`${server.url}frame?issue=2026-11-16`);
    expect(frame.body).toContain('배터리 공장이 문을 열었다');
    const issues = JSON.parse((await request(`${server.url}api/issues`)).body) as Array<{ id: string }>;
    expect(issues.map((i) => i.id)).toEqual(['2026-11-23', '2026-11-16']);
  });

  it('refuses an issue id that could leave the outbox, and unknown paths and methods', async () => {
    expect((await request(`${server.url}frame?issue=..%2F..%2Fetc`)).status).toBe(400);
    expect((await request(`${server.url}nope`)).status).toBe(404);
    const wrong = await request(`${server.url}api/recollect`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
    expect(desk.calls.recollect).toBe(0);
  });

  it('refuses a Host header that does not name the server (DNS rebinding)', async () => {
    const r = await request(server.url, { headers: { host: `evil.example:${server.port}` } });
    expect(r.status).toBe(403);
    expect((await request(server.url, { headers: { host: `localhost:${server.port}` } })).status).toBe(200);
  });

  it('escapes everything it prints from the draft', async () => {
    const file = desk.draftFileOf('2026-11-23');
    const text = readFileSync(file, 'utf8').replace(/^subject: .*$/m, 'subject: "<script>alert(1)</script> & <b>"');
    writeFileSync(file, text);
    await server.refresh();
    const r = await request(server.url);
    expect(r.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;');
    expect(r.body).not.toContain('<script>alert(1)');
  });
});

describe('live reload', () => {
  it('pushes a new view over server-sent events when a template is saved', async () => {
    const events = await openEvents(`${server.url}events`);
    try {
      const first = (await events.next((e) => e.event === 'view')).data as ViewState;
      expect(first.ok).toBe(true);
      writeFileSync(
        desk.template,
        readFileSync(desk.template, 'utf8').replace('{{newsletter}} ·', '{{newsletter}} · 방금 고친 문구 ·'),
      );
      const next = (await events.next((e) => e.event === 'view' && (e.data as ViewState).version > first.version))
        .data as ViewState;
      expect(next.ok).toBe(true);
      expect((await request(`${server.url}frame?v=${next.version}`)).body).toContain('방금 고친 문구');
    } finally {
      events.close();
    }
  });

  it('re-renders when the locale, the config or the draft changes (the draft saved atomically)', async () => {
    const events = await openEvents(`${server.url}events`);
    try {
      let version = ((await events.next((e) => e.event === 'view')).data as ViewState).version;
      const edits: Array<[string, () => void, string]> = [
        [
          'locale',
          () => writeFileSync(`${desk.locales}/ko.yaml`, 'why: 이게 왜 중요해\nheadlines: 헤드라인\n'),
          '이게 왜 중요해',
        ],
        ['config', () => writeFileSync(desk.config, 'footer: 격주 화요일 발행\n'), '격주 화요일 발행'],
        [
          'draft',
          () => {
            const file = desk.draftFileOf('2026-11-23');
            writeFileAtomic(
              file,
              readFileSync(file, 'utf8').replaceAll('반도체 수출이 넉 달 만에 반등했다', '편집자가 고친 제목'),
            );
          },
          '편집자가 고친 제목',
        ],
      ];
      for (const [what, edit, expected] of edits) {
        edit();
        const view = (await events.next((e) => (e.data as ViewState).version > version)).data as ViewState;
        version = view.version;
        expect(view.ok, what).toBe(true);
        expect((await request(`${server.url}frame`)).body, what).toContain(expected);
      }
    } finally {
      events.close();
    }
  });

  it('shows a template error with file and line instead of stopping, and recovers when it is fixed', async () => {
    const events = await openEvents(`${server.url}events`);
    try {
      const good = readFileSync(desk.template, 'utf8');
      let version = ((await events.next((e) => e.event === 'view')).data as ViewState).version;
      writeFileSync(desk.template, good.replace('{{/each}}', '{{/ech}}'));
      const broken = (await events.next((e) => (e.data as ViewState).version > version)).data as ViewState;
      version = broken.version;
      expect(broken.ok).toBe(false);
      if (broken.ok) return;
      expect(broken.error.code).toBe('ETEMPLATE');
      expect(broken.error.file).toBe(desk.template);
      expect(broken.error.line).toBeGreaterThan(1);
      const frame = await request(`${server.url}frame`);
      expect(frame.status).toBe(500);
      expect(frame.body).toContain('ETEMPLATE');
      expect(frame.body).toContain(`${desk.template} line ${broken.error.line}`);
      const page = await request(server.url);
      expect(page.status).toBe(200);
      expect(page.body).toMatch(/<div id="error" role="alert">/);

      writeFileSync(desk.template, good);
      const fixed = (await events.next((e) => (e.data as ViewState).version > version)).data as ViewState;
      expect(fixed.ok).toBe(true);
      expect((await request(`${server.url}frame`)).status).toBe(200);
    } finally {
      events.close();
    }
  });

  it('shows a broken draft as EDRAFT with its line and recovers when it is fixed', async () => {
    const file = desk.draftFileOf('2026-11-23');
    const good = readFileSync(file, 'utf8');
    const events = await openEvents(`${server.url}events`);
    try {
      let version = ((await events.next((e) => e.event === 'view')).data as ViewState).version;
      writeFileSync(file, `${good}\nstories: [unclosed\n`);
      const broken = (await events.next((e) => (e.data as ViewState).version > version)).data as ViewState;
      version = broken.version;
      expect(broken.ok).toBe(false);
      if (!broken.ok) {
        expect(broken.error.code).toBe('EDRAFT');
        expect(broken.error.file).toBe(file);
        expect(broken.error.line).toBeGreaterThan(0);
      }
      writeFileSync(file, good);
      const fixed = (await events.next((e) => (e.data as ViewState).version > version)).data as ViewState;
      expect(fixed.ok).toBe(true);
    } finally {
      events.close();
    }
  });
});

describe('state-changing requests', () => {
  it('runs re-collect for a same-origin POST', async () => {
    const r = await request(`${server.url}api/recollect`, { method: 'POST', headers: sameOrigin(), body: '{}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ message: 'collected 3 new items from 2 sources' });
    expect(desk.calls.recollect).toBe(1);
  });

  it('refuses a cross-origin POST with 403 and does nothing', async () => {
    const attempts: Array<Record<string, string>> = [
      { origin: 'http://127.0.0.1:1', 'content-type': 'application/json' },
      { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      { origin: server.url.replace(/\/$/, ''), 'sec-fetch-site': 'same-site', 'content-type': 'application/json' },
      { 'content-type': 'application/json' },
      { origin: 'null', 'content-type': 'text/plain' },
    ];
    for (const headers of attempts) {
      const r = await request(`${server.url}api/recollect`, { method: 'POST', headers, body: '{}' });
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(JSON.parse(r.body).error).toMatch(/^forbidden: /);
    }
    const send = await request(`${server.url}api/send-test`, {
      method: 'POST',
      headers: { origin: 'http://127.0.0.1:1', 'content-type': 'application/json' },
      body: JSON.stringify({ to: 'a@example.com' }),
    });
    expect(send.status).toBe(403);
    expect(desk.calls).toEqual({ recollect: 0, recompose: 0, sendTest: [] });
  });

  it('wants a JSON body', async () => {
    const r = await request(`${server.url}api/recollect`, {
      method: 'POST',
      headers: { ...sameOrigin(), 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(r.status).toBe(415);
    expect(desk.calls.recollect).toBe(0);
  });

  it('sends a test of the shown issue to one valid address only', async () => {
    const bad = await request(`${server.url}api/send-test`, {
      method: 'POST',
      headers: sameOrigin(),
      body: JSON.stringify({ to: 'a@example.com\r\nBcc: b@example.com' }),
    });
    expect(bad.status).toBe(400);
    const ok = await request(`${server.url}api/send-test`, {
      method: 'POST',
      headers: sameOrigin(),
      body: JSON.stringify({ to: ' editor@example.com ' }),
    });
    expect(ok.status).toBe(200);
    expect(desk.calls.sendTest).toEqual([{ to: 'editor@example.com', issueId: '2026-11-23' }]);
  });

  it('re-compose returns the new issue and pushes the new latest draft to open pages', async () => {
    const events = await openEvents(`${server.url}events`);
    try {
      const version = ((await events.next((e) => e.event === 'view')).data as ViewState).version;
      const r = await request(`${server.url}api/recompose`, { method: 'POST', headers: sameOrigin(), body: '{}' });
      expect(JSON.parse(r.body)).toEqual({ message: 'composed 2026-11-23-2', issueId: '2026-11-23-2' });
      const view = (await events.next((e) => (e.data as ViewState).version > version)).data as ViewState;
      expect(view.issueId).toBe('2026-11-23-2');
      expect(view.ok && view.subject).toBe('[브리핑] 다시 쓴 톱스토리가 맨 위에 온다');
    } finally {
      events.close();
    }
  });

  it('reports an action that fails on the page instead of stopping the server', async () => {
    desk.deps.recollect = async () => {
      throw new Error('feed server unreachable');
    };
    const r = await request(`${server.url}api/recollect`, { method: 'POST', headers: sameOrigin(), body: '{}' });
    expect(r.status).toBe(500);
    expect(JSON.parse(r.body).error).toBe('feed server unreachable');
    expect((await request(server.url)).status).toBe(200);
  });
});
