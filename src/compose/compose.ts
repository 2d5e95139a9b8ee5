/**
 * composeIssue: ranked topics in, the editable issue (Draft) out. Pure: the
 * reference time and every input come in as data.
 */
import type {
  Draft,
  HeadlineEntry,
  Item,
  Labels,
  ListedItem,
  NewsletterConfig,
  SourceConfig,
  Story,
  Topic,
} from '../types.js';
import { prepareArticle, type Article } from './article.js';
import { alternativesOf, showsPicture, topicPictures } from './extras.js';
import { headlineEntry } from './headlines.js';
import { fillLabel, label } from './labels.js';
import { leadArticleIndex, leadFirst, newsArticles, storyArticles } from './lead-article.js';
import { articlesToRead } from './reading.js';
import { sameStory, type StoryText } from './same-story.js';
import { publisherOf, sourceRefs } from './sources.js';
import { buildStory } from './story.js';
import { UsedSentences } from './used.js';

export interface ComposeInput {
  issueId: string;
  /** From rank, in issue order. */
  topics: readonly Topic[];
  /**
   * Whole items by id: at least the ones compose reads, each topic's first
   * READ_ARTICLES items (`articlesToRead`).
   */
  items: ReadonlyMap<number, Item>;
  /**
   * Every item of the topics (near-duplicates too) with what a source line names;
   * `items` when not given.
   */
  listed?: ReadonlyMap<number, ListedItem>;
  newsletter: NewsletterConfig;
  /** Publisher names = SourceConfig.name. */
  sources: readonly SourceConfig[];
  /** From templates/locales/<locale>.yaml. */
  labels: Labels;
  now: Date;
  /** Per source name, the lines it repeats across its items (`learnRepeatedLines`), never used. */
  repeated?: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * The topic's whole items that compose reads, best first (`main`), and every item it
 * lists in the source line, best first with near-duplicates after the items themselves.
 */
function topicItems(
  topic: Topic,
  items: ReadonlyMap<number, Item>,
  listed: ReadonlyMap<number, ListedItem>,
): { main: Item[]; all: ListedItem[] } {
  const main = articlesToRead(topic.items)
    .map((r) => items.get(r.itemId))
    .filter((i): i is Item => i !== undefined);
  const ids = [...topic.items.map((r) => r.itemId), ...topic.items.flatMap((r) => r.duplicates)];
  const all = ids.map((id) => listed.get(id)).filter((i): i is ListedItem => i !== undefined);
  return { main, all };
}

/** A story or headline with its topic's interests, when ranking tagged them. */
function withInterests<T extends Story | HeadlineEntry>(part: T, topic: Topic): T {
  return topic.interests ? { ...part, interests: [...topic.interests] } : part;
}

export function composeIssue(input: ComposeInput): Draft {
  const { newsletter, labels, sources } = input;
  const publishers = sources.map((s) => s.name);
  const prepare = (item: Item): Article => prepareArticle(item, input.repeated?.get(item.source));
  const used = new UsedSentences();
  const stories: Story[] = [];
  const publisher = (item: Item): string => publisherOf(item, sources);
  const mode = newsletter.images ?? 'lead';
  /** The story with its pictures and the alternatives the editor may pick instead. */
  const withExtras = (story: Story, articles: readonly Article[], index: number): Story => {
    const pictures = mode === 'none' ? [] : topicPictures(articles, story.headline, publisher);
    const [first, ...rest] = pictures;
    const shown = first && showsPicture(mode, index) ? first : undefined;
    const out: Story = { ...story };
    if (shown) out.image = shown;
    const others = shown ? rest : pictures;
    if (others.length > 0) out.images = others;
    const alternatives = alternativesOf(story, articles, used, publisher);
    if (alternatives.length > 0) out.alternatives = alternatives;
    return out;
  };
  const later: Array<{ topic: Topic; articles: Article[] | undefined; items: Item[] }> = [];

  for (const topic of input.topics) {
    const { main, all } = topicItems(topic, input.items, input.listed ?? input.items);
    if (main.length === 0) continue;
    if (stories.length < newsletter.topStories) {
      // Only the articles compose reads are prepared (reading.ts); the source line names them all,
      // the article the story leads with first (lead-article.ts).
      const prepared = main.map(prepare);
      const lead = leadArticleIndex(prepared, publishers);
      const articles = storyArticles(leadFirst(prepared, lead), publishers);
      const leadItem = main[lead];
      const listedFirst = leadFirst(all, leadItem ? all.findIndex((i) => i.link === leadItem.link) : 0);
      const story = buildStory({
        topic,
        articles,
        sources: sourceRefs(listedFirst, sources),
        publishers,
        used,
        locale: newsletter.locale,
      });
      if (story) {
        stories.push(withExtras(withInterests(story, topic), articles, stories.length));
        continue;
      }
      later.push({ topic, articles, items: main });
    } else {
      later.push({ topic, articles: undefined, items: main });
    }
  }

  // One story, one place: a headline that tells a top story or an earlier headline again
  // (a repeat ranking's grouping missed) is dropped, and the next topic takes its place.
  const shown: StoryText[] = stories.map((s) => ({
    title: s.headline,
    sentences: [...s.lead, ...s.why],
    urls: s.sources.map((r) => r.url),
  }));
  const headlines: HeadlineEntry[] = [];
  const credit = (a: Article): string => publisherOf(a.item, sources);
  for (const { topic, articles, items } of later) {
    if (headlines.length >= newsletter.headlines) break;
    if (items.length === 0) continue;
    const prepared = articles ?? items.map(prepare);
    // A headline is a one-sentence lead: from the news reports when the topic has one.
    const read = newsArticles(leadFirst(prepared, leadArticleIndex(prepared, publishers)), publishers);
    const entry = headlineEntry(topic, read, credit, publishers, used, newsletter.locale, input.now);
    if (!entry) continue;
    const mine: StoryText = {
      title: read[0]?.item.title ?? entry.text,
      sentences: [entry.text],
      urls: items.map((i) => i.canonicalLink || i.link),
    };
    if (shown.some((other) => sameStory(other, mine) !== undefined)) continue;
    shown.push(mine);
    headlines.push(withInterests(entry, topic));
  }

  const top = stories[0]?.headline ?? headlines[0]?.title ?? headlines[0]?.text ?? newsletter.title;
  const title = `${label(labels, 'titlePrefix', '[브리핑]')} ${top}`;
  const more = stories.length + headlines.length - 1;
  const preheader =
    more > 0
      ? fillLabel(label(labels, 'preheader', '오늘의 브리핑: {headline} 외 {n}건'), { headline: top, n: more })
      : fillLabel(label(labels, 'preheaderOne', '오늘의 브리핑: {headline}'), { headline: top });

  return {
    version: 1,
    issueId: input.issueId,
    title,
    subject: title,
    preheader,
    newsletter: newsletter.title,
    locale: newsletter.locale,
    style: newsletter.style,
    asOf: input.now.toISOString(),
    timezone: newsletter.timezone,
    stories,
    headlines,
    pins: [],
    blocks: [],
  };
}
