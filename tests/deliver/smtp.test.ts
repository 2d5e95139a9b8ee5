import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { simpleParser, type AddressObject } from 'mailparser';
import {
  createTransport,
  deliverIssue,
  sendTest,
  verifyUnsubscribeToken,
  type DeliverDeps,
} from '../../src/deliver/index.js';
import type { BriefingConfig } from '../../src/types.js';
import type { Store } from '../../src/store/index.js';
import {
  NOW,
  SECRET,
  addSubscribers,
  fixedClock,
  headerLine,
  personalize,
  quietLogger,
  renderedIssue,
  smtpDelivery,
  tempSetup,
} from './builders.js';
import { startSmtpServer, type Behaviour, type TestSmtpServer } from './smtp-test-server.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setup(
  behaviour: Behaviour = {},
  smtpOver: Record<string, unknown> = {},
  deliveryOver: Record<string, unknown> = {},
): Promise<{
  server: TestSmtpServer;
  store: Store;
  config: BriefingConfig;
  deps: (env?: NodeJS.ProcessEnv) => DeliverDeps;
}> {
  const server = await startSmtpServer(behaviour);
  cleanups.push(() => server.close());
  const t = tempSetup({ delivery: { ...smtpDelivery(server.port, smtpOver), ...deliveryOver } });
  cleanups.push(t.cleanup);
  const deps = (env: NodeJS.ProcessEnv = {}): DeliverDeps => {
    const transport = createTransport(t.config, env, { backoffMs: 5, maxBackoffMs: 20 });
    cleanups.push(() => transport.close());
    return {
      ledger: t.store.deliveries,
      subscribers: t.store.subscribers,
      transport,
      config: t.config,
      clock: fixedClock,
      logger: quietLogger,
      env,
      secret: SECRET,
      personalize: (r, issue) => personalize(issue, r),
    };
  };
  return { server, store: t.store, config: t.config, deps };
}

function firstAddress(a: AddressObject | AddressObject[] | undefined): { address?: string; name: string } | undefined {
  return (Array.isArray(a) ? a[0] : a)?.value[0];
}

