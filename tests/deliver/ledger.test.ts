import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryLedger, SubscriberSource } from '../../src/deliver/index.js';
import { NOW, addSubscribers, tempSetup } from './builders.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function setup(): ReturnType<typeof tempSetup> {
  const t = tempSetup();
  cleanups.push(t.cleanup);
  return t;
}

describe('the delivery ledger in the store', () => {
  it('implements the interfaces deliver declares', () => {
    const { store } = setup();
    const ledger: DeliveryLedger = store.deliveries;
    const source: SubscriberSource = store.subscribers;
    expect(ledger).toBeDefined();
    expect(source).toBeDefined();
  });

  it('claims a row once: a second claim of the same (issue, subscriber) is refused', () => {
    const { store } = setup();
    const l = store.deliveries;
    expect(l.claim('i1', { id: 1, email: 'a@example.org' }, NOW)).toBe(true);
    expect(l.claim('i1', { id: 1, email: 'a@example.org' }, NOW)).toBe(false);
    expect(l.claim('i2', { id: 1, email: 'a@example.org' }, NOW)).toBe(true); // another issue is another row
    l.markSent('i1', 1, '<m1@example.com>', NOW);
    expect(l.claim('i1', { id: 1, email: 'a@example.org' }, NOW)).toBe(false);
    expect(l.list('i1', 'sent')).toEqual([
      expect.objectContaining({ subscriberId: 1, email: 'a@example.org', attempts: 1, messageId: '<m1@example.com>' }),
    ]);
  });

  it('commits a mark and the next claim together, or neither when the transaction fails', () => {
    const { store } = setup();
    const l = store.deliveries;
    l.claim('i1', { id: 1, email: 'a@example.org' }, NOW);
    const claimed = l.atomically(() => {
      l.markSent('i1', 1, '<m1@x>', NOW);
      return l.claim('i1', { id: 2, email: 'b@example.org' }, NOW);
    });
    expect(claimed).toBe(true);
    expect(l.counts('i1')).toMatchObject({ sent: 1, sending: 1 });
    expect(() =>
      l.atomically(() => {
        l.markSent('i1', 2, '<m2@x>', NOW);
        l.claim('i1', { id: 3, email: 'c@example.org' }, NOW);
        throw new Error('store failed');
      }),
    ).toThrow('store failed');
    expect(l.statuses('i1', [1, 2, 3])).toEqual(
      new Map([
        [1, 'sent'],
        [2, 'sending'],
      ]),
    );
  });

  it('lets a row marked pending again be claimed again, counting attempts', () => {
    const { store } = setup();
    const l = store.deliveries;
    l.claim('i1', { id: 7, email: 'a@example.org' }, NOW);
    l.markPending('i1', 7, '421 try later', NOW);
    expect(l.statuses('i1', [7]).get(7)).toBe('pending');
    expect(l.claim('i1', { id: 7, email: 'a@example.org' }, NOW)).toBe(true);
    expect(l.list('i1', 'sending')[0]?.attempts).toBe(2);
  });

  it('turns rows left sending after their final dot into uncertain on recovery and back to pending only when released', () => {
    const { store } = setup();
    const l = store.deliveries;
    l.claim('i1', { id: 1, email: 'a@example.org' }, NOW);
    l.phase('i1', 1, 'dot');
    l.claim('i1', { id: 2, email: 'b@example.org' }, NOW);
    l.markSent('i1', 2, '<m@x>', NOW);
    expect(l.recover('i1', NOW)).toEqual({ uncertain: 1, resumed: 0 });
    expect(l.counts('i1')).toEqual({ pending: 0, sending: 0, sent: 1, failed: 0, uncertain: 1 });
    expect(l.claim('i1', { id: 1, email: 'a@example.org' }, NOW)).toBe(false);
    expect(l.releaseUncertain('i1')).toBe(1);
    expect(l.claim('i1', { id: 1, email: 'a@example.org' }, NOW)).toBe(true);
  });

  it('puts rows left sending before their final dot back to pending, whatever phase they reached', () => {
    const { store } = setup();
    const l = store.deliveries;
    l.claim('i1', { id: 1, email: 'a@example.org' }, NOW); // never connected
    l.claim('i1', { id: 2, email: 'b@example.org' }, NOW);
    l.phase('i1', 2, 'connected'); // before DATA
    l.claim('i1', { id: 3, email: 'c@example.org' }, NOW);
    l.phase('i1', 3, 'connected');
    l.phase('i1', 3, 'data'); // data being written
    l.claim('i1', { id: 4, email: 'd@example.org' }, NOW);
    l.phase('i1', 4, 'data');
    l.phase('i1', 4, 'dot'); // final dot written, no answer
    expect(l.recover('i1', NOW)).toEqual({ uncertain: 1, resumed: 3 });
    expect(l.list('i1', 'pending').map((r) => [r.email, r.phase])).toEqual([
      ['a@example.org', 'claimed'],
      ['b@example.org', 'connected'],
      ['c@example.org', 'data'],
    ]);
    expect(l.list('i1', 'pending')[2]?.error).toContain('(data)');
    expect(l.list('i1', 'uncertain').map((r) => [r.email, r.phase])).toEqual([['d@example.org', 'dot']]);
    // A resumed row is claimed again from the start; a phase never moves a finished row.
    expect(l.claim('i1', { id: 3, email: 'c@example.org' }, NOW)).toBe(true);
    expect(l.list('i1', 'sending')[0]?.phase).toBe('claimed');
    l.phase('i1', 4, 'claimed');
    expect(l.list('i1', 'uncertain')[0]?.phase).toBe('dot');
  });

  it('treats a row left sending without a phase (recorded before phases existed) as uncertain', () => {
    const { store } = setup();
    const l = store.deliveries;
    l.claim('i1', { id: 1, email: 'a@example.org' }, NOW);
    store.db.prepare('UPDATE deliveries SET phase = NULL').run();
    expect(l.recover('i1', NOW)).toEqual({ uncertain: 1, resumed: 0 });
  });

  it('still records the outcome of a row another run reported uncertain while it was in flight', () => {
    const { store } = setup();
    const l = store.deliveries;
    l.claim('i1', { id: 1, email: 'a@example.org' }, NOW);
    l.phase('i1', 1, 'dot');
    l.recover('i1', NOW);
    l.markSent('i1', 1, '<m@x>', NOW);
    expect(l.statuses('i1', [1]).get(1)).toBe('sent');
  });

  it('never finishes a row nobody claimed', () => {
    const { store } = setup();
    store.deliveries.markSent('i1', 5, '<m@x>', NOW);
    expect(store.deliveries.counts('i1').sent).toBe(0);
  });
});

