import type { CollectConfig, CollectedItem, SourceReport, SourceState } from '../types.js';

export interface CollectDeps {
  /** Timeouts, caps, concurrency, User-Agent. */
  config: CollectConfig;
  /** Fetch time: future dates clamp to it; backoff and Retry-After count from it. */
  now: Date;
  /** Per source URL, from the store: validators, failures, retryAfter. */
  states: ReadonlyMap<string, SourceState>;
  onProgress?: ((done: number, total: number, source: string) => void) | undefined;
  /** Fetch sources even while they back off (a manual run). */
  ignoreBackoff?: boolean | undefined;
  /** Whether the store already holds an item, so full text is not fetched again. */
  isKnown?: ((item: Pick<CollectedItem, 'source' | 'guid' | 'canonicalLink'>) => boolean) | undefined;
}

export interface SourceOutcome {
  report: SourceReport;
  state: SourceState;
  items: CollectedItem[];
  /** Entries left out as copies: same guid or link within the feed, or near-duplicate text of another source's item. */
  duplicates: number;
  /** Article pages fetched for full text, and how many of those failed (the feed's text was kept). */
  fullText: { fetched: number; failed: number };
  /** How the body was decoded, for file and HTTP sources that were read. */
  charset?: string | undefined;
}
