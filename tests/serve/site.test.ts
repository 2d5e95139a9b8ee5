import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { collectStep, composeStep, sendStep } from '../../src/pipeline.js';
import { signAddressToken, signUnsubscribeToken } from '../../src/deliver/index.js';
import { signToken } from '../../src/serve/tokens.js';
import {
  form,
  formToken,
  onServer,
  raw,
  SAMPLES,
  SECRET,
  type SiteSetup,
  signUp,
  signupMessages,
  startTestSite,
} from './helpers.js';

const open: SiteSetup[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});
async function site(raw: Parameters<typeof startTestSite>[0] = {}): Promise<SiteSetup> {
  const s = await startTestSite(raw);
  open.push(s);
  return s;
}

async function confirmLink(s: SiteSetup, email: string): Promise<string> {
  const [mail] = await signupMessages(s, email);
  if (!mail) throw new Error(`no confirmation message for ${email}`);
  return onServer(s, mail.link);
}

async function confirm(s: SiteSetup, link: string): Promise<Response> {
  const t = new URL(link).searchParams.get('t') ?? '';
  return fetch(`${s.url}/confirm`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: s.url },
    body: form({ t }),
  });
}

describe('sign-up with double opt-in', () => {
  it('subscribes an address only after its confirmation link is followed and its button pressed', async () => {
    const s = await site();
    const res = await signUp(s, { email: 'Jiwoo.Park@example.org', name: '박지우' });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('메일함을 확인해 주세요');
    expect(s.app.store.subscribers.get('jiwoo.park@example.org')).toBeUndefined();

    const [mail] = await signupMessages(s, 'jiwoo.park@example.org');
    expect(mail?.subject).toBe('[테크 브리핑] 구독을 확인해 주세요');
    const link = onServer(s, mail?.link ?? '');
    // A GET (what link scanners do) shows a button and changes nothing.
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('구독 확인하기');
    expect(s.app.store.subscribers.get('jiwoo.park@example.org')).toBeUndefined();

    const done = await confirm(s, link);
    expect(done.status).toBe(200);
    expect(s.app.store.subscribers.get('jiwoo.park@example.org')?.status).toBe('active');
    const exported = s.app.store.subscriberData.export('jiwoo.park@example.org');
    expect(exported.consents).toHaveLength(1);
    expect(exported.consents[0]?.ip).toBe('127.0.0.1');
    expect(exported.consents[0]?.wording).toMatch(/^ko:[0-9a-f]{8}$/);
    expect(exported.profile?.name).toBe('박지우');
  });

  it('answers a known and an unknown address with the same page, in similar time', async () => {
    const s = await site({ serve: { rateLimit: 100 } });
    s.app.store.subscribers.upsertMany([{ email: 'known@example.org' }], new Date());
    const times: Record<string, number[]> = { known: [], unknown: [] };
    const bodies = new Set<string>();
    for (let i = 0; i < 12; i++) {
      for (const who of ['known', 'unknown'] as const) {
        const email = who === 'known' ? 'known@example.org' : `new${i}@example.org`;
        const t0 = performance.now();
        const res = await signUp(s, { email });
        const body = await res.text();
        times[who]?.push(performance.now() - t0);
        expect(res.status).toBe(200);
        bodies.add(body);
      }
    }
    expect(bodies.size).toBe(1);
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const [k, u] = [median(times.known ?? []), median(times.unknown ?? [])];
    expect(Math.abs(k - u)).toBeLessThan(Math.max(k, u) * 0.5 + 5);
    // The known address is told it is subscribed already (with its preferences link); nobody else learns it.
    const [known] = await signupMessages(s, 'known@example.org');
    expect(known?.subject).toBe('[테크 브리핑] 이미 구독하고 계십니다');
    expect(known?.link).toContain('/preferences?t=');
  });

  it('ignores a filled honeypot and a form sent back faster than a person can, without saying so', async () => {
    const s = await site({ serve: { minFillTime: '2s', rateLimit: 50 } });
    const honey = await signUp(s, { email: 'bot1@example.org', website: 'http://spam.example' });
    const fast = await signUp(s, { email: 'bot2@example.org' });
    expect(honey.status).toBe(200);
    expect(fast.status).toBe(200);
    expect(await honey.text()).toBe(await fast.text());
    expect(await signupMessages(s, 'bot1@example.org', 300)).toHaveLength(0);
    expect(await signupMessages(s, 'bot2@example.org', 300)).toHaveLength(0);
  });

  it('needs the confirmation to bring back a suppressed address', async () => {
    const s = await site();
    s.app.store.subscribers.upsertMany([{ email: 'back@example.org' }], new Date());
    s.app.store.subscribers.unsubscribe('back@example.org', new Date());
    await signUp(s, { email: 'back@example.org' });
    expect(s.app.store.subscribers.suppression('back@example.org')).toBeDefined();
    const [mail] = await signupMessages(s, 'back@example.org');
    expect(mail?.subject).toBe('[테크 브리핑] 구독을 확인해 주세요');
    await confirm(s, onServer(s, mail?.link ?? ''));
    expect(s.app.store.subscribers.suppression('back@example.org')).toBeUndefined();
    expect([...s.app.store.subscribers.active()].map((x) => x.email)).toContain('back@example.org');
  });

  it('refuses an expired, a tampered and a replayed confirmation link with a way to ask again', async () => {
    const s = await site();
    const expired = signToken('confirm', { email: 'late@example.org', nonce: 'n1', exp: Date.now() - 1000 }, SECRET);
    const res = await fetch(`${s.url}/confirm?t=${expired}`);
    expect(res.status).toBe(400);
    const body = await res.text();
    expect(body).toContain('링크가 만료되었습니다');
    expect(body).toContain('href="/subscribe?lang=ko"');

    await signUp(s, { email: 'twice@example.org' });
    const link = await confirmLink(s, 'twice@example.org');
    const t = new URL(link).searchParams.get('t') ?? '';
    const tampered = `${t.slice(0, 5)}${t[5] === 'A' ? 'B' : 'A'}${t.slice(6)}`;
    const bad = await fetch(`${s.url}/confirm?t=${tampered}`);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('잘못된 링크');

    expect((await confirm(s, link)).status).toBe(200);
    // Unsubscribe, then replay the old confirmation: it must not subscribe the address again.
    s.app.store.subscribers.unsubscribe('twice@example.org', new Date());
    expect((await confirm(s, link)).status).toBe(400);
    expect(s.app.store.subscribers.get('twice@example.org')?.status).toBe('unsubscribed');
  });
});

