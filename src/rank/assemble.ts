/**
 * One cluster becomes one scored topic: its items best first, its id, its top terms,
 * every term of its score (score.ts) and what the editor and novelty say about it.
 */
import type { RankConfig, ScoreExplain, SentTopic, Topic } from '../types.js';
import type { EditorMarks } from './editor.js';
import { judgeNovelty, type NoveltyVerdict } from './novelty.js';
import { formulaOf, PIN_BONUS, recencyOf, scoreOf, type ScoreTerms } from './score.js';
import { topicIdOf, topicItems, type WindowItem } from './topic.js';

const HOUR = 3_600_000;

export interface TopicContext {
  now: number;
  rank: RankConfig;
  sent: readonly SentTopic[];
  editor: EditorMarks;
}

export interface AssembledTopic {
  topic: Topic;
  pinned: boolean;
  /** The editor's block that matched, if any. */
  blockedBy: string | undefined;
  verdict: NoveltyVerdict;
}

/** Score a topic from its duplicate groups (earliest first) and its top terms. */
export function assembleTopic(groups: readonly WindowItem[][], terms: string[], ctx: TopicContext): AssembledTopic {
  const ti = topicItems(groups);
  const id = topicIdOf(ti.seed.item);
  // Independent sources: each representative's source once; duplicates do not count.
  const bySource = new Map<string, number>();
  let newest = -Infinity;
  for (const rep of ti.reps) {
    if (!bySource.has(rep.item.source)) bySource.set(rep.item.source, rep.weight);
    if (rep.time > newest) newest = rep.time;
  }
  const sources = [...bySource].map(([name, weight]) => ({ name, weight }));
  const momentum = sources.reduce((s, x) => s + x.weight, 0);
  const weight = sources.length ? momentum / sources.length : 1;
  const pinned = ctx.editor.pin(id, groups) !== undefined;
  const verdict = judgeNovelty(terms, ctx.sent, ctx.rank);
  const parts: ScoreTerms = {
    weight,
    ageHours: (ctx.now - newest) / HOUR,
    halfLifeHours: ctx.rank.halfLifeHours,
    momentum,
    novelty: verdict.kind === 'rehash' ? 1 - verdict.similarity : verdict.novelty,
    pin: pinned ? PIN_BONUS : 0,
  };
  const followUp = verdict.kind !== 'new';
  const explain: ScoreExplain = {
    recency: recencyOf(parts.ageHours, parts.halfLifeHours),
    ageHours: parts.ageHours,
    momentum,
    sourceCount: sources.length,
    novelty: parts.novelty,
    followUpOf: followUp ? verdict.of?.title : undefined,
    weight,
    pin: parts.pin,
    formula: formulaOf(parts),
    halfLifeHours: ctx.rank.halfLifeHours,
    sources,
    similarity: verdict.similarity,
    followUpIssue: followUp ? verdict.of?.issueId : undefined,
  };
  return {
    topic: { id, title: ti.items[0]?.title ?? '', score: scoreOf(parts), explain, followUp, items: ti.items, terms },
    pinned,
    blockedBy: ctx.editor.block(id, groups),
    verdict,
  };
}

/**
 * The topic led by its best item from `source` (when its best source already leads
 * maxPerSource topics, the next source leads); the title follows the lead item.
 */
export function leadWith(t: Topic, source: string | undefined): Topic {
  const k = t.items.findIndex((it) => it.source === source);
  if (k <= 0) return t;
  const lead = t.items[k] as Topic['items'][number];
  return { ...t, items: [lead, ...t.items.slice(0, k), ...t.items.slice(k + 1)], title: lead.title };
}
