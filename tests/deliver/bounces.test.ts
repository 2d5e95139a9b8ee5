import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MaildirMailbox,
  createTransport,
  deliverIssue,
  parseVerpAddress,
  processBounces,
  type BounceDeps,
} from '../../src/deliver/index.js';
import type { Store } from '../../src/store/index.js';
import { BOUNCE_SUBSCRIBERS, ISSUE, RETURN_PATH, bounceSamples, seedBounceStore } from './bounce-fixtures.js';
import {
  NOW,
  SECRET,
  addSubscribers,
  fixedClock,
  personalize,
  quietLogger,
  renderedIssue,
  smtpDelivery,
  tempSetup,
} from './builders.js';
import { startSmtpServer } from './smtp-test-server.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function maildir(root: string, messages: Array<{ name: string; raw: Buffer }>): string {
  const dir = join(root, 'Maildir');
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(dir, sub), { recursive: true });
  messages.forEach((m, i) => writeFileSync(join(dir, 'new', `1763877727.M${i}P4242.mx.briefing.example.com`), m.raw));
  return dir;
}

function deps(store: Store, dir: string, over: Partial<BounceDeps> = {}): BounceDeps {
  return {
    mailbox: new MaildirMailbox(dir, 'processed'),
    book: store.bounces,
    subscribers: store.subscribers,
    returnPath: RETURN_PATH,
    secret: SECRET,
    softBounceLimit: 3,
    clock: fixedClock,
    logger: quietLogger,
    ...over,
  };
}

