/**
 * An item's body as clean, whole sentences in order, with the article's own
 * subheadings (heading blocks, ✅/■ lines, [bracketed] lines) and which
 * sentences sit under each.
 */
import { createRequire } from 'node:module';
import type { Draft, Item, TextBlock } from '../types.js';
import { cleanSentence, isBoilerplate } from './boilerplate.js';
import { hasPictureCredit, isCaption } from './caption.js';
import { chromeLine, chromeReason, type DropReason } from './chrome.js';
import { isCompleteSentence, splitSentences } from './sentences.js';
import { fingerprint } from './text.js';

export interface ArticleSentence {
  text: string;
  /** Index among the article's sentences (0 = first). */
  position: number;
  /** Index into `headings` of the subheading it sits under; -1 before the first. */
  section: number;
}

export interface ArticleHeading {
  text: string;
}

/** How many lines of an item were left out of its sentences and headings, by reason. */
export type DropCounts = Partial<Record<DropReason, number>>;

export interface Article {
  item: Item;
  sentences: ArticleSentence[];
  headings: ArticleHeading[];
  dropped: DropCounts;
}

/** Sentences shorter than this are fragments (a name, a number), not worth a line. */
export const MIN_SENTENCE_CHARS = 12;
export const MAX_HEADING_CHARS = 40;

const HEADING_MARKER = /^\s*[✅☑✔■◆▣□◇]️?\s*/u;
const BRACKETED_LINE = /^\s*[[<〈【《]\s*([^\]>〉】》]{2,40}?)\s*[\]>〉】》]\s*$/u;

function cleanHeading(text: string): string | undefined {
  let s = text.replace(/\s+/g, ' ').trim().replace(HEADING_MARKER, '');
  const bracketed = BRACKETED_LINE.exec(s);
  if (bracketed) s = bracketed[1] ?? s;
  s = s.replace(/^[\s\-–—:·]+|[\s\-–—:·]+$/g, '').trim();
  if (s.length < 2 || s.length > MAX_HEADING_CHARS || isBoilerplate(s)) return undefined;
  return s;
}

/** Whether a block is a subheading: a heading block, or a short ✅/■ or [bracketed] line that is not a sentence. */
function headingOf(block: TextBlock): string | undefined {
  if (block.kind === 'heading') return cleanHeading(block.text);
  const t = block.text.trim();
  if (
    (HEADING_MARKER.test(t) || BRACKETED_LINE.test(t)) &&
    t.length <= MAX_HEADING_CHARS + 4 &&
    !isCompleteSentence(t)
  ) {
    return cleanHeading(t);
  }
  return undefined;
}

/** html-to-text, loaded on first use: bodies almost always come as blocks already. */
let htmlToText: typeof import('html-to-text') | undefined;

function blocksOf(item: Item): TextBlock[] {
  if (item.blocks.length > 0) return item.blocks;
  if (!item.html.trim()) return [];
  htmlToText ??= createRequire(import.meta.url)('html-to-text') as typeof import('html-to-text');
  const text = htmlToText.convert(item.html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
    ],
  });
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ kind: 'paragraph' as const, text: p }));
}

/** Whether a body sentence follows block `b` before the next heading: a heading with none under it is chrome. */
function bodyFollows(blocks: readonly TextBlock[], b: number): boolean {
  for (let k = b + 1; k < blocks.length; k++) {
    const block = blocks[k] as TextBlock;
    if (block.kind === 'heading' || headingOf(block) !== undefined) return false;
    if (splitSentences(block.text).some((s) => chromeLine(s) === undefined && isCompleteSentence(s))) return true;
  }
  return false;
}

/**
 * An item's sentences and headings; `repeated` holds the fingerprints of the lines its
 * source repeats across items (`learnRepeatedLines`), dropped as `repeat`.
 */
export function prepareArticle(item: Item, repeated?: ReadonlySet<string>): Article {
  const sentences: ArticleSentence[] = [];
  const headings: ArticleHeading[] = [];
  const dropped: DropCounts = {};
  const drop = (reason: DropReason): void => {
    dropped[reason] = (dropped[reason] ?? 0) + 1;
  };
  const seen = new Set<string>();
  // Inside a related-articles or most-read box: its list items are other stories' titles.
  let related = false;
  const blocks = blocksOf(item);
  blocks.forEach((block, b) => {
    const heading = headingOf(block);
    if (heading !== undefined || block.kind === 'heading') {
      const reason =
        chromeLine(block.text) ?? (heading !== undefined && !bodyFollows(blocks, b) ? 'chrome' : undefined);
      if (reason !== undefined) {
        drop(reason);
        related = reason === 'related';
      } else if (heading !== undefined) {
        headings.push({ text: heading });
        related = false;
      }
      return;
    }
    if (repeated?.has(fingerprint(block.text))) {
      drop('repeat');
      return;
    }
    if (related && block.kind === 'list-item') {
      drop('related');
      return;
    }
    related = false;
    // A paragraph with a picture credit is the picture's caption, whatever its sentences say.
    if (hasPictureCredit(block.text)) {
      drop('caption');
      return;
    }
    const pieces = splitSentences(block.text);
    if (pieces.length === 0) {
      // A line that is no sentence at all: page controls, a label, a box's title.
      const reason = chromeLine(block.text) ?? 'chrome';
      drop(reason);
      related = reason === 'related';
      return;
    }
    for (const raw of pieces) {
      const text = cleanSentence(raw);
      if (text === undefined) {
        const reason = chromeReason(raw) ?? 'chrome';
        drop(reason);
        if (reason === 'related') related = true;
        continue;
      }
      const reason = chromeLine(text);
      if (reason !== undefined) {
        drop(reason);
        continue;
      }
      if (text.length < MIN_SENTENCE_CHARS || !isCompleteSentence(text)) continue;
      // A picture's caption that reached the body describes the picture, not the story.
      if (isCaption(text)) {
        drop('caption');
        continue;
      }
      const key = fingerprint(text);
      if (seen.has(key)) {
        drop('repeat');
        continue;
      }
      seen.add(key);
      sentences.push({ text, position: sentences.length, section: headings.length - 1 });
    }
  });
  return { item, sentences, headings, dropped };
}

/** The lines dropped from some items, by reason, summed. */
export function droppedLines(items: Iterable<Item>, repeated?: ReadonlyMap<string, ReadonlySet<string>>): DropCounts {
  const out: DropCounts = {};
  for (const item of items) {
    for (const [reason, n] of Object.entries(prepareArticle(item, repeated?.get(item.source)).dropped) as Array<
      [DropReason, number]
    >) {
      out[reason] = (out[reason] ?? 0) + n;
    }
  }
  return out;
}

/** What one story of an issue dropped from the items it lists, by reason. */
export interface StoryDrops {
  topicId: string;
  headline: string;
  dropped: DropCounts;
}

/** Per story of a draft, the lines its listed items lost (promo, chrome, repeat, byline, …). */
export function storyDrops(
  draft: Pick<Draft, 'stories'>,
  items: Iterable<Item>,
  repeated?: ReadonlyMap<string, ReadonlySet<string>>,
): StoryDrops[] {
  const byUrl = new Map<string, Item>();
  for (const item of items) {
    byUrl.set(item.canonicalLink || item.link, item);
    byUrl.set(item.link, item);
  }
  return draft.stories.map((story) => ({
    topicId: story.topicId,
    headline: story.headline,
    dropped: droppedLines(
      story.sources.map((r) => byUrl.get(r.url)).filter((i): i is Item => i !== undefined),
      repeated,
    ),
  }));
}