describe('editions and interests on the forms', () => {
  it('lets a reader choose editions and interests at sign-up and change them later', async () => {
    const s = await site({
      editions: [
        { id: 'daily', title: '아침 브리핑', schedule: '0 7 * * 1-5', cadence: 'daily', window: '1d' },
        { id: 'weekly', title: '주간 브리핑', schedule: '0 8 * * 1' },
      ],
      interests: [
        { id: 'ai', label: 'AI', match: ['인공지능', 'AI'] },
        { id: 'chips', label: '반도체', match: ['반도체', 'HBM'] },
      ],
    });
    const signupPage = await (await fetch(`${s.url}/subscribe`)).text();
    expect(signupPage).toContain('value="daily"> 아침 브리핑');
    expect(signupPage).toContain('value="chips"> 반도체');
    await signUp(s, { email: 'both@example.org', editions: ['weekly'], interests: ['chips', 'nonsense'] });
    await confirm(s, await confirmLink(s, 'both@example.org'));
    expect(s.app.store.subscribers.get('both@example.org')).toMatchObject({
      editions: ['weekly'],
      interests: ['chips'],
    });

    const t = signAddressToken('preferences', 'both@example.org', SECRET);
    const page = await (await fetch(`${s.url}/preferences?t=${t}`)).text();
    expect(page).toContain('value="weekly" checked');
    await fetch(`${s.url}/preferences`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: s.url },
      body: form({ t, action: 'save', editions: ['daily', 'weekly'], interests: ['ai'] }),
    });
    expect(s.app.store.subscribers.get('both@example.org')).toMatchObject({
      editions: ['daily', 'weekly'],
      interests: ['ai'],
    });
  });
});

