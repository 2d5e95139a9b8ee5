import type { FetchStatus, SourceState } from '../types.js';
import type { Db } from './db.js';

interface SourceRow {
  url: string;
  name: string;
  etag: string | null;
  last_modified: string | null;
  failures: number;
  retry_after: string | null;
  last_error: string | null;
  last_status: string | null;
  last_fetched_at: string | null;
}

export interface SourceHealth extends SourceState {
  name: string;
  lastStatus?: string | undefined;
}

/** Per-source fetch state: conditional-GET validators, failures, backoff. */
export class SourceRepo {
  constructor(private readonly db: Db) {}

  get(url: string): SourceState | undefined {
    const r = this.db.prepare('SELECT * FROM sources WHERE url = ?').get(url) as SourceRow | undefined;
    return r ? toState(r) : undefined;
  }

  all(): SourceHealth[] {
    const rows = this.db.prepare('SELECT * FROM sources ORDER BY name').all() as SourceRow[];
    return rows.map((r) => ({ ...toState(r), name: r.name, lastStatus: r.last_status ?? undefined }));
  }

  save(name: string, state: SourceState, status: FetchStatus): void {
    this.db
      .prepare(
        `INSERT INTO sources (url, name, etag, last_modified, failures, retry_after, last_error, last_status, last_fetched_at)
         VALUES (@url, @name, @etag, @lastModified, @failures, @retryAfter, @lastError, @status, @lastFetchedAt)
         ON CONFLICT (url) DO UPDATE SET name = excluded.name, etag = excluded.etag,
           last_modified = excluded.last_modified, failures = excluded.failures,
           retry_after = excluded.retry_after, last_error = excluded.last_error,
           last_status = excluded.last_status, last_fetched_at = excluded.last_fetched_at`,
      )
      .run({
        url: state.url,
        name,
        etag: state.etag ?? null,
        lastModified: state.lastModified ?? null,
        failures: state.failures,
        retryAfter: state.retryAfter ?? null,
        lastError: state.lastError ?? null,
        status,
        lastFetchedAt: state.lastFetchedAt ?? null,
      });
  }
}

function toState(r: SourceRow): SourceState {
  return {
    url: r.url,
    etag: r.etag ?? undefined,
    lastModified: r.last_modified ?? undefined,
    failures: r.failures,
    retryAfter: r.retry_after ?? undefined,
    lastError: r.last_error ?? undefined,
    lastFetchedAt: r.last_fetched_at ?? undefined,
  };
}
