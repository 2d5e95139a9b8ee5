/**
 * docs/config.md, generated from the config schema: one row per key with its type, default
 * and meaning. Pure; `npm run docs:config` writes the file, tests/config/docs.test.ts fails
 * when the file and the schema differ.
 */
import { z } from 'zod';
import { configSchema } from './schema.js';

interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
}

const FORMATS: Record<string, string> = {
  duration: 'duration (`90m`, `36h`, `7d`)',
  cron: 'cron expression',
  'date-time': 'ISO date-time',
  uri: 'URL',
};

function typeOf(s: JsonSchema): string {
  if (s.enum) return s.enum.map((v) => `\`${String(v)}\``).join(' \\| ');
  if (s.format && FORMATS[s.format]) return FORMATS[s.format] as string;
  if (s.type === 'array')
    return s.items?.type === 'object' ? 'list' : `list of ${s.items ? typeOf(s.items) : 'values'}`;
  const t = Array.isArray(s.type) ? s.type.join(' or ') : (s.type ?? 'value');
  // zod writes the safe-integer bounds of .int(); they say nothing to a reader.
  const hi = s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER ? s.maximum : undefined;
  const lo = s.minimum !== undefined && s.minimum > Number.MIN_SAFE_INTEGER ? s.minimum : undefined;
  const range =
    s.exclusiveMinimum !== undefined
      ? ` > ${s.exclusiveMinimum}`
      : lo !== undefined && hi !== undefined
        ? ` ${lo}–${hi}`
        : lo !== undefined
          ? ` ≥ ${lo}`
          : hi !== undefined
            ? ` ≤ ${hi}`
            : '';
  return `${t}${range}`;
}

function defaultOf(s: JsonSchema, required: boolean): string {
  if (required) return 'required';
  if (s.default === undefined || s.type === 'object') return '';
  return `\`${JSON.stringify(s.default)}\``;
}

interface KeyDoc {
  path: string;
  schema: JsonSchema;
  required: boolean;
}

function keys(s: JsonSchema, prefix = ''): KeyDoc[] {
  return Object.entries(s.properties ?? {}).flatMap(([key, child]) => {
    const path = `${prefix}${key}`;
    const self = { path, schema: child, required: (s.required ?? []).includes(key) };
    if (child.type === 'object') return [self, ...keys(child, `${path}.`)];
    if (child.type === 'array' && child.items?.type === 'object') return [self, ...keys(child.items, `${path}[].`)];
    return [self];
  });
}

const asJson = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** Keys of a config schema written without a one-line meaning (`.describe`). */
export function keysWithoutMeaning(schema: z.ZodType = configSchema): string[] {
  return keys(asJson(schema))
    .filter((k) => !k.schema.description?.trim())
    .map((k) => k.path);
}

/** The text of docs/config.md. */
export function configDocs(schema: z.ZodType = configSchema): string {
  const out = keys(asJson(schema)).map(
    (k) =>
      `| \`${k.path}\` | ${typeOf(k.schema)} | ${defaultOf(k.schema, k.required)} | ${(k.schema.description ?? '').replace(/\|/g, '\\|')} |`,
  );
  return [
    '# Configuration keys',
    '',
    '<!-- Generated from src/config/schema.ts by `npm run docs:config`; edit the schema, not this file. -->',
    '',
    'Every key of `briefing.config.yaml`, its type, default and meaning. Paths resolve against the config',
    "file's folder. A duration is a number with a unit: `90m`, `36h`, `7d`, `2w`.",
    '',
    '| key | type | default | meaning |',
    '|---|---|---|---|',
    ...out,
    '',
  ].join('\n');
}
