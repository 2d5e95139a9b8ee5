/** compose: ranked topics → the editable issue (Draft), and the draft file format. */
export { composeIssue, type ComposeInput } from './compose.js';
export { articlesToRead, READ_ARTICLES } from './reading.js';
export { draftToYaml, parseDraft } from './draft.js';
export { variantOf, resolveInterests, type Variant } from './variant.js';
export { splitSentences, isCompleteSentence } from './sentences.js';
export { cleanHeadline } from './headline.js';
export { formatSourceDate } from './sources.js';
export { fillLabel, withJosa } from './labels.js';
export { isBoilerplate, boilerplateRule, cleanSentence, BOILERPLATE_RULES } from './boilerplate.js';
export {
  selectKeySentences,
  scoreCandidates,
  mmrSelect,
  DEFAULT_WEIGHTS,
  type SelectorWeights,
  type Candidate,
} from './select.js';
export { checkIssue, type CheckInput, type IssueCheck, type IssueFault, type IssueFaultKind } from './checks.js';
export { DEPENDENT_RULES, dependentRule, isDependent, type DependentRule } from './dependent.js';
export { chromeLine, chromeReason, isUiLabel, type DropReason } from './chrome.js';
export { sameStory, type StoryText } from './same-story.js';
export { droppedLines, storyDrops, type DropCounts, type StoryDrops } from './article.js';
export { learnRepeatedLines, REPEAT_MIN_ITEMS, REPEAT_SHARE } from './repeated.js';
