/**
 * TextRank centrality: PageRank over the sentence similarity graph
 * (Mihalcea & Tarau 2004), edges weighted by cosine similarity.
 */
export function textRank(sim: readonly (readonly number[])[], damping = 0.85, iterations = 40): number[] {
  const n = sim.length;
  if (n === 0) return [];
  const outSum = sim.map((row, i) => row.reduce((s, w, j) => (j === i ? s : s + w), 0));
  let rank = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < iterations; it++) {
    const next = new Array<number>(n).fill((1 - damping) / n);
    for (let j = 0; j < n; j++) {
      const out = outSum[j] ?? 0;
      const rj = rank[j] ?? 0;
      if (out === 0) {
        // A sentence that shares nothing spreads its rank evenly.
        for (let i = 0; i < n; i++) next[i] = (next[i] ?? 0) + (damping * rj) / n;
        continue;
      }
      const row = sim[j] ?? [];
      for (let i = 0; i < n; i++) {
        if (i === j) continue;
        const w = row[i] ?? 0;
        if (w > 0) next[i] = (next[i] ?? 0) + (damping * rj * w) / out;
      }
    }
    rank = next;
  }
  return rank;
}
