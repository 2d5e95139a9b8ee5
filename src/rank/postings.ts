import { resized } from './buffers.js';

/**
 * Inverted indexes as linked lists in typed arrays: for each term id, the values (topics
 * or documents) listed under it, in the order they were listed.
 */

export class Postings {
  /** First entry per term (0: none). */
  readonly head: Int32Array;
  private readonly tail: Int32Array;
  /** Per entry: its value and the next entry of its list (0 ends a list; entry 0 is unused). */
  value: Int32Array;
  next: Int32Array;
  private used = 1;

  /** For term ids below `terms`, about `expected` entries. */
  constructor(terms: number, expected: number) {
    this.head = new Int32Array(terms);
    this.tail = new Int32Array(terms);
    this.value = new Int32Array(expected + 1);
    this.next = new Int32Array(expected + 1);
  }

  /** List `value` under term `id`, last. */
  add(id: number, value: number): void {
    if (this.used === this.value.length) this.grow();
    const e = this.used++;
    this.value[e] = value;
    const last = this.tail[id] as number;
    if (last === 0) this.head[id] = e;
    else this.next[last] = e;
    this.tail[id] = e;
  }

  private grow(): void {
    this.value = resized(this.value, this.used * 2);
    this.next = resized(this.next, this.used * 2);
  }
}

/** A set of (topic, term) pairs: open addressing over two parallel arrays. */
export class PairSet {
  private topics: Int32Array;
  private terms: Int32Array;
  private size = 0;

  constructor(expected: number) {
    let cap = 1 << 10;
    while (cap < 2 * expected) cap *= 2;
    this.topics = new Int32Array(cap).fill(-1);
    this.terms = new Int32Array(cap);
  }

  /** Add the pair; false when it was already there. */
  add(topic: number, term: number): boolean {
    if ((this.size + 1) * 2 > this.topics.length) this.grow();
    const topics = this.topics;
    const mask = topics.length - 1;
    let slot = (Math.imul(topic, 0x9e3779b1) ^ Math.imul(term, 0x85ebca6b)) & mask;
    for (;;) {
      const t = topics[slot] as number;
      if (t < 0) break;
      if (t === topic && this.terms[slot] === term) return false;
      slot = (slot + 1) & mask;
    }
    topics[slot] = topic;
    this.terms[slot] = term;
    this.size++;
    return true;
  }

  private grow(): void {
    const { topics, terms } = this;
    this.topics = new Int32Array(topics.length * 2).fill(-1);
    this.terms = new Int32Array(topics.length * 2);
    this.size = 0;
    for (let s = 0; s < topics.length; s++)
      if ((topics[s] as number) >= 0) this.add(topics[s] as number, terms[s] as number);
  }
}
