/**
 * rankTopics: the ranking pipeline, in order.
 *   1. window     — keep items published in [now − window, now], not older than maxAgeHours
 *   2. vectors    — Korean-aware TF-IDF of the title and opening (tokenize.ts, vectors.ts)
 *   3. duplicates — near-duplicates collapse into one group, counted once (duplicates.ts)
 *   4. clusters   — single pass in time order over the groups (cluster.ts)
 *   5. topics     — items best first, stable id, top terms, the score (assemble.ts, score.ts)
 *   6. blocks     — the editor's blocks (topic id or any item link) drop the topic (editor.ts)
 *   7. novelty    — against sent topics: rehash dropped, follow-up marked and scored lower
 *   8. selection  — pins first, then MMR with at most maxPerSource topics per lead source
 *   9. interests  — each selected topic tagged with the config's interests it matches (interests.ts)
 * Pure: the reference time is input.now; the same input gives the same result.
 */
import type { RankDoc, RankInput, RankResult, SourceConfig, Topic } from '../types.js';
import { assembleTopic, leadWith } from './assemble.js';
import { clusterVectors } from './cluster.js';
import { groupDuplicates } from './duplicates.js';
import { editorMarks } from './editor.js';
import { tagInterests } from './interests.js';
import { selectDiverse } from './select.js';
import { Analyzer } from './tokenize.js';
import { earliestFirst, type WindowItem } from './topic.js';
import { buildVectors, DenseRow, type SparseVector } from './vectors.js';

/** Centroid terms kept on a topic (and by the store, for novelty). */
export const TOPIC_TERMS = 20;

const HOUR = 3_600_000;

/** Source weight by name (or url); 1 for a source not in the config. */
function weightLookup(sources: readonly SourceConfig[]): (source: string) => number {
  const m = new Map<string, number>();
  for (const s of sources) {
    m.set(s.url, s.weight);
    m.set(s.name, s.weight);
  }
  return (source) => m.get(source) ?? 1;
}

/**
 * Items inside the window and the max age and not after `now`, earliest first, with
 * their time (the fetch time when the publication date is unreadable).
 */
export function windowItems(input: RankInput): WindowItem[] {
  const now = input.now.getTime();
  const from = now - Math.min(input.newsletter.windowMs, input.rank.maxAgeHours * HOUR);
  const weightOf = weightLookup(input.sources);
  const out: WindowItem[] = [];
  for (const item of input.items) {
    let time = Date.parse(item.publishedAt);
    const readable = !Number.isNaN(time);
    if (!readable) time = Date.parse(item.fetchedAt);
    if (Number.isNaN(time) || time > now || time < from) continue;
    const it = readable ? item : { ...item, publishedAt: new Date(time).toISOString() };
    out.push({ item: it, time, weight: weightOf(item.source), completeness: -1 });
  }
  return out.sort(earliestFirst);
}

const f2 = (x: number): string => x.toFixed(2);

export function rankTopics(input: RankInput): RankResult {
  const cfg = input.rank;
  const docs = windowItems(input);
  const analyzer = new Analyzer(cfg.aliases);
  const vectors = buildVectors(
    docs.map((d) => d.item),
    analyzer,
  );
  const row = new DenseRow(analyzer.vocabularySize);
  const order = docs.map((_, i) => i); // docs are earliest first

  // Near-duplicates: each group is represented in clustering by its earliest item.
  const links = docs.map((d) => d.item.canonicalLink || d.item.link);
  const root = groupDuplicates(vectors, links, order, cfg.duplicateThreshold, row, analyzer.wholeWords);
  const groupOf = new Map<number, WindowItem[]>();
  for (const i of order) {
    const r = root[i] ?? i;
    const d = docs[i] as WindowItem;
    const g = groupOf.get(r);
    if (g) g.push(d);
    else groupOf.set(r, [d]);
  }
  const clusters = clusterVectors(
    vectors,
    order.filter((i) => root[i] === i),
    row,
    { threshold: cfg.clusterThreshold },
  );

  const ctx = { now: input.now.getTime(), rank: cfg, sent: input.sent, editor: editorMarks(input.pins, input.blocks) };
  const dropped: RankResult['dropped'] = [];
  const candidates: Array<{ topic: Topic; centroid: SparseVector; pinned: boolean }> = [];
  for (const cl of clusters) {
    const groups = cl.members.map((r) => groupOf.get(r) ?? []);
    const ids = cl.centroid.ids;
    const terms: string[] = [];
    for (let k = 0; k < ids.length && k < TOPIC_TERMS; k++) terms.push(analyzer.terms[ids[k] as number] ?? '');
    const { topic, pinned, blockedBy, verdict } = assembleTopic(groups, terms, ctx);
    if (blockedBy !== undefined) {
      dropped.push({ topic, reason: `blocked by the editor (${blockedBy})` });
    } else if (verdict.kind === 'rehash' && !pinned) {
      const of = verdict.of;
      dropped.push({
        topic,
        reason:
          `rehash of “${of?.title ?? ''}” sent in ${of?.issueId ?? '?'} (${of?.issuesAgo ?? 0} issue(s) ago): ` +
          `similarity ${f2(verdict.similarity)} ≥ ${f2(cfg.rehashThreshold)}`,
      });
    } else {
      candidates.push({ topic, centroid: cl.centroid, pinned });
    }
  }

  candidates.sort((a, b) => b.topic.score - a.topic.score || (a.topic.id < b.topic.id ? -1 : 1));
  const count = input.newsletter.topStories + input.newsletter.headlines;
  const sel = selectDiverse(
    candidates.map((c) => ({
      score: c.topic.score,
      sources: [...new Set(c.topic.items.map((it) => it.source))],
      pinned: c.pinned,
      centroid: c.centroid,
      key: c.topic.id,
    })),
    { count, lambda: cfg.mmrLambda, maxPerSource: cfg.maxPerSource },
    row,
  );
  const chosen = sel.selected.map((i, k) => {
    const t = candidates[i]?.topic as Topic;
    t.explain.redundancy = sel.redundancy[k] ?? 0;
    return leadWith(t, sel.credited[k]);
  });
  const topics = input.interests?.length
    ? tagInterests(chosen, new Map<number, RankDoc>(docs.map((d) => [d.item.id, d.item])), input.interests, analyzer)
    : chosen;
  const taken = new Set(sel.selected);
  const cappedAt = new Map(sel.capped.map((c) => [c.index, c.sources.join(', ')]));
  candidates.forEach((c, i) => {
    if (taken.has(i)) return;
    const full = cappedAt.get(i);
    dropped.push({
      topic: c.topic,
      reason:
        full !== undefined
          ? `source limit: ${full} already lead${full.includes(',') ? '' : 's'} ${cfg.maxPerSource} selected topic(s)`
          : `below the cut (${count} topics selected)`,
    });
  });
  return { topics, dropped, considered: docs.length, topStories: Math.min(input.newsletter.topStories, topics.length) };
}
