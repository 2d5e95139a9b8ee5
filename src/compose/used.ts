import { cosine, fingerprint, termVector, type Vector } from './text.js';

/** Above this term similarity two sentences say the same thing. */
export const REPEAT_SIMILARITY = 0.8;

/** Sentences already placed in the issue, so none is repeated anywhere. */
export class UsedSentences {
  private readonly keys = new Set<string>();
  private readonly vectors: Vector[] = [];

  has(text: string): boolean {
    if (this.keys.has(fingerprint(text))) return true;
    if (this.vectors.length === 0) return false;
    const v = termVector(text);
    return this.vectors.some((u) => cosine(u, v) >= REPEAT_SIMILARITY);
  }

  add(text: string): void {
    this.keys.add(fingerprint(text));
    this.vectors.push(termVector(text));
  }

  addAll(texts: Iterable<string>): void {
    for (const t of texts) this.add(t);
  }
}
