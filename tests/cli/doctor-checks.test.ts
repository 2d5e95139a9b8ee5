import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  baseUrlCheck,
  credentialsCheck,
  dataWritableCheck,
  deliveriesCheck,
  dkimCheck,
  smtpCheck,
} from '../../src/cli/doctor-checks.js';
import { resolveConfig } from '../../src/config/index.js';
import { Store } from '../../src/store/index.js';
import type { BriefingConfig } from '../../src/types.js';
import { startSmtpServer, type TestSmtpServer } from '../deliver/smtp-test-server.js';

const BASE = mkdtempSync(join(tmpdir(), 'briefing-doctor-'));

function config(delivery: Record<string, unknown>, newsletter: Record<string, unknown> = {}): BriefingConfig {
  return resolveConfig(
    {
      newsletter: { title: '테크 브리핑', ...newsletter },
      sources: [{ name: '테크데일리', url: 'https://news.example.kr/rss.xml' }],
      delivery: { from: '테크 브리핑 <briefing@news.example.kr>', ...delivery },
    },
    BASE,
  );
}

let smtp: TestSmtpServer;
let silent: Server;
let silentPort = 0;
let closedPort = 0;
beforeAll(async () => {
  smtp = await startSmtpServer();
  // Accepts the connection and never says a word.
  silent = createServer(() => {});
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  silentPort = (silent.address() as { port: number }).port;
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedPort = (probe.address() as { port: number }).port;
  await new Promise<void>((r) => probe.close(() => r()));
});
afterAll(async () => {
  await smtp.close();
  silent.close();
});

