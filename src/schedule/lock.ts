/**
 * The scheduler lock: one scheduler per store. The rules are pure; the process probes
 * (`processIdentity`, `pidAlive`) are the only I/O here.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { LockHolder, LockInfo } from '../types.js';

export const SCHEDULER_LOCK = 'scheduler';

/** This process as a lock holder: host, pid and a random part so a reused pid is a new holder. */
export function processIdentity(): LockHolder {
  const host = hostname();
  return { holder: `${host}:${process.pid}:${randomBytes(4).toString('hex')}`, pid: process.pid, host };
}

/** Is a process with this pid alive on this host? (EPERM: alive, owned by someone else.) */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ago(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 120) return `${s}s ago`;
  if (s < 7200) return `${Math.round(s / 60)}m ago`;
  return `${Math.round(s / 3600)}h ago`;
}

/**
 * Why a lock held by someone else may be taken over, or undefined when it may not:
 * its process is gone (same host, dead pid), or its heartbeat is older than `staleAfterMs`.
 */
export function staleReason(
  held: LockInfo,
  me: LockHolder,
  now: Date,
  staleAfterMs: number,
  isAlive: (pid: number) => boolean,
): string | undefined {
  if (held.host === me.host && held.pid !== me.pid && !isAlive(held.pid)) {
    return `process ${held.pid} on ${held.host} is gone`;
  }
  const age = now.getTime() - Date.parse(held.heartbeatAt);
  if (!(age <= staleAfterMs))
    return `its last heartbeat was ${ago(age)} (stale after ${Math.round(staleAfterMs / 1000)}s)`;
  return undefined;
}

/** `pid 4242 on host web-1 since 2026-11-23T07:00:00.000Z, heartbeat 3s ago` */
export function describeHolder(held: LockInfo, now: Date): string {
  return (
    `pid ${held.pid} on host ${held.host} since ${held.acquiredAt}, ` +
    `heartbeat ${ago(now.getTime() - Date.parse(held.heartbeatAt))}`
  );
}
