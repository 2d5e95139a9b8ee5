/**
 * Which templates and locale files a project uses: the bundled ones, and those the project
 * holds itself (which replace the bundled file of the same path). For `templates` and `doctor`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_LOCALES, BUNDLED_TEMPLATES } from '../bundled.js';
import type { BriefingConfig } from '../types.js';

export interface TemplateEntry {
  /** Path inside the templates folder: `styles/briefing.mjml.hbs`, `partials/footer.mjml.hbs`, `locales/ko.yaml`. */
  rel: string;
  /** The bundled file, if the package ships one. */
  bundled: string | undefined;
  /** The project's own file, if it has one. */
  project: string | undefined;
  /** Where the project's own file goes (where `templates eject` writes it). */
  target: string;
}

const TEMPLATE_RE = /\.(mjml|txt)\.hbs$/;
const LOCALE_RE = /^[a-z]{2}\.yaml$/;

function filesIn(dir: string, re: RegExp): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((n) => re.test(n) && statSync(join(dir, n)).isFile())
    .sort();
}

/** Every template and locale file, bundled or the project's, sorted by path. */
export function templateInventory(config: BriefingConfig): TemplateEntry[] {
  const entries = new Map<string, TemplateEntry>();
  const add = (rel: string, target: string, side: 'bundled' | 'project', file: string): void => {
    const e = entries.get(rel) ?? { rel, bundled: undefined, project: undefined, target };
    e[side] = file;
    entries.set(rel, e);
  };
  const sameFolder = config.paths.templates === BUNDLED_TEMPLATES;
  for (const folder of ['styles', 'partials']) {
    for (const n of filesIn(join(BUNDLED_TEMPLATES, folder), TEMPLATE_RE)) {
      add(`${folder}/${n}`, join(config.paths.templates, folder, n), 'bundled', join(BUNDLED_TEMPLATES, folder, n));
    }
    if (sameFolder) continue;
    for (const n of filesIn(join(config.paths.templates, folder), TEMPLATE_RE)) {
      const file = join(config.paths.templates, folder, n);
      add(`${folder}/${n}`, file, 'project', file);
    }
  }
  for (const n of filesIn(BUNDLED_LOCALES, LOCALE_RE)) {
    add(`locales/${n}`, join(config.paths.locales, n), 'bundled', join(BUNDLED_LOCALES, n));
  }
  if (config.paths.locales !== BUNDLED_LOCALES) {
    for (const n of filesIn(config.paths.locales, LOCALE_RE)) {
      const file = join(config.paths.locales, n);
      add(`locales/${n}`, file, 'project', file);
    }
  }
  return [...entries.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/** The entries named on the command line (a path like `partials/footer.mjml.hbs`, or a file name), or all. */
export function pickEntries(
  entries: readonly TemplateEntry[],
  names: readonly string[],
): { picked: TemplateEntry[]; unknown: string[] } {
  if (names.length === 0) return { picked: entries.filter((e) => e.bundled), unknown: [] };
  const picked: TemplateEntry[] = [];
  const unknown: string[] = [];
  for (const raw of names) {
    const name = raw.replace(/\\/g, '/').replace(/^(\.\/)?templates\//, '');
    const hits = entries.filter(
      (e) =>
        e.bundled && (e.rel === name || e.rel.endsWith(`/${name}`) || e.rel.split('/').pop()?.split('.')[0] === name),
    );
    if (hits.length === 0) unknown.push(raw);
    for (const h of hits) if (!picked.includes(h)) picked.push(h);
  }
  return { picked, unknown };
}