describe('bounces and complaints from a Maildir', () => {
  it('suppresses hard bounces and complaints, counts soft ones, keeps what it cannot read, and counts nothing twice', async () => {
    const t = tempSetup();
    cleanups.push(t.cleanup);
    seedBounceStore(t.store);
    const dir = maildir(t.dir, bounceSamples());

    const first = await processBounces(deps(t.store, dir));
    console.log(`bounces (Maildir, ${bounceSamples().length} samples): ${JSON.stringify(first)}`);
    expect(first).toMatchObject({ processed: 7, hard: 3, soft: 2, complaints: 2, unparsed: 2 });
    expect([...first.suppressed].sort((a, b) => a.email.localeCompare(b.email))).toEqual([
      { email: 'haneul.song@yahoo.com', reason: 'complained', issue: ISSUE },
      { email: 'hyunwoo_choi@hotmail.com', reason: 'bounced', issue: ISSUE },
      { email: 'jhyun@corp.hanbit-media.co.kr', reason: 'bounced', issue: ISSUE },
      { email: 'jiwoo.park.news@gmail.com', reason: 'bounced', issue: ISSUE },
      { email: 'juno.bae@outlook.com', reason: 'complained', issue: ISSUE },
    ]);
    // Why and when, for `subscribers list --suppressed`.
    expect(t.store.subscribers.suppression('hyunwoo_choi@hotmail.com')).toMatchObject({
      reason: 'bounced',
      at: NOW.toISOString(),
      issueId: ISSUE,
      detail: expect.stringContaining('5.1.10 RESOLVER.ADR.RecipientNotFound'),
    });
    expect(t.store.subscribers.get('hyunwoo_choi@hotmail.com')?.status).toBe('bounced');
    expect(t.store.subscribers.get('minseo.han@gmail.com')?.status).toBe('active');
    const active = [...t.store.subscribers.active()].map((s) => s.email);
    expect(active).toEqual(BOUNCE_SUBSCRIBERS.filter((_, i) => [3, 4, 7].includes(i)));

    // Processed messages moved to the Maildir++ folder .processed, seen; the two unread ones stay in new/.
    expect(readdirSync(join(dir, '.processed', 'cur'))).toHaveLength(7);
    expect(readdirSync(join(dir, '.processed', 'cur')).every((f) => f.endsWith(':2,S'))).toBe(true);
    expect(readdirSync(join(dir, 'new'))).toHaveLength(2);
    expect(existsSync(join(dir, '.processed', 'maildirfolder'))).toBe(true);

    const again = await processBounces(deps(t.store, dir));
    expect(again).toEqual({ processed: 0, hard: 0, soft: 0, complaints: 0, unparsed: 2, suppressed: [] });
    expect(t.store.bounces.counts()).toEqual({ hard: 3, soft: 2, complaint: 2 });
  });

  it('does not count a report twice when a run stopped after recording it but before moving it', async () => {
    const t = tempSetup();
    cleanups.push(t.cleanup);
    seedBounceStore(t.store);
    const sample = bounceSamples().filter((s) => s.name === 'gmail-soft-4.2.2.eml');
    const dir = maildir(t.dir, sample);
    const failing = new MaildirMailbox(dir, 'processed');
    failing.processed = async () => {
      throw new Error('disk full');
    };
    await expect(processBounces(deps(t.store, dir, { mailbox: failing }))).rejects.toThrow('disk full');
    const rerun = await processBounces(deps(t.store, dir));
    expect(rerun).toMatchObject({ processed: 1, soft: 0 });
    expect(t.store.bounces.counts().soft).toBe(1);
  });

  it('suppresses an address after soft bounces on three issues in a row, and not when an issue between went through', async () => {
    const t = tempSetup();
    cleanups.push(t.cleanup);
    const gmail =
      bounceSamples()
        .find((s) => s.name === 'gmail-soft-4.2.2.eml')
        ?.raw.toString('utf8') ?? '';
    // The same Gmail over-quota report for three issues, as Gmail would send it for each.
    const forIssue = (issueId: string, n: number): { name: string; raw: Buffer } => ({
      name: `soft-${issueId}`,
      raw: Buffer.from(
        gmail
          .replaceAll('bounce+2026-11-23.5.ce655db34131@briefing.example.com', 'bounce@briefing.example.com')
          .replaceAll('2026-11-23.b510a822e280801aef10', `${issueId}.b510a822e280801aef10`)
          .replace('<6741a2c4.170a0220.2b9e5f.41c7SMTPIN_ADDED_MISSING@mx.google.com>', `<soft-${n}@mx.google.com>`),
      ),
    });
    const issues = ['2026-11-09', '2026-11-16', '2026-11-23'];
    for (const [i, issue] of issues.entries()) {
      seedBounceStore(t.store, issue);
      t.store.db
        .prepare('UPDATE deliveries SET finished_at = ? WHERE issue_id = ?')
        .run(`2026-11-${10 + i}T00:00:00Z`, issue);
    }
    const dir = maildir(t.dir, [forIssue('2026-11-09', 1), forIssue('2026-11-16', 2)]);
    const two = await processBounces(deps(t.store, dir));
    expect(two).toMatchObject({ soft: 2, suppressed: [] });
    writeFileSync(join(dir, 'new', 'third'), forIssue('2026-11-23', 3).raw);
    const three = await processBounces(deps(t.store, dir));
    expect(three.suppressed).toEqual([{ email: 'minseo.han@gmail.com', reason: 'bounced', issue: '2026-11-23' }]);
    expect(t.store.subscribers.suppression('minseo.han@gmail.com')?.detail).toMatch(/^3 soft bounces in a row/);

    // Another address: soft, then an issue without a bounce, then soft again: no streak of three.
    const t2 = tempSetup();
    cleanups.push(t2.cleanup);
    for (const [i, issue] of [...issues, '2026-11-30'].entries()) {
      seedBounceStore(t2.store, issue);
      t2.store.db
        .prepare('UPDATE deliveries SET finished_at = ? WHERE issue_id = ?')
        .run(`2026-11-${10 + i}T00:00:00Z`, issue);
    }
    const dir2 = maildir(t2.dir, [forIssue('2026-11-09', 1), forIssue('2026-11-23', 2), forIssue('2026-11-30', 3)]);
    const gap = await processBounces(deps(t2.store, dir2));
    expect(gap).toMatchObject({ soft: 3, suppressed: [] });
  });

  it('keeps a report about an address that is not ours, and one with a forged VERP address', async () => {
    const t = tempSetup();
    cleanups.push(t.cleanup);
    seedBounceStore(t.store);
    const gmail =
      bounceSamples()
        .find((s) => s.name === 'gmail-hard-5.1.1.eml')
        ?.raw.toString('utf8') ?? '';
    const forged = gmail.replaceAll('bounce+2026-11-23.1.7d84ce9e0421', 'bounce+2026-11-23.1.000000000000');
    const stranger = forged
      .replaceAll('jiwoo.park.news@gmail.com', 'stranger@gmail.com')
      .replaceAll('<2026-11-23.3d66d6a989443d528568@', '<unknown@');
    const dir = maildir(t.dir, [{ name: 'forged', raw: Buffer.from(stranger) }]);
    const r = await processBounces(deps(t.store, dir));
    expect(r).toMatchObject({ processed: 0, hard: 0, unparsed: 1, suppressed: [] });
    expect(t.store.subscribers.suppressions()).toEqual([]);
  });
});

describe('the envelope sender of each delivery', () => {
  it('is a VERP address of delivery.returnPath that names the subscriber and the issue', async () => {
    const server = await startSmtpServer();
    cleanups.push(() => server.close());
    const t = tempSetup({ delivery: { ...smtpDelivery(server.port), returnPath: RETURN_PATH } });
    cleanups.push(t.cleanup);
    addSubscribers(t.store, 3);
    const transport = createTransport(t.config, {}, { backoffMs: 5 });
    cleanups.push(() => transport.close());
    await deliverIssue(
      {
        ledger: t.store.deliveries,
        subscribers: t.store.subscribers,
        transport,
        config: t.config,
        clock: fixedClock,
        logger: quietLogger,
        secret: SECRET,
        personalize: (r, issue) => personalize(issue, r),
      },
      renderedIssue(),
    );
    const named = server.received.map((m) => [m.to[0], parseVerpAddress(m.from, RETURN_PATH, SECRET)]);
    expect(named.sort()).toEqual([
      ['sub1@example.org', { issueId: ISSUE, subscriberId: 1 }],
      ['sub2@example.org', { issueId: ISSUE, subscriberId: 2 }],
      ['sub3@example.org', { issueId: ISSUE, subscriberId: 3 }],
    ]);
    // The From header stays the newsletter's.
    expect(server.received[0]?.raw.toString('utf8')).toMatch(/^From: .*briefing@example\.com/m);
  });
});
