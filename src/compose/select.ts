/**
 * Key-sentence selection: every candidate sentence gets a score from its
 * position, its TextRank centrality, its similarity to the topic, cue words of
 * significance, cause, concern and outlook, and support from other sources;
 * sentences that open with a connective or run long are penalized. Sentences are
 * then picked with maximal marginal relevance (MMR) so the picks do not repeat
 * each other.
 */
import { restatesFact } from './restate.js';
import { textRank } from './textrank.js';
import { cosine, inverseDocumentFrequency, similarityMatrix, sum, termVector, weighted, type Vector } from './text.js';

export interface Candidate {
  text: string;
  /** Index of the sentence within its article (0 = first). */
  position: number;
  /** Index of the article within the topic (0 = best article). */
  item: number;
}

export interface SelectorWeights {
  position: number;
  centrality: number;
  topic: number;
  cue: number;
  support: number;
  /** Subtracted when the sentence opens with a connective (또한, 한편, 다만, …). */
  connective: number;
  /** Subtracted when the sentence runs over `longChars`. */
  long: number;
  /** Subtracted when the sentence is shorter than `shortChars`. */
  short: number;
  /** Share of the topic vector that comes from the title/headline (the rest is the centroid). */
  titleShare: number;
}

/**
 * Weights and MMR_LAMBDA chosen by a coarse grid on the dacon-10 set; titleShare
 * (dacon-10 has no titles) on the odd-numbered sci-news-sum-kr-50 articles. See
 * tests/corpus/summarize-eval.test.ts for the figures.
 */
export const DEFAULT_WEIGHTS: Readonly<SelectorWeights> = Object.freeze({
  position: 1,
  centrality: 0.5,
  topic: 1.5,
  cue: 0.3,
  support: 0.5,
  connective: 0.4,
  long: 0.3,
  short: 0.5,
  titleShare: 0.3,
});

/** MMR trade-off, chosen with the weights. */
export const MMR_LAMBDA = 0.6;

/** A sentence of another article this similar backs a candidate (counts toward support). */
export const SUPPORT_SIMILARITY = 0.25;

export const LONG_CHARS = 200;
export const SHORT_CHARS = 20;

/** Words that carry significance, cause, concern or outlook. */
const CUES: readonly RegExp[] = [
  /중요|최초|처음|최대|최고|최저|역대|사상|핵심|본격|첫/,
  /때문|영향|원인|결과|계기|덕분|여파/,
  /우려|위험|위기|경고|논란|비판|부담|타격|불안/,
  /전망|예상|예정|계획|방침|목표|기대|가능성|추진|앞으로|향후/,
];

const CONNECTIVE =
  /^(또한|또|한편|다만|이에|그러나|하지만|그런데|그러면서|이어|아울러|이와\s?함께|이밖에|이 밖에|반면|그리고|따라서|그래서|특히|물론)[\s,]/;

export function cueScore(text: string): number {
  let hits = 0;
  for (const re of CUES) if (re.test(text)) hits++;
  return Math.min(1, hits / 2);
}

export function startsWithConnective(text: string): boolean {
  return CONNECTIVE.test(text.trim());
}

export interface ScoreContext {
  /** The topic's headline or title; optional. */
  title?: string | undefined;
  weights?: Partial<SelectorWeights> | undefined;
  /** The term-frequency vector of a text (`termVector`), when the caller already keeps them. */
  vectorOf?: ((text: string) => Vector) | undefined;
}

export interface Scored {
  candidate: Candidate;
  score: number;
  /** Weighted term vector (for MMR and near-duplicate checks). */
  vector: Vector;
  /** Cosine similarity to each candidate of the same call, by index (a row of the similarity matrix). */
  similarity: Float64Array;
  features: { position: number; centrality: number; topic: number; cue: number; support: number };
}

function normalizeMax(xs: readonly number[]): number[] {
  const max = Math.max(0, ...xs);
  return max > 0 ? xs.map((x) => x / max) : xs.map(() => 0);
}

function scaled(v: Vector, k: number): Vector {
  const out: Vector = new Map();
  let norm = 0;
  for (const x of v.values()) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm === 0) return out;
  for (const [t, x] of v) out.set(t, (x / norm) * k);
  return out;
}

/** Score every candidate; the order of the result follows the input. */
export function scoreCandidates(candidates: readonly Candidate[], ctx: ScoreContext = {}): Scored[] {
  const w: SelectorWeights = { ...DEFAULT_WEIGHTS, ...ctx.weights };
  const vectorOf = ctx.vectorOf ?? termVector;
  const raw = candidates.map((c) => vectorOf(c.text));
  const idf = inverseDocumentFrequency(raw);
  const vectors = raw.map((v) => weighted(v, idf));
  const n = candidates.length;

  const sim = similarityMatrix(vectors);
  const centrality = normalizeMax(textRank(sim));

  const centroid = scaled(sum(vectors), 1);
  const titleVec = ctx.title ? scaled(weighted(termVector(ctx.title), idf), 1) : new Map<string, number>();
  const share = titleVec.size > 0 ? w.titleShare : 0;
  const topicVec = sum([scaled(titleVec, share), scaled(centroid, 1 - share)]);
  const topic = normalizeMax(vectors.map((v) => cosine(v, topicVec)));

  const items = new Set(candidates.map((c) => c.item));
  const otherItems = Math.max(0, items.size - 1);

  return candidates.map((c, i) => {
    const position = 1 / Math.sqrt(1 + c.position);
    let support = 0;
    if (otherItems > 0) {
      const backers = new Set<number>();
      const row = sim[i] as Float64Array;
      for (let j = 0; j < n; j++) {
        if ((row[j] as number) < SUPPORT_SIMILARITY) continue;
        const other = candidates[j];
        if (other && other.item !== c.item) backers.add(other.item);
      }
      support = backers.size / otherItems;
    }
    const cue = cueScore(c.text);
    const len = c.text.length;
    const features = { position, centrality: centrality[i] ?? 0, topic: topic[i] ?? 0, cue, support };
    const score =
      w.position * position +
      w.centrality * features.centrality +
      w.topic * features.topic +
      w.cue * cue +
      w.support * support -
      (startsWithConnective(c.text) ? w.connective : 0) -
      (len > LONG_CHARS ? w.long * Math.min(1, (len - LONG_CHARS) / LONG_CHARS + 0.5) : 0) -
      (len < SHORT_CHARS ? w.short : 0);
    return {
      candidate: c,
      score,
      vector: vectors[i] ?? new Map(),
      similarity: sim[i] ?? new Float64Array(n),
      features,
    };
  });
}

