/**
 * TextRank centrality: PageRank over the sentence similarity graph
 * (Mihalcea & Tarau 2004), edges weighted by cosine similarity. Self-loops and
 * non-positive weights are ignored.
 */
export function textRank(sim: readonly ArrayLike<number>[], damping = 0.85, iterations = 40): number[] {
  const n = sim.length;
  if (n === 0) return [];
  if (n === 1) return [1];
  // Edge weights, once: no self-loops, nothing below zero; and each row's total.
  const edges: Float64Array[] = [];
  const outSum = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const row = sim[j] as ArrayLike<number>;
    const e = new Float64Array(n);
    let s = 0;
    for (let i = 0; i < n; i++) {
      const w = row[i] ?? 0;
      if (i !== j && w > 0) {
        e[i] = w;
        s += w;
      }
    }
    edges.push(e);
    outSum[j] = s;
  }
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    next.fill((1 - damping) / n);
    // Sentences that share nothing spread their rank evenly.
    let isolated = 0;
    for (let j = 0; j < n; j++) {
      const out = outSum[j] as number;
      const rj = rank[j] as number;
      if (out === 0) {
        isolated += rj;
        continue;
      }
      const e = edges[j] as Float64Array;
      const f = (damping * rj) / out;
      for (let i = 0; i < n; i++) next[i] = (next[i] as number) + f * (e[i] as number);
    }
    if (isolated > 0) {
      const share = (damping * isolated) / n;
      for (let i = 0; i < n; i++) next[i] = (next[i] as number) + share;
    }
    [rank, next] = [next, rank];
  }
  return Array.from(rank);
}
