/**
 * The composition root: the one place where the parts are made and joined. Commands get an
 * App (store, clock, logger, transport factory) from `createApp`, and the long-running parts
 * (scheduler, unsubscribe server) from the factories below; nothing else wires them.
 */
import { createTransport } from './deliver/create-transport.js';
import type { Transport } from './deliver/transport.js';
import type { Scheduler } from './schedule/index.js';
import { Store } from './store/index.js';
import type { BriefingConfig, Clock, Logger } from './types.js';

/** Makes the transport of one delivery (outbox or SMTP, as the config says); the caller closes it. */
export type TransportFactory = (config: BriefingConfig, env: NodeJS.ProcessEnv) => Transport;

export interface App {
  readonly config: BriefingConfig;
  readonly store: Store;
  /** The real time (injectable for tests); never the reference time. */
  readonly clock: Clock;
  readonly logger: Logger;
  readonly transport: TransportFactory;
  close(): void;
}

export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  store?: Store;
  transport?: TransportFactory;
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

/** Wire the store, clock, logger and transport factory for a config. */
export function createApp(config: BriefingConfig, overrides: AppOverrides = {}): App {
  const store = overrides.store ?? Store.open(config.paths.data, { initStore: overrides.initStore === true });
  return {
    config,
    store,
    clock: overrides.clock ?? systemClock,
    logger: overrides.logger ?? jsonLogger(),
    transport: overrides.transport ?? ((c, env) => createTransport(c, env)),
    close: () => store.close(),
  };
}

/**
 * The scheduler of an app: issue slots on `newsletter.schedule`, collections on
 * `newsletter.collectSchedule`, in the newsletter's timezone; what a slot does is the
 * pipeline's (`runIssueSlot`, `runCollectSlot`).
 */
export async function createScheduler(app: App, opts: { shutdownTimeoutMs: number }): Promise<Scheduler> {
  const { Scheduler } = await import('./schedule/index.js');
  const { runCollectSlot, runIssueSlot } = await import('./pipeline.js');
  const { newsletter } = app.config;
  return new Scheduler({
    store: app.store.slots,
    clock: app.clock,
    logger: app.logger,
    runIssue: (slot) => runIssueSlot(app, slot),
    runCollect: newsletter.collectSchedule ? () => runCollectSlot(app) : undefined,
    options: {
      schedule: newsletter.schedule,
      collectSchedule: newsletter.collectSchedule,
      timezone: newsletter.timezone,
      catchUpGraceMs: newsletter.catchUpGraceMs,
      shutdownTimeoutMs: opts.shutdownTimeoutMs,
    },
  });
}

/** The one-click unsubscribe endpoint of an app (`briefing serve`), listening on host:port. */
export async function startUnsubscribeServer(
  app: App,
  opts: { host: string; port: number; env?: NodeJS.ProcessEnv },
): ReturnType<typeof import('./deliver/serve.js').startUnsubscribeServer> {
  const { startUnsubscribeServer: start } = await import('./deliver/serve.js');
  return start(
    { config: app.config, subscribers: app.store.subscribers, clock: app.clock, logger: app.logger, env: opts.env },
    { host: opts.host, port: opts.port },
  );
}
