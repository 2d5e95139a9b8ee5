/**
 * rankTopics: the ranking pipeline, in order.
 *   1. window     — keep items published in (now − window, now] and not older than maxAgeHours
 *   2. vectors    — Korean-aware TF-IDF of title + first paragraphs
 *   3. duplicates — near-duplicates collapse into one group (counted once)
 *   4. clusters   — single pass in time order over the groups
 *   5. topics     — items best first, stable id, top terms
 *   6. blocks     — the editor's blocks (topic id or any item link) drop the topic
 *   7. novelty    — against sent topics: rehash dropped, follow-up marked and scored lower
 *   8. score      — one formula (score.ts)
 *   9. selection  — pins first, then MMR with at most maxPerSource topics per lead source
 * Pure: the reference time is input.now; the same input gives the same result.
 */
import type { RankInput, RankResult, ScoreExplain, SourceConfig, Topic } from '../types.js';
import { clusterVectors } from './cluster.js';
import { groupDuplicates } from './duplicates.js';
import { judgeNovelty, type NoveltyVerdict } from './novelty.js';
import { formulaOf, PIN_BONUS, recencyOf, scoreOf, type ScoreTerms } from './score.js';
import { selectDiverse, type SelectCandidate } from './select.js';
import { Analyzer } from './tokenize.js';
import { completenessOf, earliestFirst, topicIdOf, topicItems, type WindowItem } from './topic.js';
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

/** Items inside the window and the max age, not after `now`, with their parsed time. */
export function windowItems(input: RankInput): WindowItem[] {
  const now = input.now.getTime();
  const from = now - Math.min(input.newsletter.windowMs, input.rank.maxAgeHours * HOUR);
  const weightOf = weightLookup(input.sources);
  const out: WindowItem[] = [];
  for (const item of input.items) {
    let time = Date.parse(item.publishedAt);
    if (Number.isNaN(time)) time = Date.parse(item.fetchedAt);
    if (Number.isNaN(time) || time > now || time < from) continue;
    out.push({ item, time, weight: weightOf(item.source), completeness: completenessOf(item) });
  }
  return out.sort(earliestFirst);
}

interface Scored {
  topic: Topic;
  centroid: SparseVector;
  links: Set<string>;
  pinned: boolean;
  verdict: NoveltyVerdict;
}

/**
 * The topic led by its best item from `source` (when its best source was already full,
 * the next source leads); the title follows the lead item.
 */
function leadWith(t: Topic, source: string | undefined): Topic {
  const k = t.items.findIndex((it) => it.source === source);
  if (k <= 0) return t;
  const lead = t.items[k] as Topic['items'][number];
  const items = [lead, ...t.items.slice(0, k), ...t.items.slice(k + 1)];
  return { ...t, items, title: lead.title };
}

function f2(x: number): string {
  return x.toFixed(2);
}

