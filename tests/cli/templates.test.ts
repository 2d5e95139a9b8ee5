import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../pipeline/helpers.js';

function briefing(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, BRIEFING_LOG: '' },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function projectDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-eject-'));
  writeFileSync(
    join(dir, 'briefing.config.yaml'),
    `newsletter: { title: 동네 소식 }\nsources:\n  - { name: 테크데일리, url: "${join(ROOT, 'sources/tech-daily.xml')}" }\n`,
  );
  return dir;
}

describe('briefing templates', () => {
  it('ejects one bundled partial into the project, and keeps it on a second eject', () => {
    const dir = projectDir();
    const first = briefing(['templates', 'eject', 'footer'], dir);
    expect(first.code).toBe(0);
    const target = join(dir, 'templates', 'partials', 'footer.mjml.hbs');
    expect(first.stdout).toBe(`wrote ${target}\nEdit them; every other file stays the bundled one.\n`);
    expect(readFileSync(target, 'utf8')).toBe(readFileSync(join(ROOT, 'templates/partials/footer.mjml.hbs'), 'utf8'));
    expect(existsSync(join(dir, 'templates', 'partials', 'header.mjml.hbs'))).toBe(false);

    writeFileSync(target, '<mj-section><mj-column><mj-text>우리 동네 소식</mj-text></mj-column></mj-section>\n');
    const again = briefing(['templates', 'eject', 'partials/footer.mjml.hbs', 'locales/ko.yaml'], dir);
    expect(again.stdout).toContain(`wrote ${join(dir, 'templates', 'locales', 'ko.yaml')}`);
    expect(again.stdout).toContain(`kept ${target} (it exists`);
    expect(readFileSync(target, 'utf8')).toContain('우리 동네 소식');

    const list = JSON.parse(briefing(['--json', 'templates', 'list'], dir).stdout) as {
      templates: Array<{ file: string; source: string; used: string }>;
    };
    const byFile = new Map(list.templates.map((t) => [t.file, t]));
    expect(byFile.get('partials/footer.mjml.hbs')).toMatchObject({ source: 'project', used: target });
    expect(byFile.get('partials/header.mjml.hbs')).toMatchObject({
      source: 'bundled',
      used: join(ROOT, 'templates/partials/header.mjml.hbs'),
    });
  });

  it('refuses an unknown name, listing the ones it knows', () => {
    const r = briefing(['templates', 'eject', 'sidebar'], projectDir());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^briefing: EUSAGE: no bundled template or locale file named "sidebar" — name one of: .*partials\/footer\.mjml\.hbs/,
    );
  });
});
