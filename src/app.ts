/**
 * The composition root: the one place where the parts are made and joined. Commands get an
 * App (store, clock, logger, transport factory) from `createApp`, and the long-running parts
 * (scheduler, public site) from the factories below; nothing else wires them.
 */
import { randomUUID } from 'node:crypto';
import { type BounceMailbox, createBounceMailbox } from './deliver/bounce-mailbox.js';
import { createTransport } from './deliver/create-transport.js';
import type { Transport } from './deliver/transport.js';
import type { Scheduler } from './schedule/index.js';
import type { TriggerSource } from './schedule/types.js';
import { configsFor, editionConfig } from './config/editions.js';
import { Store } from './store/index.js';
import type { BouncesConfig, BriefingConfig, Clock, Labels, Locale, Logger } from './types.js';

/** Makes the transport of one delivery (outbox or SMTP, as the config says); the caller closes it. */
export type TransportFactory = (config: BriefingConfig, env: NodeJS.ProcessEnv) => Transport;

/** Opens the bounce mailbox delivery.bounces names (IMAP or Maildir); the caller closes it. */
export type BounceMailboxFactory = (bounces: BouncesConfig, env: NodeJS.ProcessEnv) => BounceMailbox;

export interface App {
  readonly config: BriefingConfig;
  readonly store: Store;
  /** The real time (injectable for tests); never the reference time. */
  readonly clock: Clock;
  readonly logger: Logger;
  readonly transport: TransportFactory;
  readonly bounceMailbox: BounceMailboxFactory;
  close(): void;
}

export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  store?: Store;
  transport?: TransportFactory;
  bounceMailbox?: BounceMailboxFactory;
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
    bounceMailbox: overrides.bounceMailbox ?? ((b, env) => createBounceMailbox(b, env)),
    close: () => store.close(),
  };
}

/**
 * The scheduler of an app: issue slots on `newsletter.schedule` (each edition's own, with
 * editions), collections on
 * `newsletter.collectSchedule`, in the newsletter's timezone; what a slot does is the
 * pipeline's (`runIssueSlot`, `runCollectSlot`).
 */
export async function createScheduler(
  app: App,
  opts: { shutdownTimeoutMs: number; triggers?: TriggerSource },
): Promise<Scheduler> {
  const { Scheduler } = await import('./schedule/index.js');
  const { runCollectSlot, runIssueSlot } = await import('./pipeline.js');
  const { newsletter } = app.config;
  return new Scheduler({
    store: app.store.slots,
    clock: app.clock,
    logger: app.logger,
    // With editions, each edition's slots are its own: the slot runs as that edition.
    runIssue: (slot, _ctx, edition) => runIssueSlot(edition ? editionApp(app, edition) : app, slot),
    runCollect: newsletter.collectSchedule ? () => runCollectSlot(app) : undefined,
    options: {
      schedule: newsletter.schedule,
      editions: app.config.editions.map((e) => ({ id: e.id, schedule: e.newsletter.schedule })),
      collectSchedule: newsletter.collectSchedule,
      timezone: newsletter.timezone,
      catchUpGraceMs: newsletter.catchUpGraceMs,
      shutdownTimeoutMs: opts.shutdownTimeoutMs,
    },
    ...(opts.triggers ? { triggers: opts.triggers } : {}),
  });
}

/**
 * Wire the public site (`briefing serve`) for an app: the store's subscriber repositories, the configured
 * transport for confirmation messages, the archive of sent issues, the signing secret and the labels.
 */
export async function startPublicSite(
  app: App,
  listen: { host: string; port: number },
  env: NodeJS.ProcessEnv = process.env,
): Promise<import('./serve/server.js').Site> {
  const [{ startSite }, deliver, { buildArchive, loadArchiveIssues }, { loadLabels }] = await Promise.all([
    import('./serve/server.js'),
    import('./deliver/index.js'),
    import('./preview/index.js'),
    import('./config/locale.js'),
  ]);
  const { config, store } = app;
  const { newsletter, delivery, paths } = config;
  const secret = deliver.resolveUnsubscribeSecret(delivery.unsubscribeSecretEnv, paths.data, env);
  const transport = app.transport(config, env);
  const labels = new Map<Locale, Labels>();
  const labelsOf = (locale: Locale): Labels => {
    let l = labels.get(locale);
    if (!l) {
      l = loadLabels(paths.locales, locale);
      labels.set(locale, l);
    }
    return l;
  };
  const from = delivery.from;
  const domain = deliver.domainOf(deliver.addressOf(from)) ?? 'briefing.invalid';
  const site = await startSite(
    {
      options: {
        newsletter: newsletter.title,
        locale: newsletter.locale,
        baseUrl: newsletter.baseUrl,
        trustProxy: config.serve.trustProxy,
        allowedHosts: config.serve.allowedHosts,
        bodyLimit: config.serve.bodyLimit,
        rateLimit: config.serve.rateLimit,
        minFillMs: config.serve.minFillTimeMs,
        confirmTtlMs: config.serve.confirmLinkTtlMs,
        interests: config.interests.map((i) => ({ id: i.id, label: i.label })),
        editions: config.editions.map((e) => ({ id: e.id, label: e.newsletter.title })),
      },
      subscribers: {
        status: (email) => (store.subscribers.suppression(email) ? 'suppressed' : store.subscribers.get(email)?.status),
        confirm: (input) => store.subscriberData.confirm(input),
        profile: (email) => store.subscriberData.profile(email),
        setPreferences: (email, prefs, at) => store.subscriberData.setPreferences(email, prefs, at),
        unsubscribe: (email, at) => store.subscribers.unsubscribe(email, at),
        export: (email) => store.subscriberData.export(email),
        erase: (email, at) => store.subscriberData.erase(email, at),
      },
      labels: labelsOf,
      sendMail: async (mail) => {
        const now = app.clock.now();
        await transport.send({
          issueId: 'subscribe',
          from,
          to: mail.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          messageId: `<${randomUUID()}@${domain}>`,
          date: now,
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      },
      archive: {
        version: () =>
          store.issues
            .list()
            .filter((r) => r.status === 'sent')
            .map((r) => `${r.id}@${r.sentAt ?? ''}`)
            .join(','),
        files: () => {
          const loaded = loadArchiveIssues(store.issues.list(), paths.outbox);
          return buildArchive({
            newsletter: {
              title: newsletter.title,
              locale: newsletter.locale,
              timezone: newsletter.timezone,
              baseUrl: newsletter.baseUrl,
            },
            issues: loaded.issues,
            now: app.clock.now(),
            labels: labelsOf(newsletter.locale),
          });
        },
      },
      addressTokens: {
        verify: (purpose, token) => deliver.verifyAddressToken(purpose, token, secret),
        sign: (purpose, email) => deliver.signAddressToken(purpose, email, secret),
      },
      secret,
      clock: app.clock,
      logger: app.logger,
    },
    listen,
  );
  return {
    ...site,
    close: async () => {
      await site.close();
      await transport.close();
    },
  };
}

/**
 * The app as edition `id` of the config sees it (same store, clock and logger); see
 * config/editions.ts. Closing it closes the shared store.
 */
export function editionApp(app: App, id: string): App {
  return { ...app, config: editionConfig(app.config, id), close: () => app.close() };
}

/** The apps a command runs for: the edition asked for, every edition, or the app itself without editions. */
export function editionApps(app: App, edition?: string): App[] {
  return configsFor(app.config, edition).map((config) => (config === app.config ? app : { ...app, config }));
}
