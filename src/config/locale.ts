import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { BriefingError } from '../errors.js';
import type { Labels, Locale } from '../types.js';

function readLabelFile(file: string): Record<string, string> {
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: new LineCounter() });
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    throw new BriefingError(
      'ECONFIG',
      `locale file ${file}${line ? ` line ${line}` : ''}: not valid YAML: ${error.message.split('\n')[0]}`,
      'fix the YAML at that line (a label with a colon or # needs quotes: why: "왜: 중요하냐면")',
    );
  }
  const data: unknown = doc.toJS();
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new BriefingError('ECONFIG', `locale file ${file} is not a map of labels`, 'write it as key: text lines');
  }
  return Object.fromEntries(Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
}

/**
 * The labels of a locale from `<dir>/<locale>.yaml` in one or more folders. Folders are
 * given first wins (a project's locales, then the bundled ones): a project file needs only
 * the labels it changes. Keys missing from the locale fall back to Korean.
 */
export function loadLabels(localesDirs: string | readonly string[], locale: Locale): Labels {
  const dirs = [...new Set(typeof localesDirs === 'string' ? [localesDirs] : localesDirs)];
  const read = (loc: Locale): Record<string, string> => {
    const files = dirs.map((d) => join(d, `${loc}.yaml`)).filter((f) => existsSync(f));
    if (files.length === 0) {
      const where = dirs.map((d) => join(d, `${loc}.yaml`)).join(' or ');
      throw new BriefingError(
        'ECONFIG',
        `locale file not found: ${where}`,
        loc === 'ko'
          ? `create ${join(dirs[0] ?? '.', 'ko.yaml')} (key: text lines)`
          : `create ${join(dirs[0] ?? '.', `${loc}.yaml`)} (key: text lines) or set newsletter.locale to ko`,
      );
    }
    // Later folders first, so the earlier (the project's) labels win.
    return Object.assign({}, ...files.reverse().map(readLabelFile)) as Record<string, string>;
  };
  const base = locale === 'ko' ? {} : read('ko');
  return { ...base, ...read(locale) };
}
