/**
 * Whether one sentence restates another's fact. Two outlets report one fact in their own
 * words ("Musk is joining Twitter's board of directors, one day after …" and "After becoming
 * Twitter's largest shareholder, Elon Musk … is joining the social media company's board of
 * directors."): weighted by the topic, their shared words are the topic's commonest (Musk,
 * Twitter, board), so a topic-weighted cosine calls them different. What they share is the
 * fact itself: most of the content words of the shorter sentence, unweighted.
 */
import { terms } from './text.js';

/** Share of the shorter sentence's content words found in the other: above this, one restates the other. */
export const RESTATE_OVERLAP = 0.5;
/** At least this many shared content words: two short sentences sharing two names are not one fact. */
export const RESTATE_MIN_SHARED = 5;

/** Function words of English news prose that carry no fact (the index keeps some of them). */
const FUNCTION_WORDS = new Set(
  (
    'about above after again against all also although among and any as at be because been before being ' +
    'both but by can could did do does during each either even ever for from had has have having he her ' +
    'here hers him his how however if in into it its itself just last least less many may might more ' +
    'most much must my new no nor not now of off on once one only or other our out over own per same ' +
    'she should since so some such than that the their them then there these they this those though ' +
    'through to too two under until up upon us very was we were what when where whether which while ' +
    'who whom whose why will with within without would yet you your said says say told tells according ' +
    'mr mrs ms day week year time'
  ).split(' '),
);

/** An English word's light stem: plural, possessive and verb endings off ("joining" → "join"). */
function lightStem(w: string): string {
  if (!/^[a-z]+$/.test(w) || w.length <= 4) return w;
  if (w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.endsWith('ing') && w.length > 6) return w.slice(0, -3);
  if (w.endsWith('ed') && w.length > 5) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** The content words of a sentence (no Hangul bigrams, no function words), stemmed. */
export function factWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of terms(text)) {
    if (t.startsWith('#') || FUNCTION_WORDS.has(t)) continue;
    out.add(lightStem(t));
  }
  return out;
}

/** Whether a and b state one fact: most content words of the shorter one are in the other. */
export function restatesFact(a: string, b: string): boolean {
  const x = factWords(a);
  const y = factWords(b);
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size === 0) return false;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared >= RESTATE_MIN_SHARED && shared / small.size >= RESTATE_OVERLAP;
}
