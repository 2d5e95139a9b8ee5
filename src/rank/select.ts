/**
 * Selection: pinned topics first, then greedy maximal marginal relevance (MMR) over the
 * rest: each step takes the topic with the highest
 *   λ × score / best score − (1 − λ) × (highest cosine to a topic already taken),
 * A topic is credited to the first of its sources (best first) that has fewer than
 * `maxPerSource` topics taken; a topic whose sources are all full is passed over.
 */
import type { DenseRow, SparseVector } from './vectors.js';

export interface SelectCandidate {
  score: number;
  /** The topic's independent sources, best item's source first. */
  sources: readonly string[];
  pinned: boolean;
  centroid: SparseVector;
  /** Tie-breaker for equal values (e.g. the topic id). */
  key: string;
}

export interface SelectOptions {
  count: number;
  lambda: number;
  maxPerSource: number;
}

export interface Selection {
  /** Candidate indices in issue order. */
  selected: number[];
  /** Highest similarity of each selected topic to the ones taken before it (same order). */
  redundancy: number[];
  /** Source each selected topic is credited to (same order). */
  credited: string[];
  /** Candidates passed over because all their sources were full. */
  capped: Array<{ index: number; sources: readonly string[] }>;
}

export function selectDiverse(cands: readonly SelectCandidate[], opts: SelectOptions, row: DenseRow): Selection {
  const selected: number[] = [];
  const redundancy: number[] = [];
  const credited: string[] = [];
  const capped: Selection['capped'] = [];
  const perSource = new Map<string, number>();
  const maxSim = new Float64Array(cands.length);
  const open = new Set(cands.map((_, i) => i));
  const take = (i: number, source: string): void => {
    const c = cands[i];
    if (!c) return;
    open.delete(i);
    selected.push(i);
    redundancy.push(maxSim[i] ?? 0);
    credited.push(source);
    perSource.set(source, (perSource.get(source) ?? 0) + 1);
    row.load(c.centroid);
    for (const j of open) {
      const s = row.dot(cands[j]?.centroid ?? c.centroid);
      if (s > (maxSim[j] ?? 0)) maxSim[j] = s;
    }
    row.unload();
  };
  const byScore = (a: number, b: number): number => {
    const ca = cands[a];
    const cb = cands[b];
    if (!ca || !cb) return 0;
    return cb.score - ca.score || (ca.key < cb.key ? -1 : ca.key > cb.key ? 1 : 0);
  };
  // Editor pins go first, in score order, whatever their source.
  for (const i of [...open].filter((i) => cands[i]?.pinned).sort(byScore)) {
    if (selected.length >= opts.count) break;
    const c = cands[i];
    take(i, c?.sources[0] ?? '');
  }
  const top = Math.max(1e-9, ...[...open].map((i) => cands[i]?.score ?? 0));
  while (selected.length < opts.count && open.size > 0) {
    let best = -1;
    let bestValue = -Infinity;
    for (const i of open) {
      const c = cands[i];
      if (!c) continue;
      const value = opts.lambda * (c.score / top) - (1 - opts.lambda) * (maxSim[i] ?? 0);
      if (value > bestValue || (value === bestValue && best >= 0 && byScore(i, best) < 0)) {
        bestValue = value;
        best = i;
      }
    }
    const c = cands[best];
    if (best < 0 || !c) break;
    const source = c.sources.find((s) => (perSource.get(s) ?? 0) < opts.maxPerSource);
    if (source === undefined) {
      open.delete(best);
      capped.push({ index: best, sources: c.sources });
      continue;
    }
    take(best, source);
  }
  return { selected, redundancy, credited, capped };
}
