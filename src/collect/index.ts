/** collect: sources → cleaned items, with per-source reports and fetch state. */
export { collectSources, collectOne, dropNearDuplicates } from './collect.js';
export type { CollectDeps, SourceOutcome } from './types.js';
export { progressBar } from './progress.js';
export { decodeBody, type Decoded } from './charset.js';
export { parseFeedDate, itemDate } from './dates.js';
export { canonicalLink, resolveUrl } from './links.js';
export { sanitizeItemHtml } from './sanitize.js';
export { htmlToBlocks } from './blocks.js';
export { stripBoilerplate } from './boilerplate.js';
export { readFeed, type RawFeed } from './parse.js';
export { buildItems } from './items.js';
export { FeedFailure } from './failure.js';
