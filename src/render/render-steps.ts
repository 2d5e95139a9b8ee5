/**
 * The render pipeline. Its order lives here and only here:
 *
 *   1. templates   load the templates folder (cached until a file changes)
 *   2. labels      every label a template names exists in the locale
 *   3. view        the draft as clean template data (escaping-ready text, http(s) links only)
 *   4. handlebars  the style's MJML template and its plain-text template
 *   5. mjml        MJML → HTML, strict validation, once per issue
 *   6. preflight   size against Gmail's clip, alt texts, image widths, links
 *
 * Each step is a small function of the state so far; a failing step throws ETEMPLATE
 * naming the template file and line.
 */
import type { Draft, IssueStyle, Labels, PreflightWarning, RenderedIssue } from '../types.js';
import { isBriefingError } from '../errors.js';
import { compileMjml, locateProblem, MjmlInvalid } from './mjml.js';
import { pictureWarnings, preflight } from './preflight.js';
import {
  TEMPLATE_FILE,
  fileOf,
  loadTemplates,
  templateError,
  type CompiledKind,
  type TemplateSet,
} from './templates.js';
import { tidyText } from './tidy-text.js';
import { buildView, type IssueView } from './view.js';

export interface RenderOptions {
  /**
   * The templates folder (styles/, partials/), or several: file by file, a file in an
   * earlier folder replaces the one of the same path in a later folder.
   */
  templatesDir: string | readonly string[];
  labels: Labels;
  /** Overrides the draft's style. */
  style?: IssueStyle;
  /** Public base URL; the "view in browser" link is `<baseUrl>/<issueId>/`. */
  baseUrl?: string;
}

interface RenderState {
  readonly draft: Draft;
  readonly opts: RenderOptions;
  templates?: TemplateSet;
  view?: IssueView;
  mjml?: string;
  text?: string;
  html?: string;
  warnings?: PreflightWarning[];
}

export interface RenderStep {
  readonly name: string;
  run(state: RenderState): Partial<RenderState> | Promise<Partial<RenderState>>;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`render pipeline: ${what} is missing (steps out of order)`);
  return value;
}

function runTemplate(set: TemplateSet, kind: CompiledKind, ext: 'mjml' | 'txt', view: IssueView): string {
  const rel = `styles/${view.style}.${ext}.hbs`;
  const entry = kind.entries.get(view.style);
  if (!entry) {
    throw templateError(
      fileOf(set, rel),
      undefined,
      `style "${view.style}" has no ${ext === 'mjml' ? 'MJML' : 'plain-text'} template`,
      `add ${rel} or set newsletter.style to one of: ${[...kind.entries.keys()].join(', ')}`,
    );
  }
  try {
    return entry(view, { partials: kind.partials, data: {} });
  } catch (e) {
    const err = e as { lineNumber?: number; message?: string; [TEMPLATE_FILE]?: string };
    const first = isBriefingError(e) ? e.message : (String(err.message ?? e).split('\n')[0] ?? 'failed');
    const where = err[TEMPLATE_FILE] ?? fileOf(set, rel);
    const unknown = /^"([^"]+)" not defined in .* - (\d+):\d+$/.exec(first);
    if (unknown)
      throw templateError(
        where,
        Number(unknown[2]),
        `unknown template variable "${unknown[1]}"`,
        'use a field the view has here (see templates/README.md), or check the spelling',
      );
    const hint = isBriefingError(e) && e.hint ? e.hint : 'check the helpers and partials this template calls';
    throw templateError(where, err.lineNumber, first, hint);
  }
}

async function mjmlToHtml(state: RenderState): Promise<string> {
  const mjml = need(state.mjml, 'MJML');
  try {
    return await compileMjml(mjml);
  } catch (e) {
    if (!(e instanceof MjmlInvalid)) throw e;
    const set = need(state.templates, 'templates');
    const view = need(state.view, 'view');
    const problem = e.problems[0];
    const entryRel = `styles/${view.style}.mjml.hbs`;
    if (!problem)
      throw templateError(
        fileOf(set, entryRel),
        undefined,
        `MJML: ${e.message.split('\n')[0] ?? 'invalid'}`,
        'check that the template is one <mjml> document with <mj-head> and <mj-body>',
      );
    const traced = runTemplate(set, set.instrumented(), 'mjml', view);
    const at = locateProblem(traced, problem);
    const more = e.problems.length > 1 ? ` (and ${e.problems.length - 1} more)` : '';
    throw templateError(
      fileOf(set, at?.rel ?? entryRel),
      at?.line,
      `<${problem.tagName}>: ${problem.message}${more}`,
      'see https://documentation.mjml.io for the tags and attributes MJML allows',
    );
  }
}

/** The steps, in order. */
export const RENDER_STEPS: readonly RenderStep[] = [
  { name: 'templates', run: (s) => ({ templates: loadTemplates(s.opts.templatesDir) }) },
  {
    name: 'labels',
    run: (s) => {
      const missing = need(s.templates, 'templates').labelUses.find((u) => !(u.key in s.opts.labels));
      if (missing) {
        throw templateError(
          missing.file,
          missing.line,
          `label "${missing.key}" is not in the locale file`,
          `add "${missing.key}: …" to the locale files (templates/locales/*.yaml) or fix the key`,
        );
      }
      return {};
    },
  },
  {
    name: 'view',
    run: (s) => ({ view: buildView(s.draft, { labels: s.opts.labels, style: s.opts.style, baseUrl: s.opts.baseUrl }) }),
  },
  {
    name: 'handlebars',
    run: (s) => {
      const set = need(s.templates, 'templates');
      const view = need(s.view, 'view');
      return { mjml: runTemplate(set, set.mjml, 'mjml', view), text: tidyText(runTemplate(set, set.txt, 'txt', view)) };
    },
  },
  { name: 'mjml', run: async (s) => ({ html: await mjmlToHtml(s) }) },
  {
    name: 'preflight',
    run: (s) => {
      const pictures = need(s.view, 'view').stories.flatMap((story, i) =>
        story.image ? [{ number: i + 1, url: story.image.url, naturalWidth: story.image.naturalWidth }] : [],
      );
      return { warnings: [...preflight(need(s.html, 'HTML')), ...pictureWarnings(pictures)] };
    },
  },
];

/** Render an issue once: HTML and text with per-recipient placeholders, and preflight warnings. */
export async function renderIssue(draft: Draft, opts: RenderOptions): Promise<RenderedIssue> {
  let state: RenderState = { draft, opts };
  for (const step of RENDER_STEPS) {
    state = { ...state, ...(await step.run(state)) };
  }
  const view = need(state.view, 'view');
  return {
    issueId: view.issueId,
    subject: view.subject || view.title,
    preheader: view.preheader,
    html: need(state.html, 'HTML'),
    text: need(state.text, 'text'),
    warnings: need(state.warnings, 'warnings'),
  };
}
