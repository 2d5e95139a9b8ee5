/**
 * Novelty against topics sent in earlier issues. Topics are compared by their top terms
 * (the store keeps only those), each list weighted by rank; the similarity fades linearly
 * with the number of issues since it was sent and is gone after `noveltyIssues`.
 */
import type { SentTopic } from '../types.js';

export interface NoveltyConfig {
  rehashThreshold: number;
  followUpThreshold: number;
  noveltyIssues: number;
}

export interface NoveltyVerdict {
  kind: 'new' | 'follow-up' | 'rehash';
  /** 1 for a new story; 1 − similarity for a follow-up; 0 for a rehash. */
  novelty: number;
  /** Decayed similarity to the closest sent topic (0 when none). */
  similarity: number;
  /** The closest sent topic, when it matters (follow-up or rehash). */
  of?: SentTopic | undefined;
}

/** Weight of the term at position `rank` in a top-terms list. */
function rankWeight(rank: number): number {
  return 1 / Math.log2(rank + 2);
}

/** Cosine of two ranked term lists, each term weighted by its rank (first = heaviest). */
export function termSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const wb = new Map<string, number>();
  let nb = 0;
  b.forEach((t, i) => {
    if (wb.has(t)) return;
    const w = rankWeight(i);
    wb.set(t, w);
    nb += w * w;
  });
  let na = 0;
  let dot = 0;
  const seen = new Set<string>();
  a.forEach((t, i) => {
    if (seen.has(t)) return;
    seen.add(t);
    const w = rankWeight(i);
    na += w * w;
    dot += w * (wb.get(t) ?? 0);
  });
  return dot / Math.sqrt(na * nb);
}

/** 1 for the latest issue, fading linearly to 0 at `noveltyIssues` issues ago. */
export function issueDecay(issuesAgo: number, noveltyIssues: number): number {
  if (noveltyIssues <= 0 || issuesAgo >= noveltyIssues) return 0;
  return 1 - Math.max(0, issuesAgo) / noveltyIssues;
}

export function judgeNovelty(terms: readonly string[], sent: readonly SentTopic[], cfg: NoveltyConfig): NoveltyVerdict {
  let best: SentTopic | undefined;
  let bestSim = 0;
  for (const s of sent) {
    const decay = issueDecay(s.issuesAgo, cfg.noveltyIssues);
    if (decay <= 0) continue;
    const sim = termSimilarity(terms, s.terms) * decay;
    if (sim > bestSim || (sim === bestSim && best && s.issuesAgo < best.issuesAgo)) {
      bestSim = sim;
      best = s;
    }
  }
  if (best && bestSim >= cfg.rehashThreshold) return { kind: 'rehash', novelty: 0, similarity: bestSim, of: best };
  if (best && bestSim >= cfg.followUpThreshold)
    return { kind: 'follow-up', novelty: 1 - bestSim, similarity: bestSim, of: best };
  return { kind: 'new', novelty: 1, similarity: bestSim };
}
