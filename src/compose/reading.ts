/**
 * How much of a topic compose reads. A topic can gather dozens of articles, but
 * its articles come best first and the best few carry the story; within an
 * article the news sits in the opening (the inverted pyramid). So the selector
 * reads the best READ_ARTICLES articles: the best one (whose lead and
 * subheadings the story keeps) up to READ_BEST_SENTENCES sentences, each other
 * one up to READ_SENTENCES. The work per topic is then bounded, whatever the
 * topic's size.
 */
import type { Article, ArticleSentence } from './article.js';

export const READ_ARTICLES = 6;
export const READ_BEST_SENTENCES = 40;
export const READ_SENTENCES = 16;

export interface ReadSentence {
  sentence: ArticleSentence;
  /** Index of the article within the topic (0 = best). */
  item: number;
}

/** The articles compose reads of a topic's articles (best first). */
export function articlesToRead<T>(articles: readonly T[]): T[] {
  return articles.slice(0, READ_ARTICLES);
}

/**
 * The sentences compose reads of a topic, article by article in order: the first
 * ones each article offers that `accept` keeps, up to the article's allowance.
 */
export function sentencesToRead(
  articles: readonly Article[],
  accept: (s: ArticleSentence, item: number) => boolean,
): ReadSentence[] {
  const out: ReadSentence[] = [];
  articlesToRead(articles).forEach((a, item) => {
    const allowance = item === 0 ? READ_BEST_SENTENCES : READ_SENTENCES;
    let taken = 0;
    for (const sentence of a.sentences) {
      if (taken >= allowance) break;
      if (!accept(sentence, item)) continue;
      out.push({ sentence, item });
      taken++;
    }
  });
  return out;
}
