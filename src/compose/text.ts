/**
 * Terms and similarity for Korean news text, without a morphological analyser:
 * words lose their trailing particle (조사), and Hangul words also give character
 * bigrams so that 발표했다 and 발표를 still meet on 발표.
 */

const PARTICLES = [
  '으로부터',
  '로부터',
  '에서부터',
  '에게서',
  '한테서',
  '이라고',
  '에서는',
  '에서도',
  '으로는',
  '으로도',
  '이라는',
  '이라며',
  '까지는',
  '부터는',
  '에게는',
  '과의',
  '와의',
  '에서',
  '에게',
  '한테',
  '으로',
  '까지',
  '부터',
  '처럼',
  '보다',
  '라고',
  '라는',
  '라며',
  '이나',
  '이며',
  '이고',
  '에는',
  '에도',
  '로는',
  '로도',
  '과는',
  '와는',
  '이다',
  '였다',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '의',
  '에',
  '와',
  '과',
  '도',
  '로',
  '만',
  '나',
  '며',
  '고',
];

const STOPWORDS = new Set([
  '있다',
  '없다',
  '했다',
  '한다',
  '하는',
  '하고',
  '해',
  '것',
  '수',
  '등',
  '및',
  '그',
  '이',
  '저',
  '더',
  '또',
  '또한',
  '위해',
  '대한',
  '대해',
  '통해',
  '따르면',
  '밝혔다',
  '말했다',
  '전했다',
  '설명했다',
  '이번',
  '지난',
  '오는',
  '올해',
  '지난해',
  '이날',
  '현재',
  '관련',
  '때문',
  '경우',
  '가장',
  '모두',
  '같은',
  '다른',
  '이후',
  '이상',
  '이하',
  '정도',
  '라고',
  '했다고',
  '한다고',
  '있는',
  '있어',
  '있고',
  '없는',
  '되는',
  '된다',
  '됐다',
  'the',
  'a',
  'an',
  'of',
  'to',
  'in',
  'and',
  'or',
  'for',
  'on',
  'is',
  'are',
  'was',
  'with',
  'by',
  'at',
]);

/**
 * The particles by length, longest first. No particle is a suffix of one listed before it
 * (tests/compose/text.test.ts checks), so the longest particle that ends a word is the
 * first of the list that does.
 */
const PARTICLES_BY_LENGTH: ReadonlyArray<{ length: number; set: ReadonlySet<string> }> = [
  ...new Set(PARTICLES.map((p) => p.length)),
]
  .sort((a, b) => b - a)
  .map((length) => ({ length, set: new Set(PARTICLES.filter((p) => p.length === length)) }));

const HANGUL = /[\uac00-\ud7a3]/;
const WORD = /[\p{L}\p{N}]+/gu;

/** A word without its trailing particle (lower-cased): the longest particle that leaves something. */
export function stem(word: string): string {
  const w = word.toLowerCase();
  if (w.length < 2 || !HANGUL.test(w)) return w;
  for (const { length, set } of PARTICLES_BY_LENGTH) {
    if (w.length > length && set.has(w.slice(-length))) return w.slice(0, -length);
  }
  return w;
}

/** The particles `stem` strips, in the order it tries them (for tests). */
export const STEM_PARTICLES: readonly string[] = PARTICLES;

/** Index terms of a text: particle-stripped words plus Hangul bigrams. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const m of text.normalize('NFC').matchAll(WORD)) {
    const raw = m[0];
    const s = stem(raw);
    if (STOPWORDS.has(raw.toLowerCase()) || STOPWORDS.has(s)) continue;
    if (s.length >= 2 || /\d/.test(s)) out.push(s);
    if (HANGUL.test(s) && s.length >= 3) {
      for (let i = 0; i + 2 <= s.length; i++) out.push(`#${s.slice(i, i + 2)}`);
    }
  }
  return out;
}

export type Vector = Map<string, number>;

/** Term-frequency vector. */
export function termVector(text: string): Vector {
  const v: Vector = new Map();
  for (const t of terms(text)) v.set(t, (v.get(t) ?? 0) + 1);
  return v;
}

/** Weight a vector's terms by inverse document frequency. */
export function weighted(v: Vector, idf: ReadonlyMap<string, number>): Vector {
  const out: Vector = new Map();
  for (const [t, n] of v) out.set(t, (1 + Math.log(n)) * (idf.get(t) ?? 1));
  return out;
}

/** Smoothed inverse document frequency over a set of vectors. */
export function inverseDocumentFrequency(docs: readonly Vector[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const idf = new Map<string, number>();
  for (const [t, c] of df) idf.set(t, Math.log(1 + (n + 1) / (c + 0.5)));
  return idf;
}

const norms = new WeakMap<Vector, number>();

/** Euclidean norm, cached per vector (vectors are not changed after they are built). */
function norm(v: Vector): number {
  let n = norms.get(v);
  if (n === undefined) {
    n = 0;
    for (const x of v.values()) n += x * x;
    n = Math.sqrt(n);
    norms.set(v, n);
  }
  return n;
}

export function cosine(a: Vector, b: Vector): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, x] of small) {
    const y = large.get(t);
    if (y !== undefined) dot += x * y;
  }
  if (dot === 0) return 0;
  return dot / (norm(a) * norm(b));
}

/**
 * Cosine similarity of every pair of vectors, as the rows of a symmetric matrix with
 * a zero diagonal. Terms are interned to small integers and each vector is scattered
 * once into a dense scratch row, so a pair costs one array read per term of the
 * second vector instead of a map lookup.
 */
export function similarityMatrix(vectors: readonly Vector[]): Float64Array[] {
  const ids = new Map<string, number>();
  const rows = vectors.map((v) => {
    const idx = new Int32Array(v.size);
    const w = new Float64Array(v.size);
    const n = norm(v);
    let k = 0;
    for (const [t, x] of v) {
      let id = ids.get(t);
      if (id === undefined) {
        id = ids.size;
        ids.set(t, id);
      }
      idx[k] = id;
      w[k] = n > 0 ? x / n : 0;
      k++;
    }
    return { idx, w };
  });
  const n = vectors.length;
  const sim = Array.from({ length: n }, () => new Float64Array(n));
  const dense = new Float64Array(ids.size);
  for (let i = 0; i < n; i++) {
    const a = rows[i] as { idx: Int32Array; w: Float64Array };
    if (a.idx.length === 0) continue;
    for (let k = 0; k < a.idx.length; k++) dense[a.idx[k] as number] = a.w[k] as number;
    const si = sim[i] as Float64Array;
    for (let j = i + 1; j < n; j++) {
      const b = rows[j] as { idx: Int32Array; w: Float64Array };
      let dot = 0;
      for (let k = 0; k < b.idx.length; k++) dot += (dense[b.idx[k] as number] as number) * (b.w[k] as number);
      if (dot !== 0) {
        si[j] = dot;
        (sim[j] as Float64Array)[i] = dot;
      }
    }
    for (let k = 0; k < a.idx.length; k++) dense[a.idx[k] as number] = 0;
  }
  return sim;
}

/** Sum of vectors (a centroid up to scale). */
export function sum(vectors: Iterable<Vector>): Vector {
  const out: Vector = new Map();
  for (const v of vectors) for (const [t, x] of v) out.set(t, (out.get(t) ?? 0) + x);
  return out;
}

/** A sentence reduced to letters and digits, for exact-repeat checks. */
export function fingerprint(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Similarity of two short texts (unweighted term cosine), for near-duplicate checks. */
export function similarity(a: string, b: string): number {
  return cosine(termVector(a), termVector(b));
}
