/**
 * Collect every source, a bounded number at a time. One source failing never stops
 * the others: it comes back as a report with a one-line reason and an updated state.
 */
import type { CollectedItem, SourceConfig, SourceReport, SourceState } from '../types.js';
import { decodeBody } from './charset.js';
import { FeedFailure, isFeedFailure, reasons } from './failure.js';
import { withFullText } from './fulltext.js';
import { DEFAULT_POLICY, afterFailure, afterSuccess, gate, initialState, isHealthy } from './health.js';
import { buildItems } from './items.js';
import { nearDuplicateOf } from './near-duplicates.js';
import { readFeed } from './parse.js';
import { mapLimit } from './pool.js';
import { locate, readSource } from './read-source.js';
import type { CollectDeps, SourceOutcome } from './types.js';

/** Article pages fetched per source and run at most (newest items first). */
export const MAX_FULL_TEXT_PER_RUN = 20;
const FULL_TEXT_CONCURRENCY = 2;
/** Two items of different sources whose text overlaps this much are one syndicated story. */
export const NEAR_DUPLICATE_THRESHOLD = 0.85;

function elapsed(t0: number): number {
  return Math.round(performance.now() - t0);
}

function report(
  source: SourceConfig,
  fields: Partial<SourceReport> & Pick<SourceReport, 'status' | 'healthy' | 'ms'>,
): SourceReport {
  return { name: source.name, url: source.url, newItems: 0, seenItems: 0, droppedItems: 0, ...fields };
}

async function addFullText(
  items: CollectedItem[],
  deps: CollectDeps,
): Promise<{ items: CollectedItem[]; fetched: number; failed: number }> {
  const order = items
    .map((it, i) => ({ it, i }))
    .filter(({ it }) => !deps.isKnown?.(it))
    .sort((a, b) => (a.it.publishedAt < b.it.publishedAt ? 1 : a.it.publishedAt > b.it.publishedAt ? -1 : 0))
    .slice(0, MAX_FULL_TEXT_PER_RUN);
  const out = [...items];
  let failed = 0;
  await mapLimit(order, FULL_TEXT_CONCURRENCY, async ({ it, i }) => {
    try {
      out[i] = await withFullText(it, deps.config, deps.now);
    } catch {
      failed++;
    }
  });
  return { items: out, fetched: order.length, failed };
}

/** Collect one source; never throws. */
export async function collectOne(source: SourceConfig, deps: CollectDeps): Promise<SourceOutcome> {
  const t0 = performance.now();
  const prev: SourceState = deps.states.get(source.url) ?? initialState(source.url);
  const policy = { ...DEFAULT_POLICY, unhealthyAfter: deps.config.unhealthyAfter };
  const none = { duplicates: 0, fullText: { fetched: 0, failed: 0 } };
  const loc = locate(source.url);
  if (!loc) {
    const reason = reasons.badUrl(source.url);
    const state = afterFailure(prev, deps.now, reason, policy);
    return {
      report: report(source, { status: 'failed', error: reason, healthy: isHealthy(state, policy), ms: elapsed(t0) }),
      state,
      items: [],
      ...none,
    };
  }

  // Local files are cheap and never rate-limited: only remote sources back off.
  if (loc.kind === 'http' && !deps.ignoreBackoff) {
    const g = gate(prev, deps.now);
    if (!g.fetch) {
      return {
        report: report(source, {
          status: 'skipped',
          error: g.reason,
          healthy: isHealthy(prev, policy),
          ms: elapsed(t0),
        }),
        state: prev,
        items: [],
        ...none,
      };
    }
  }

  try {
    const got = await readSource(loc, prev, deps.config, deps.now);
    if (got.kind === 'not-modified') {
      const state = afterSuccess(prev, deps.now, got);
      return {
        report: report(source, { status: 'not-modified', healthy: true, ms: elapsed(t0) }),
        state,
        items: [],
        ...none,
      };
    }
    const decoded = decodeBody(got.body, { contentType: got.contentType });
    const feed = await readFeed(decoded.text, { maxChars: deps.config.maxBytes });
    const built = buildItems(feed, {
      source: source.name,
      feedUrl: loc.kind === 'http' ? got.finalUrl : source.url,
      now: deps.now,
    });
    let items = built.items;
    let fullText = { fetched: 0, failed: 0 };
    if (source.fullText && loc.kind === 'http') {
      const ft = await addFullText(items, deps);
      items = ft.items;
      fullText = { fetched: ft.fetched, failed: ft.failed };
    }
    const repaired =
      decoded.replaced > 0
        ? reasons.replacedBytes(decoded.replaced, decoded.charset, decoded.replacedLines ?? [])
        : undefined;
    const problem =
      [feed.problem ? reasons.recovered(feed.problem, built.items.length) : undefined, repaired]
        .filter(Boolean)
        .join('; ') || undefined;
    // A partly read source is not failing (no backoff), but what was wrong stays on record.
    const state = { ...afterSuccess(prev, deps.now, got), ...(problem ? { lastError: problem } : {}) };
    return {
      report: report(source, {
        status: problem ? 'partial' : 'ok',
        ...(problem ? { error: problem } : {}),
        seenItems: built.items.length + built.duplicates,
        droppedItems: built.dropped,
        healthy: true,
        ms: elapsed(t0),
      }),
      state,
      items,
      duplicates: built.duplicates,
      fullText,
      charset: decoded.charset,
    };
  } catch (e) {
    const reason = isFeedFailure(e) ? e.message : reasons.unexpected(e instanceof Error ? e.message : String(e));
    const retryAfterMs = e instanceof FeedFailure ? e.retryAfterMs : undefined;
    const state =
      loc.kind === 'file'
        ? { ...afterFailure(prev, deps.now, reason, policy), retryAfter: undefined }
        : afterFailure(prev, deps.now, reason, policy, retryAfterMs);
    return {
      report: report(source, { status: 'failed', error: reason, healthy: isHealthy(state, policy), ms: elapsed(t0) }),
      state,
      items: [],
      ...none,
    };
  }
}

