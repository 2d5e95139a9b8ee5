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
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), runs: values.length, samples: [...values] };
}

/** Wall time of one call, in ms. */
export async function timeOnce<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/** Runs always measured, whatever the time budget. */
export const MIN_RUNS = 3;

/**
 * Median over `runs` calls after `warmup` calls. `setup` runs before each call, untimed
 * (fresh inputs, a fresh folder). With `budgetMs`, measuring stops early once the calls
 * have taken that long and at least MIN_RUNS were measured (`runs` in the result says
 * how many).
 */
export async function warm<S>(
  fn: (state: S) => unknown,
  opts: { runs: number; warmup?: number; setup?: () => S | Promise<S>; budgetMs?: number },
): Promise<Sample> {
  const times: number[] = [];
  const warmup = opts.warmup ?? 2;
  let spent = 0;
  for (let i = 0; i < warmup + opts.runs; i++) {
    if (opts.budgetMs !== undefined && spent > opts.budgetMs && times.length >= MIN_RUNS) break;
    const state = (opts.setup ? await opts.setup() : undefined) as S;
    const t0 = performance.now();
    await fn(state);
    const t = performance.now() - t0;
    spent += t;
    if (i >= warmup) times.push(t);
  }
  return sample(times);
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
  const spawnOpts: SpawnSyncOptions = { cwd: opts.cwd, env: opts.env ?? process.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 };
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
      throw new Error(`node ${args.join(' ')} exited ${r.status}: ${(stderr || stdout).trim().split('\n').slice(-3).join(' / ')}`);
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
