import { statSync } from 'node:fs';
import { watch, type FSWatcher } from 'chokidar';

export interface FileWatcher {
  /** Watch one more file or folder (e.g. the draft an issue switch opened). */
  add(path: string): void;
  close(): Promise<void>;
}

/** Temp files of atomic saves and editors' swap/backup files. */
export function isScratchFile(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? '';
  return (
    /^\..*\.tmp$/.test(name) ||
    /\.(swp|swx|swo)$/.test(name) ||
    name.endsWith('~') ||
    /^#.*#$/.test(name) ||
    name === '4913'
  );
}

function signature(path: string): string {
  try {
    const st = statSync(path);
    return `${st.mtimeMs}:${st.size}:${st.ino}`;
  } catch {
    return 'gone';
  }
}

/**
 * chokidar drops a second change of one file within 50 ms of the first; a save that lands in
 * that window is caught by looking at the changed files once more after it.
 */
const RECHECK_MS = 80;

/**
 * Watch files and folders; changes that come close together are reported once, after
 * `debounceMs` of quiet. Resolves when the watcher is ready.
 */
export async function watchFiles(
  paths: readonly string[],
  onChange: (changed: string[]) => void,
  debounceMs = 40,
  onError: (e: unknown) => void = () => {},
): Promise<FileWatcher> {
  const watched = new Set(paths);
  const watcher: FSWatcher = watch([...watched], {
    ignoreInitial: true,
    ignored: (p: string) => isScratchFile(p),
  });
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let recheck: NodeJS.Timeout | undefined;
  const reported = new Map<string, string>();

  const fire = (): void => {
    timer = undefined;
    const changed = [...pending];
    pending = new Set();
    for (const p of changed) reported.set(p, signature(p));
    onChange(changed);
    if (recheck) clearTimeout(recheck);
    recheck = setTimeout(() => {
      recheck = undefined;
      const missed = [...reported].filter(([p, sig]) => signature(p) !== sig).map(([p]) => p);
      reported.clear();
      if (missed.length) note(missed);
    }, RECHECK_MS);
  };
  const note = (changed: string[]): void => {
    for (const p of changed) pending.add(p);
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
  };
  watcher.on('all', (_event, path) => note([path]));
  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', () => resolve());
    watcher.once('error', reject);
  });
  watcher.on('error', onError);
  return {
    add(path) {
      if (watched.has(path)) return;
      watched.add(path);
      watcher.add(path);
    },
    async close() {
      if (timer) clearTimeout(timer);
      if (recheck) clearTimeout(recheck);
      await watcher.close();
    },
  };
}
