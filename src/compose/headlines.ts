/**
 * 헤드라인: one whole sentence per further topic, credited to the article it came from:
 * the sentence, the publisher label and the link are always one item's.
 */
import type { HeadlineEntry, Locale, Topic } from '../types.js';
import type { Article } from './article.js';
import { isBackground } from './dated.js';
import { isDependent } from './dependent.js';
import { cleanHeadline } from './headline.js';
import { sentencesToRead } from './reading.js';
import { scoreCandidates, type Candidate } from './select.js';
import type { UsedSentences } from './used.js';

/** Headline sentences up to this length are preferred. */
export const HEADLINE_CHARS = 120;
/** Longer than this a sentence is never a one-line headline. */
export const HEADLINE_MAX_CHARS = 200;
/** A second sentence joins the first while both together stay this short. */
export const HEADLINE_TWO_CHARS = 220;

/**
 * A headline in the Top Story / 헤드라인 form of Korean briefings: the cleaned title of
 * one item, then one or two sentences of that same item that stand on their own (the
 * best of the topic by the same scoring as 왜 중요하냐면, preferring sentences of at most
 * ~120 characters, and the sentence after it when both fit), credited to that item's
 * publisher and linked to it. Only the cleaned title when the topic has no usable sentence.
 */
export function headlineEntry(
  topic: Topic,
  articles: readonly Article[],
  publisherOf: (article: Article) => string,
  publishers: readonly string[],
  used: UsedSentences,
  locale: Locale,
  /** The reference time: a sentence dated only years before it is background (dated.ts). */
  now?: Date,
): HeadlineEntry | undefined {
  const best = articles[0];
  if (!best) return undefined;
  const titleOf = (a: Article): string => cleanHeadline(a.item.title, [...publishers, publisherOf(a), a.item.source]);
  const candidates: Candidate[] = sentencesToRead(
    articles,
    (s) =>
      // Shown without its title, even an article's first sentence must stand alone (a dek leans on its title).
      s.text.length <= HEADLINE_MAX_CHARS &&
      !used.has(s.text) &&
      !isDependent(s.text, locale) &&
      (now === undefined || !isBackground(s.text, now)),
  ).map(({ sentence: s, item }) => ({ text: s.text, position: s.position, item }));
  let chosen: Candidate | undefined;
  if (candidates.length > 0) {
    const scored = scoreCandidates(candidates, { title: titleOf(best), vectorOf: (t) => used.vectorOf(t) });
    let bestValue = -Infinity;
    for (const s of scored) {
      const value = s.score - (s.candidate.text.length > HEADLINE_CHARS ? 0.6 : 0);
      if (value > bestValue) {
        bestValue = value;
        chosen = s.candidate;
      }
    }
  }
  const from = (chosen && articles[chosen.item]) || best;
  const entry = { topicId: topic.id, url: from.item.canonicalLink || from.item.link, publisher: publisherOf(from) };
  if (!chosen) {
    const title = titleOf(best);
    used.add(title);
    return { ...entry, text: title };
  }
  const sentences = [chosen.text];
  const next = from.sentences[chosen.position + 1];
  if (
    next &&
    next.section === from.sentences[chosen.position]?.section &&
    chosen.text.length + next.text.length + 1 <= HEADLINE_TWO_CHARS &&
    !used.has(next.text)
  ) {
    sentences.push(next.text);
  }
  used.addAll(sentences);
  return { ...entry, title: titleOf(from), text: sentences.join(' ') };
}
