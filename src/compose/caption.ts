/**
 * Picture captions and credits that reach a body as text: they describe a picture, not the
 * story, so they are never summary sentences. A sentence is a caption when
 * - it carries a picture credit: "Photograph: Jane Doe/Reuters", "(AP Photo/Evan Vucci)",
 *   "Illustration: …", "… via Getty Images", "사진=연합뉴스" (the Korean ones are in
 *   boilerplate.ts), or
 * - it says who is where in the picture: "Mariia Seniuk, left, with …", "Pictured are …",
 *   "… is seen in this illustration photo", or opens with a photo desk's capitalized dateline
 *   ("CLARK, NEW JERSEY - JANUARY 08:"), or
 * - it is an English noun phrase with a place or a time and no finite verb: "An Australian
 *   Collins class submarine, front, and a British nuclear-powered attack sub in Perth last
 *   year.", "Ukrainian soldiers in Irpin last week." (a sentence that reports something has
 *   a verb: "… sailed into Perth last year.").
 */

import { createRequire } from 'node:module';

export interface CaptionRule {
  name: string;
  test: (text: string) => boolean;
}

/** Credit lines of photo desks and agencies. */
const CREDIT =
  /\b(?:Photograph|Photo|Photos|Picture|Pictures|Image|Images|Illustration|Composite|Video|Footage)\s*:\s*\S|\((?:AP|AFP|Reuters|EPA|UPI|Getty|PA)\b[^)]*\/[^)]*\)|\b(?:AP|AFP|EPA|Reuters|Xinhua|Anadolu)\s+Photo\b|\bvia\s+(?:Getty\s+Images|Shutterstock|Reuters|AP|AFP|EPA)\b|\bGetty\s+Images\b|\bCredit\s*:\s*\S/;

const WEEKDAY = String.raw`(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`;
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?`;
/** When: "last year", "on Tuesday", "in March", "on April 3", "in 2021", "earlier this week". */
const TIME = new RegExp(
  String.raw`\b(?:(?:early|late|mid)[\s-]+${MONTH}|(?:last|this|next|earlier\s+this|late\s+last|early\s+last)\s+(?:year|month|week|night|weekend|summer|winter|spring|autumn|fall|${WEEKDAY}|${MONTH})|yesterday|today|tonight|(?:on|last)\s+${WEEKDAY}|(?:in|on|since)\s+${MONTH}(?:\s+\d{1,2})?|(?:in|since)\s+(?:19|20)\d{2}|${MONTH}\s+\d{1,2},?\s+(?:19|20)\d{2})\b`,
);
/** Where: "in Perth", "at Downing Street", "near Kyiv", "outside the White House". */
const PLACE = /\b(?:in|at|near|outside|inside|on|off|from|over)\s+(?:the\s+)?[A-Z][\p{L}'’.-]+/u;

/** Words that make a finite verb phrase whatever surrounds them: no need to ask the tagger. */
const FINITE =
  /\b(?:is|are|was|were|has|have|had|does|did|will|would|shall|should|can|could|may|might|must|says|said|tells|told|isn't|aren't|wasn't|weren't|hasn't|haven't|hadn't|doesn't|didn't|won't|wouldn't|can't|couldn't)\b/i;
/** A past form with its object ("… closed the A38", "… killed dozens"): a verb, whatever a tagger says. */
const PAST_WITH_OBJECT =
  /\b[a-z]{3,}ed\s+(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|dozens|hundreds|thousands|millions|some|several|more|\d)\b/;
/** A relative or adverbial clause: its verb does not make the sentence a report ("… where the bodies lay"). */
const CLAUSE = /,?\s+(?:where|who|whom|whose|which|that|when|while|after|before|because|as)\b.*$/i;

const INSERTED = /,\s+(?:who|whom|whose|which)\b[^,]*,/gi;

type Tagger = typeof import('compromise/two').default;
/** compromise's part-of-speech tagger, loaded on first use (only English caption candidates need it). */
let tagger: Tagger | undefined;

/**
 * Whether an English sentence's main clause has a finite verb ("… sailed into Perth …"),
 * by compromise's part-of-speech tags; a participle ("soldiers patrolling a square") is not one.
 */
export function hasFiniteVerb(text: string): boolean {
  if (FINITE.test(text) || PAST_WITH_OBJECT.test(text)) return true;
  // An inserted clause (", who co-hosted the awards,") is dropped; a trailing one only when
  // what is left still reads as a phrase of its own.
  const inserted = text.replace(INSERTED, ' ');
  const trimmed = inserted.replace(CLAUSE, '');
  const main = trimmed.split(/\s+/).length >= 3 ? trimmed : inserted;
  tagger ??=
    (createRequire(import.meta.url)('compromise/two') as { default?: Tagger }).default ??
    (createRequire(import.meta.url)('compromise/two') as Tagger);
  return tagger(main).match('(#PastTense|#PresentTense|#Modal|#Copula|#Auxiliary)').not('#Gerund').found;
}

const LATIN_WORD = /^[A-Za-z]/;
/** "Mariia Seniuk, left, with …", "(second from right)", "from left, front row". */
const POSITION =
  /,\s*(?:left|right|centre|center|front|back|top|bottom|above|below|foreground|background)\s*,|\((?:left|right|centre|center|(?:second|third)\s+from\s+(?:left|right))\)|\bfrom\s+left\s*,|\b(?:second|third)\s+from\s+(?:left|right)\b/i;
/** "… is seen in this illustration", "Pictured are …", "In this photo illustration". */
const PICTURED =
  /\b(?:is|are|was|were)\s+(?:seen|pictured|shown)\s+(?:in|at|on|during|through|behind|near)\b|^\s*Pictured\b|\bphoto\s+illustration\b|\billustration\s+photo\b|\bin\s+this\s+(?:photo|picture|image|handout)\b/i;
/** "CLARK, NEW JERSEY - JANUARY 08:", "BRAZIL - 2021/06/08:". */
const PHOTO_DATELINE = /^[A-Z][A-Z .,'-]{2,40}\s+-\s+(?:[A-Z]+\s+\d{1,2}|\d{4}\/\d{2}\/\d{2})\s*:/;

export const CAPTION_RULES: readonly CaptionRule[] = [
  { name: 'picture credit', test: (t) => CREDIT.test(t) },
  { name: 'who is where in the picture', test: (t) => POSITION.test(t) || PICTURED.test(t) },
  { name: 'capitalized dateline of a photo desk', test: (t) => PHOTO_DATELINE.test(t) },
  {
    name: 'noun phrase with a place or a time',
    test: (t) =>
      LATIN_WORD.test(t.trim()) &&
      t.length <= 240 &&
      /\.["”’)]?$/.test(t.trim()) &&
      (TIME.test(t) || PLACE.test(t)) &&
      !hasFiniteVerb(t),
  },
];

/** Whether a text carries a picture credit ("Photograph: …/PA", "(AP Photo/…)"). */
export function hasPictureCredit(text: string): boolean {
  return CREDIT.test(text);
}

/** The caption rule a sentence matches, or undefined. */
export function captionRule(text: string): CaptionRule | undefined {
  return CAPTION_RULES.find((r) => r.test(text));
}

export function isCaption(text: string): boolean {
  return captionRule(text) !== undefined;
}