/**
 * Leave out near-duplicate items across sources (syndicated copies): the copy from the
 * heavier source, then the one listed first, is kept.
 */
export function dropNearDuplicates(outcomes: SourceOutcome[], sources: readonly SourceConfig[]): void {
  const entries: Array<{ o: number; i: number; weight: number; text: string }> = [];
  outcomes.forEach((outcome, o) => {
    const weight = sources[o]?.weight ?? 1;
    outcome.items.forEach((it, i) => {
      entries.push({ o, i, weight, text: `${it.title}\n${it.blocks.map((b) => b.text).join('\n')}`.slice(0, 4000) });
    });
  });
  entries.sort((a, b) => b.weight - a.weight || a.o - b.o || a.i - b.i);
  const dupOf = nearDuplicateOf(
    entries.map((e) => e.text),
    NEAR_DUPLICATE_THRESHOLD,
  );
  const drop = new Map<number, Set<number>>();
  dupOf.forEach((d, k) => {
    const e = entries[k];
    const orig = d >= 0 ? entries[d] : undefined;
    if (!e || !orig || orig.o === e.o) return;
    const set = drop.get(e.o) ?? new Set<number>();
    set.add(e.i);
    drop.set(e.o, set);
  });
  for (const [o, set] of drop) {
    const outcome = outcomes[o];
    if (!outcome) continue;
    outcome.items = outcome.items.filter((_, i) => !set.has(i));
    outcome.duplicates += set.size;
  }
}

/** Collect all sources with bounded concurrency; one outcome per source, in input order. Never throws for a source. */
export async function collectSources(sources: readonly SourceConfig[], deps: CollectDeps): Promise<SourceOutcome[]> {
  let done = 0;
  const outcomes = await mapLimit(sources, deps.config.concurrency, async (source) => {
    let outcome: SourceOutcome;
    try {
      outcome = await collectOne(source, deps);
    } catch (e) {
      const reason = reasons.unexpected(e instanceof Error ? e.message : String(e));
      const prev = deps.states.get(source.url) ?? initialState(source.url);
      outcome = {
        report: report(source, {
          status: 'failed',
          error: reason,
          healthy: prev.failures + 1 < deps.config.unhealthyAfter,
          ms: 0,
        }),
        state: { ...prev, failures: prev.failures + 1, lastError: reason },
        items: [],
        duplicates: 0,
        fullText: { fetched: 0, failed: 0 },
      };
    }
    done++;
    deps.onProgress?.(done, sources.length, source.name);
    return outcome;
  });
  dropNearDuplicates(outcomes, sources);
  return outcomes;
}
