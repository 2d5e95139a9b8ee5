/**
 * 헤드라인: one whole sentence per further topic, credited to the article it came from:
 * the sentence, the publisher label and the link are always one item's.
 */
import type { HeadlineEntry, Locale, Topic } from '../types.js';
import type { Article } from './article.js';
import { isDependent } from './dependent.js';
import { cleanHeadline } from './headline.js';
import { sentencesToRead } from './reading.js';
import { scoreCandidates, type Candidate } from './select.js';
import type { UsedSentences } from './used.js';

/** Headline sentences up to this length are preferred. */
export const HEADLINE_CHARS = 120;
/** Longer than this a sentence is never a one-line headline. */
export const HEADLINE_MAX_CHARS = 200;

/**
 * The best sentence of the topic (same scoring as 왜 중요하냐면, preferring
 * sentences of at most ~120 characters); the cleaned title when the topic has
 * no usable sentence.
 */
export function headlineEntry(
  topic: Topic,
  articles: readonly Article[],
  publisherOf: (article: Article) => string,
  publishers: readonly string[],
  used: UsedSentences,
  locale: Locale,
): HeadlineEntry | undefined {
  const best = articles[0];
  if (!best) return undefined;
  const title = cleanHeadline(best.item.title, [...publishers, publisherOf(best), best.item.source]);
  const candidates: Candidate[] = sentencesToRead(
    articles,
    (s) =>
      // Shown without its title, even an article's first sentence must stand alone (a dek leans on its title).
      s.text.length <= HEADLINE_MAX_CHARS && !used.has(s.text) && !isDependent(s.text, locale),
  ).map(({ sentence: s, item }) => ({ text: s.text, position: s.position, item }));
  let text = title;
  let from = best;
  if (candidates.length > 0) {
    const scored = scoreCandidates(candidates, { title, vectorOf: (t) => used.vectorOf(t) });
    let bestValue = -Infinity;
    for (const s of scored) {
      const value = s.score - (s.candidate.text.length > HEADLINE_CHARS ? 0.6 : 0);
      if (value > bestValue) {
        bestValue = value;
        text = s.candidate.text;
        from = articles[s.candidate.item] ?? best;
      }
    }
  }
  used.add(text);
  return { topicId: topic.id, text, url: from.item.canonicalLink || from.item.link, publisher: publisherOf(from) };
}
