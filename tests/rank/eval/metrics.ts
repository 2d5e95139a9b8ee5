/**
 * Clustering quality against gold labels: pairwise precision/recall/F1 (over all pairs
 * of items) and B-cubed precision/recall/F1 (per item, averaged).
 */
export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** `predicted` and `gold` map each item id to a cluster label. Items missing from `predicted` are singletons. */
export function pairwise(predicted: ReadonlyMap<number, string>, gold: ReadonlyMap<number, string>): Scores {
  const ids = [...gold.keys()];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let a = 0; a < ids.length; a++) {
    for (let b = a + 1; b < ids.length; b++) {
      const x = ids[a] as number;
      const y = ids[b] as number;
      const samePred = predicted.has(x) && predicted.get(x) === predicted.get(y);
      const sameGold = gold.get(x) === gold.get(y);
      if (samePred && sameGold) tp++;
      else if (samePred) fp++;
      else if (sameGold) fn++;
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { precision, recall, f1: f1(precision, recall) };
}

export function bcubed(predicted: ReadonlyMap<number, string>, gold: ReadonlyMap<number, string>): Scores {
  const ids = [...gold.keys()];
  const pred = (id: number): string => predicted.get(id) ?? `single:${id}`;
  let p = 0;
  let r = 0;
  for (const i of ids) {
    let samePred = 0;
    let sameGold = 0;
    let both = 0;
    for (const j of ids) {
      const sp = pred(i) === pred(j);
      const sg = gold.get(i) === gold.get(j);
      if (sp) samePred++;
      if (sg) sameGold++;
      if (sp && sg) both++;
    }
    p += both / samePred;
    r += both / sameGold;
  }
  const precision = p / ids.length;
  const recall = r / ids.length;
  return { precision, recall, f1: f1(precision, recall) };
}
