/**
 * rank: group items into topics, score each topic by freshness, pick a diverse set.
 * Pure: plain data in, plain data out; the reference time comes from the input.
 */
export { rankTopics, windowItems, TOPIC_TERMS } from './rank.js';
export { formatExplain } from './explain.js';
export { Analyzer, stripSuffix } from './tokenize.js';
export { BUILTIN_ALIASES } from './lexicon.js';
export { PIN_BONUS, scoreOf, recencyOf, momentumFactor, formulaOf } from './score.js';
export type { ScoreTerms } from './score.js';
export { judgeNovelty, termSimilarity, issueDecay } from './novelty.js';
export type { NoveltyVerdict, NoveltyConfig } from './novelty.js';
