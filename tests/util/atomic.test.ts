import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDirAtomic, writeFileAtomic } from '../../src/util/atomic.js';
import { parseDuration } from '../../src/util/duration.js';

describe('writeFileAtomic', () => {
  it('should replace a file whole and leave no temp file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-atomic-'));
    const f = join(dir, 'a', 'issue.html');
    writeFileAtomic(f, 'one');
    writeFileAtomic(f, 'two');
    expect(readFileSync(f, 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'a'))).toEqual(['issue.html']);
  });
});

describe('writeDirAtomic', () => {
  it('should write a folder of files and replace an older one, keeping named entries', () => {
    const root = mkdtempSync(join(tmpdir(), 'briefing-atomic-'));
    const dir = join(root, '2026-11-16');
    writeDirAtomic(dir, { 'issue.html': '<p>1</p>', 'stale.txt': 'x' });
    mkdirSync(join(dir, 'recipients'));
    writeFileSync(join(dir, 'recipients', 'a.eml'), 'mail');
    writeDirAtomic(dir, { 'issue.html': '<p>2</p>' }, { keep: ['recipients'] });
    expect(readFileSync(join(dir, 'issue.html'), 'utf8')).toBe('<p>2</p>');
    expect(existsSync(join(dir, 'stale.txt'))).toBe(false);
    expect(readFileSync(join(dir, 'recipients', 'a.eml'), 'utf8')).toBe('mail');
    expect(readdirSync(root)).toEqual(['2026-11-16']);
  });
});

describe('parseDuration', () => {
  it('should read days, hours, minutes and weeks', () => {
    expect(parseDuration('7d')).toBe(604_800_000);
    expect(parseDuration('36h')).toBe(129_600_000);
    expect(parseDuration('90m')).toBe(5_400_000);
    expect(parseDuration('2w')).toBe(1_209_600_000);
    expect(parseDuration(1500)).toBe(1500);
  });

  it('should refuse words and negative numbers', () => {
    expect(parseDuration('a week')).toBeUndefined();
    expect(parseDuration(-1)).toBeUndefined();
  });
});
