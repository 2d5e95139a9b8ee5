/**
 * Which of a topic's articles a story leads with. Ranking puts the topic's best item first
 * (fresh, from a weighty source), but that can be a sketch, a column or a live blog whose
 * opening sets a scene. The lead comes from an article whose opening reports the event:
 * a news report (kind.ts) whose title and first sentences say what the other outlets'
 * titles and openings say (who did what). The best item keeps the lead when it is such a
 * report; a topic without any news report keeps its best item.
 */
import type { Article } from './article.js';
import { articleKind, type ArticleKind } from './kind.js';
import { cosine, sum, termVector, type Vector } from './text.js';

/** Sentences of an article's opening compared with the rest of the topic. */
export const OPENING_SENTENCES = 2;
/**
 * The best item keeps the lead unless another news report's opening agrees with the topic
 * this much more (in cosine with the other articles' titles and openings).
 */
export const REPORTS_MARGIN = 0.15;

function openingVector(a: Article): Vector {
  const text = [a.item.title, ...a.sentences.slice(0, OPENING_SENTENCES).map((s) => s.text)].join(' ');
  return termVector(text);
}

/**
 * How much each article's opening says what the others say: cosine of its title and first
 * sentences with the sum of the other articles' (0 for a topic of one).
 */
export function openingAgreement(articles: readonly Article[]): number[] {
  const vectors = articles.map(openingVector);
  return vectors.map((v, i) => {
    if (vectors.length < 2) return 0;
    return cosine(v, sum(vectors.filter((_, j) => j !== i)));
  });
}

/** Index of the article to lead with (0 = keep the best item). */
export function leadArticleIndex(articles: readonly Article[], publishers: readonly string[] = []): number {
  if (articles.length < 2) return 0;
  const usable = articles.map((a) => a.sentences.length > 0);
  const news = articles.map((a) => articleKind(a.item, publishers) === 'news');
  const agreement = openingAgreement(articles);
  let best = -1;
  for (let i = 0; i < articles.length; i++) {
    if (!usable[i] || !news[i]) continue;
    if (best < 0 || (agreement[i] ?? 0) > (agreement[best] ?? 0)) best = i;
  }
  if (best < 0) return 0; // no news report with sentences: the best item leads
  const first = articles[0] as Article;
  const firstReports = news[0] && usable[0] && (agreement[0] ?? 0) + REPORTS_MARGIN >= (agreement[best] ?? 0);
  return firstReports && first ? 0 : best;
}

/** The articles with the one to lead with first, the others in their order. */
export function leadFirst<T>(items: readonly T[], lead: number): T[] {
  const chosen = items[lead];
  if (lead <= 0 || chosen === undefined) return [...items];
  return [chosen, ...items.filter((_, i) => i !== lead)];
}

/** Kinds whose sentences set a scene or judge a work: never bullets of a story a news report tells. */
const SCENE_KINDS: ReadonlySet<ArticleKind> = new Set<ArticleKind>(['sketch', 'review', 'feature']);

/**
 * The articles a story draws on, the lead first: when the lead is a news report, sketches,
 * reviews and features are left out (their scene-setting sentences are not why a story
 * matters); the source line still names them.
 */
export function storyArticles(articles: readonly Article[], publishers: readonly string[] = []): Article[] {
  const lead = articles[0];
  if (!lead || articleKind(lead.item, publishers) !== 'news') return [...articles];
  return articles.filter((a, i) => i === 0 || !SCENE_KINDS.has(articleKind(a.item, publishers)));
}

/** The articles with the lead first and, when the lead is a news report, only the news reports. */
export function newsArticles(articles: readonly Article[], publishers: readonly string[] = []): Article[] {
  const lead = articles[0];
  if (!lead || articleKind(lead.item, publishers) !== 'news') return [...articles];
  return articles.filter((a, i) => i === 0 || articleKind(a.item, publishers) === 'news');
}
