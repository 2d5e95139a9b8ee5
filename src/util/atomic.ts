import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, basename } from 'node:path';

/** Write a file atomically: a temp file beside it, then rename. A killed process leaves the old file or the new one, never half of one. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** The hidden temp folder a staged write of `dir` uses: `.<name>.<pid>.<hex>.tmp` beside it. */
export const STAGED_DIR = /^\.(.+)\.(\d+)\.([0-9a-f]{8})\.tmp(\.old)?$/;

export interface StagedDir {
  /** The hidden temp folder holding the complete new contents. */
  readonly tmp: string;
  /** Put the staged folder in place of `dir` (carrying over `keep` entries from the old one). */
  commit(): void;
  /** Remove the staged folder. */
  abort(): void;
}

/**
 * Write a whole folder in two steps: `stageDir` writes every file into a hidden temp folder
 * beside `dir`; `commit` renames it into place. A caller can record the folder elsewhere
 * between the two, so a process killed at any point leaves either no record and a stale temp
 * folder (removed by `recoverStaged`), or a record and a complete temp folder (renamed into
 * place by `recoverStaged`).
 */
export function stageDir(
  dir: string,
  files: Record<string, string | Uint8Array>,
  opts: { keep?: readonly string[] } = {},
): StagedDir {
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(dir)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const abort = (): void => rmSync(tmp, { recursive: true, force: true });
  try {
    mkdirSync(tmp);
    for (const [name, data] of Object.entries(files)) {
      const p = join(tmp, name);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, data);
    }
  } catch (e) {
    abort();
    throw e;
  }
  return {
    tmp,
    abort,
    commit: () => {
      if (existsSync(dir)) {
        for (const name of opts.keep ?? []) {
          if (existsSync(join(dir, name)) && !(name in files)) renameSync(join(dir, name), join(tmp, name));
        }
        const old = `${tmp}.old`;
        renameSync(dir, old);
        renameSync(tmp, dir);
        rmSync(old, { recursive: true, force: true });
      } else {
        renameSync(tmp, dir);
      }
    },
  };
}

/**
 * Write a whole folder atomically: files go to a hidden temp folder that is renamed into place
 * at the end. An existing folder of the same name is replaced; entries named in `keep` are
 * carried over from it (e.g. per-recipient copies already written).
 */
export function writeDirAtomic(
  dir: string,
  files: Record<string, string | Uint8Array>,
  opts: { keep?: readonly string[] } = {},
): void {
  const staged = stageDir(dir, files, opts);
  try {
    staged.commit();
  } catch (e) {
    staged.abort();
    throw e;
  }
}

/**
 * Finish or clean what killed staged writes left in `parent`: a temp folder of a dead process
 * whose target folder is missing and `wanted(name, path)` (the store recorded it) is renamed into
 * place (a `.old` one back into place); any other one of a dead process is removed.
 * Returns what was done, for the log.
 */
export function recoverStaged(
  parent: string,
  wanted: (name: string, staged: string) => boolean,
  alive: (pid: number) => boolean,
): { finished: string[]; removed: string[] } {
  const out = { finished: [] as string[], removed: [] as string[] };
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return out;
  }
  for (const entry of entries) {
    const m = STAGED_DIR.exec(entry);
    if (!m) continue;
    const [, name = '', pid] = m;
    if (Number(pid) !== process.pid && alive(Number(pid))) continue;
    const path = join(parent, entry);
    const target = join(parent, name);
    if (!existsSync(target) && wanted(name, path)) {
      renameSync(path, target);
      out.finished.push(name);
    } else {
      rmSync(path, { recursive: true, force: true });
      out.removed.push(entry);
    }
  }
  return out;
}
