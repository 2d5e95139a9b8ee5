import { fileURLToPath } from 'node:url';
import { isUtf8 } from 'node:buffer';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { BriefingError } from '../errors.js';
import { type BriefingConfig, configSchema } from './schema.js';

export { configSchema } from './schema.js';
export type { RawConfig } from './schema.js';

import { DEFAULT_CONFIG_FILE } from './defaults.js';

export { DEFAULT_CONFIG_FILE };

export interface ConfigOverrides {
  dataDir?: string | undefined;
  outboxDir?: string | undefined;
}

/**
 * Turn a config object (as read from YAML) into a resolved config. Pure: reads no disk.
 * Defaults, then the object, then overrides. Throws ECONFIG naming the key and the fix.
 */
export function resolveConfig(
  raw: unknown,
  baseDir: string,
  overrides: ConfigOverrides = {},
  where = 'config',
): BriefingConfig {
  const parsed = configSchema.safeParse(raw ?? {}, { reportInput: true });
  if (!parsed.success) throw configError(parsed.error, where, undefined);
  const { paths, ...c } = parsed.data;
  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(baseDir, p));
  const templates = abs(paths.templates);
  // Only the paths change here: they resolve against the config file's folder.
  return {
    ...c,
    sources: c.sources.map((s) => ({ ...s, url: sourceUrl(s.url, abs) })),
    delivery: {
      ...c.delivery,
      bounces: c.delivery.bounces && {
        ...c.delivery.bounces,
        maildir: c.delivery.bounces.maildir !== undefined ? abs(c.delivery.bounces.maildir) : undefined,
      },
    },
    subscribers: c.subscribers ? abs(c.subscribers) : undefined,
    paths: {
      base: baseDir,
      data: overrides.dataDir ? resolve(overrides.dataDir) : abs(paths.data),
      outbox: overrides.outboxDir ? resolve(overrides.outboxDir) : abs(paths.outbox),
      templates,
      locales: paths.locales ? abs(paths.locales) : resolve(templates, 'locales'),
    },
  };
}

/** Read and resolve a YAML config file; errors name the file, the line and the key. */
export function loadConfig(file: string, overrides: ConfigOverrides = {}): BriefingConfig {
  const path = resolve(file);
  if (!existsSync(path)) {
    throw new BriefingError(
      'ECONFIG',
      `config file not found: ${path}`,
      `create ${DEFAULT_CONFIG_FILE} in this folder (see README) or pass --config <file>`,
    );
  }
  const bytes = readFileSync(path);
  if (!isUtf8(bytes)) {
    const bad = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, bad).toString('latin1').split('\n').length;
    throw new BriefingError(
      'ECONFIG',
      `${path} line ${line}: not UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16)} at offset ${bad})`,
      'save the file as UTF-8 (e.g. iconv -f cp949 -t utf-8, or "Save with encoding: UTF-8" in the editor)',
    );
  }
  const text = bytes.toString('utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line;
    throw new BriefingError(
      'ECONFIG',
      `${path}${line ? ` line ${line}` : ''}: not valid YAML: ${yamlError.message.split('\n')[0]}`,
      'fix the YAML syntax at that line (indentation, a missing colon or quote)',
    );
  }
  const raw: unknown = doc.toJS();
  const parsed = configSchema.safeParse(raw ?? {}, { reportInput: true });
  if (!parsed.success) {
    throw configError(parsed.error, path, (keyPath) => {
      const node = doc.getIn(keyPath, true) as { range?: [number, number, number] } | undefined;
      let at = node?.range?.[0];
      for (let i = keyPath.length - 1; at === undefined && i >= 0; i--) {
        const parent = doc.getIn(keyPath.slice(0, i), true) as { range?: [number, number, number] } | undefined;
        at = parent?.range?.[0];
      }
      return at === undefined ? undefined : lines.linePos(at).line;
    });
  }
  return resolveConfig(raw, dirname(path), overrides, path);
}

function configError(
  error: z.ZodError,
  where: string,
  lineOf: ((path: Array<string | number>) => number | undefined) | undefined,
): BriefingError {
  const issue = error.issues[0];
  if (!issue) return new BriefingError('ECONFIG', `${where}: invalid`, 'see README for the config shape');
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const key = path.length
    ? path
        .map((p) => (typeof p === 'number' ? `[${p}]` : p))
        .join('.')
        .replace(/\.\[/g, '[')
    : '(top level)';
  const line = lineOf?.(path);
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  const msg = describeIssue(issue);
  return new BriefingError('ECONFIG', `${where}${line ? ` line ${line}` : ''}: ${key} ${msg}${more}`, hintFor(issue));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is missing' : `must be a ${issue.expected}`;
    case 'unrecognized_keys':
      return `has an unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default: {
      // Custom messages read "problem; how to fix": the problem goes here, the fix in the hint.
      const problem = issue.message.split('; ')[0] ?? issue.message;
      return /^(is|must|needs|an) /.test(problem) ? problem : `is invalid: ${problem}`;
    }
  }
}

function hintFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return 'remove it or check its spelling against the README';
    case 'invalid_type':
      return issue.input === undefined
        ? 'add it (see the README for the config shape)'
        : `write a ${issue.expected} there`;
    default: {
      const fix = issue.message.split('; ')[1];
      return fix ?? 'correct the value (see the README for the config shape)';
    }
  }
}

/**
 * A source URL as collect reads it: http(s) as written; `file://` as the file it names (a
 * relative path after `file:` resolves against the config's folder); anything else is a path.
 */
export function sourceUrl(url: string, abs: (p: string) => string): string {
  const u = url.trim();
  if (/^https?:\/\//i.test(u)) return u;
  if (/^file:\/\//i.test(u)) {
    try {
      return fileURLToPath(u);
    } catch {
      return u;
    }
  }
  if (/^file:/i.test(u)) return abs(decodeURIComponent(u.slice(5)));
  return abs(u);
}

/** Offset of the first byte that does not begin or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || !isUtf8(bytes.subarray(i, i + len))) return i;
    i += len;
  }
  return 0;
}