describe('preferences, export and erasure', () => {
  async function subscribed(s: SiteSetup, email: string): Promise<string> {
    s.app.store.subscribers.upsertMany([{ email, name: '구독자' }], new Date());
    return `${s.url}/preferences?t=${signAddressToken('preferences', email, SECRET)}`;
  }

  it('pauses a subscriber for some weeks and ends the pause again', async () => {
    const s = await site();
    const prefs = await subscribed(s, 'pause@example.org');
    const t = new URL(prefs).searchParams.get('t') ?? '';
    const post = (fields: Record<string, string>) =>
      fetch(`${s.url}/preferences`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: s.url },
        body: form({ t, ...fields }),
      });
    expect((await post({ pause: '2', action: 'save' })).status).toBe(200);
    expect([...s.app.store.subscribers.active()].map((x) => x.email)).not.toContain('pause@example.org');
    const until = Date.parse(s.app.store.subscriberData.profile('pause@example.org')?.pausedUntil ?? '');
    expect(until - Date.now()).toBeGreaterThan(13 * 86_400_000);
    expect(await (await fetch(prefs)).text()).toContain('쉬는 중입니다');
    await post({ pause: '0', action: 'save' });
    expect([...s.app.store.subscribers.active()].map((x) => x.email)).toContain('pause@example.org');
  });

  it('downloads everything kept about the address as JSON', async () => {
    const s = await site();
    const prefs = await subscribed(s, 'mine@example.org');
    const res = await fetch(prefs.replace('/preferences?', '/preferences/export?'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const data = (await res.json()) as { profile: { email: string }; consents: unknown[]; deliveries: unknown[] };
    expect(data.profile.email).toBe('mine@example.org');
    expect(Array.isArray(data.deliveries)).toBe(true);
  });

  it('erases an address, keeps only its hash, and never lets an import mail it again', async () => {
    const s = await site();
    const prefs = await subscribed(s, 'gone@example.org');
    const t = new URL(prefs).searchParams.get('t') ?? '';
    const res = await fetch(`${s.url}/preferences/delete`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: s.url },
      body: form({ t }),
    });
    expect(res.status).toBe(200);
    const store = s.app.store;
    expect(store.subscribers.get('gone@example.org')).toBeUndefined();
    const dump = JSON.stringify(store.db.prepare('SELECT * FROM audit').all());
    expect(dump).not.toContain('gone@example.org');
    expect(dump).toContain('"action":"erase"');
    store.subscribers.upsertMany([{ email: 'gone@example.org' }], new Date());
    expect([...store.subscribers.active()].map((x) => x.email)).not.toContain('gone@example.org');
    // The old footer link can change nothing now.
    expect(await (await fetch(prefs)).text()).toContain('수신 거부 상태');
  });
});

describe('the archive on the site', () => {
  it('is where a sent email\'s "view in browser" link lands, with no subscriber\'s own link on the page', async () => {
    const s = await site({
      newsletter: { baseUrl: 'https://news.example.com/briefing', asOf: '2026-11-16T07:00:00+09:00' },
      sources: [
        { name: '테크데일리', url: join(SAMPLES, 'tech-daily.xml') },
        { name: '마켓워치코리아', url: join(SAMPLES, 'market-atom.xml') },
      ],
    });
    s.app.store.subscribers.upsertMany([{ email: 'reader@example.org', name: '독자' }], new Date());
    await collectStep(s.app);
    const issue = await composeStep(s.app);
    if (issue.nothingNew) throw new Error(issue.reason);
    await sendStep(s.app, issue.issueId, { env: { BRIEFING_SECRET: SECRET } });
    const eml = readFileSync(join(issue.dir, 'recipients', 'reader@example.org.eml'));
    const mail = await simpleParser(eml);
    const html = typeof mail.html === 'string' ? mail.html : '';
    const view = /<a [^>]*href="([^"]+)"[^>]*>브라우저에서 보기<\/a>/.exec(html)?.[1] ?? '';
    expect(view).toBe(`https://news.example.com/briefing/archive/issues/${issue.issueId}.html`);
    const page = await fetch(onServer(s, view).replace('/briefing/', '/'));
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain(issue.draft.title.replace('[', '').slice(0, 10));
    expect(body).not.toContain('reader@example.org');
    expect(body).not.toMatch(/unsubscribe\?t=[A-Za-z0-9_-]{10,}/);
    expect(body).not.toMatch(/preferences\?t=/);
    const feed = await fetch(`${s.url}/archive/feed.xml`);
    expect(feed.headers.get('content-type')).toContain('atom+xml');
    expect(await feed.text()).toContain(view);
  });
});