describe('doctor: SMTP reachable', () => {
  it('passes when the server greets and answers EHLO', async () => {
    const c = await smtpCheck(config({ transport: 'smtp', smtp: { host: '127.0.0.1', port: smtp.port } }));
    expect(c).toMatchObject({ name: 'smtp', level: 'ok' });
    expect(c?.detail).toMatch(new RegExp(`^127\\.0\\.0\\.1:${smtp.port} answered EHLO in \\d+ ms`));
  });

  it('fails on a refused connection and on a server that never greets, within the timeout', async () => {
    const refused = await smtpCheck(config({ transport: 'smtp', smtp: { host: '127.0.0.1', port: closedPort } }));
    expect(refused).toMatchObject({ level: 'fail' });
    expect(refused?.detail).toMatch(
      new RegExp(`^127\\.0\\.0\\.1:${closedPort}: connection refused — check delivery\\.smtp\\.host`),
    );
    const t0 = Date.now();
    const mute = await smtpCheck(config({ transport: 'smtp', smtp: { host: '127.0.0.1', port: silentPort } }), 300);
    expect(mute?.detail).toMatch(/: no answer within 0\.3 s — /);
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('is not run for the outbox transport', async () => {
    expect(await smtpCheck(config({ transport: 'outbox' }))).toBeUndefined();
  });
});

describe('doctor: credentials', () => {
  const withUser = () =>
    config({ transport: 'smtp', smtp: { host: 'smtp.example.kr', user: 'briefing', passwordEnv: 'BRIEFING_SMTP_PW' } });
  it('passes when the password variable is set', () => {
    expect(credentialsCheck(withUser(), { BRIEFING_SMTP_PW: 's3cret' })).toMatchObject({ level: 'ok' });
  });
  it('fails naming the variable to export when it is not', () => {
    expect(credentialsCheck(withUser(), {})).toEqual({
      name: 'login',
      level: 'fail',
      detail:
        'BRIEFING_SMTP_PW is not set (delivery.smtp.passwordEnv) — export BRIEFING_SMTP_PW=… in the environment the service runs in',
    });
  });
});

describe('doctor: DKIM key', () => {
  const pem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
  const dkim = (domainName = 'news.example.kr', keySelector = 'brief2026') =>
    config({ transport: 'outbox', dkim: { domainName, keySelector, privateKeyEnv: 'DKIM_KEY' } });
  it('passes for a readable private key signing for the From domain', () => {
    expect(dkimCheck(dkim(), { DKIM_KEY: String(pem) })).toMatchObject({
      level: 'ok',
      detail: 'rsa key, selector brief2026._domainkey.news.example.kr',
    });
  });
  it('fails for an unset variable, a broken key, a bad selector and another domain', () => {
    expect(dkimCheck(dkim(), {})?.detail).toMatch(/^DKIM_KEY is not set/);
    expect(
      dkimCheck(dkim(), { DKIM_KEY: '-----BEGIN PRIVATE KEY-----\nMIIBVQIBADAN\n-----END PRIVATE KEY-----' })?.detail,
    ).toMatch(/^DKIM_KEY holds no readable private key/);
    expect(dkimCheck(dkim('news.example.kr', 'brief_2026'), { DKIM_KEY: String(pem) })?.detail).toMatch(
      /keySelector "brief_2026" is not a DNS label/,
    );
    expect(dkimCheck(dkim('mail.other.kr'), { DKIM_KEY: String(pem) })?.detail).toMatch(
      /domainName mail\.other\.kr does not match the From domain news\.example\.kr/,
    );
  });
});

describe('doctor: baseUrl with SMTP', () => {
  it('fails without it, passes with it, and is not asked of the outbox', () => {
    const smtpCfg = { transport: 'smtp', smtp: { host: 'smtp.example.kr' } };
    expect(baseUrlCheck(config(smtpCfg))?.detail).toMatch(/^newsletter\.baseUrl is not set, .*Gmail and Yahoo/);
    expect(baseUrlCheck(config(smtpCfg, { baseUrl: 'https://news.example.kr' }))).toMatchObject({ level: 'ok' });
    expect(baseUrlCheck(config({ transport: 'outbox' }))).toBeUndefined();
  });
});

describe('doctor: deliveries of recent issues', () => {
  it('names uncertain and refused deliveries with the command that resolves them', () => {
    const store = Store.open(mkdtempSync(join(tmpdir(), 'briefing-doctor-store-')));
    try {
      expect(deliveriesCheck(store)).toMatchObject({ level: 'ok' });
      store.issues.record(
        {
          id: '2026-11-23',
          createdAt: '2026-11-22T22:00:00.000Z',
          asOf: '2026-11-22T22:00:00.000Z',
          title: '브리핑',
          dir: '/tmp/x',
          itemWatermark: 0,
        },
        [],
      );
      const at = new Date('2026-11-22T22:01:00Z');
      const emails = ['minji.kim@example.kr', 'junho.lee@example.kr', 'gone@example.kr'];
      store.subscribers.upsertMany(
        emails.map((email) => ({ email, confirmed: 'now' as const })),
        at,
      );
      const subs = emails.map((email) => ({ id: store.subscribers.get(email)?.id ?? 0, email }));
      for (const s of subs) store.deliveries.claim('2026-11-23', s, at);
      store.deliveries.markSent('2026-11-23', subs[0]?.id ?? 0, '<a@x>', at);
      store.deliveries.markUncertain('2026-11-23', subs[1]?.id ?? 0, 'connection lost after DATA', at);
      store.deliveries.markFailed('2026-11-23', subs[2]?.id ?? 0, '550 5.1.1 mailbox unavailable', at);
      const c = deliveriesCheck(store);
      expect(c.level).toBe('fail');
      expect(c.detail).toContain('2026-11-23: 1 uncertain delivery (');
      expect(c.detail).toContain('briefing send --issue 2026-11-23 --retry-uncertain');
      expect(c.detail).toContain('1 delivery refused for good (gone@example.kr;');
    } finally {
      store.close();
    }
  });
});

describe('doctor: data folder writable', () => {
  it('passes for a folder to be made in a writable one, fails under a file', () => {
    expect(dataWritableCheck(join(BASE, 'data'))).toMatchObject({ level: 'ok' });
    const file = join(BASE, 'not-a-folder');
    writeFileSync(file, '');
    expect(dataWritableCheck(join(file, 'data'))?.detail).toBe(
      `${file} is a file, not a folder, so ${join(file, 'data')} cannot be made there — set paths.data or pass --data-dir`,
    );
  });
});
