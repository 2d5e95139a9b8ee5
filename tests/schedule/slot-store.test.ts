import { afterEach, describe, expect, it } from 'vitest';
import type { SlotStore } from '../../src/schedule/slot-store.js';
import type { Store } from '../../src/store/index.js';
import { holder, openStore, tempDir } from './helpers.js';

const open: Store[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

function store(dir = tempDir()): Store {
  const s = openStore(dir);
  open.push(s);
  return s;
}

const T = new Date('2026-11-23T07:00:00+09:00');
const SLOT = '2026-11-22T22:00:00.000Z';
const never = (): undefined => undefined;

describe('the slot store', () => {
  it('should be the SlotStore the scheduler asks for', () => {
    const slots: SlotStore = store().slots;
    expect(typeof slots.claimSlot).toBe('function');
  });

  it('should let one of two connections to one database hold the lock, and tell the other who holds it', () => {
    const dir = tempDir();
    const a = store(dir);
    const b = store(dir);
    const ha = holder('a', 101, 'host-a');
    expect(a.slots.acquireLock('scheduler', ha, T, never)).toEqual({ acquired: true });
    const refused = b.slots.acquireLock('scheduler', holder('b'), T, never);
    expect(refused).toMatchObject({
      acquired: false,
      held: { holder: ha.holder, pid: 101, host: 'host-a', heartbeatAt: T.toISOString() },
    });
    expect(b.slots.releaseLock('scheduler', holder('b').holder)).toBe(false);
    expect(a.slots.releaseLock('scheduler', ha.holder)).toBe(true);
    expect(b.slots.acquireLock('scheduler', holder('b'), T, never)).toEqual({ acquired: true });
  });

  it('should hand a slot to exactly one claimer across connections, and only to the lock holder', () => {
    const dir = tempDir();
    const a = store(dir);
    const b = store(dir);
    const h = holder('a');
    a.slots.acquireLock('scheduler', h, T, never);
    const fence = { lock: 'scheduler', holder: h.holder };
    expect(b.slots.claimSlot('issue', SLOT, { lock: 'scheduler', holder: 'someone else' }, T)).toEqual({
      claimed: false,
      reason: 'lock-lost',
    });
    const first = a.slots.claimSlot('issue', SLOT, fence, T);
    const second = b.slots.claimSlot('issue', SLOT, fence, T);
    expect(first).toMatchObject({ claimed: true, resumed: false });
    expect(second).toEqual({ claimed: false, reason: 'taken', status: 'running' });
    // Same instant, other kind: a different key.
    expect(b.slots.claimSlot('collect', SLOT, fence, T)).toMatchObject({ claimed: true });
  });

  it('should reclaim only an interrupted slot, as a resumed run, and keep both attempts', () => {
    const s = store();
    const h = holder();
    s.slots.acquireLock('scheduler', h, T, never);
    const fence = { lock: 'scheduler', holder: h.holder };
    const first = s.slots.claimSlot('issue', SLOT, fence, T);
    if (!first.claimed) throw new Error('not claimed');
    expect(s.slots.interruptRunning(new Date(T.getTime() + 1000)).map((r) => r.slot)).toEqual([SLOT]);
    const again = s.slots.claimSlot('issue', SLOT, fence, new Date(T.getTime() + 2000));
    expect(again).toMatchObject({ claimed: true, resumed: true });
    if (!again.claimed) throw new Error('not claimed');
    s.slots.finishSlot(
      again.runId,
      'issue',
      SLOT,
      { status: 'done', issueId: '2026-11-23', ms: 1234 },
      new Date(T.getTime() + 3000),
    );
    expect(s.slots.claimSlot('issue', SLOT, fence, T)).toEqual({ claimed: false, reason: 'taken', status: 'done' });
    expect(s.slots.recentRuns(5).map((r) => [r.outcome, r.resumed ?? false, r.ms ?? null])).toEqual([
      ['done', true, 1234],
      ['interrupted', false, null],
    ]);
    expect(s.slots.lastRun()).toMatchObject({ outcome: 'done', issueId: '2026-11-23', slot: SLOT });
    expect(s.slots.lastFailure()).toMatchObject({
      outcome: 'interrupted',
      slot: SLOT,
      error: 'the process stopped before the run finished',
    });
  });

  it('should not let a late finish overwrite a slot that is no longer running', () => {
    const s = store();
    const h = holder();
    s.slots.acquireLock('scheduler', h, T, never);
    const claim = s.slots.claimSlot('issue', SLOT, { lock: 'scheduler', holder: h.holder }, T);
    if (!claim.claimed) throw new Error('not claimed');
    s.slots.finishSlot(claim.runId, 'issue', SLOT, { status: 'interrupted', error: 'shut down' }, T);
    s.slots.finishSlot(claim.runId, 'issue', SLOT, { status: 'done' }, T);
    expect(s.slots.getSlot('issue', SLOT)?.status).toBe('interrupted');
  });

  it('should note a skipped or missed slot once and count a missed one as a failure', () => {
    const s = store();
    expect(s.slots.noteSlot('issue', SLOT, 'missed', 'nobody was running', T)).toBe(true);
    expect(s.slots.noteSlot('issue', SLOT, 'missed', 'nobody was running', T)).toBe(false);
    expect(s.slots.noteSlot('collect', SLOT, 'skipped', 'an issue run was in progress', T)).toBe(true);
    expect(s.slots.latestSlot('issue')).toMatchObject({ status: 'missed', error: 'nobody was running' });
    expect(s.slots.lastFailure()).toMatchObject({ kind: 'issue', outcome: 'missed' });
    expect(s.slots.lastRun()).toMatchObject({ kind: 'collect', outcome: 'skipped' });
  });
});
