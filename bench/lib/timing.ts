/**
 * Timing helpers. Warm figures are the median of repeated runs in one process after
 * warm-up runs; cold figures are the wall time of a fresh `node` process, spawn to exit.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface Sample {
  median: number;
  min: number;
  max: number;
  runs: number;
  samples: number[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function sample(values: readonly number[]): Sample {
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    runs: values.length,
    samples: [...values],
  };
}

/** Wall time of one call, in ms. */
export async function timeOnce<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Runs always measured, whatever the time budget. */
export const MIN_RUNS = 3;

/** Warm-up lasts at least this long by default: the JIT keeps optimizing well past the first calls. */
export const WARMUP_MS = 1000;

/**
 * Median over `runs` calls after a warm-up of at least `warmup` calls and at least
 * `warmupMs` (WARMUP_MS by default) of calling. `setup` runs before each call, untimed
 * (fresh inputs, a fresh folder). With `budgetMs`, measuring stops early once the
 * measured calls have taken that long and at least MIN_RUNS were measured (`runs` in the
 * result says how many).
 */
export async function warm<S>(
  fn: (state: S) => unknown,
  opts: { runs: number; warmup?: number; warmupMs?: number; setup?: () => S | Promise<S>; budgetMs?: number },
): Promise<Sample> {
  const times: number[] = [];
  const warmupRuns = opts.warmup ?? 2;
  const warmupMs = opts.warmupMs ?? WARMUP_MS;
  let warmed = 0;
  let warming = 0;
  let spent = 0;
  while (times.length < opts.runs) {
    if (opts.budgetMs !== undefined && spent > opts.budgetMs && times.length >= MIN_RUNS) break;
    const state = (opts.setup ? await opts.setup() : undefined) as S;
    const t0 = performance.now();
    await fn(state);
    const t = performance.now() - t0;
    if (warmed < warmupRuns || warming < warmupMs) {
      warmed++;
      warming += t;
    } else {
      spent += t;
      times.push(t);
    }
  }
  return sample(times);
}

/** One side of an alternating measurement: the call, and an untimed setup before each call. */
export interface Side<S> {
  fn: (state: S) => unknown;
  setup?: () => S | Promise<S>;
}

/**
 * Like `warm`, for two or more ways of doing the same work: all are warmed up first (each
 * at least `warmup` calls and `warmupMs`), then measured call by call in turn, so drift
 * in the machine (other load, the disk, the heap growing) touches every side alike.
 */
export async function warmAlternating<S>(
  sides: ReadonlyArray<Side<S>>,
  opts: { runs: number; warmup?: number; warmupMs?: number; budgetMs?: number },
): Promise<Sample[]> {
  const call = async (side: Side<S>): Promise<number> => {
    const state = (side.setup ? await side.setup() : undefined) as S;
    const t0 = performance.now();
    await side.fn(state);
    return performance.now() - t0;
  };
  const warmupRuns = opts.warmup ?? 2;
  const warmupMs = opts.warmupMs ?? WARMUP_MS;
  const warmed = sides.map(() => ({ runs: 0, ms: 0 }));
  while (warmed.some((w) => w.runs < warmupRuns || w.ms < warmupMs)) {
    for (const [k, side] of sides.entries()) {
      const w = warmed[k]!;
      if (w.runs >= warmupRuns && w.ms >= warmupMs) continue;
      w.ms += await call(side);
      w.runs++;
    }
  }
  const times: number[][] = sides.map(() => []);
  let spent = 0;
  for (let i = 0; i < opts.runs; i++) {
    if (opts.budgetMs !== undefined && spent > opts.budgetMs && i >= MIN_RUNS) break;
    for (const [k, side] of sides.entries()) {
      const t = await call(side);
      spent += t;
      times[k]!.push(t);
    }
  }
  return times.map(sample);
}

export interface ColdResult extends Sample {
  /** stdout and stderr of the last run. */
  stdout: string;
  stderr: string;
}

/**
 * Wall time of `node <args>` in a fresh process, `runs` times (or fewer, as `warm`, with
 * `budgetMs`). Throws with the child's stderr when it exits non-zero.
 */
export function cold(
  args: readonly string[],
  opts: { runs: number; cwd?: string; env?: NodeJS.ProcessEnv; before?: () => void; budgetMs?: number },
): ColdResult {
  const times: number[] = [];
  let stdout = '';
  let stderr = '';
  const spawnOpts: SpawnSyncOptions = {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  };
  let spent = 0;
  for (let i = 0; i < opts.runs; i++) {
    if (opts.budgetMs !== undefined && spent > opts.budgetMs && times.length >= MIN_RUNS) break;
    opts.before?.();
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, spawnOpts);
    const t = performance.now() - t0;
    stdout = String(r.stdout ?? '');
    stderr = String(r.stderr ?? '');
    if (r.error) throw r.error;
    if (r.status !== 0) {
      throw new Error(
        `node ${args.join(' ')} exited ${r.status}: ${(stderr || stdout).trim().split('\n').slice(-3).join(' / ')}`,
      );
    }
    spent += t;
    times.push(t);
  }
  return { ...sample(times), stdout, stderr };
}

/** Run the garbage collector when node was started with --expose-gc. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
