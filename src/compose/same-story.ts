/**
 * Whether two entries of an issue tell the same story, with a looser test than
 * ranking's grouping: ranking compares whole items, this compares what the issue
 * actually shows (titles and the chosen sentences), so a repeat that grouping missed
 * is still caught before the issue is final.
 */
import { quantities } from './select.js';
import { cosine, termVector } from './text.js';

export interface StoryText {
  /** The entry's title (a story's headline, a headline's cleaned title). */
  title: string;
  /** The sentences it shows. */
  sentences: readonly string[];
  /** The links it points to. */
  urls: readonly string[];
}

/** Above this similarity of titles plus sentences two entries are one story, names or not. */
export const SAME_STORY_SIMILARITY = 0.45;
/** With a shared name, this similarity is enough. */
export const SAME_STORY_LOOSE = 0.2;
/** With a shared name and a shared quantity, this similarity is enough. */
export const SAME_STORY_LOOSEST = 0.1;

/**
 * Names of a text: Latin-script words of two or more letters with a capital or a digit (HBM4, Nvidia, LG), and
 * quoted Hangul names (‘엑사원 5.0’, ‘카나나’): the words that identify a story.
 */
export function storyNames(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9.+-]*[A-Za-z0-9]/g)) {
    const w = m[0].toLowerCase();
    // A name has a capital or a digit (Nvidia, HBM4, iPhone); English prose's lower-case words are not names.
    if (w.length >= 2 && !COMMON_LATIN.has(w) && /[A-Z0-9]/.test(m[0])) out.add(w);
  }
  for (const m of text.matchAll(/[‘“'"「『]([^’”'"」』]{2,20})[’”'"」』]/gu))
    out.add((m[1] ?? '').trim().toLowerCase());
  return out;
}

/** Latin words too common to identify a story. */
const COMMON_LATIN = new Set([
  ...['ai', 'it', 'ceo', 'cto', 'cfo', 'the', 'and', 'of', 'to', 'in', 'us', 'u.s', 'kr'],
  // Days and months are capitalized in English but name no story.
  ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  ...['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october'],
  ...['november', 'december'],
]);

function textOf(s: StoryText): string {
  return [s.title, ...s.sentences].join('\n');
}

/** `한글(Latin)` and `Latin(한글)` pairs a text writes: the Hangul name → its Latin form. */
export function writtenPairs(text: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const m of text.matchAll(/([가-힣]{2,})\s?\(([A-Za-z][A-Za-z0-9.+-]*[A-Za-z0-9])\)/gu)) {
    pairs.set(m[1] ?? '', (m[2] ?? '').toLowerCase());
  }
  for (const m of text.matchAll(/([A-Za-z][A-Za-z0-9.+-]*[A-Za-z0-9])\s?\(([가-힣]{2,})\)/gu)) {
    pairs.set(m[2] ?? '', (m[1] ?? '').toLowerCase());
  }
  return pairs;
}

/** The text with every Hangul name of `pairs` written in its Latin form. */
function inLatin(text: string, pairs: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [hangul, latin] of pairs) out = out.split(hangul).join(` ${latin} `);
  return out;
}

function shares<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** Why b repeats a (`link`, `similar`, `names`, `names and numbers`), or undefined when they are different stories. */
export function sameStory(a: StoryText, b: StoryText): 'link' | 'similar' | 'names' | 'names and numbers' | undefined {
  const urls = new Set(a.urls);
  if (b.urls.some((u) => urls.has(u))) return 'link';
  // A name one of them writes in both scripts (제미나이(Gemini)) counts in either script.
  const pairs = new Map([...writtenPairs(textOf(a)), ...writtenPairs(textOf(b))]);
  const ta = inLatin(textOf(a), pairs);
  const tb = inLatin(textOf(b), pairs);
  const sim = cosine(termVector(ta), termVector(tb));
  const titles = cosine(termVector(inLatin(a.title, pairs)), termVector(inLatin(b.title, pairs)));
  if (sim >= SAME_STORY_SIMILARITY || titles >= 0.6) return 'similar';
  if (sim < SAME_STORY_LOOSEST || !shares(storyNames(ta), storyNames(tb))) return undefined;
  if (sim >= SAME_STORY_LOOSE) return 'names';
  if (shares(quantities(ta), quantities(tb))) return 'names and numbers';
  return undefined;
}
