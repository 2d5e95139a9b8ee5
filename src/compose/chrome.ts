/**
 * Lines that are not the story: what the page, the site or its promotions put around
 * it. A line is judged by what it is (a marker of a promotion, words addressed to the
 * reader, a byline, a notice), never by a list of particular sites' strings.
 */
import { boilerplateRule } from './boilerplate.js';
import { outsideQuotes } from './dependent.js';

/** Why a line is dropped: the counts `compose --json` reports per story use these names. */
export type DropReason = 'promo' | 'chrome' | 'byline' | 'notice' | 'related' | 'caption' | 'repeat';

/** Markers that open promotions and link boxes, never a sentence of news: ※ ▶ ☞ ► ▷ ◀ →. */
const PROMO_MARKER = /^\s*[※▶☞►▷◀◁→☜]/u;

/**
 * Words addressed to the reader. News is written in 해라체 and never honours its reader;
 * a promotion asks them to act: an imperative or request (…하세요, …해 주세요, …하십시오,
 * …바랍니다) or an honorific aimed at them (…하시면, …받아보실 수 있습니다).
 */
const READER_ADDRESS =
  /(?:세요|셔요|십시오|십시요|주시기|바랍니다|바래요|시면|시려면|시길|실\s?수\s?있|보실|받으실|하실|셨다면|셨나요|부탁(?:드립니다|드려요|해요|합니다))(?=[\s,.!?~…]|$)/u;

const RULE_REASON: Readonly<Record<string, DropReason>> = {
  'e-mail address': 'byline',
  'reporter byline': 'byline',
  'no reproduction notice': 'notice',
  'copyright notice': 'notice',
  'most read box': 'related',
  'related articles box': 'related',
  'link arrow': 'chrome',
  'tip-off or subscription prompt': 'promo',
  'photo caption': 'caption',
};

/** Why a line of an issue or an article is not the story, or undefined when it may be. */
export function chromeReason(line: string): DropReason | undefined {
  const text = line.trim();
  if (!text) return undefined;
  const own = outsideQuotes(text);
  if (READER_ADDRESS.test(own)) return 'promo';
  if (PROMO_MARKER.test(text)) return 'promo';
  const rule = boilerplateRule(text);
  if (rule) return RULE_REASON[rule.name] ?? 'chrome';
  return undefined;
}

/** A word of a page's controls: a nominalized action (공유하기, 구독하기, 목록보기), a count, one syllable (가 가 가). */
const UI_WORD = /^(?:[가-힣]+(?:하기|보기|쓰기|받기|가기|듣기)|\d+|[가-힣]|[가-힣]{1,4}\d+|[+-]|[A-Za-z]{1,3})$/u;

/**
 * Whether a short line is a row of page controls (글자크기 가 가 가 가, 프린트 공유하기 기사 스크랩,
 * 댓글 12): no predicate, and most of its words are the kind controls are made of.
 */
export function isUiLabel(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 40 || /[.!?]$|다$/u.test(t)) return false;
  const words = t.split(/\s+/);
  const ui = words.filter((w) => UI_WORD.test(w)).length;
  // A button's verb (…하기, …보기) among a few words makes the row a toolbar.
  const action = words.some((w) => /^[가-힣]+(?:하기|보기)$/u.test(w));
  return ui * 2 >= words.length || (action && words.length <= 5);
}

/** Why a line of an article is not the story, including rows of page controls. */
export function chromeLine(line: string): DropReason | undefined {
  return chromeReason(line) ?? (isUiLabel(line) ? 'chrome' : undefined);
}
