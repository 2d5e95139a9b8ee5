/**
 * Where the templates and locale files shipped with the package are: beside `src/` in a
 * checkout, beside `dist/` in an installed copy (both one folder above this module's).
 * They are the defaults; a project's own files replace them file by file.
 */
import { fileURLToPath } from 'node:url';

export const BUNDLED_TEMPLATES = fileURLToPath(new URL('../templates/', import.meta.url)).replace(/[\\/]$/, '');
export const BUNDLED_LOCALES = `${BUNDLED_TEMPLATES}/locales`;
