import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_TEMPLATES } from '../../src/bundled.js';
import { loadTemplates } from '../../src/render/index.js';
import { sampleDraft } from './draft-builder.js';
import { render, TEMPLATES, visibleText } from './harness.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A project templates folder holding only the given files. */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-project-templates-'));
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

const FOOTER = `<mj-section>
  <mj-column>
    <mj-text><p class="foot">한빛경제연구소 뉴스레터 · 문의 news@hanbit.example.kr · <a href="{{recipient.unsubscribeUrl}}">{{label "unsubscribe"}}</a></p></mj-text>
  </mj-column>
</mj-section>
`;

describe('templates from the package, replaced file by file', () => {
  it('finds the bundled templates beside the source folder', () => {
    expect(BUNDLED_TEMPLATES).toBe(TEMPLATES.replace(/\/$/, ''));
  });

  it('renders the bundled layout with the project footer when the project holds only a footer', async () => {
    const own = project({ 'partials/footer.mjml.hbs': FOOTER });
    const bundled = await render(sampleDraft());
    const issue = await render(sampleDraft(), { templatesDir: [own, BUNDLED_TEMPLATES] });
    const text = visibleText(issue.html);
    expect(text).toContain('한빛경제연구소 뉴스레터');
    expect(visibleText(bundled.html)).not.toContain('한빛경제연구소');
    // Everything above the footer is the bundled layout's.
    const head = (t: string) => t.slice(0, t.indexOf('구독 해지') > 0 ? t.indexOf('구독 해지') : 400).slice(0, 400);
    expect(head(text)).toBe(head(visibleText(bundled.html)));
    expect(issue.text).toBe(bundled.text);
    const set = loadTemplates([own, BUNDLED_TEMPLATES]);
    expect(set.files.find((f) => f.rel === 'partials/footer.mjml.hbs')?.from).toBe(own);
    expect(set.files.find((f) => f.rel === 'partials/header.mjml.hbs')?.from).toBe(BUNDLED_TEMPLATES);
  });

  it('reports an error in the project override with the project file and line', async () => {
    const own = project({ 'partials/footer.mjml.hbs': '<mj-section>\n{{#if webUrl}}\n</mj-section>\n' });
    await expect(render(sampleDraft(), { templatesDir: [own, BUNDLED_TEMPLATES] })).rejects.toThrow(
      /partials\/footer\.mjml\.hbs line 4: the template ends inside an open/,
    );
  });

  it('sees a project file added after the first render', async () => {
    const own = project({});
    const before = loadTemplates([own, BUNDLED_TEMPLATES]);
    writeFileSync(join(own, 'x.txt'), 'not a template');
    expect(loadTemplates([own, BUNDLED_TEMPLATES])).toBe(before);
    mkdirSync(join(own, 'partials'));
    writeFileSync(join(own, 'partials', 'footer.mjml.hbs'), FOOTER);
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(own, 'partials', 'footer.mjml.hbs'), old, old);
    const after = loadTemplates([own, BUNDLED_TEMPLATES]);
    expect(after).not.toBe(before);
    expect(after.files.find((f) => f.rel === 'partials/footer.mjml.hbs')?.from).toBe(own);
  });

  it('says where to put templates when no folder holds any', () => {
    const a = project({});
    expect(() => loadTemplates([a, join(a, 'missing')])).toThrow(
      expect.objectContaining({
        message: `no templates found in ${a} or ${join(a, 'missing')}`,
        hint: expect.stringContaining('briefing templates eject'),
      }),
    );
  });
});
