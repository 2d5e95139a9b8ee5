/**
 * briefing as a library: the stage functions, the pipeline that wires them, and the types.
 *
 *   import { loadConfig, createApp, runOnce } from 'briefing';
 *   const app = createApp(loadConfig('briefing.config.yaml'));
 *   const out = await runOnce(app);
 */
export type * from './types.js';
export { BriefingError, isBriefingError, type ErrorCode } from './errors.js';
export { loadConfig, resolveConfig, DEFAULT_CONFIG_FILE, type ConfigOverrides } from './config/index.js';
export { loadLabels } from './config/locale.js';
export {
  createApp,
  createScheduler,
  startPublicSite,
  fixedClock,
  systemClock,
  jsonLogger,
  silentLogger,
  type App,
  type AppOverrides,
  type TransportFactory,
} from './app.js';
export { Store } from './store/index.js';
export {
  collectStep,
  rankStep,
  topicItems,
  composeStep,
  renderDraft,
  renderDraftFile,
  sendStep,
  runOnce,
  runIssueSlot,
  runCollectSlot,
  referenceTime,
  type ComposeOutcome,
  type NothingNew,
  type RunOutcome,
} from './pipeline.js';
export { collectSources } from './collect/index.js';
export { rankTopics, formatExplain } from './rank/index.js';
export { rankDocOf } from './opening.js';
export { composeIssue, draftToYaml, parseDraft, splitSentences } from './compose/index.js';
export { renderIssue, personalize } from './render/index.js';
export { buildMessage, buildEml, createTransport, deliverIssue } from './deliver/index.js';
