import { describe, expect, it } from 'vitest';
import { parseCron } from '../../src/schedule/cron.js';
import { describeHolder, staleReason } from '../../src/schedule/lock.js';
import { dueSlot, issueResult, planStartup } from '../../src/schedule/plan.js';
import type { LockInfo, SlotRecord } from '../../src/types.js';

const HOUR = 3_600_000;
const weekly = parseCron('0 7 * * 1');
const slot = new Date('2026-11-22T22:00:00Z'); // Monday 07:00 in Seoul

describe('the slot a trigger stands for', () => {
  it('should be the latest slot at or before now', () => {
    expect(dueSlot(weekly, 'Asia/Seoul', new Date(slot.getTime() + 5), undefined, 6 * HOUR)).toEqual(slot);
  });

  it("should be the trigger's own slot when the trigger runs late past the next one", () => {
    const perSecond = parseCron('* * * * * *');
    const hint = new Date('2026-11-22T22:00:01Z');
    const now = new Date('2026-11-22T22:00:02.300Z');
    expect(dueSlot(perSecond, 'Asia/Seoul', now, hint, 6 * HOUR)).toEqual(hint);
    expect(dueSlot(perSecond, 'Asia/Seoul', now, undefined, 6 * HOUR)).toEqual(new Date('2026-11-22T22:00:02Z'));
  });

  it('should be nothing when that slot is older than the grace period', () => {
    expect(dueSlot(weekly, 'Asia/Seoul', new Date(slot.getTime() + 6 * HOUR), undefined, 6 * HOUR)).toEqual(slot);
    expect(dueSlot(weekly, 'Asia/Seoul', new Date(slot.getTime() + 6 * HOUR + 1), undefined, 6 * HOUR)).toBeUndefined();
  });

  it('should ignore a hint from the future and never run a slot early', () => {
    const now = new Date(slot.getTime() - 10);
    expect(dueSlot(weekly, 'Asia/Seoul', now, new Date(slot.getTime() + 7 * 24 * HOUR), 6 * HOUR)).toBeUndefined();
    expect(dueSlot(weekly, 'Asia/Seoul', now, undefined, 6 * HOUR)).toBeUndefined();
    const perSecond = parseCron('* * * * * *');
    const s = new Date('2026-11-22T22:00:01Z');
    expect(dueSlot(perSecond, 'Asia/Seoul', new Date(s.getTime() - 1), s, 6 * HOUR)).toEqual(
      new Date('2026-11-22T22:00:00Z'),
    );
  });
});

describe('what to do on start', () => {
  const now = new Date(slot.getTime() + 2 * HOUR);
  const rec = (status: SlotRecord['status']): SlotRecord => ({ kind: 'issue', slot: slot.toISOString(), status });
  const plan = (record: SlotRecord | undefined, at = now, hasHistory = true) =>
    planStartup({ latest: slot, record, hasHistory, now: at, graceMs: 6 * HOUR });

  it('should catch up a missed slot within the grace period', () => {
    expect(plan(undefined)).toEqual({ action: 'run', slot, why: 'catch-up' });
  });

  it('should resume an interrupted slot within the grace period', () => {
    expect(plan(rec('interrupted'))).toEqual({ action: 'run', slot, why: 'resume' });
  });

  it('should leave a slot alone once it is done, failed, skipped or missed', () => {
    for (const status of ['done', 'nothing-new', 'partial', 'failed', 'missed'] as const) {
      expect(plan(rec(status)).action).toBe('none');
    }
  });

  it('should note a slot past the grace period as missed, unless nothing ever ran', () => {
    const late = new Date(slot.getTime() + 7 * HOUR);
    expect(plan(undefined, late)).toMatchObject({ action: 'missed', slot });
    expect(plan(undefined, late, false).action).toBe('none');
    expect(plan(rec('interrupted'), late).action).toBe('none');
  });
});

describe('run results', () => {
  it('should call a run with failed or uncertain deliveries partial', () => {
    expect(issueResult({ issueId: 'a', sent: { sent: 3, skipped: 0, failed: 0, uncertain: 0 } }).status).toBe('done');
    expect(issueResult({ issueId: 'a', sent: { sent: 2, skipped: 0, failed: 1, uncertain: 0 } })).toMatchObject({
      status: 'partial',
      error: '1 deliveries failed, 0 uncertain',
    });
    expect(issueResult({ nothingNew: true, reason: 'no new items' })).toMatchObject({ status: 'nothing-new' });
  });
});

describe('the scheduler lock', () => {
  const now = new Date('2026-11-23T07:00:00Z');
  const held: LockInfo = {
    name: 'scheduler',
    holder: 'web-1:4242:ab12',
    pid: 4242,
    host: 'web-1',
    acquiredAt: '2026-11-23T06:00:00.000Z',
    heartbeatAt: '2026-11-23T06:59:50.000Z',
  };
  const me = { holder: 'web-1:5000:cd34', pid: 5000, host: 'web-1' };

  it('should be stale when its process is gone from this host', () => {
    expect(staleReason(held, me, now, 120_000, () => true)).toBeUndefined();
    expect(staleReason(held, me, now, 120_000, () => false)).toBe('process 4242 on web-1 is gone');
  });

  it('should not judge a pid on another host, only its heartbeat', () => {
    const elsewhere = { ...me, host: 'web-2' };
    expect(staleReason(held, elsewhere, now, 120_000, () => false)).toBeUndefined();
    expect(staleReason(held, elsewhere, new Date('2026-11-23T07:02:00Z'), 120_000, () => true)).toBe(
      'its last heartbeat was 2m ago (stale after 120s)',
    );
  });

  it('should describe its holder for the error message', () => {
    expect(describeHolder(held, now)).toBe('pid 4242 on host web-1 since 2026-11-23T06:00:00.000Z, heartbeat 10s ago');
  });
});
