import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/index.js';
import { CLI } from '../pipeline/helpers.js';

function briefing(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, BRIEFING_LOG: '' },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('briefing init', () => {
  it('writes a Korean starter that loads, and prints the next three commands', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'briefing-init-'));
    const r = briefing(['init', 'news'], cwd);
    expect(r.code).toBe(0);
    const dir = join(cwd, 'news');
    for (const f of ['briefing.config.yaml', 'subscribers.csv', '.gitignore']) {
      expect(r.stdout).toContain(`wrote ${join(dir, f)}`);
    }
    const config = loadConfig(join(dir, 'briefing.config.yaml'));
    expect(config.newsletter).toMatchObject({ locale: 'ko', timezone: 'Asia/Seoul', schedule: '0 7 * * 1' });
    expect(config.sources).toHaveLength(2);
    expect(config.delivery.transport).toBe('outbox');
    expect(config.subscribers).toBe(join(dir, 'subscribers.csv'));
    expect(readFileSync(join(dir, 'subscribers.csv'), 'utf8').split('\n')[0]).toBe('email,name,topics');
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toMatch(/^data\/$[\s\S]*^outbox\/$/m);
    const commands = r.stdout.split('\n').filter((l) => /^ {2}(cd |npx briefing )/.test(l));
    expect(commands.map((l) => l.trim().split(/\s+#/)[0]?.trim())).toEqual([
      'cd news',
      'npx briefing doctor',
      'npx briefing run',
      'npx briefing preview',
    ]);
  });

  it('writes the English starter with --locale en', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'briefing-init-'));
    expect(briefing(['init', '--locale', 'en'], cwd).code).toBe(0);
    const config = loadConfig(join(cwd, 'briefing.config.yaml'));
    expect(config.newsletter.locale).toBe('en');
    expect(readFileSync(join(cwd, 'briefing.config.yaml'), 'utf8')).toMatch(/^# briefing configuration\./);
  });

  it('never overwrites a file, and says which it kept', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'briefing-init-'));
    writeFileSync(join(cwd, 'subscribers.csv'), 'email,name,topics\nhyejin.song@example.kr,송혜진,\n');
    const r = briefing(['init'], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`kept ${join(cwd, 'subscribers.csv')} (it exists; not overwritten)`);
    expect(r.stdout).toContain(`wrote ${join(cwd, 'briefing.config.yaml')}`);
    expect(readFileSync(join(cwd, 'subscribers.csv'), 'utf8')).toContain('송혜진');
    expect(r.stdout).not.toMatch(/^ {2}cd /m);
  });

  it('refuses a locale it does not have', () => {
    const r = briefing(['init', '--locale', 'ja'], mkdtempSync(join(tmpdir(), 'briefing-init-')));
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(
      'briefing: EUSAGE: --locale "ja" is not a locale briefing has — pass --locale ko or --locale en',
    );
  });
});
