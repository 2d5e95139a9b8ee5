/**
 * Single-pass clustering in time order: each item joins the most similar topic whose
 * centroid is at least `threshold` cosine to it (and whose first item at least
 * SEED_FACTOR × threshold), or starts a new topic. A centroid is the
 * normalized sum of its members' vectors (each member adds its first CENTROID_TERMS
 * terms: its heaviest, the first ITEM_SORTED_TERMS of them in order), trimmed to
 * CENTROID_TERMS terms; once a topic has more than EXACT_CENTROID
 * members its centroid is refreshed every CENTROID_REFRESH joins (one more item barely
 * moves it).
 *
 * Candidate topics come from an inverted index over each centroid's INDEXED_TERMS
 * heaviest terms: the item's CLUSTER_LOOKUP_TERMS heaviest terms vote (with their
 * weights) for the topics listing them, and only the MAX_CANDIDATES best-voted topics
 * with a plausible vote are compared in full.
 */
import { finishVector, type DenseRow, type SparseVector } from './vectors.js';

/** Terms kept in a topic centroid. */
export const CENTROID_TERMS = 40;
/** Centroid terms kept in order (the index and a topic's terms read these). */
export const CENTROID_SORTED_TERMS = 20;
/** Heaviest item terms used to look up candidate topics. */
export const CLUSTER_LOOKUP_TERMS = 24;
/** Heaviest centroid terms listed in the inverted index. */
export const INDEXED_TERMS = 20;
/** Topics compared in full per item, at most. */
export const MAX_CANDIDATES = 16;
/** Topics up to this size get a fresh centroid on every join. */
export const EXACT_CENTROID = 8;
/** Larger topics refresh their centroid every this many joins. */
export const CENTROID_REFRESH = 4;
/**
 * An item joins a topic only if it is also at least SEED_FACTOR × threshold similar to
 * the item that started the topic, so a topic cannot drift, item by item, into another story.
 */
export const SEED_FACTOR = 0.75;
/** Running sums are pruned back to this many terms when they grow past twice as many. */
const SUM_TERMS = 120;

export interface Cluster {
  /** Document indices in the order they joined (the first one started the topic). */
  members: number[];
  /** Normalized, trimmed centroid. */
  centroid: SparseVector;
}

interface Building extends Cluster {
  sum: Map<number, number>;
  indexed: Set<number>;
}

let scratchIds = new Int32Array(512);
let scratchW = new Float64Array(512);

/** The running sum as a (not normalized) vector of its `terms` heaviest terms. */
function topOfSum(sum: Map<number, number>, terms: number): SparseVector {
  if (scratchIds.length < sum.size) {
    scratchIds = new Int32Array(sum.size * 2);
    scratchW = new Float64Array(sum.size * 2);
  }
  let k = 0;
  for (const [id, w] of sum) {
    scratchIds[k] = id;
    scratchW[k++] = w;
  }
  return finishVector(scratchIds, scratchW, terms, Math.min(terms, CENTROID_SORTED_TERMS), 0, k);
}

function addInto(sum: Map<number, number>, v: SparseVector, terms: number): void {
  const n = Math.min(terms, v.ids.length);
  for (let k = 0; k < n; k++) {
    const id = v.ids[k] as number;
    sum.set(id, (sum.get(id) ?? 0) + (v.weights[k] as number));
  }
  if (sum.size > 2 * SUM_TERMS) {
    const keep = new Set(topOfSum(sum, SUM_TERMS).ids);
    for (const id of [...sum.keys()]) if (!keep.has(id)) sum.delete(id);
  }
}

function centroidOf(sum: Map<number, number>, terms: number): SparseVector {
  return topOfSum(sum, terms);
}

export interface ClusterOptions {
  threshold: number;
  centroidTerms?: number;
  lookupTerms?: number;
}

/** Cluster the documents visited in `order` (earliest first). */
export function clusterVectors(
  vectors: readonly SparseVector[],
  order: readonly number[],
  row: DenseRow,
  options: ClusterOptions,
): Cluster[] {
  const centroidTerms = options.centroidTerms ?? CENTROID_TERMS;
  const lookupTerms = options.lookupTerms ?? CLUSTER_LOOKUP_TERMS;
  const clusters: Building[] = [];
  const postings = new Map<number, number[]>();
  let votes = new Float64Array(256);
  const touched: number[] = [];
  const index = (c: number): void => {
    const cl = clusters[c] as Building;
    const ids = cl.centroid.ids;
    for (let k = 0; k < ids.length && k < INDEXED_TERMS; k++) {
      const id = ids[k] as number;
      if (cl.indexed.has(id)) continue;
      cl.indexed.add(id);
      const list = postings.get(id);
      if (list) list.push(c);
      else postings.set(id, [c]);
    }
  };
  for (const i of order) {
    const v = vectors[i];
    if (!v) continue;
    // Vote: each of the item's heaviest terms adds its weight to the topics listing it.
    touched.length = 0;
    const top = Math.min(lookupTerms, v.ids.length);
    for (let k = 0; k < top; k++) {
      const list = postings.get(v.ids[k] as number);
      if (!list) continue;
      const w = v.weights[k] as number;
      for (let p = 0; p < list.length; p++) {
        const c = list[p] as number;
        if (votes[c] === 0) touched.push(c);
        votes[c] = (votes[c] as number) + w;
      }
    }
    let best = -1;
    let bestSim = options.threshold;
    const seedFloor = options.threshold * SEED_FACTOR;
    if (touched.length > 0) {
      const floor = options.threshold / 2;
      const plausible = touched.filter((c) => (votes[c] as number) >= floor);
      plausible.sort((a, b) => (votes[b] as number) - (votes[a] as number) || a - b);
      row.load(v);
      for (let k = 0; k < plausible.length && k < MAX_CANDIDATES; k++) {
        const c = plausible[k] as number;
        const cl = clusters[c] as Building;
        const sim = row.dot(cl.centroid);
        // Ties go to the older topic.
        if (sim > bestSim || (sim === bestSim && (best < 0 || c < best))) {
          if (row.dot(vectors[cl.members[0] as number] as SparseVector) < seedFloor) continue;
          bestSim = sim;
          best = c;
        }
      }
      row.unload();
      for (const c of touched) votes[c] = 0;
    }
    if (best >= 0) {
      const cl = clusters[best] as Building;
      cl.members.push(i);
      addInto(cl.sum, v, centroidTerms);
      const size = cl.members.length;
      if (size <= EXACT_CENTROID || size % CENTROID_REFRESH === 0) {
        cl.centroid = centroidOf(cl.sum, centroidTerms);
        index(best);
      }
    } else {
      const sum = new Map<number, number>();
      addInto(sum, v, centroidTerms);
      clusters.push({ members: [i], centroid: centroidOf(sum, centroidTerms), sum, indexed: new Set() });
      if (clusters.length > votes.length) {
        const grown = new Float64Array(votes.length * 2);
        grown.set(votes);
        votes = grown;
      }
      index(clusters.length - 1);
    }
  }
  return clusters.map(({ members, centroid }) => ({ members, centroid }));
}
