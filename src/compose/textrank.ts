/**
 * TextRank centrality: PageRank over the sentence similarity graph
 * (Mihalcea & Tarau 2004), edges weighted by cosine similarity. Self-loops and
 * non-positive weights are ignored.
 *
 * Sentences of one topic share terms with only a fraction of the others (a quarter
 * is typical), so the edges are kept as lists of (target, weight) per sentence and
 * each iteration walks the edges, not the whole matrix. The sums run in the same
 * order as over the dense matrix, so the ranks are the same to the last bit.
 */
export function textRank(sim: readonly ArrayLike<number>[], damping = 0.85, iterations = 40): number[] {
  const n = sim.length;
  if (n === 0) return [];
  if (n === 1) return [1];
  // Edges out of sentence j are targets[start[j] .. start[j + 1]), with their weights.
  const start = new Int32Array(n + 1);
  let count = 0;
  for (let j = 0; j < n; j++) {
    const row = sim[j] as ArrayLike<number>;
    for (let i = 0; i < n; i++) if (i !== j && (row[i] ?? 0) > 0) count++;
  }
  const targets = new Int32Array(count);
  const weights = new Float64Array(count);
  const outSum = new Float64Array(n);
  let e = 0;
  for (let j = 0; j < n; j++) {
    const row = sim[j] as ArrayLike<number>;
    start[j] = e;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const w = row[i] ?? 0;
      if (i !== j && w > 0) {
        targets[e] = i;
        weights[e++] = w;
        s += w;
      }
    }
    outSum[j] = s;
  }
  start[n] = e;

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
      const f = (damping * rj) / out;
      const to = start[j + 1] as number;
      for (let k = start[j] as number; k < to; k++) {
        const i = targets[k] as number;
        next[i] = (next[i] as number) + f * (weights[k] as number);
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
