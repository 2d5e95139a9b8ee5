import type { Command } from 'commander';
import { resolve } from 'node:path';
import { createApp, fixedClock, jsonLogger, systemClock, type App } from '../app.js';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../config/index.js';
import { BriefingError } from '../errors.js';
import type { BriefingConfig, Clock } from '../types.js';

/** Options every command accepts (set on the root program). */
export interface GlobalOptions {
  config?: string;
  dataDir?: string;
  json?: boolean;
  quiet?: boolean;
}

export function globalOptions(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals<GlobalOptions>();
}

export function readConfig(opts: GlobalOptions): BriefingConfig {
  return loadConfig(resolve(opts.config ?? DEFAULT_CONFIG_FILE), { dataDir: opts.dataDir });
}

/** Parse `--as-of`; falls back to the config's pinned `newsletter.asOf`, then the system clock. */
export function clockFor(config: BriefingConfig, asOf?: string): Clock {
  const at = asOf ?? config.newsletter.asOf;
  if (at === undefined) return systemClock;
  if (Number.isNaN(Date.parse(at))) {
    throw new BriefingError('EUSAGE', `--as-of "${at}" is not a date-time`, 'write it like 2026-11-23T07:00:00+09:00');
  }
  return fixedClock(at);
}

/** Load config and wire the app for a command; the caller closes it. */
export function openApp(cmd: Command, asOf?: string): App {
  const opts = globalOptions(cmd);
  const config = readConfig(opts);
  return createApp(config, { clock: clockFor(config, asOf), logger: jsonLogger(process.stderr, !process.env.BRIEFING_LOG) });
}

/** Print a result: JSON with --json, else the human text. */
export function print(cmd: Command, data: unknown, human: () => string): void {
  if (globalOptions(cmd).json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  else {
    const text = human();
    if (text) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}
