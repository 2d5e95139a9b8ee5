/** Shared set-up of the render tests: the real templates and locales, and readers of the output. */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { loadLabels } from '../../src/config/locale.js';
import { renderIssue, type RenderOptions } from '../../src/render/index.js';
import type { Draft, Locale, RenderedIssue } from '../../src/types.js';

export const TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

export function labels(locale: Locale = 'ko'): Record<string, string> {
  return loadLabels(join(TEMPLATES, 'locales'), locale);
}

export function render(draft: Draft, opts: Partial<RenderOptions> = {}): Promise<RenderedIssue> {
  return renderIssue(draft, { templatesDir: TEMPLATES, labels: labels(draft.locale), ...opts });
}

/** A copy of the bundled templates in a temp folder, to break on purpose. */
export function templatesCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-templates-'));
  cpSync(TEMPLATES, dir, { recursive: true });
  return dir;
}

export type HtmlDocument = ReturnType<typeof parseHTML>['document'];

export function dom(html: string): HtmlDocument {
  return parseHTML(html).document;
}

/** The visible text of the HTML body (no head, no hidden preheader), whitespace collapsed. */
export function visibleText(html: string): string {
  const doc = dom(html);
  for (const hidden of doc.querySelectorAll('div[style*="display:none"]')) hidden.remove();
  return (doc.body?.textContent ?? '').replace(/\s+/g, ' ');
}

/** The item numbers `[n]` in reading order. */
export function numbers(text: string): number[] {
  return [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
}
