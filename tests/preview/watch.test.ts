import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isScratchFile, watchFiles, type FileWatcher } from '../../src/preview/watch.js';
import { writeFileAtomic } from '../../src/util/atomic.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('file watching', () => {
  let dir = '';
  let watcher: FileWatcher | undefined;
  afterEach(async () => {
    await watcher?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function setup(): Promise<{ file: string; batches: string[][] }> {
    dir = mkdtempSync(join(tmpdir(), 'briefing-watch-'));
    const file = join(dir, 'a.mjml.hbs');
    writeFileSync(file, 'one');
    const batches: string[][] = [];
    watcher = await watchFiles([dir], (changed) => batches.push(changed), 20);
    return { file, batches };
  }

  it('reports a burst of saves once', async () => {
    const { file, batches } = await setup();
    writeFileSync(file, 'two');
    writeFileSync(file, 'three');
    await sleep(300);
    expect(batches.length).toBeGreaterThanOrEqual(1);
    expect(batches.flat().every((p) => p === file)).toBe(true);
  });

  it('does not lose a second save that lands right after the first is reported', async () => {
    const { file, batches } = await setup();
    writeFileSync(file, 'two');
    for (let i = 0; i < 100 && batches.length === 0; i++) await sleep(5);
    expect(batches.length).toBe(1);
    writeFileSync(file, 'three, a little longer');
    await sleep(400);
    expect(batches.length).toBe(2);
  });

  it('sees an atomic save (temp file renamed over) and ignores the temp file itself', async () => {
    const { file, batches } = await setup();
    writeFileAtomic(file, 'renamed into place');
    await sleep(300);
    expect(batches.flat()).toContain(file);
    expect(batches.flat().some((p) => p.endsWith('.tmp'))).toBe(false);
  });

  it('knows scratch files of editors and atomic writes', () => {
    expect(isScratchFile('/t/.issue.mjml.hbs.123.abcd.tmp')).toBe(true);
    expect(isScratchFile('/t/.issue.mjml.hbs.swp')).toBe(true);
    expect(isScratchFile('/t/issue.mjml.hbs~')).toBe(true);
    expect(isScratchFile('/t/issue.mjml.hbs')).toBe(false);
  });
});
