import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_LOCALES } from '../../src/bundled.js';
import { loadLabels } from '../../src/config/locale.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-locales-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('locale files, bundled and the project’s own', () => {
  it('takes the labels a project file changes and the bundled ones for the rest', () => {
    const bundled = loadLabels(BUNDLED_LOCALES, 'ko');
    const own = folder({ 'ko.yaml': 'why: "이게 왜 중요할까"\nunsubscribe: 수신 거부\n' });
    const labels = loadLabels([own, BUNDLED_LOCALES], 'ko');
    expect(labels.why).toBe('이게 왜 중요할까');
    expect(labels.unsubscribe).toBe('수신 거부');
    expect(bundled.why).not.toBe(labels.why);
    const rest = Object.keys(bundled).filter((k) => k !== 'why' && k !== 'unsubscribe');
    expect(rest.length).toBeGreaterThan(3);
    for (const k of rest) expect(labels[k]).toBe(bundled[k]);
  });

  it('falls back to the bundled file, then Korean, for an English project', () => {
    const own = folder({ 'en.yaml': 'why: Why this matters to you\n' });
    const labels = loadLabels([own, BUNDLED_LOCALES], 'en');
    expect(labels.why).toBe('Why this matters to you');
    expect(labels.unsubscribe).toBe(loadLabels(BUNDLED_LOCALES, 'en').unsubscribe);
  });

  it('names every place it looked and the file to create', () => {
    const own = folder({});
    expect(() => loadLabels([own, join(own, 'nowhere')], 'ko')).toThrow(
      expect.objectContaining({
        message: `locale file not found: ${join(own, 'ko.yaml')} or ${join(own, 'nowhere', 'ko.yaml')}`,
        hint: `create ${join(own, 'ko.yaml')} (key: text lines)`,
      }),
    );
  });
});

describe('a broken locale file', () => {
  it('names its file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-locale-'));
    writeFileSync(join(dir, 'ko.yaml'), 'titlePrefix: "[브리핑]"\nwhy: 왜 중요하냐면\nheadlines: "헤드라인\n');
    expect(() => loadLabels([dir], 'ko')).toThrow(/^locale file .*ko\.yaml line \d+: not valid YAML: /);
    rmSync(dir, { recursive: true, force: true });
  });
});
