/**
 * An item's body as clean, whole sentences in order, with the article's own
 * subheadings (heading blocks, ✅/■ lines, [bracketed] lines) and which
 * sentences sit under each.
 */
import { createRequire } from 'node:module';
import type { Item, TextBlock } from '../types.js';
import { cleanSentence, isBoilerplate } from './boilerplate.js';
import { hasPictureCredit, isCaption } from './caption.js';
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

export interface Article {
  item: Item;
  sentences: ArticleSentence[];
  headings: ArticleHeading[];
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

export function prepareArticle(item: Item): Article {
  const sentences: ArticleSentence[] = [];
  const headings: ArticleHeading[] = [];
  const seen = new Set<string>();
  for (const block of blocksOf(item)) {
    const heading = headingOf(block);
    if (heading !== undefined) {
      headings.push({ text: heading });
      continue;
    }
    if (block.kind === 'heading') continue;
    // A paragraph with a picture credit is the picture's caption, whatever its sentences say.
    if (hasPictureCredit(block.text)) continue;
    for (const raw of splitSentences(block.text)) {
      const text = cleanSentence(raw);
      if (text === undefined || text.length < MIN_SENTENCE_CHARS || !isCompleteSentence(text)) continue;
      // A picture's caption that reached the body describes the picture, not the story.
      if (isCaption(text)) continue;
      const key = fingerprint(text);
      if (seen.has(key)) continue;
      seen.add(key);
      sentences.push({ text, position: sentences.length, section: headings.length - 1 });
    }
  }
  return { item, sentences, headings };
}
