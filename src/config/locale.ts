import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BriefingError } from '../errors.js';
import type { Labels, Locale } from '../types.js';

/** Read the labels of a locale from `<localesDir>/<locale>.yaml`; missing keys fall back to Korean. */
export function loadLabels(localesDir: string, locale: Locale): Labels {
  const read = (loc: Locale): Record<string, string> => {
    const file = join(localesDir, `${loc}.yaml`);
    if (!existsSync(file)) {
      throw new BriefingError(
        'ECONFIG',
        `locale file not found: ${file}`,
        `add ${loc}.yaml to the locales folder or set newsletter.locale to ko`,
      );
    }
    const data: unknown = parse(readFileSync(file, 'utf8'));
    if (!data || typeof data !== 'object') {
      throw new BriefingError('ECONFIG', `locale file ${file} is not a map of labels`, 'write it as key: text lines');
    }
    return Object.fromEntries(Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  };
  const base = locale === 'ko' ? {} : read('ko');
  return { ...base, ...read(locale) };
}
