/** render: a draft → HTML (MJML + Handlebars) and a plain-text part, once per issue; `personalize` per recipient. */
export { renderIssue, RENDER_STEPS, type RenderOptions, type RenderStep } from './render-steps.js';
export { personalize } from './personalize.js';
export { preflight, htmlBytes, GMAIL_CLIP_BYTES } from './preflight.js';
export { loadTemplates } from './templates.js';
export { mdDate, longDate, httpUrl } from './format.js';
