import { fingerprint, termVector, type Vector } from './text.js';

/** Above this term similarity two sentences say the same thing. */
export const REPEAT_SIMILARITY = 0.8;

interface Known {
  key: string;
  vector: Vector;
  norm: number;
}

function normOf(v: Vector): number {
  let n = 0;
  for (const x of v.values()) n += x * x;
  return Math.sqrt(n);
}

/**
 * Sentences already placed in the issue, so none is repeated anywhere. It also
 * remembers each sentence it has been asked about (its fingerprint and term
 * vector), so one issue analyses a sentence once however often it is weighed.
 */
export class UsedSentences {
  private readonly keys = new Set<string>();
  /** Norm of each placed sentence's term vector. */
  private readonly placed: number[] = [];
  /** Term → [placed index, weight] of the placed sentences that contain it. */
  private readonly postings = new Map<string, Array<[number, number]>>();
  private readonly known = new Map<string, Known>();

  private look(text: string): Known {
    let k = this.known.get(text);
    if (!k) {
      const vector = termVector(text);
      k = { key: fingerprint(text), vector, norm: normOf(vector) };
      this.known.set(text, k);
    }
    return k;
  }

  /** The sentence's term-frequency vector (the one `termVector` gives), computed once per issue. */
  vectorOf(text: string): Vector {
    return this.look(text).vector;
  }

  has(text: string): boolean {
    const k = this.look(text);
    if (this.keys.has(k.key)) return true;
    if (this.placed.length === 0 || k.norm === 0) return false;
    // Dot products with every placed sentence that shares a term, through the postings.
    const dots = new Map<number, number>();
    for (const [t, x] of k.vector) {
      const list = this.postings.get(t);
      if (list) for (const [u, y] of list) dots.set(u, (dots.get(u) ?? 0) + x * y);
    }
    for (const [u, dot] of dots) {
      const norm = this.placed[u] ?? 0;
      if (norm > 0 && dot / (k.norm * norm) >= REPEAT_SIMILARITY) return true;
    }
    return false;
  }

  add(text: string): void {
    const k = this.look(text);
    this.keys.add(k.key);
    const u = this.placed.length;
    this.placed.push(k.norm);
    for (const [t, x] of k.vector) {
      const list = this.postings.get(t);
      if (list) list.push([u, x]);
      else this.postings.set(t, [[u, x]]);
    }
  }

  addAll(texts: Iterable<string>): void {
    for (const t of texts) this.add(t);
  }
}
