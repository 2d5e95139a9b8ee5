/**
 * What the draft keeps beside a story for the editor: its picture (and the topic's other
 * pictures, to swap), and the ranked sentences it did not use (to pick instead). Pure.
 */
import type { Alternative, ImagesMode, Item, Story, StoryPicture } from '../types.js';
import type { Article } from './article.js';
import { MAX_BULLET_CHARS } from './story.js';
import { sentencesToRead } from './reading.js';
import { scoreCandidates, type Candidate } from './select.js';
import { fingerprint } from './text.js';
import type { UsedSentences } from './used.js';

/** Alternatives kept per story. */
export const ALTERNATIVES = 6;

/** The topic's pictures, one per article that has one, best article first. */
export function topicPictures(
  articles: readonly Article[],
  headline: string,
  publisher: (item: Item) => string,
): StoryPicture[] {
  const seen = new Set<string>();
  const out: StoryPicture[] = [];
  for (const a of articles) {
    const p = a.item.image;
    if (!p || seen.has(p.url)) continue;
    seen.add(p.url);
    out.push({ ...p, alt: p.alt?.trim() || headline, publisher: publisher(a.item) });
  }
  return out;
}

/**
 * Whether the story at this position shows its picture: `lead` the first top story only,
 * `stories` each, `none` never.
 */
export function showsPicture(mode: ImagesMode, index: number): boolean {
  return mode === 'stories' || (mode === 'lead' && index === 0);
}

/**
 * The sentences of the story's articles compose ranked but did not place anywhere in the
 * issue, best first, each with the publisher and link of its article.
 */
export function alternativesOf(
  story: Story,
  articles: readonly Article[],
  used: UsedSentences,
  publisher: (item: Item) => string,
): Alternative[] {
  const placed = new Set(
    [...story.lead, ...story.why, ...story.sections.flatMap((s) => s.bullets)].map((t) => fingerprint(t)),
  );
  const candidates: Candidate[] = sentencesToRead(
    articles,
    (s) => s.text.length <= MAX_BULLET_CHARS && !placed.has(fingerprint(s.text)) && !used.has(s.text),
  ).map(({ sentence, item }) => ({ text: sentence.text, position: sentence.position, item }));
  if (candidates.length === 0) return [];
  const scored = scoreCandidates(candidates, { title: story.headline, vectorOf: (t) => used.vectorOf(t) });
  const out: Alternative[] = [];
  const seen = new Set<string>();
  for (const s of [...scored].sort((a, b) => b.score - a.score)) {
    const key = fingerprint(s.candidate.text);
    if (seen.has(key)) continue;
    seen.add(key);
    const item = articles[s.candidate.item]?.item;
    if (!item) continue;
    out.push({ text: s.candidate.text, publisher: publisher(item), url: item.canonicalLink || item.link });
    if (out.length >= ALTERNATIVES) break;
  }
  return out;
}