describe('the server refuses what it must', () => {
  it('refuses a Host that is not the site (DNS rebinding) on every path', async () => {
    const s = await site({ newsletter: { baseUrl: 'https://news.example.com' } });
    const port = new URL(s.url).port;
    for (const path of ['/subscribe', '/archive/', '/healthz']) {
      const res = await raw(`${s.url}${path}`, { headers: { Host: `attacker.example:${port}` } });
      expect(res.status).toBe(421);
    }
    expect((await raw(`${s.url}/healthz`, { headers: { Host: 'news.example.com' } })).status).toBe(200);
  });

  it('refuses a cross-site POST but takes the one-click unsubscribe from anywhere', async () => {
    const s = await site();
    const page = await (await fetch(`${s.url}/subscribe`)).text();
    const res = await fetch(`${s.url}/subscribe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
      body: form({ ft: formToken(page), email: 'victim@example.org' }),
    });
    expect(res.status).toBe(403);
    const fetchSite = await raw(`${s.url}/preferences/delete`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'cross-site' },
      body: form({ t: 'x' }),
    });
    expect(fetchSite.status).toBe(403);

    s.app.store.subscribers.upsertMany([{ email: 'oneclick@example.org' }], new Date());
    const link = `${s.url}/unsubscribe?t=${encodeURIComponent(signUnsubscribeToken('oneclick@example.org', SECRET))}`;
    const get = await fetch(link);
    expect(get.status).toBe(200);
    expect(s.app.store.subscribers.get('oneclick@example.org')?.status).toBe('active');
    const one = await raw(link, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://mail.example.net' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(one.status).toBe(200);
    expect(one.headers.location).toBeUndefined();
    expect(s.app.store.subscribers.get('oneclick@example.org')?.status).toBe('unsubscribed');
  });

  it('refuses a body over the limit without reading it', async () => {
    const s = await site();
    const res = await raw(`${s.url}/subscribe`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `email=${'a'.repeat(64 * 1024)}`,
    });
    expect(res.status).toBe(413);
  });

  it('serves nothing outside the archive, however the path is spelled', async () => {
    const s = await site();
    for (const path of [
      '/archive/../briefing.config.yaml',
      '/archive/%2e%2e/%2e%2e/etc/passwd',
      '/archive/..%2fdata%2fbriefing.db',
      '/archive/issues/../../data/unsubscribe.secret',
      '/archive/%00',
    ]) {
      const res = await raw(`${s.url}${path}`);
      expect([400, 404]).toContain(res.status);
      expect(res.body).not.toContain('root:');
    }
    const index = await fetch(`${s.url}/archive/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('rate-limits 200 rapid POSTs from one address and stays up', async () => {
    const s = await site({ serve: { rateLimit: 10 } });
    const page = await (await fetch(`${s.url}/subscribe`)).text();
    const ft = formToken(page);
    const statuses = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        fetch(`${s.url}/subscribe`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: form({ ft, email: `flood${i}@example.org` }),
        }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((x) => x === 200)).toHaveLength(10);
    expect(statuses.filter((x) => x === 429)).toHaveLength(190);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
  });

  it('believes X-Forwarded-For only behind a proxy it was told to trust', async () => {
    const spoof = async (s: SiteSetup, ip: string): Promise<number> => {
      const page = await (await fetch(`${s.url}/subscribe`)).text();
      return (
        await raw(`${s.url}/subscribe`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': ip },
          body: form({ ft: formToken(page), email: `x${ip.replace(/\./g, '')}@example.org` }),
        })
      ).status;
    };
    const direct = await site({ serve: { rateLimit: 3 } });
    const statuses = [];
    for (let i = 1; i <= 5; i++) statuses.push(await spoof(direct, `203.0.113.${i}`));
    expect(statuses).toEqual([200, 200, 200, 429, 429]); // one client, whatever it claims

    const proxied = await site({ serve: { rateLimit: 3, trustProxy: true } });
    const behind = [];
    for (let i = 1; i <= 5; i++) behind.push(await spoof(proxied, `203.0.113.${i}`));
    expect(behind).toEqual([200, 200, 200, 200, 200]); // five readers behind one proxy
  });

  it('sets a strict content security policy and sends no script', async () => {
    const s = await site();
    const res = await fetch(`${s.url}/subscribe`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).not.toContain('<script');
  });

  it('shows its pages in English on request', async () => {
    const s = await site();
    const res = await signUp(s, { email: 'en@example.org' }, { lang: 'en' });
    expect(await res.text()).toContain('Check your inbox');
    const [mail] = await signupMessages(s, 'en@example.org');
    expect(mail?.subject).toBe('[테크 브리핑] Please confirm your subscription');
  });
});
