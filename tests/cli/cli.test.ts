import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, sampleConfig } from '../pipeline/helpers.js';

function briefing(args: string[], cwd = ROOT): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, BRIEFING_LOG: '' },
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('the briefing command', () => {
  it('should list every command in --help', () => {
    const r = briefing(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['collect', 'rank', 'compose', 'render', 'send', 'run', 'schedule', 'preview', 'doctor']) {
      expect(r.stdout).toMatch(new RegExp(`^\\s+${c}\\b`, 'm'));
    }
    expect(r.stdout).toContain('--config');
    expect(r.stdout).toContain('--data-dir');
  });

  it('should print one clear line for a broken config and exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-cli-'));
    writeFileSync(
      join(dir, 'briefing.config.yaml'),
      'newsletter:\n  topStories: 0\nsources:\n  - { name: a, url: a.xml }\n',
    );
    const r = briefing(['collect'], dir);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^briefing: ECONFIG: .*briefing\.config\.yaml line 2: newsletter\.topStories .+ — .+/);
  });

  it('should say where to find a missing config file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-cli-'));
    const r = briefing(['rank'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('config file not found');
    expect(r.stderr).toContain('--config');
  });

  it('should give the JSON contracts of collect, rank and compose', () => {
    const { dir, file } = sampleConfig();
    const common = ['--config', file, '--data-dir', join(dir, 'data'), '--json'];
    const collect = JSON.parse(briefing([...common, 'collect']).stdout) as { sources: Array<Record<string, unknown>> };
    expect(collect.sources).toHaveLength(3);
    for (const s of collect.sources) {
      expect(Object.keys(s)).toEqual(expect.arrayContaining(['name', 'url', 'status', 'newItems', 'error']));
      expect(s.status).toBe('ok');
    }
    const rank = JSON.parse(briefing([...common, 'rank', '--as-of', '2026-11-16T07:00:00+09:00']).stdout) as {
      topics: Array<{
        id: string;
        title: string;
        score: number;
        explain: object;
        items: Array<Record<string, unknown>>;
      }>;
    };
    expect(rank.topics.length).toBeGreaterThan(3);
    const first = rank.topics[0];
    expect(first?.explain).toBeTypeOf('object');
    expect(Object.keys(first?.items[0] ?? {})).toEqual(
      expect.arrayContaining(['title', 'link', 'source', 'published']),
    );
    const compose = JSON.parse(briefing([...common, 'compose']).stdout) as {
      issueId: string;
      dir: string;
      files: string[];
    };
    expect(compose.issueId).toBe('2026-11-16');
    expect(compose.files.map((f) => f.slice(compose.dir.length + 1)).sort()).toEqual([
      'draft.json',
      'draft.yaml',
      'issue.eml',
      'issue.html',
      'issue.txt',
    ]);
  });
});
