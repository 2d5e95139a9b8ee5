/**
 * Child processes of the benchmark: each row runs in its own process (a crash or a
 * broken stage costs one row, not the table), and servers (SMTP sink, feed server)
 * run in theirs, so they never share an event loop or a heap with what is measured.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { failedRow, type Row } from './table.js';

/** The project folder: the nearest folder above this file with a package.json. */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const ROOT = findRoot(import.meta.dirname);
/** Scratch space of the benchmark (ignored by git). */
export const SCRATCH = join(ROOT, '.bench');
/**
 * src/ and bench/ compiled by tsc (bench/tsconfig.json): every figure is measured on the
 * JavaScript users run, never through a TypeScript loader.
 */
export const BUILD = join(SCRATCH, 'build');
/** The built CLI. */
export const CLI = join(BUILD, 'src/cli/bin.js');

export interface BenchOptions {
  /** A faster pass with smaller counts and fewer runs. */
  quick: boolean;
  /** Flags handed on to every row script (`--quick`, `--eml`). */
  args: string[];
}

const ROW_FLAGS = new Set(['--quick', '--eml']);

export function optionsFromArgv(argv: readonly string[] = process.argv.slice(2)): BenchOptions {
  return { quick: argv.includes('--quick'), args: argv.filter((a) => ROW_FLAGS.has(a)) };
}

/** The compiled form of a bench script, by its path under bench/ (e.g. `rows/compose.ts`). */
export function built(benchPath: string): string {
  return join(BUILD, 'bench', benchPath.replace(/\.ts$/, '.js'));
}

/** Fork a compiled bench script with IPC (plain node, no loader). */
export function forkBench(
  benchPath: string,
  args: readonly string[] = [],
  opts: { execArgv?: string[]; env?: NodeJS.ProcessEnv } = {},
): ChildProcess {
  return fork(built(benchPath), [...args], {
    execArgv: opts.execArgv ?? [],
    env: opts.env ?? process.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

/** The next IPC message from a child that satisfies `match`; rejects when the child exits first. */
export function nextMessage<T>(child: ChildProcess, match: (m: unknown) => m is T, timeoutMs = 600_000): Promise<T> {
  return new Promise<T>((resolvePromise, reject) => {
    const timer = setTimeout(() => done(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    const onMessage = (m: unknown): void => {
      if (match(m)) done(undefined, m);
    };
    const onExit = (code: number | null, signal: string | null): void => {
      done(new Error(`child exited (${signal ?? code}) before answering`));
    };
    function done(err: Error | undefined, value?: T): void {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolvePromise(value as T);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

interface RowsMessage {
  type: 'rows';
  rows: Row[];
}

interface ErrorMessage {
  type: 'error';
  error: string;
}

function isRowsOrError(m: unknown): m is RowsMessage | ErrorMessage {
  const t = (m as { type?: unknown } | null)?.type;
  return t === 'rows' || t === 'error';
}

/**
 * Run a row script (bench/rows/*.ts, compiled) in its own process. When it fails, the row comes
 * back as a miss carrying the error, and the table still prints.
 */
export async function runRowScript(
  benchPath: string,
  opts: BenchOptions,
  fallback: { id: string; work: string; target: string },
  execArgv: string[] = [],
): Promise<Row[]> {
  const child = forkBench(benchPath, opts.args, { execArgv });
  try {
    const m = await nextMessage(child, isRowsOrError, 900_000);
    await new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
    if (m.type === 'error') return [failedRow(fallback.id, fallback.work, fallback.target, m.error)];
    return m.rows;
  } catch (e) {
    child.kill();
    return [failedRow(fallback.id, fallback.work, fallback.target, e instanceof Error ? e.message : String(e))];
  }
}

/** The body of a row script: run, hand the rows to the parent, exit. */
export function rowMain(measure: (opts: BenchOptions) => Promise<Row[]>): void {
  const opts = optionsFromArgv();
  measure(opts).then(
    (rows) => {
      process.send?.({ type: 'rows', rows } satisfies RowsMessage, () => process.exit(0));
      if (!process.send) {
        process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
        process.exit(0);
      }
    },
    (e: unknown) => {
      const error = e instanceof Error ? `${e.message.split('\n')[0]}` : String(e);
      if (process.env.BENCH_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
      process.send?.({ type: 'error', error } satisfies ErrorMessage, () => process.exit(1));
      if (!process.send) {
        process.stderr.write(`${error}\n`);
        process.exit(1);
      }
    },
  );
}
