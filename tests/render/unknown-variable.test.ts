import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BriefingError } from '../../src/errors.js';
import { sampleDraft } from './draft-builder.js';
import { render, templatesCopy } from './harness.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function failure(dir: string): Promise<BriefingError> {
  try {
    await render(sampleDraft(), { templatesDir: dir });
  } catch (e) {
    if (e instanceof BriefingError) return e;
    throw e;
  }
  throw new Error('rendered without an error');
}

describe('an unknown template variable', () => {
  it('is a template error naming the partial and its line, not empty text', async () => {
    const dir = templatesCopy();
    dirs.push(dir);
    const file = join(dir, 'partials', 'why.mjml.hbs');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.splice(2, 0, '<mj-text>{{whyy}}</mj-text>');
    writeFileSync(file, lines.join('\n'));
    const e = await failure(dir);
    expect(e.code).toBe('ETEMPLATE');
    expect(e.message).toMatch(/partials\/why\.mjml\.hbs line 3: unknown template variable "whyy"$/);
  });
});

describe('an unknown variable in a nested text partial', () => {
  it('names that partial, not the layout or the partial that includes it', async () => {
    const dir = templatesCopy();
    dirs.push(dir);
    const file = join(dir, 'partials', 'source-line.txt.hbs');
    writeFileSync(file, `${readFileSync(file, 'utf8')}{{publisherr}}\n`);
    const e = await failure(dir);
    expect(e.message).toMatch(/partials\/source-line\.txt\.hbs line \d+: unknown template variable "publisherr"$/);
  });
});
