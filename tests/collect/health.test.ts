import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  afterFailure,
  afterSuccess,
  backoffMs,
  gate,
  isHealthy,
  parseRetryAfter,
} from '../../src/collect/health.js';

const now = new Date('2024-06-01T00:00:00Z');
const url = 'https://feeds.example.com/rss';

describe('source health and backoff', () => {
  it('doubles the backoff with each failure up to a cap', () => {
    expect(backoffMs(0, DEFAULT_POLICY)).toBe(0);
    expect(backoffMs(1, DEFAULT_POLICY)).toBe(5 * 60_000);
    expect(backoffMs(3, DEFAULT_POLICY)).toBe(20 * 60_000);
    expect(backoffMs(40, DEFAULT_POLICY)).toBe(DEFAULT_POLICY.maxDelayMs);
  });

  it('records a failure and skips the source until its backoff ends', () => {
    const s = afterFailure({ url, failures: 1 }, now, 'HTTP 500', DEFAULT_POLICY);
    expect(s).toMatchObject({ failures: 2, lastError: 'HTTP 500', retryAfter: '2024-06-01T00:10:00.000Z' });
    const g = gate(s, new Date('2024-06-01T00:05:00Z'));
    expect(g.fetch).toBe(false);
    expect(g.fetch === false && g.reason).toBe(
      'backing off until 2024-06-01T00:10:00.000Z after 2 failures (last: HTTP 500)',
    );
    expect(gate(s, new Date('2024-06-01T00:10:00Z')).fetch).toBe(true);
  });

  it("uses the server's Retry-After instead of the backoff", () => {
    expect(afterFailure({ url, failures: 0 }, now, 'HTTP 429', DEFAULT_POLICY, 3_600_000).retryAfter).toBe(
      '2024-06-01T01:00:00.000Z',
    );
    expect(afterFailure({ url, failures: 4 }, now, 'HTTP 503', DEFAULT_POLICY, 60_000).retryAfter).toBe(
      '2024-06-01T00:01:00.000Z',
    );
  });

  it('parses Retry-After as seconds or as an HTTP date, capped', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sat, 01 Jun 2024 00:02:00 GMT', now)).toBe(120_000);
    expect(parseRetryAfter('99999999', now)).toBe(DEFAULT_POLICY.maxRetryAfterMs);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });

  it('marks a source unhealthy after unhealthyAfter failures in a row', () => {
    expect(isHealthy({ url, failures: 4 }, { unhealthyAfter: 5 })).toBe(true);
    expect(isHealthy({ url, failures: 5 }, { unhealthyAfter: 5 })).toBe(false);
  });

  it('clears failures on success and keeps validators a 304 did not repeat', () => {
    const s = afterSuccess({ url, failures: 3, etag: '"v1"', retryAfter: 'x', lastError: 'e' }, now, {
      lastModified: 'Sat, 01 Jun 2024 00:00:00 GMT',
    });
    expect(s).toEqual({
      url,
      etag: '"v1"',
      lastModified: 'Sat, 01 Jun 2024 00:00:00 GMT',
      failures: 0,
      retryAfter: undefined,
      lastError: undefined,
      lastFetchedAt: now.toISOString(),
    });
  });
});