export interface MmrOptions {
  /** Trade-off between score (1) and novelty against the picks so far (0). */
  lambda?: number;
  /** Never pick a sentence this similar to one already picked or excluded. */
  duplicateThreshold?: number;
  /**
   * Indices into `scored` that must not be picked because they are already in
   * place (the lead): they count as picked for redundancy and near-duplicates.
   */
  exclude?: readonly number[];
  /** Only these indices may be picked (all when absent). */
  only?: readonly number[];
  /** Also drop sentences that restate a fact or a quantity (152억, 38%) of a placed or picked sentence. */
  dropRestatements?: boolean;
}

const QUANTITY = /\d[\d,.]*\s*(?:%|퍼센트|조|억|만|천|달러|원|엔|위안|유로|명|배|톤|건|개|곳|대)|\d{3,}/g;

/** Quantities a sentence states (152억, 38%, 1550원): the identity of a fact. */
export function quantities(text: string): Set<string> {
  return new Set([...text.matchAll(QUANTITY)].map((m) => m[0].replace(/[\s,]/g, '')));
}

/** Above this similarity, sharing a stated quantity makes a sentence a restatement. */
export const RESTATEMENT_SIMILARITY = 0.15;

/**
 * Whether b says again what a said: near-identical terms, one fact in other words (another
 * outlet's version, `restatesFact`), or the same quantity in a related sentence.
 */
function restates(a: Scored, b: Scored, sim: number, duplicate: number, quantitiesToo: boolean): boolean {
  if (sim >= duplicate) return true;
  if (!quantitiesToo) return false;
  if (restatesFact(a.candidate.text, b.candidate.text)) return true;
  if (sim < RESTATEMENT_SIMILARITY) return false;
  const qa = quantities(a.candidate.text);
  if (qa.size === 0) return false;
  for (const q of quantities(b.candidate.text)) if (qa.has(q)) return true;
  return false;
}

/** Pick up to `count` candidates by MMR; returns indices into `scored`, best pick first. */
export function mmrSelect(scored: readonly Scored[], count: number, opts: MmrOptions = {}): number[] {
  const lambda = opts.lambda ?? MMR_LAMBDA;
  const dup = opts.duplicateThreshold ?? 0.6;
  const placed = [...new Set(opts.exclude ?? [])].filter((i) => scored[i]);
  const open = new Set((opts.only ?? scored.map((_, i) => i)).filter((i) => scored[i] && !placed.includes(i)));
  const simOf = (a: Scored, b: Scored, j: number): number => a.similarity[j] ?? cosine(a.vector, b.vector);
  // Highest similarity of each open candidate to the placed and picked ones, kept up to date.
  const redundancy = new Map<number, number>();
  const drop = (anchor: number): void => {
    const a = scored[anchor];
    if (!a) return;
    for (const i of open) {
      const b = scored[i];
      if (!b) continue;
      const sim = simOf(a, b, i);
      if (restates(a, b, sim, dup, opts.dropRestatements ?? false)) open.delete(i);
      else redundancy.set(i, Math.max(redundancy.get(i) ?? 0, sim));
    }
  };
  for (const i of placed) drop(i);
  const scores = [...open].map((i) => scored[i]?.score ?? 0);
  const lo = Math.min(...scores);
  const hi = Math.max(...scores);
  const norm = (x: number): number => (hi > lo ? (x - lo) / (hi - lo) : 1);
  const picked: number[] = [];
  while (picked.length < count && open.size > 0) {
    let best = -1;
    let bestValue = -Infinity;
    for (const i of open) {
      const s = scored[i];
      if (!s) continue;
      const value = lambda * norm(s.score) - (1 - lambda) * (redundancy.get(i) ?? 0);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    picked.push(best);
    open.delete(best);
    drop(best);
  }
  return picked;
}

/**
 * The key sentences of one article: indices into `sentences`, in selection order.
 * The same scoring the 왜 중요하냐면 section uses, applied to a whole article.
 */
export function selectKeySentences(
  sentences: readonly string[],
  opts: { title?: string | undefined; count?: number; weights?: Partial<SelectorWeights>; lambda?: number } = {},
): number[] {
  const candidates = sentences.map((text, position) => ({ text, position, item: 0 }));
  const scored = scoreCandidates(candidates, { title: opts.title, weights: opts.weights });
  return mmrSelect(scored, opts.count ?? 3, { lambda: opts.lambda ?? MMR_LAMBDA, duplicateThreshold: 0.9 });
}
