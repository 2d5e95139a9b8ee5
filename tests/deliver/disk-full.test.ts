/**
 * A full disk under the outbox: each write fails with the kernel's own ENOSPC (a write to
 * /dev/full) once the "disk" has room for three messages.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverIssue, type DeliverDeps } from '../../src/deliver/index.js';
import { OutboxTransport } from '../../src/deliver/outbox-transport.js';
import { writeFileAtomic } from '../../src/util/atomic.js';
import { SECRET, addSubscribers, fixedClock, personalize, quietLogger, renderedIssue, tempSetup } from './builders.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

/** A writer with room for `room` files: after that, every write is a real ENOSPC from the kernel. */
function diskWithRoomFor(room: number): (path: string, data: string | Uint8Array) => void {
  let written = 0;
  return (path, data) => {
    if (written >= room) writeFileSync('/dev/full', data);
    writeFileAtomic(path, data);
    written++;
  };
}

function deps(t: ReturnType<typeof tempSetup>, write: (p: string, d: string | Uint8Array) => void): DeliverDeps {
  return {
    ledger: t.store.deliveries,
    subscribers: t.store.subscribers,
    transport: new OutboxTransport(t.config.paths.outbox, undefined, write),
    config: t.config,
    clock: fixedClock,
    logger: quietLogger,
    secret: SECRET,
    personalize: (r, issue) => personalize(issue, r),
  };
}

describe('a full outbox disk', () => {
  it('is a failure with the path and the free space, never uncertain, and a plain rerun finishes', async () => {
    const t = tempSetup();
    cleanups.push(t.cleanup);
    addSubscribers(t.store, 10);
    const run = deliverIssue(deps(t, diskWithRoomFor(3)), renderedIssue());
    await expect(run).rejects.toMatchObject({ code: 'ESEND' });
    await expect(deliverIssue(deps(t, diskWithRoomFor(0)), renderedIssue())).rejects.toThrow(
      /outbox transport: cannot write .*recipients\/sub\d+@example\.org\.eml: no space left on the device \(ENOSPC\); [\d.]+ [KM]B free/,
    );
    const counts = t.store.deliveries.counts('2026-11-23');
    expect(counts).toMatchObject({ sent: 3, uncertain: 0, sending: 0 });
    expect(counts.pending).toBe(1); // the one being written when the disk filled; the other six not yet claimed

    const again = await deliverIssue(deps(t, writeFileAtomic), renderedIssue());
    expect(again).toMatchObject({ sent: 7, uncertain: 0 });
    expect(readdirSync(join(t.config.paths.outbox, '2026-11-23', 'recipients'))).toHaveLength(10);
  });

  it('also stops on a read-only outbox, naming the error', async () => {
    const t = tempSetup();
    cleanups.push(t.cleanup);
    addSubscribers(t.store, 2);
    const readOnly = (): void => {
      throw Object.assign(new Error('EROFS: read-only file system, open'), { code: 'EROFS' });
    };
    await expect(deliverIssue(deps(t, readOnly), renderedIssue())).rejects.toThrow(/read-only \(EROFS\)/);
    expect(t.store.deliveries.counts('2026-11-23')).toMatchObject({ uncertain: 0, pending: 1 });
  });
});
