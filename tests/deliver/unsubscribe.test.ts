import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  resolveUnsubscribeSecret,
  signUnsubscribeToken,
  startUnsubscribeServer,
  unsubscribeUrl,
  verifyUnsubscribeToken,
  recipientFor,
} from '../../src/deliver/index.js';
import { SECRET, addSubscribers, deliveryConfig, fixedClock, quietLogger, tempSetup } from './builders.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('unsubscribe tokens', () => {
  it('verify for the address they were made for and for nothing else', () => {
    const t = signUnsubscribeToken('Kim@Example.org', SECRET);
    expect(verifyUnsubscribeToken(t, SECRET)).toBe('kim@example.org');
    expect(verifyUnsubscribeToken(t, 'another-secret-0123456789')).toBeUndefined();
    const [, mac] = t.split('.');
    const forged = `${Buffer.from('lee@example.org').toString('base64url')}.${mac}`;
    expect(verifyUnsubscribeToken(forged, SECRET)).toBeUndefined();
    expect(verifyUnsubscribeToken('garbage', SECRET)).toBeUndefined();
    expect(verifyUnsubscribeToken('', SECRET)).toBeUndefined();
  });

  it('ride in an https URL under the base URL, or fall back to the mailto without one', () => {
    expect(unsubscribeUrl('https://news.example.com/letters', 'abc.def')).toBe(
      'https://news.example.com/letters/unsubscribe?t=abc.def',
    );
    const r = recipientFor(
      { email: 'kim@example.org', interests: ['AI'] },
      { delivery: deliveryConfig(), secret: SECRET },
    );
    expect(r.unsubscribeUrl).toBe('mailto:briefing@example.com?subject=unsubscribe');
    expect(r.interests).toEqual(['AI']);
  });
});

describe('the unsubscribe secret', () => {
  it('comes from the environment variable when it is set', () => {
    const t = tempSetup();
    cleanups.push(t.cleanup);
    expect(resolveUnsubscribeSecret('MY_SECRET', t.config.paths.data, { MY_SECRET: 'x'.repeat(32) })).toBe(
      'x'.repeat(32),
    );
    expect(() => resolveUnsubscribeSecret('MY_SECRET', t.config.paths.data, { MY_SECRET: 'short' })).toThrow(
      /shorter than 16/,
    );
  });

  it('is generated once per data folder and kept (mode 0600) when the variable is unset', () => {
    const t = tempSetup();
    cleanups.push(t.cleanup);
    const a = resolveUnsubscribeSecret('MY_SECRET', t.config.paths.data, {});
    const b = resolveUnsubscribeSecret('MY_SECRET', t.config.paths.data, {});
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    const file = join(t.config.paths.data, 'unsubscribe.secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(a);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('the one-click unsubscribe endpoint', () => {
  async function serve() {
    const t = tempSetup();
    cleanups.push(t.cleanup);
    addSubscribers(t.store, 3);
    t.store.subscribers.upsertMany([{ email: "o'brien+<b>@example.org", name: 'x' }], new Date());
    const env = { BRIEFING_SECRET: SECRET };
    const server = await startUnsubscribeServer(
      { config: t.config, subscribers: t.store.subscribers, clock: fixedClock, logger: quietLogger, env },
      { host: '127.0.0.1', port: 0 },
    );
    cleanups.push(() => server.close());
    const link = (email: string): string =>
      `${server.url}/unsubscribe?t=${encodeURIComponent(signUnsubscribeToken(email, SECRET))}`;
    return { ...t, server, link };
  }

  it('shows a confirmation page to a GET and unsubscribes nobody', async () => {
    const { store, link } = await serve();
    const res = await fetch(link('sub1@example.org'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('sub1@example.org');
    expect(html).toContain('<form method="post">');
    expect(store.subscribers.get('sub1@example.org')?.status).toBe('active');
  });

  it('escapes the address it prints', async () => {
    const { link } = await serve();
    const html = await (await fetch(link("o'brien+<b>@example.org"))).text();
    expect(html).toContain('o&#39;brien+&#60;b&#62;@example.org');
    expect(html).not.toContain('<b>@');
  });

  it('records an RFC 8058 one-click POST and answers 200 without a redirect', async () => {
    const { store, link } = await serve();
    const res = await fetch(link('sub2@example.org'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
      redirect: 'manual',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('location')).toBeNull();
    expect(store.subscribers.get('sub2@example.org')?.status).toBe('unsubscribed');
    expect(store.subscribers.suppression('sub2@example.org')?.reason).toBe('unsubscribed');
    expect([...store.subscribers.active()].map((s) => s.email)).not.toContain('sub2@example.org');
    // Again: still 200, nothing changes.
    expect((await fetch(link('sub2@example.org'), { method: 'POST', body: 'List-Unsubscribe=One-Click' })).status).toBe(
      200,
    );
  });

  it('refuses a tampered or missing token with 400 and changes nothing', async () => {
    const { store, server, link } = await serve();
    const bad = link('sub3@example.org').replace(/.(?=$)/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await fetch(bad, { method: 'POST', body: 'List-Unsubscribe=One-Click' })).status).toBe(400);
    expect((await fetch(`${server.url}/unsubscribe`)).status).toBe(400);
    expect(store.subscribers.get('sub3@example.org')?.status).toBe('active');
    expect((await fetch(link('sub3@example.org'), { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(`${server.url}/elsewhere`)).status).toBe(404);
  });

  it('listens on loopback only by default', async () => {
    const { server } = await serve();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
