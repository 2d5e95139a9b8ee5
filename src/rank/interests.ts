/**
 * Which interests (config `interests:`) a topic belongs to. Pure. A match word is read
 * by the same analyzer ranking uses (stems, particles stripped, aliases: `AI` and
 * `인공지능` are one term), and so is the topic's text; a word of several terms matches
 * when all of them occur in one item. An item's title and its feed categories count
 * twice, each paragraph of its opening once: a topic is in an interest at MATCH_WEIGHT, so
 * one mention in a title or category, or mentions in two opening paragraphs, put it there. A feed category equal to one of
 * the interest's `categories` puts it there at once.
 */
import type { InterestConfig, RankDoc, Topic } from '../types.js';
import type { Analyzer } from './tokenize.js';

/** Weight at which a topic belongs to an interest. */
export const MATCH_WEIGHT = 2;
/** Weight of one mention in a title or a category. */
const TITLE_WEIGHT = 2;

/** The whole-word terms of a text (no Hangul bigrams): what a match word must hit. */
function wordTerms(analyzer: Analyzer, text: string): Set<string> {
  const out = new Set<string>();
  analyzer.analyze(text, 1, {
    add: (id, weight) => {
      if (weight >= 1) out.add(analyzer.terms[id] ?? '');
    },
  });
  return out;
}

function foldCategory(c: string): string {
  return c.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

const HANGUL_WORD = /^[\uac00-\ud7a3]{2,}$/;

interface CompiledInterest {
  id: string;
  /** Each match word as the terms it needs. */
  words: string[][];
  categories: Set<string>;
}

function compile(interests: readonly InterestConfig[], analyzer: Analyzer): CompiledInterest[] {
  return interests.map((i) => ({
    id: i.id,
    words: i.match.map((w) => [...wordTerms(analyzer, w)]).filter((w) => w.length > 0),
    categories: new Set(i.categories.map(foldCategory)),
  }));
}

/**
 * Whether a text has the term: as a word of its own, or, for a Hangul word of two or
 * more syllables, at either end of a compound written as one word (반도체 in 메모리반도체,
 * 전기차 in 전기차용).
 */
function hasTerm(terms: ReadonlySet<string>, term: string): boolean {
  if (terms.has(term)) return true;
  if (!HANGUL_WORD.test(term)) return false;
  for (const w of terms) {
    if (w.length > term.length && (w.endsWith(term) || w.startsWith(term))) return true;
  }
  return false;
}

function hits(words: ReadonlyArray<readonly string[]>, terms: ReadonlySet<string>): boolean {
  return words.some((w) => w.every((t) => hasTerm(terms, t)));
}

/** The interest ids of one topic, in config order. */
function interestsOf(
  topic: Topic,
  docs: ReadonlyMap<number, RankDoc>,
  compiled: CompiledInterest[],
  analyzer: Analyzer,
) {
  const ids = [...topic.items.map((r) => r.itemId), ...topic.items.flatMap((r) => r.duplicates)];
  const texts: Array<{ terms: Set<string>; weight: number }> = [];
  const categories = new Set<string>();
  for (const id of ids) {
    const doc = docs.get(id);
    if (!doc) continue;
    texts.push({ terms: wordTerms(analyzer, doc.title), weight: TITLE_WEIGHT });
    for (const c of doc.categories ?? []) {
      categories.add(foldCategory(c));
      texts.push({ terms: wordTerms(analyzer, c), weight: TITLE_WEIGHT });
    }
    for (const p of doc.opening) texts.push({ terms: wordTerms(analyzer, p), weight: 1 });
  }
  const out: string[] = [];
  for (const c of compiled) {
    if ([...categories].some((k) => c.categories.has(k))) {
      out.push(c.id);
      continue;
    }
    let weight = 0;
    for (const t of texts) {
      if (hits(c.words, t.terms)) weight += t.weight;
      if (weight >= MATCH_WEIGHT) break;
    }
    if (weight >= MATCH_WEIGHT) out.push(c.id);
  }
  return out;
}

/** Each topic with its `interests` (an empty list when none matches). */
export function tagInterests(
  topics: readonly Topic[],
  docs: ReadonlyMap<number, RankDoc>,
  interests: readonly InterestConfig[],
  analyzer: Analyzer,
): Topic[] {
  const compiled = compile(interests, analyzer);
  return topics.map((t) => ({ ...t, interests: interestsOf(t, docs, compiled, analyzer) }));
}
