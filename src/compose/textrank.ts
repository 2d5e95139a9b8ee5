/**
 * TextRank centrality: PageRank over the sentence similarity graph
 * (Mihalcea & Tarau 2004), edges weighted by cosine similarity.
 */
export function textRank(sim: readonly ArrayLike<number>[], damping = 0.85, iterations = 40): number[] {
  const n = sim.length;
  if (n === 0) return [];
  if (n === 1) return [1];
  const outSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = sim[i] as ArrayLike<number>;
    let s = 0;
    for (let j = 0; j < n; j++) if (j !== i) s += row[j] ?? 0;
    outSum[i] = s;
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
      const row = sim[j] as ArrayLike<number>;
      const f = (damping * rj) / out;
      for (let i = 0; i < n; i++) {
        if (i === j) continue;
        const w = row[i] ?? 0;
        if (w > 0) next[i] = (next[i] as number) + f * w;
      }
    }
    if (isolated > 0) {
      const share = (damping * isolated) / n;
      for (let i = 0; i < n; i++) next[i] = (next[i] as number) + share;
    }
    [rank, next] = [next, rank];
  }
  return Array.from(rank);
}