export function rankTopics(input: RankInput): RankResult {
  const cfg = input.rank;
  const now = input.now.getTime();
  const docs = windowItems(input);
  const analyzer = new Analyzer(cfg.aliases);
  const vectors = buildVectors(
    docs.map((d) => d.item),
    analyzer,
  );
  const row = new DenseRow(analyzer.vocabularySize);
  const order = docs.map((_, i) => i); // docs are already earliest first

  // Near-duplicates: each group is represented in clustering by its earliest item.
  const root = groupDuplicates(
    docs.map((d, i) => ({ vector: vectors[i] ?? { ids: new Int32Array(0), weights: new Float64Array(0) }, key: d.item.canonicalLink || d.item.link })),
    order,
    cfg.duplicateThreshold,
    row,
    (id) => analyzer.isWholeWord(id),
  );
  const groupOf = new Map<number, number[]>();
  for (const i of order) {
    const r = root[i] ?? i;
    const g = groupOf.get(r);
    if (g) g.push(i);
    else groupOf.set(r, [i]);
  }
  const roots = order.filter((i) => root[i] === i);
  const clusters = clusterVectors(vectors, roots, row, { threshold: cfg.clusterThreshold });

  const pins = new Set(input.pins.map((p) => p.trim()).filter(Boolean));
  const blocks = new Set(input.blocks.map((b) => b.trim()).filter(Boolean));
  const dropped: RankResult['dropped'] = [];
  const candidates: Scored[] = [];

  for (const cl of clusters) {
    const groups = cl.members.map((r) => (groupOf.get(r) ?? [r]).map((i) => docs[i]).filter((d): d is WindowItem => !!d));
    const ti = topicItems(groups);
    const id = topicIdOf(ti.seed.item);
    const terms = Array.from(cl.centroid.ids.subarray(0, TOPIC_TERMS), (t) => analyzer.terms[t] ?? '');
    const bySource = new Map<string, number>();
    let newest = -Infinity;
    for (const rep of ti.reps) {
      if (!bySource.has(rep.item.source)) bySource.set(rep.item.source, rep.weight);
      if (rep.time > newest) newest = rep.time;
    }
    const sources = [...bySource].map(([name, weight]) => ({ name, weight }));
    const momentum = sources.reduce((s, x) => s + x.weight, 0);
    const weight = sources.length ? momentum / sources.length : 1;
    const pinned = pins.has(id) || [...ti.links].some((l) => pins.has(l));
    const verdict = judgeNovelty(terms, input.sent, cfg);
    const terms5: ScoreTerms = {
      weight,
      ageHours: (now - newest) / HOUR,
      halfLifeHours: cfg.halfLifeHours,
      momentum,
      novelty: verdict.kind === 'rehash' ? 1 - verdict.similarity : verdict.novelty,
      pin: pinned ? PIN_BONUS : 0,
    };
    const followUp = verdict.kind !== 'new';
    const explain: ScoreExplain = {
      recency: recencyOf(terms5.ageHours, terms5.halfLifeHours),
      ageHours: terms5.ageHours,
      momentum,
      sourceCount: sources.length,
      novelty: terms5.novelty,
      followUpOf: followUp ? verdict.of?.title : undefined,
      weight,
      pin: terms5.pin,
      formula: formulaOf(terms5),
      halfLifeHours: cfg.halfLifeHours,
      sources,
      similarity: verdict.similarity,
      followUpIssue: followUp ? verdict.of?.issueId : undefined,
    };
    const topic: Topic = {
      id,
      title: ti.items[0]?.title ?? '',
      score: scoreOf(terms5),
      explain,
      followUp,
      items: ti.items,
      terms,
    };
    const blockedBy = blocks.has(id) ? id : [...ti.links].find((l) => blocks.has(l));
    if (blockedBy !== undefined) {
      dropped.push({ topic, reason: `blocked by the editor (${blockedBy})` });
      continue;
    }
    if (verdict.kind === 'rehash' && !pinned) {
      const of = verdict.of;
      dropped.push({
        topic,
        reason:
          `rehash of “${of?.title ?? ''}” sent in ${of?.issueId ?? '?'} (${of?.issuesAgo ?? 0} issue(s) ago): ` +
          `similarity ${f2(verdict.similarity)} ≥ ${f2(cfg.rehashThreshold)}`,
      });
      continue;
    }
    candidates.push({ topic, centroid: cl.centroid, links: ti.links, pinned, verdict });
  }

  candidates.sort((a, b) => b.topic.score - a.topic.score || (a.topic.id < b.topic.id ? -1 : 1));
  const count = input.newsletter.topStories + input.newsletter.headlines;
  const selectable: SelectCandidate[] = candidates.map((c) => ({
    score: c.topic.score,
    sources: [...new Set(c.topic.items.map((it) => it.source))],
    pinned: c.pinned,
    centroid: c.centroid,
    key: c.topic.id,
  }));
  const sel = selectDiverse(selectable, { count, lambda: cfg.mmrLambda, maxPerSource: cfg.maxPerSource }, row);
  const topics: Topic[] = sel.selected.map((i, k) => {
    const t = (candidates[i] as Scored).topic;
    t.explain.redundancy = sel.redundancy[k] ?? 0;
    return leadWith(t, sel.credited[k]);
  });
  const taken = new Set(sel.selected);
  const cappedAt = new Map(sel.capped.map((c) => [c.index, c.sources.join(', ')]));
  candidates.forEach((c, i) => {
    if (taken.has(i)) return;
    const source = cappedAt.get(i);
    dropped.push({
      topic: c.topic,
      reason:
        source !== undefined
          ? `source limit: ${source} already lead${source.includes(',') ? '' : 's'} ${cfg.maxPerSource} selected topic(s)`
          : `below the cut (${count} topics selected)`,
    });
  });
  return { topics, dropped, considered: docs.length, topStories: Math.min(input.newsletter.topStories, topics.length) };
}
