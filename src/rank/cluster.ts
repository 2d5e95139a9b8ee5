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
import { PairSet, Postings } from './postings.js';
import { addInto, centroidOf, reservePositions, SumPool, type RunningSum } from './sums.js';
import { VectorArena, type DenseRow, type SparseVector } from './vectors.js';

export { CENTROID_SORTED_TERMS } from './sums.js';

/** Terms kept in a topic centroid. */
export const CENTROID_TERMS = 40;
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

export interface Cluster {
  /** Document indices in the order they joined (the first one started the topic). */
  members: number[];
  /** Normalized, trimmed centroid. */
  centroid: SparseVector;
}

/** The inverted index of topics: each topic listed once under each of its centroids' INDEXED_TERMS heaviest terms. */
class TopicIndex extends Postings {
  private readonly listed: PairSet;

  constructor(terms: number, expected: number) {
    super(terms, expected);
    this.listed = new PairSet(expected);
  }

  /** List topic `c` under the first INDEXED_TERMS terms of its centroid (where it is not listed yet). */
  index(c: number, centroid: SparseVector): void {
    const ids = centroid.ids;
    for (let k = 0; k < ids.length && k < INDEXED_TERMS; k++) {
      const id = ids[k] as number;
      if (this.listed.add(c, id)) this.add(id, c);
    }
  }
}

/** A topic being built. */
interface Building extends Cluster, RunningSum {}

export interface ClusterOptions {
  threshold: number;
  centroidTerms?: number;
  lookupTerms?: number;
}

/**
 * The clustering pass: `place` visits one document. Buffers are sized for the number of
 * documents up front (each document adds at most one topic, refreshes at most one
 * centroid and indexes at most INDEXED_TERMS terms).
 */
class TopicBuilder {
  readonly clusters: Building[] = [];
  private readonly postings: TopicIndex;
  private readonly pool: SumPool;
  private readonly arena: VectorArena;
  /** Votes per topic for the document being placed; zero between documents. */
  private readonly votes: Float64Array;
  private readonly touched: Int32Array;
  /** The best-voted topics, best first: MAX_CANDIDATES at most. */
  private readonly candidates = new Int32Array(MAX_CANDIDATES);
  private readonly centroidTerms: number;
  private readonly lookupTerms: number;
  private readonly threshold: number;

  constructor(
    private readonly vectors: readonly SparseVector[],
    private readonly row: DenseRow,
    options: ClusterOptions,
    docs: number,
    terms: number,
  ) {
    this.centroidTerms = options.centroidTerms ?? CENTROID_TERMS;
    this.lookupTerms = options.lookupTerms ?? CLUSTER_LOOKUP_TERMS;
    this.threshold = options.threshold;
    this.postings = new TopicIndex(terms, docs * INDEXED_TERMS);
    this.pool = new SumPool(docs * 96);
    this.arena = new VectorArena(docs * this.centroidTerms);
    this.votes = new Float64Array(docs + 1);
    this.touched = new Int32Array(docs + 1);
  }

  place(i: number): void {
    const v = this.vectors[i];
    if (!v) return;
    const best = this.closest(v);
    if (best >= 0) this.join(best, i, v);
    else this.start(i, v);
  }

  /** The topic `v` joins, or -1. */
  private closest(v: SparseVector): number {
    // Vote: each of the item's heaviest terms adds its weight to the topics listing it.
    const votes = this.votes;
    const touched = this.touched;
    const head = this.postings.head;
    const entryTopic = this.postings.value;
    const entryNext = this.postings.next;
    let nTouched = 0;
    const top = Math.min(this.lookupTerms, v.ids.length);
    for (let k = 0; k < top; k++) {
      let e = head[v.ids[k] as number] as number;
      if (e === 0) continue;
      const w = v.weights[k] as number;
      for (; e !== 0; e = entryNext[e] as number) {
        const c = entryTopic[e] as number;
        if (votes[c] === 0) touched[nTouched++] = c;
        votes[c] = (votes[c] as number) + w;
      }
    }
    if (nTouched === 0) return -1;
    // The MAX_CANDIDATES best-voted plausible topics (more votes first, then the older topic).
    const candidates = this.candidates;
    const floor = this.threshold / 2;
    let nBest = 0;
    for (let t = 0; t < nTouched; t++) {
      const c = touched[t] as number;
      const vc = votes[c] as number;
      if (vc < floor) continue;
      let at = nBest;
      while (at > 0) {
        const o = candidates[at - 1] as number;
        const vo = votes[o] as number;
        if (vo > vc || (vo === vc && o < c)) break;
        at--;
      }
      if (at >= MAX_CANDIDATES) continue;
      const end = nBest < MAX_CANDIDATES ? nBest++ : nBest - 1;
      for (let m = end; m > at; m--) candidates[m] = candidates[m - 1] as number;
      candidates[at] = c;
    }
    for (let t = 0; t < nTouched; t++) votes[touched[t] as number] = 0;
    // The most similar, ties going to the older topic, if also close enough to the topic's first item.
    let best = -1;
    let bestSim = this.threshold;
    const seedFloor = this.threshold * SEED_FACTOR;
    const row = this.row;
    row.load(v);
    for (let k = 0; k < nBest; k++) {
      const c = candidates[k] as number;
      const cl = this.clusters[c] as Building;
      const sim = row.dot(cl.centroid);
      if (sim > bestSim || (sim === bestSim && (best < 0 || c < best))) {
        if (row.dot(this.vectors[cl.members[0] as number] as SparseVector) < seedFloor) continue;
        bestSim = sim;
        best = c;
      }
    }
    row.unload();
    return best;
  }

  private join(c: number, i: number, v: SparseVector): void {
    const cl = this.clusters[c] as Building;
    cl.members.push(i);
    addInto(cl, v, this.centroidTerms, this.pool);
    const size = cl.members.length;
    if (size <= EXACT_CENTROID || size % CENTROID_REFRESH === 0) {
      cl.centroid = centroidOf(cl, this.centroidTerms, this.pool, this.arena);
      this.postings.index(c, cl.centroid);
    }
  }

  private start(i: number, v: SparseVector): void {
    const cap = Math.max(64, Math.min(this.centroidTerms, v.ids.length));
    const cl: Building = { members: [i], centroid: v, sumAt: this.pool.take(cap), sumCap: cap, sumSize: 0 };
    addInto(cl, v, this.centroidTerms, this.pool);
    cl.centroid = centroidOf(cl, this.centroidTerms, this.pool, this.arena);
    this.clusters.push(cl);
    this.postings.index(this.clusters.length - 1, cl.centroid);
  }
}

/** Cluster the documents visited in `order` (earliest first). */
export function clusterVectors(
  vectors: readonly SparseVector[],
  order: readonly number[],
  row: DenseRow,
  options: ClusterOptions,
): Cluster[] {
  let terms = 0;
  for (const i of order) {
    const ids = vectors[i]?.ids;
    if (ids) for (let k = 0; k < ids.length; k++) if ((ids[k] as number) >= terms) terms = (ids[k] as number) + 1;
  }
  reservePositions(terms);
  const builder = new TopicBuilder(vectors, row, options, order.length, terms);
  for (const i of order) builder.place(i);
  return builder.clusters.map(({ members, centroid }) => ({ members, centroid }));
}
