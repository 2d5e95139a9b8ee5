/**
 * Per-source health: when a source may be fetched, and its state after a success or a
 * failure. Pure: state and time in, state out. Failures back off exponentially; a
 * server's Retry-After is honoured; after `unhealthyAfter` failures in a row the
 * source is reported unhealthy (and is still retried, after its backoff).
 */
import type { SourceState } from '../types.js';
import { reasons } from './failure.js';

export interface HealthPolicy {
  unhealthyAfter: number;
  /** Delay after the first failure; doubles with each further one. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Longest Retry-After honoured. */
  maxRetryAfterMs: number;
}

export const DEFAULT_POLICY: Omit<HealthPolicy, 'unhealthyAfter'> = {
  baseDelayMs: 5 * 60_000,
  maxDelayMs: 24 * 3_600_000,
  maxRetryAfterMs: 7 * 24 * 3_600_000,
};

export function initialState(url: string): SourceState {
  return { url, failures: 0 };
}

export function isHealthy(state: SourceState, policy: Pick<HealthPolicy, 'unhealthyAfter'>): boolean {
  return state.failures < policy.unhealthyAfter;
}

/** Backoff after `failures` failures in a row: base·2^(failures−1), capped. */
export function backoffMs(failures: number, policy: Pick<HealthPolicy, 'baseDelayMs' | 'maxDelayMs'>): number {
  if (failures <= 0) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(failures - 1, 30));
}

export type Gate = { fetch: true } | { fetch: false; reason: string; until: string };

/** May the source be fetched at `now`? */
export function gate(state: SourceState, now: Date): Gate {
  if (!state.retryAfter) return { fetch: true };
  const until = Date.parse(state.retryAfter);
  if (Number.isNaN(until) || until <= now.getTime()) return { fetch: true };
  const reason =
    state.failures > 0
      ? reasons.backingOff(state.retryAfter, state.failures, state.lastError)
      : reasons.rateLimited(state.retryAfter);
  return { fetch: false, reason, until: state.retryAfter };
}

/** Parse a Retry-After header (seconds or an HTTP date) into a delay from `now`, capped. */
export function parseRetryAfter(
  value: string | undefined,
  now: Date,
  maxMs = DEFAULT_POLICY.maxRetryAfterMs,
): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  let ms: number;
  if (/^\d+$/.test(v)) ms = Number(v) * 1000;
  else {
    const at = Date.parse(v);
    if (Number.isNaN(at)) return undefined;
    ms = at - now.getTime();
  }
  return Math.max(0, Math.min(ms, maxMs));
}

export interface Validators {
  etag?: string | undefined;
  lastModified?: string | undefined;
}

/** State after a fetch that worked (200 or 304). New validators replace old ones; a 304 may carry none. */
export function afterSuccess(state: SourceState, now: Date, validators: Validators): SourceState {
  return {
    url: state.url,
    etag: validators.etag ?? state.etag,
    lastModified: validators.lastModified ?? state.lastModified,
    failures: 0,
    retryAfter: undefined,
    lastError: undefined,
    lastFetchedAt: now.toISOString(),
  };
}

/** State after a failure: one more failure; retry when the server said (Retry-After), else after the backoff. */
export function afterFailure(
  state: SourceState,
  now: Date,
  reason: string,
  policy: Omit<HealthPolicy, 'unhealthyAfter'>,
  retryAfterMs?: number,
): SourceState {
  const failures = state.failures + 1;
  const wait =
    retryAfterMs !== undefined ? Math.min(retryAfterMs, policy.maxRetryAfterMs) : backoffMs(failures, policy);
  return {
    url: state.url,
    etag: state.etag,
    lastModified: state.lastModified,
    failures,
    retryAfter: new Date(now.getTime() + wait).toISOString(),
    lastError: reason,
    lastFetchedAt: now.toISOString(),
  };
}