describe('SMTP delivery to a real server', () => {
  it('delivers one message per subscriber that reads back field by field', async () => {
    const { server, store, deps } = await setup();
    addSubscribers(store, 3);
    const summary = await deliverIssue(deps(), renderedIssue());
    expect(summary).toMatchObject({ sent: 3, skipped: 0, failed: 0, uncertain: 0 });
    expect(server.received.map((m) => m.to[0]).sort()).toEqual([
      'sub1@example.org',
      'sub2@example.org',
      'sub3@example.org',
    ]);

    const got = server.received.find((m) => m.to[0] === 'sub2@example.org');
    expect(got?.from).toBe('briefing@example.com');
    const raw = got?.raw ?? Buffer.alloc(0);
    const p = await simpleParser(raw);
    expect(p.subject).toBe('[브리핑] 삼성전자, 차세대 반도체 투자 발표');
    expect(firstAddress(p.from)).toEqual({ address: 'briefing@example.com', name: '테크 브리핑' });
    expect(firstAddress(p.to)).toEqual({ address: 'sub2@example.org', name: '구독자2' });
    expect(p.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(p.text).toContain('구독자2님 안녕하세요.');
    expect(p.html).toContain('구독자2님 안녕하세요.');
    expect(raw.toString('latin1')).toMatch(
      /Content-Type: text\/html; charset=utf-8\r\nContent-Transfer-Encoding: base64/,
    );
    expect(p.messageId).toMatch(/^<2026-11-23\.[0-9a-f]{20}@example\.com>$/);
    expect(p.date?.toISOString()).toBe(NOW.toISOString());

    const list = headerLine(p, 'List-Unsubscribe') ?? '';
    const m =
      /^<(https:\/\/news\.example\.com\/unsubscribe\?t=([^>]+))>, <mailto:briefing@example\.com\?subject=unsubscribe>$/.exec(
        list,
      );
    expect(m, list).not.toBeNull();
    expect(verifyUnsubscribeToken(decodeURIComponent(m?.[2] ?? ''), SECRET)).toBe('sub2@example.org');
    expect(headerLine(p, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(p.html).toContain(m?.[1]?.replace(/&/g, '&amp;') ?? 'missing');

    expect(store.deliveries.counts('2026-11-23')).toMatchObject({ sent: 3, sending: 0, pending: 0 });
    expect(store.deliveries.list('2026-11-23', 'sent')[0]?.messageId).toMatch(/@example\.com>$/);
  });

  it('signs with DKIM covering both list headers when a key is configured', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const { server, store, deps } = await setup(
      {},
      {},
      {
        dkim: { domainName: 'example.com', keySelector: 'news', privateKeyEnv: 'TEST_DKIM_KEY' },
      },
    );
    addSubscribers(store, 1);
    await deliverIssue(deps({ TEST_DKIM_KEY: pem }), renderedIssue());
    const p = await simpleParser(server.received[0]?.raw ?? Buffer.alloc(0));
    const sig = headerLine(p, 'DKIM-Signature') ?? '';
    expect(sig).toMatch(/\bd=example\.com;/);
    expect(sig).toMatch(/\bs=news;/);
    const h = (/\bh=([^;]+);/.exec(sig.replace(/\s+/g, ''))?.[1] ?? '').toLowerCase().split(':');
    expect(h).toEqual(
      expect.arrayContaining([
        'from',
        'to',
        'subject',
        'date',
        'message-id',
        'list-unsubscribe',
        'list-unsubscribe-post',
      ]),
    );
  });

  it('refuses to start when the DKIM key variable is missing', async () => {
    const { deps } = await setup(
      {},
      {},
      { dkim: { domainName: 'example.com', keySelector: 'news', privateKeyEnv: 'NO_SUCH_KEY' } },
    );
    expect(() => deps({})).toThrow(/NO_SUCH_KEY.*is not set/);
  });

  it('retries a recipient refused with 4xx and delivers it once', async () => {
    const { server, store, deps } = await setup({
      rcpt: (addr, n) =>
        addr === 'sub1@example.org' && n === 1 ? { code: 450, message: '4.2.1 mailbox busy, try later' } : undefined,
      data: (msg, n) =>
        msg.to[0] === 'sub2@example.org' && n === 1
          ? { code: 451, message: '4.3.0 temporary local problem' }
          : undefined,
    });
    addSubscribers(store, 3);
    const summary = await deliverIssue(deps(), renderedIssue());
    expect(summary).toMatchObject({ sent: 3, failed: 0 });
    expect(server.rcptAttempts.get('sub1@example.org')).toBe(2);
    expect(server.received.filter((m) => m.to[0] === 'sub1@example.org')).toHaveLength(1);
    expect(server.received.filter((m) => m.to[0] === 'sub2@example.org')).toHaveLength(1);
  });

  it('records a 5xx refusal per recipient, suppresses a hard bounce and never sends to it again', async () => {
    const { server, store, deps } = await setup({
      rcpt: (addr) => (addr === 'sub2@example.org' ? { code: 550, message: '5.1.1 no such user' } : undefined),
      data: (msg) => (msg.to[0] === 'sub3@example.org' ? { code: 554, message: '5.7.1 message refused' } : undefined),
    });
    addSubscribers(store, 4);
    const summary = await deliverIssue(deps(), renderedIssue());
    expect(summary).toMatchObject({ sent: 2, failed: 2, uncertain: 0 });
    const failed = store.deliveries.list('2026-11-23', 'failed');
    expect(failed.map((r) => [r.email, r.error?.slice(0, 12)])).toEqual([
      ['sub2@example.org', 'RCPT TO: 550'],
      ['sub3@example.org', 'DATA: 554 5.'],
    ]);
    expect(server.rcptAttempts.get('sub2@example.org')).toBe(1); // permanent: not retried
    expect(store.subscribers.suppression('sub2@example.org')?.reason).toBe('bounced');
    expect(store.subscribers.suppression('sub3@example.org')).toBeUndefined(); // a policy refusal is not a bounce

    const before = server.received.length;
    const again = await deliverIssue(deps(), renderedIssue({ issueId: '2026-11-30' }));
    expect(again.sent).toBe(2);
    expect(server.received.slice(before).map((m) => m.to[0])).not.toContain('sub2@example.org');
  });

  it('leaves a recipient pending after retries run out and sends it on the next run', async () => {
    let refuse = true;
    const { server, store, deps } = await setup({
      rcpt: (addr) =>
        refuse && addr === 'sub1@example.org' ? { code: 421, message: '4.7.0 try again later' } : undefined,
    });
    addSubscribers(store, 2);
    const first = await deliverIssue(deps(), renderedIssue());
    expect(first).toMatchObject({ sent: 1, failed: 1 });
    expect(server.rcptAttempts.get('sub1@example.org')).toBe(3); // 1 + 2 retries
    expect(store.deliveries.list('2026-11-23', 'pending').map((r) => r.email)).toEqual(['sub1@example.org']);
    refuse = false;
    const second = await deliverIssue(deps(), renderedIssue());
    expect(second).toMatchObject({ sent: 1, skipped: 1, failed: 0 });
    expect(server.received.filter((m) => m.to[0] === 'sub1@example.org')).toHaveLength(1);
  });

  it('records each phase of a delivery as it goes, the dot before the server has the message', async () => {
    const { server, store, deps } = await setup({}, { maxConnections: 1 });
    addSubscribers(store, 2);
    const d = deps();
    const seen: string[] = [];
    const ledger = d.ledger;
    const recording: typeof ledger = Object.assign(Object.create(ledger) as typeof ledger, {
      phase: (issueId: string, id: number, phase: 'claimed' | 'connected' | 'data' | 'dot') => {
        ledger.phase(issueId, id, phase);
        const row = store.deliveries.list(issueId, 'sending').find((r) => r.subscriberId === id);
        seen.push(`${id}:${phase}:${row?.phase}:${server.received.length}`);
      },
    });
    await deliverIssue({ ...d, ledger: recording }, renderedIssue());
    // Each phase is in the store when reported; at 'dot' the server does not have the message yet.
    expect(seen).toEqual([
      '1:connected:connected:0',
      '1:data:data:0',
      '1:dot:dot:0',
      '2:connected:connected:1',
      '2:data:data:1',
      '2:dot:dot:1',
    ]);
    expect(store.deliveries.list('2026-11-23', 'sent').map((r) => r.phase)).toEqual(['dot', 'dot']);
  });

  it('sends a message again when the connection breaks while its data is still being written', async () => {
    const { server, store, deps } = await setup(
      { dataStart: (to, n) => (to[0] === 'sub2@example.org' && n === 1 ? 'drop' : undefined) },
      { maxConnections: 1, retries: 0 },
    );
    addSubscribers(store, 3);
    // A long message (some 6 MB, more than loopback's socket buffers take while the server does not
    // read): the connection breaks while the rest of it is still to be written.
    const long = (r: { name?: string | undefined }): { html: string; text: string } => ({
      html: `<p>${r.name ?? ''}</p>${'<p>반도체 수출이 석 달 연속 늘었다.</p>'.repeat(90_000)}`,
      text: '반도체 수출이 석 달 연속 늘었다.',
    });
    const first = await deliverIssue({ ...deps(), personalize: long }, renderedIssue());
    // No final dot was written, so the server cannot have it: pending for the next send, never uncertain.
    expect(first).toMatchObject({ sent: 2, failed: 1, uncertain: 0 });
    const row = store.deliveries.list('2026-11-23', 'pending')[0];
    expect(row).toMatchObject({ email: 'sub2@example.org', phase: 'data' });
    expect(server.received.filter((m) => m.to[0] === 'sub2@example.org')).toHaveLength(0);

    const second = await deliverIssue({ ...deps(), personalize: long }, renderedIssue());
    expect(second).toMatchObject({ sent: 1, skipped: 2, uncertain: 0 });
    expect(server.received.filter((m) => m.to[0] === 'sub2@example.org')).toHaveLength(1);
  });

  it('marks a message uncertain when the connection breaks after its final dot, and resends only on request', async () => {
    const { server, store, deps } = await setup(
      { data: (msg, n) => (msg.to[0] === 'sub2@example.org' && n === 1 ? 'drop' : undefined) },
      { maxConnections: 1 },
    );
    addSubscribers(store, 3);
    const first = await deliverIssue(deps(), renderedIssue());
    expect(first).toMatchObject({ sent: 2, failed: 0, uncertain: 1 });
    expect(store.deliveries.list('2026-11-23', 'uncertain').map((r) => [r.email, r.phase])).toEqual([
      ['sub2@example.org', 'dot'],
    ]);

    const second = await deliverIssue(deps(), renderedIssue());
    expect(second).toMatchObject({ sent: 0, skipped: 2, uncertain: 1 });
    expect(server.received.filter((m) => m.to[0] === 'sub2@example.org')).toHaveLength(1);

    const third = await deliverIssue(deps(), renderedIssue(), { retryUncertain: true });
    expect(third).toMatchObject({ sent: 1, skipped: 2, uncertain: 0, released: 1 });
    expect(server.received.filter((m) => m.to[0] === 'sub2@example.org')).toHaveLength(2); // the documented cost of the flag
  });

  it('sends nothing at all for an issue already fully sent', async () => {
    const { server, store, deps } = await setup();
    addSubscribers(store, 3);
    await deliverIssue(deps(), renderedIssue());
    const ledgerBefore = store.deliveries.list('2026-11-23', 'sent');
    const again = await deliverIssue(deps(), renderedIssue());
    expect(again).toMatchObject({ sent: 0, skipped: 3, failed: 0, uncertain: 0 });
    expect(server.received).toHaveLength(3);
    expect(store.deliveries.list('2026-11-23', 'sent')).toEqual(ledgerBefore);
  });

  it('stops the run on an authentication failure, leaving everyone pending and nobody failed', async () => {
    const { server, store, deps } = await setup(
      { auth: { user: 'news', pass: 'right' } },
      { user: 'news', passwordEnv: 'TEST_SMTP_PASS' },
    );
    addSubscribers(store, 3);
    await expect(deliverIssue(deps({ TEST_SMTP_PASS: 'wrong' }), renderedIssue())).rejects.toThrow(/535/);
    expect(server.received).toHaveLength(0);
    expect(store.deliveries.counts('2026-11-23')).toMatchObject({ sent: 0, failed: 0, sending: 0 });
    const ok = await deliverIssue(deps({ TEST_SMTP_PASS: 'right' }), renderedIssue());
    expect(ok.sent).toBe(3);
  });

  it('takes the SMTP password only from the environment variable the config names', async () => {
    const { deps } = await setup({}, { user: 'news', passwordEnv: 'TEST_SMTP_PASS' });
    expect(() => deps({})).toThrow(/TEST_SMTP_PASS.*is not set/);
  });

  it('sends a test copy to any address outside the ledger', async () => {
    const { server, store, deps } = await setup();
    const res = await sendTest(deps(), renderedIssue(), 'Editor@Example.NET');
    expect(res.messageId).toMatch(/^<test\./);
    expect(server.received.map((m) => m.to)).toEqual([['editor@example.net']]);
    expect(store.deliveries.counts('2026-11-23').sent).toBe(0);
    await expect(sendTest(deps(), renderedIssue(), 'not an address')).rejects.toThrow(/not an e-mail address/);
  });
  it('keeps to the configured rate limit across connections', async () => {
    const { server, store, deps } = await setup({}, { rateLimit: 20, maxConnections: 3 });
    addSubscribers(store, 6);
    const started = performance.now();
    await deliverIssue(deps(), renderedIssue());
    // Six starts at 20 per second are spread over at least 5 × 50 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    expect(server.received).toHaveLength(6);
  });

  it("hands each subscriber's interests to personalization", async () => {
    const { store, deps } = await setup();
    store.subscribers.upsertMany(
      [{ email: 'ai@example.org', interests: ['AI', '반도체'] }, { email: 'all@example.org' }],
      NOW,
    );
    const seen: Array<[string, string[] | undefined]> = [];
    const d = deps();
    await deliverIssue(
      { ...d, personalize: (r, issue) => (seen.push([r.email, r.interests]), personalize(issue, r)) },
      renderedIssue(),
    );
    expect(seen.sort()).toEqual([
      ['ai@example.org', ['AI', '반도체']],
      ['all@example.org', undefined],
    ]);
  });
});
