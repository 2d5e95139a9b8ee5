import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configDocs, keysWithoutMeaning } from '../../src/config/docs.js';
import { configSchema } from '../../src/config/schema.js';
import { ROOT } from '../pipeline/helpers.js';

describe('the config reference in docs/config.md', () => {
  it('is what the schema generates (after a schema change, run `npm run docs:config`)', () => {
    const written = readFileSync(join(ROOT, 'docs/config.md'), 'utf8');
    expect(written, 'docs/config.md is out of date with src/config/schema.ts: run `npm run docs:config`').toBe(
      configDocs(),
    );
  });

  it('gives every key of the schema a one-line meaning', () => {
    expect(keysWithoutMeaning()).toEqual([]);
  });

  it('names a key added without a meaning, and documents one added with it', () => {
    const grown = z.strictObject({
      newsletter: z
        .strictObject({
          title: z.string().default('x').describe('Name'),
          footerNote: z.string().optional(),
          maxSubjectChars: z
            .number()
            .int()
            .min(20)
            .max(200)
            .default(78)
            .describe('Longest subject line, in characters'),
        })
        .describe('The publication'),
    });
    expect(keysWithoutMeaning(grown)).toEqual(['newsletter.footerNote']);
    expect(configDocs(grown)).toContain(
      '| `newsletter.maxSubjectChars` | integer 20–200 | `78` | Longest subject line, in characters |',
    );
  });

  it('lists each key with its type, default and meaning', () => {
    const docs = configDocs(configSchema);
    expect(docs).toContain(
      '| `newsletter.window` | duration (`90m`, `36h`, `7d`) | `"7d"` | Items older than this, before the reference time, are not ranked |',
    );
    expect(docs).toContain('| `sources[].url` | string | required |');
    expect(docs).toContain('| `delivery.smtp.port` | integer 1–65535 | `587` |');
  });
});
