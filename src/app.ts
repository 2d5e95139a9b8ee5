import type { BriefingConfig, Clock, Logger } from './types.js';
import { Store } from './store/index.js';

export interface App {
  readonly config: BriefingConfig;
  readonly store: Store;
  readonly clock: Clock;
  readonly logger: Logger;
  close(): void;
}

export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  store?: Store;
  /** Start a new, empty store even though one was in the data folder (`--init-store`). */
  initStore?: boolean;
}

export const systemClock: Clock = { now: () => new Date() };

/** A fixed or settable clock, for tests (the reference time `--as-of` is not a clock: see pipeline.ts). */
export function fixedClock(at: Date | string): Clock & { set(t: Date | string): void; advance(ms: number): void } {
  let t = new Date(at);
  return {
    now: () => new Date(t),
    set: (n) => {
      t = new Date(n);
    },
    advance: (ms) => {
      t = new Date(t.getTime() + ms);
    },
  };
}

/** Structured logger: one JSON line per event on stderr (stdout stays for results). */
export function jsonLogger(stream: NodeJS.WritableStream = process.stderr, quiet = false): Logger {
  const write = (level: string, msg: string, fields?: Record<string, unknown>): void => {
    if (quiet && level === 'info') return;
    stream.write(`${JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields })}\n`);
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/** Wire the store, clock and logger for a config. All wiring happens here. */
export function createApp(config: BriefingConfig, overrides: AppOverrides = {}): App {
  const store = overrides.store ?? Store.open(config.paths.data, { initStore: overrides.initStore === true });
  return {
    config,
    store,
    clock: overrides.clock ?? systemClock,
    logger: overrides.logger ?? jsonLogger(),
    close: () => store.close(),
  };
}
