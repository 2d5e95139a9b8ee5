import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BriefingError } from '../../src/errors.js';
import { loadTemplates } from '../../src/render/index.js';
import { sampleDraft } from './draft-builder.js';
import { render, templatesCopy } from './harness.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the templates with `file`'s line `line` (1-based) replaced. */
function broken(file: string, line: number, text: string): string {
  const dir = templatesCopy();
  dirs.push(dir);
  const path = join(dir, file);
  const lines = readFileSync(path, 'utf8').split('\n');
  lines[line - 1] = text;
  writeFileSync(path, lines.join('\n'));
  return dir;
}

function lineOf(file: string, needle: string): number {
  const dir = templatesCopy();
  dirs.push(dir);
  const i = readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`${needle} not in ${file}`);
  return i + 1;
}

async function failure(dir: string): Promise<BriefingError> {
  try {
    await render(sampleDraft(), { templatesDir: dir });
  } catch (e) {
    if (e instanceof BriefingError) return e;
    throw e;
  }
  throw new Error('rendered without an error');
}

describe('template errors', () => {
  it('names the file and line of a Handlebars syntax error', async () => {
    const dir = broken('partials/why.mjml.hbs', 4, '  <p class="label">{{label "why"</p>');
    const e = await failure(dir);
    expect(e.code).toBe('ETEMPLATE');
    expect(e.message).toMatch(/partials\/why\.mjml\.hbs line 4: /);
    expect(e.hint).toBeTruthy();
  });

  it('names the line of a block closed by the wrong end tag', async () => {
    const dir = broken('partials/headlines.txt.hbs', 5, '[{{num @index offset=@root.stories}}] {{text}}{{/if}}');
    const e = await failure(dir);
    expect(e.message).toMatch(
      /partials\/headlines\.txt\.hbs line 4: \{\{#each\}\} opened on this line is closed by \{\{\/if\}\}/,
    );
  });

  it('traces an MJML validation error back to the template line that wrote the tag', async () => {
    const line = lineOf('partials/story.mjml.hbs', '<mj-text>');
    const dir = broken('partials/story.mjml.hbs', line, '    <mj-text colr="red">');
    const e = await failure(dir);
    expect(e.code).toBe('ETEMPLATE');
    expect(e.message).toContain(`partials/story.mjml.hbs line ${line}: <mj-text>: Attribute colr is illegal`);
  });

  it('traces an unknown MJML tag in a style file', async () => {
    const line = lineOf('styles/digest.mjml.hbs', '<mj-column>');
    const dir = broken('styles/digest.mjml.hbs', line, '    <mj-colum>');
    const e = await failure2(dir, 'digest');
    expect(e.message).toMatch(
      new RegExp(`styles/digest\\.mjml\\.hbs line ${line}: <mj-colum>: Element mj-colum doesn't exist`),
    );
  });

  it('says when a template ends inside an open block', async () => {
    const dir = broken('partials/story.txt.hbs', 13, '{{#each bullets}}');
    const e = await failure(dir);
    expect(e.message).toMatch(/partials\/story\.txt\.hbs line \d+: the template ends inside an open \{\{#block\}\}/);
  });

  it('refuses a call to a helper that does not exist, with its line', async () => {
    const dir = broken('partials/footer.mjml.hbs', 5, '      <p class="foot">{{shout newsletter}}</p>');
    const e = await failure(dir);
    expect(e.message).toMatch(/partials\/footer\.mjml\.hbs line 5: unknown helper "shout"/);
    expect(e.hint).toContain('label');
  });

  it('refuses triple-stash output, which would print feed text unescaped', async () => {
    const dir = broken('partials/why.mjml.hbs', 7, '    <li>{{{this}}}</li>');
    const e = await failure(dir);
    expect(e.message).toMatch(/partials\/why\.mjml\.hbs line 7: \{\{\{ \}\}\} prints text unescaped/);
  });

  it('refuses a partial that does not exist', async () => {
    const dir = broken('styles/briefing.txt.hbs', 3, '{{> storee number=(num @index)}}');
    const e = await failure(dir);
    expect(e.message).toMatch(/styles\/briefing\.txt\.hbs line 3: partial "storee" does not exist/);
  });

  it('refuses a label the locale does not have', async () => {
    const dir = broken('partials/why.mjml.hbs', 4, '  <p class="label">{{label "whyy"}}</p>');
    const e = await failure(dir);
    expect(e.message).toMatch(/partials\/why\.mjml\.hbs line 4: label "whyy" is not in the locale file/);
  });

  it('says when a style has no template', async () => {
    const dir = templatesCopy();
    dirs.push(dir);
    rmSync(join(dir, 'styles', 'explainer.txt.hbs'));
    const e = await failure2(dir, 'explainer');
    expect(e.message).toMatch(/styles\/explainer\.txt\.hbs: style "explainer" has no plain-text template/);
  });

  it('says when the templates folder is missing', async () => {
    const e = await failure('/nonexistent/templates');
    expect(e.code).toBe('ETEMPLATE');
    expect(e.message).toContain('/nonexistent/templates');
  });

  it('reuses compiled templates until a file changes', async () => {
    const dir = templatesCopy();
    dirs.push(dir);
    const first = loadTemplates(dir);
    expect(loadTemplates(dir)).toBe(first);
    const file = join(dir, 'partials', 'layout.txt.hbs');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nEDITED FOOTER\n`);
    utimesSync(file, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    const second = loadTemplates(dir);
    expect(second).not.toBe(first);
    const issue = await render(sampleDraft(), { templatesDir: dir });
    expect(issue.text).toContain('EDITED FOOTER');
  });
});

async function failure2(dir: string, style: 'digest' | 'explainer'): Promise<BriefingError> {
  try {
    await render(sampleDraft({ style }), { templatesDir: dir });
  } catch (e) {
    if (e instanceof BriefingError) return e;
    throw e;
  }
  throw new Error('rendered without an error');
}
