import type { Command } from 'commander';
import { resolve } from 'node:path';
import type { App } from '../app.js';
import { DEFAULT_CONFIG_FILE } from '../config/defaults.js';
import { BriefingError } from '../errors.js';
import type { BriefingConfig, Logger } from '../types.js';

// The config loader (zod, yaml) and the app (SQLite) load on first use, not at start-up,
// so `briefing --help` stays fast.

/** Options every command accepts (set on the root program). */
export interface GlobalOptions {
  config?: string;
  dataDir?: string;
  json?: boolean;
  quiet?: boolean;
  logFormat?: string;
  initStore?: boolean;
}

export function globalOptions(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals<GlobalOptions>();
}

let configModule: typeof import('../config/index.js') | undefined;

/** Read and validate the config named by --config (default briefing.config.yaml in the working folder). */
export async function readConfig(opts: GlobalOptions): Promise<BriefingConfig> {
  configModule ??= await import('../config/index.js');
  return readConfigSync(opts);
}

/** Same as readConfig, for callers that already awaited it once (e.g. re-reading on every preview render). */
export function readConfigSync(opts: GlobalOptions): BriefingConfig {
  if (!configModule) throw new Error('readConfigSync called before readConfig');
  return configModule.loadConfig(resolve(opts.config ?? DEFAULT_CONFIG_FILE), { dataDir: opts.dataDir });
}

/**
 * Parse `--as-of`: the reference time of a rank or compose (never the clock: fetches and
 * deliveries are stamped with the real time). Without it the pipeline falls back to
 * `newsletter.asOf`, then the clock.
 */
export function parseAsOf(asOf: string | undefined): Date | undefined {
  if (asOf === undefined) return undefined;
  const at = new Date(asOf);
  if (Number.isNaN(at.getTime())) {
    throw new BriefingError(
      'EUSAGE',
      `--as-of "${asOf}" is not a date-time`,
      'write it like 2026-11-23T07:00:00+09:00',
    );
  }
  return at;
}

/** Load config and wire the app for a command; the caller closes it. */
export async function openApp(cmd: Command): Promise<App> {
  const opts = globalOptions(cmd);
  const config = await readConfig(opts);
  const { createApp, jsonLogger } = await import('../app.js');
  return createApp(config, {
    initStore: opts.initStore === true,
    logger:
      globalOptions(cmd).logFormat === 'json'
        ? jsonLogger(process.stderr)
        : process.env.BRIEFING_LOG
          ? jsonLogger(process.stderr, false)
          : humanLogger(process.stderr),
  });
}

/** Print a result: JSON with --json, else the human text. */
export function print(cmd: Command, data: unknown, human: () => string): void {
  if (globalOptions(cmd).json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  else {
    const text = human();
    if (text) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}

/** Log events the command's own output already reports, line by line: not repeated on stderr. */
const SHOWN_BY_OUTPUT = new Set(['source failed', 'preflight']);

/** Warnings and errors as one plain line each on stderr; info and what the output shows are left out. */
export function humanLogger(stream: NodeJS.WritableStream): Logger {
  const write = (level: 'warning' | 'error', msg: string, fields?: Record<string, unknown>): void => {
    if (SHOWN_BY_OUTPUT.has(msg)) return;
    const rest = Object.entries(fields ?? {})
      .map(([k, v]) => `${k} ${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(', ');
    stream.write(`briefing: ${level}: ${msg}${rest ? `: ${rest}` : ''}\n`);
  };
  return { info: () => {}, warn: (m, f) => write('warning', m, f), error: (m, f) => write('error', m, f) };
}
