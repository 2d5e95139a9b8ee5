import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { simpleParser } from 'mailparser';
import { createTransport, deliverIssue, emlFileName, sendTest, type DeliverDeps } from '../../src/deliver/index.js';
import {
  SECRET,
  addSubscribers,
  fixedClock,
  headerLine,
  personalize,
  quietLogger,
  renderedIssue,
  tempSetup,
} from './builders.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function setup(): ReturnType<typeof tempSetup> & { deps: DeliverDeps } {
  const t = tempSetup();
  cleanups.push(t.cleanup);
  const transport = createTransport(t.config, {});
  return {
    ...t,
    deps: {
      ledger: t.store.deliveries,
      subscribers: t.store.subscribers,
      transport,
      config: t.config,
      clock: fixedClock,
      logger: quietLogger,
      secret: SECRET,
      personalize: (r, issue) => personalize(issue, r),
    },
  };
}

describe('the outbox transport', () => {
  it('writes one .eml per recipient under outbox/<issue>/recipients and records each in the ledger', async () => {
    const { config, store, deps } = setup();
    addSubscribers(store, 3);
    const summary = await deliverIssue(deps, renderedIssue());
    expect(summary).toMatchObject({ sent: 3, skipped: 0, failed: 0, uncertain: 0 });
    const dir = join(config.paths.outbox, '2026-11-23', 'recipients');
    expect(readdirSync(dir).sort()).toEqual(['sub1@example.org.eml', 'sub2@example.org.eml', 'sub3@example.org.eml']);
    const p = await simpleParser(readFileSync(join(dir, 'sub3@example.org.eml')));
    expect(p.subject).toBe('[브리핑] 삼성전자, 차세대 반도체 투자 발표');
    expect(p.text).toContain('구독자3님');
    expect(headerLine(p, 'List-Unsubscribe')).toMatch(/^<https:\/\/news\.example\.com\/unsubscribe\?t=/);
    expect(store.deliveries.counts('2026-11-23').sent).toBe(3);
  });

  it('does nothing when the issue was already sent to everyone', async () => {
    const { config, store, deps } = setup();
    addSubscribers(store, 2);
    await deliverIssue(deps, renderedIssue());
    const file = join(config.paths.outbox, '2026-11-23', 'recipients', 'sub1@example.org.eml');
    const before = statSync(file).mtimeMs;
    const again = await deliverIssue(deps, renderedIssue());
    expect(again).toMatchObject({ sent: 0, skipped: 2 });
    expect(statSync(file).mtimeMs).toBe(before);
  });

  it('sends to a subscriber added after the issue went out, and to nobody else', async () => {
    const { config, store, deps } = setup();
    addSubscribers(store, 2);
    await deliverIssue(deps, renderedIssue());
    addSubscribers(store, 1, 3);
    const again = await deliverIssue(deps, renderedIssue());
    expect(again).toMatchObject({ sent: 1, skipped: 2 });
    expect(readdirSync(join(config.paths.outbox, '2026-11-23', 'recipients'))).toHaveLength(3);
  });

  it('files a test send apart from the recipients', async () => {
    const { config, deps } = setup();
    await sendTest(deps, renderedIssue(), 'editor@example.net');
    expect(readdirSync(join(config.paths.outbox, '2026-11-23', 'test'))).toEqual(['editor@example.net.eml']);
  });

  it('gives distinct file names to addresses that differ only in unsafe characters', () => {
    expect(emlFileName('a/b@example.org')).not.toBe(emlFileName('a_b@example.org'));
    expect(emlFileName('../../etc@example.org')).not.toContain('/');
  });
});

describe('a failure outside the transport', () => {
  it('stops the run, keeps what was recorded, and leaves nobody claimed', async () => {
    const t = tempSetup();
    cleanups.push(t.cleanup);
    addSubscribers(t.store, 4);
    let n = 0;
    const deps: DeliverDeps = {
      ledger: t.store.deliveries,
      subscribers: t.store.subscribers,
      transport: createTransport(t.config, {}),
      config: t.config,
      clock: fixedClock,
      logger: quietLogger,
      secret: SECRET,
      personalize: (r, issue) => {
        if (++n === 3) throw new Error('template placeholder missing');
        return personalize(issue, r);
      },
    };
    await expect(deliverIssue(deps, renderedIssue())).rejects.toThrow('template placeholder missing');
    expect(t.store.deliveries.counts('2026-11-23')).toMatchObject({ sent: 2, sending: 0 });
    deps.personalize = (r, issue) => personalize(issue, r);
    expect(await deliverIssue(deps, renderedIssue())).toMatchObject({ sent: 2, skipped: 2, uncertain: 0 });
  });
});
