/**
 * What kind of piece an item is, from its link and title: a news report, or a sketch,
 * opinion, analysis, live blog, review or feature. The lead of a story comes from a news
 * report when the topic has one: a sketch opens on a scene ("Two days ago his audience
 * consisted of Justin Bieber, …"), a news report on the event.
 */
import type { Item } from '../types.js';

export type ArticleKind = 'news' | 'sketch' | 'opinion' | 'analysis' | 'live' | 'review' | 'feature';

/** Path segments of a link that name a section of non-news pieces. */
const LINK_KINDS: ReadonlyArray<readonly [RegExp, ArticleKind]> = [
  [/[/-]sketch(?:[/.?#-]|$)/i, 'sketch'],
  [/\/(?:commentisfree|opinions?|comment|columns?|columnists?|editorials?|letters|op-?eds?|blogs?)\//i, 'opinion'],
  // A live blog's path has /live/ before its date (a health desk's /well/live/ page does not).
  [
    /\/(?:live|liveblog|live-news)\/(?:\d{4}|[a-z]+\/\d{4})\/|[/-]live-(?:updates|blog)(?:[/.?#-]|$)|[/-]as-it-happened(?:[/.?#-]|$)/i,
    'live',
  ],
  [/\/(?:analysis|news-analysis|explainers?|explained|fact-?check)\//i, 'analysis'],
  [/\/reviews?\/|[/-]review(?:[/.?#]|$)/i, 'review'],
  [/\/(?:features?|long-?reads?|magazine|the-long-read|interactive|in-pictures|gallery)\//i, 'feature'],
];

/** Title labels: "Opinion: …", "… – sketch", "… | Letters", "[사설] …", "Masters review – …". */
const TITLE_KINDS: ReadonlyArray<readonly [RegExp, ArticleKind]> = [
  [/[–—-]\s*sketch\s*$|^\s*sketch\s*[:|–—-]/i, 'sketch'],
  [
    /^\s*(?:opinion|comment|editorial|view|letters?)\s*[:|–—-]|[|–—-]\s*(?:letters|editorial|opinion|comment)\s*$|^\s*The\s+\S+\s+view\s+on\b|[[(【]\s*(?:사설|칼럼|시론|기고|오피니언|데스크칼럼|기자수첩)\s*[\])】]/i,
    'opinion',
  ],
  [/^\s*(?:live|as it happened)\s*[:|–—-]|\b(?:live updates|as it happened|live blog)\b|–\s*live\s*$/i, 'live'],
  [/^\s*(?:analysis|explainer|explained|fact check)\s*[:|–—-]|[[(【]\s*(?:분석|해설|팩트체크)\s*[\])】]/i, 'analysis'],
  [/\breview\s*[–—:-]|[–—-]\s*review\s*$|\breviewed by\b/i, 'review'],
  [/[[(【]\s*(?:르포|기획|인터뷰|포토)\s*[\])】]/i, 'feature'],
];

/**
 * A columnist's byline after a bar ("… | Andy Bull", "… | Marina Hyde"): two or three
 * capitalized words that are not a publisher's name.
 */
const COLUMN_BYLINE = /\s\|\s*([A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+){1,2})\s*$/u;

/** The kind of an item, from its link and title; `news` when nothing says otherwise. */
export function articleKind(item: Pick<Item, 'title' | 'link'>, publishers: readonly string[] = []): ArticleKind {
  for (const [re, kind] of LINK_KINDS) if (re.test(item.link)) return kind;
  for (const [re, kind] of TITLE_KINDS) if (re.test(item.title)) return kind;
  const byline = COLUMN_BYLINE.exec(item.title)?.[1];
  if (byline && !publishers.some((p) => p.toLowerCase() === byline.toLowerCase())) return 'opinion';
  return 'news';
}