describe('the subscriber source', () => {
  it('reads active subscribers page by page, in id order, skipping suppressed addresses', () => {
    const { store } = setup();
    addSubscribers(store, 7);
    store.subscribers.unsubscribe('sub3@example.org', NOW);
    store.subscribers.suppress('sub5@example.org', 'bounced', NOW);
    const emails = [...store.subscribers.active(2)].map((s) => s.email);
    expect(emails).toEqual([
      'sub1@example.org',
      'sub2@example.org',
      'sub4@example.org',
      'sub6@example.org',
      'sub7@example.org',
    ]);
    expect(store.subscribers.get('sub5@example.org')?.status).toBe('bounced');
  });

  it('keeps an address suppressed even when an import lists it again', () => {
    const { store } = setup();
    addSubscribers(store, 2);
    store.subscribers.unsubscribe('sub1@example.org', NOW);
    const r = store.subscribers.upsertMany(
      [{ email: 'sub1@example.org', name: '다시' }, { email: 'new@example.org' }],
      NOW,
    );
    expect(r).toMatchObject({ added: 1, suppressed: 1 });
    expect([...store.subscribers.active()].map((s) => s.email)).toEqual(['sub2@example.org', 'new@example.org']);
  });

  it('can write ledger rows between pages while reading the list', () => {
    const { store } = setup();
    addSubscribers(store, 5);
    let n = 0;
    for (const s of store.subscribers.active(2)) {
      expect(store.deliveries.claim('i1', s, NOW)).toBe(true);
      n++;
    }
    expect(n).toBe(5);
  });
});
