/**
 * The pipeline: the one place where stages meet.
 *
 *   collect → store → rank → compose → render → deliver
 *
 * Each step takes the wired App (store, clock, logger, config) and plain options.
 *
 * Two times run through it and never mix: the clock (`app.clock`, the real time) stamps
 * fetches, stored items, deliveries, backoff and `Date:` headers; the reference time (`asOf`:
 * `--as-of`, `newsletter.asOf`, else the clock's now) is what rank and compose read — which
 * items are in the window, how fresh a topic is, the issue's date. Nothing else reads it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { App } from './app.js';
import type { CollectDeps } from './collect/index.js';
import {
  articlesToRead,
  composeIssue,
  draftToYaml,
  learnRepeatedLines,
  parseDraft,
  resolveInterests,
  type StoryDrops,
  storyDrops,
  variantOf,
} from './compose/index.js';
import { loadLabels } from './config/locale.js';
import { issuePrefix } from './config/editions.js';
import { BUNDLED_LOCALES, BUNDLED_TEMPLATES } from './bundled.js';
import {
  type BounceSummary,
  buildEml,
  buildMessage,
  deliverIssue,
  parseSubscribersCsv,
  previewRecipient,
  processBounces,
  resolveUnsubscribeSecret,
  sendTest,
  type SubscriberSource,
} from './deliver/index.js';
import { BriefingError, reasonOf } from './errors.js';
import { rankTopics } from './rank/index.js';
import type { CollectRunResult, IssueRunResult } from './schedule/types.js';
import { storeErrorHint } from './store/index.js';
import { describeHolder, pidAlive, processIdentity, staleReason } from './schedule/lock.js';
import { personalize, renderIssue } from './render/index.js';
import type {
  BriefingConfig,
  Draft,
  Item,
  Labels,
  Locale,
  RankDoc,
  RankResult,
  Recipient,
  RenderedIssue,
  SendSummary,
  SourceReport,
  Subscriber,
  Topic,
} from './types.js';
import { recoverStaged, stageDir } from './util/atomic.js';

// ---------------------------------------------------------------- reference time

/** The reference time of a rank or compose: `asOf` when given, else the config's `newsletter.asOf`, else the clock's now. */
export function referenceTime(app: Pick<App, 'config' | 'clock'>, asOf?: Date): Date {
  if (asOf) return asOf;
  const pinned = app.config.newsletter.asOf;
  return pinned === undefined ? app.clock.now() : new Date(pinned);
}

// ---------------------------------------------------------------- collect

export async function collectStep(
  app: App,
  opts: { onProgress?: CollectDeps['onProgress'] } = {},
): Promise<SourceReport[]> {
  const { config, store, clock } = app;
  const now = clock.now();
  const states = new Map(
    config.sources.flatMap((s) => {
      const st = store.sources.get(s.url);
      return st ? [[s.url, st] as const] : [];
    }),
  );
  // Loaded here, not at the top: the HTTP, XML and sanitizing modules cost a third of a
  // second to load, and commands that do not collect (compose, render, send) skip them.
  const { collectSources } = await import('./collect/index.js');
  const outcomes = await collectSources(config.sources, {
    config: config.collect,
    now,
    states,
    isKnown: (item) => store.items.has(item),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  // One transaction per source (WAL with synchronous=NORMAL makes a commit cheap): a source
  // whose items cannot be stored (too big, the disk full) fails alone, and every other
  // source's items stay stored, before and after it.
  const reports = outcomes.map(({ report, state, items }) => {
    try {
      return store.db.transaction(() => {
        const newItems = items.length ? store.items.insertNew(items, now) : 0;
        store.sources.save(report.name, state, report.status);
        return { ...report, newItems };
      })();
    } catch (e) {
      const error = `its items could not be stored: ${storeErrorHint(e, store.db.name, config.paths.data).what}`;
      try {
        store.sources.save(report.name, { ...state, failures: state.failures + 1, lastError: error }, 'failed');
      } catch {
        // the store refuses even this small write (a full disk): the report still says why
      }
      return { ...report, status: 'failed' as const, newItems: 0, error };
    }
  });
  for (const r of reports) {
    if (r.status === 'failed') app.logger.warn('source failed', { source: r.name, url: r.url, error: r.error });
  }
  return reports;
}

// ---------------------------------------------------------------- rank

export interface RankStepOptions {
  /** The reference time (see `referenceTime`). */
  asOf?: Date;
  /** Include items that already went out in a sent issue. */
  includeSent?: boolean;
}

export interface RankStepResult extends RankResult {
  /** The reference time ranked for. */
  asOf: Date;
  /** What ranking read of each item in the window, by id (enough for source lines). */
  docs: Map<number, RankDoc>;
}

export function rankStep(app: App, opts: RankStepOptions = {}): RankStepResult {
  const { config, store } = app;
  const asOf = referenceTime(app, opts.asOf);
  const from = new Date(asOf.getTime() - config.newsletter.windowMs);
  // Novelty is per edition: what this edition already sent (config.edition; all issues without editions).
  const sent = opts.includeSent ? new Set<number>() : store.issues.sentItemIds(config.edition);
  const items = store.items.inWindow(from, asOf).filter((it) => !sent.has(it.id));
  const result = rankTopics({
    items,
    sources: config.sources,
    sent: store.issues.sentTopics(config.rank.noveltyIssues, asOf, config.edition),
    now: asOf,
    newsletter: config.newsletter,
    rank: config.rank,
    pins: store.issues.marks('pin'),
    blocks: store.issues.marks('block'),
    interests: config.interests,
  });
  return { ...result, asOf, docs: new Map(items.map((it) => [it.id, it])) };
}

const count = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * Why ranking found no topics although the store may hold items, with the dates: the store
 * is empty, every item lies outside the window (older, or newer than a pinned reference
 * time), every item in the window went out already, or every topic was dropped.
 */
export function whyNoTopics(app: Pick<App, 'config' | 'store'>, ranked: RankStepResult): string {
  const { config, store } = app;
  const range = store.items.publishedRange();
  if (!range) return 'the store has no items yet; run `briefing collect` (or `briefing run`) first';
  const total = store.items.count();
  const asOf = ranked.asOf;
  const from = new Date(asOf.getTime() - config.newsletter.windowMs);
  const fmt = new Intl.DateTimeFormat('sv-SE', {
    timeZone: config.newsletter.timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  const at = (d: Date | string): string => fmt.format(typeof d === 'string' ? new Date(d) : d);
  const window = `the window ${at(from)} to ${at(asOf)} (${config.newsletter.timezone})`;
  const inWindow = store.items.countNewerThan(0, from, asOf);
  if (inWindow === 0) {
    if (new Date(range.newest) < from) {
      return `all ${count(total, 'item')} in the store are older than ${window}: the newest is from ${at(range.newest)}; collect newer items, or pass --as-of ${range.newest}`;
    }
    if (new Date(range.oldest) > asOf) {
      return `all ${count(total, 'item')} in the store are newer than the reference time ${at(asOf)}, pinned by newsletter.asOf or --as-of: the oldest is from ${at(range.oldest)}; remove newsletter.asOf or pass a later --as-of`;
    }
    return `no item was published in ${window}; the store holds items from ${at(range.oldest)} to ${at(range.newest)}`;
  }
  if (ranked.considered === 0) {
    const latest = store.issues.latest(config.edition);
    return `all ${count(inWindow, 'item')} in ${window} went out in earlier issues${latest ? ` (the latest: ${latest.id})` : ''}; --force composes them again`;
  }
  const kinds = new Map<string, number>();
  for (const d of ranked.dropped) {
    const kind = d.reason.startsWith('rehash')
      ? 'repeat a story sent already'
      : d.reason.startsWith('blocked')
        ? 'blocked in a draft'
        : 'below the cut or over a source limit';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const why = [...kinds].map(([k, n]) => `${n} ${k}`).join(', ');
  const first = ranked.dropped[0];
  return `the ${count(ranked.considered, 'item')} in ${window} make ${count(ranked.dropped.length, 'topic')}, and ${ranked.dropped.length === 1 ? 'it was' : 'every one was'} dropped: ${why}${first ? ` (e.g. “${first.topic.title}”: ${first.reason})` : ''}`;
}

/** The whole items compose reads of the topics (`articlesToRead` of each), by id. */
export function topicItems(app: App, topics: readonly Topic[]): Map<number, Item> {
  const ids = topics.flatMap((t) => articlesToRead(t.items).map((r) => r.itemId));
  return new Map(app.store.items.byIds(ids).map((it) => [it.id, it]));
}

// ---------------------------------------------------------------- compose + render

export interface ComposeOutcome {
  nothingNew: false;
  issueId: string;
  dir: string;
  files: string[];
  draft: Draft;
  rendered: RenderedIssue;
  /** Per top story, the lines its items lost before composing (promo, chrome, repeat, byline, …); compose only. */
  dropped?: StoryDrops[];
}

export interface NothingNew {
  nothingNew: true;
  reason: string;
  /** Whether `force` would compose an issue (false when there is nothing at all to compose). */
  forceHelps: boolean;
}

export interface ComposeStepOptions {
  /** The reference time (see `referenceTime`); the issue's date. */
  asOf?: Date;
  /** Compose even when nothing is new (earlier items may appear again). */
  force?: boolean;
  /** The schedule slot this issue is for. */
  slot?: string;
}

export async function composeStep(app: App, opts: ComposeStepOptions = {}): Promise<ComposeOutcome | NothingNew> {
  const { config, store } = app;
  recoverOutbox(app);
  const asOf = referenceTime(app, opts.asOf);
  const windowStart = new Date(asOf.getTime() - config.newsletter.windowMs);
  const latest = store.issues.latest(config.edition);
  if (!opts.force && latest && store.items.countNewerThan(latest.itemWatermark, windowStart, asOf) === 0) {
    return { nothingNew: true, reason: `no new items since issue ${latest.id}`, forceHelps: true };
  }
  const watermark = store.items.maxId();
  const ranked = rankStep(app, { asOf, includeSent: opts.force === true });
  if (ranked.topics.length === 0) {
    const empty = store.items.count() === 0;
    return { nothingNew: true, forceHelps: !empty && !opts.force, reason: whyNoTopics(app, ranked) };
  }
  const issueId = nextIssueId(app, asOf);
  const labels = labelsFor(config, config.newsletter.locale);
  const read = topicItems(app, ranked.topics);
  // Lines a source repeats across the items the store keeps of it are its page, not a story.
  const repeated = learnRepeatedLines(ranked.docs.values());
  const draft = composeIssue({
    issueId,
    topics: ranked.topics,
    items: read,
    listed: ranked.docs,
    newsletter: config.newsletter,
    sources: config.sources,
    labels,
    now: asOf,
    repeated,
  });
  const dir = join(config.paths.outbox, issueId);
  // The store records the issue after its folder is complete and before the folder is put in
  // place: a kill at any point leaves nothing (a stale temp folder) or both (finished on restart).
  const outcome = await writeIssue(app, draft, dir, draftToYaml(draft), () =>
    store.issues.record(
      {
        id: issueId,
        createdAt: app.clock.now().toISOString(),
        asOf: asOf.toISOString(),
        title: draft.title,
        dir,
        slot: opts.slot,
        itemWatermark: watermark,
      },
      ranked.topics,
    ),
  );
  app.logger.info('composed', { issueId, dir, topics: ranked.topics.length });
  return { ...outcome, dropped: storyDrops(draft, read.values(), repeated) };
}

/** The template folders of a project, first wins: its own `templates/` (or paths.templates), then the bundled ones. */
export function templateFolders(config: BriefingConfig): string[] {
  return [config.paths.templates, BUNDLED_TEMPLATES];
}

/** The labels of a locale: the project's locale file (only the labels it changes), over the bundled one. */
export function labelsFor(config: BriefingConfig, locale: Locale): Labels {
  return loadLabels([config.paths.locales, BUNDLED_LOCALES], locale);
}

/** Render a draft through the same templates sending uses. */
export async function renderDraft(app: App, draft: Draft, style = draft.style): Promise<RenderedIssue> {
  const { config } = app;
  return renderIssue(draft, {
    templatesDir: templateFolders(config),
    labels: labelsFor(config, draft.locale),
    style,
    ...(config.newsletter.baseUrl ? { baseUrl: config.newsletter.baseUrl } : {}),
  });
}

/** `briefing render <draft>`: re-render an edited draft into its issue folder; pins and blocks feed later ranking. */
export async function renderDraftFile(app: App, draftFile: string): Promise<ComposeOutcome> {
  const file = resolve(draftFile);
  if (!existsSync(file)) {
    throw new BriefingError(
      'ENOTFOUND',
      `draft not found: ${file}`,
      'pass the path of a draft.yaml written by `briefing compose`',
    );
  }
  const text = readFileSync(file, 'utf8');
  const draft = parseDraft(text, file);
  const now = app.clock.now();
  const known = app.store.issues.get(draft.issueId);
  const dir = known?.dir ?? dirname(file);
  for (const pin of draft.pins) app.store.issues.mark('pin', pin, draft.issueId, now);
  for (const block of draft.blocks) app.store.issues.mark('block', block, draft.issueId, now);
  const outcome = await writeIssue(app, draft, dir, text);
  if (known) {
    app.store.issues.setTitle(draft.issueId, draft.title);
    app.store.issues.retainTopics(draft.issueId, [
      ...draft.stories.map((s) => s.topicId),
      ...draft.headlines.map((h) => h.topicId),
    ]);
  }
  return outcome;
}

/** The reader-facing copy (browser page, outbox, preview): nobody's personal unsubscribe token. */
export function publicRecipient(app: Pick<App, 'config'>): Recipient {
  const r = previewRecipient(app.config.delivery, app.config.newsletter.baseUrl);
  return { email: '', unsubscribeUrl: r.unsubscribeUrl || '#unsubscribe' };
}

/**
 * Finish what a killed compose left in the outbox: a complete temp folder of an issue the
 * store recorded is renamed into place; any other temp folder of a dead process is removed.
 */
export function recoverOutbox(app: App): void {
  const done = recoverStaged(
    app.config.paths.outbox,
    (id, staged) => app.store.issues.get(id) !== undefined && existsSync(join(staged, 'draft.json')),
    pidAlive,
  );
  for (const id of done.finished) app.logger.warn('finished writing an issue folder a stopped compose left', { id });
  for (const entry of done.removed) app.logger.warn('removed a temp folder a stopped compose left', { entry });
}

async function writeIssue(
  app: App,
  draft: Draft,
  dir: string,
  draftYaml: string,
  record?: () => void,
): Promise<ComposeOutcome> {
  const rendered = await renderDraft(app, draft);
  for (const w of rendered.warnings)
    app.logger.warn('preflight', { issueId: draft.issueId, code: w.code, message: w.message });
  const page = personalize(rendered, publicRecipient(app));
  const message = buildMessage({
    config: app.config.delivery,
    issue: { ...rendered, ...page },
    recipient: previewRecipient(app.config.delivery, app.config.newsletter.baseUrl),
    now: app.clock.now(),
  });
  const eml = await buildEml(message);
  const files: Record<string, string | Uint8Array> = {
    'issue.html': page.html,
    'issue.txt': page.text,
    'issue.eml': eml,
    'draft.yaml': draftYaml,
    'draft.json': `${JSON.stringify(draft, null, 2)}\n`,
  };
  const staged = stageDir(dir, files, { keep: ['recipients'] });
  try {
    record?.();
  } catch (e) {
    staged.abort();
    throw e;
  }
  staged.commit();
  return {
    nothingNew: false,
    issueId: draft.issueId,
    dir,
    files: Object.keys(files).map((f) => join(dir, f)),
    draft,
    rendered,
  };
}

/**
 * `YYYY-MM-DD` of the reference time in the newsletter's timezone; `-2`, `-3` … when taken.
 * An edition's ids carry its id in front (`weekly/2026-11-16`: outbox/weekly/2026-11-16/).
 */
function nextIssueId(app: App, asOf: Date): string {
  const day =
    issuePrefix(app.config.edition) +
    new Intl.DateTimeFormat('en-CA', {
      timeZone: app.config.newsletter.timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(asOf);
  const taken = app.store.issues.idsStartingWith(day);
  const onDisk = (id: string): boolean => existsSync(join(app.config.paths.outbox, id));
  if (!taken.has(day) && !onDisk(day)) return day;
  for (let n = 2; ; n++) {
    const id = `${day}-${n}`;
    if (!taken.has(id) && !onDisk(id)) return id;
  }
}

// ---------------------------------------------------------------- deliver

function loadIssue(app: App, issueId: string): { draft: Draft; dir: string } {
  recoverOutbox(app);
  const record = app.store.issues.get(issueId);
  if (!record) {
    throw new BriefingError(
      'ENOTFOUND',
      `no issue "${issueId}" in the store`,
      'run `briefing compose` first, or pick an id from the outbox folder',
    );
  }
  const file = join(record.dir, 'draft.json');
  if (!existsSync(file)) {
    throw new BriefingError(
      'ENOTFOUND',
      `issue ${issueId} has no draft at ${file}`,
      'run `briefing compose --force` to write it again',
    );
  }
  return { draft: JSON.parse(readFileSync(file, 'utf8')) as Draft, dir: record.dir };
}

export interface SendStepOptions {
  /** A test send of the issue to one address, outside the ledger. */
  to?: string;
  /** Send again to recipients whose earlier outcome is unknown (left in "sending" by a crash). */
  retryUncertain?: boolean;
  env?: NodeJS.ProcessEnv;
}

export async function sendStep(app: App, issueId: string, opts: SendStepOptions = {}): Promise<SendSummary> {
  const { draft } = loadIssue(app, issueId);
  const rendered = await renderDraft(app, draft);
  const env = opts.env ?? process.env;
  const transport = app.transport(app.config, env);
  try {
    if (opts.to) {
      await sendTest(
        {
          transport,
          config: app.config,
          clock: app.clock,
          logger: app.logger,
          env,
          personalize: (r) => personalize(rendered, r),
        },
        rendered,
        opts.to,
      );
      return { sent: 1, skipped: 0, failed: 0, uncertain: 0 };
    }
    return await withSendLock(app, issueId, async () => {
      syncSubscribers(app);
      const issueFor = await renderVariants(app, draft, rendered);
      app.store.issues.setStatus(issueId, 'sending', app.clock.now());
      const summary = await deliverIssue(
        {
          ledger: app.store.deliveries,
          subscribers: editionSubscribers(app),
          transport,
          config: app.config,
          clock: app.clock,
          logger: app.logger,
          env,
          personalize: (r, issue) => personalize(issue, r),
          ...(issueFor ? { issueFor } : {}),
        },
        rendered,
        { issueId, retryUncertain: opts.retryUncertain === true },
      );
      const left = app.store.deliveries.counts(issueId);
      if (left.pending === 0 && left.sending === 0 && left.uncertain === 0) {
        app.store.issues.setStatus(issueId, 'sent', app.clock.now());
      }
      app.logger.info('delivered', { issueId, ...summary });
      return summary;
    });
  } finally {
    await transport.close();
  }
}

/** The lock a delivery of one issue holds: `send:<issue-id>`. */
export function sendLockName(issueId: string): string {
  return `send:${issueId}`;
}

const SEND_LOCK_HEARTBEAT_MS = 15_000;
const SEND_LOCK_STALE_MS = 120_000;

/**
 * Run `fn` holding the issue's send lock (the scheduler's lock mechanism: a row with a
 * heartbeat). A second delivery of the same issue stops with the holder's name instead
 * of recovering the first one's in-flight rows; a lock whose process is gone (or whose
 * heartbeat stopped) is taken over.
 */
async function withSendLock<T>(app: App, issueId: string, fn: () => Promise<T>): Promise<T> {
  const name = sendLockName(issueId);
  const me = processIdentity();
  const now = app.clock.now();
  const got = app.store.slots.acquireLock(name, me, now, (held) =>
    staleReason(held, me, now, SEND_LOCK_STALE_MS, pidAlive),
  );
  if (!got.acquired) {
    throw new BriefingError(
      'ELOCK',
      `issue ${issueId} is being sent by another process (${describeHolder(got.held, now)})`,
      'let it finish (it records every recipient; nobody gets it twice), or stop that process and run send again',
    );
  }
  if (got.tookOver) app.logger.warn('took over a send lock', { issueId, reason: got.tookOver.reason });
  const timer = setInterval(() => {
    try {
      app.store.slots.heartbeat(name, me.holder, app.clock.now());
    } catch (e) {
      app.logger.warn('send lock heartbeat failed', { issueId, error: reasonOf(e) });
    }
  }, SEND_LOCK_HEARTBEAT_MS);
  timer.unref();
  try {
    return await fn();
  } finally {
    clearInterval(timer);
    try {
      app.store.slots.releaseLock(name, me.holder);
    } catch (e) {
      app.logger.warn('send lock release failed', { issueId, error: reasonOf(e) });
    }
  }
}

/**
 * The rendered issue each subscriber gets: the variant of their interests (see
 * compose/variant.ts). Every distinct variant among the active subscribers is rendered
 * here, once, before the delivery starts; undefined when nobody gets anything but the
 * whole issue (no interests configured, or the draft's stories carry none).
 */
export async function renderVariants(
  app: App,
  draft: Draft,
  whole: RenderedIssue,
): Promise<((sub: Subscriber) => RenderedIssue) | undefined> {
  const { interests } = app.config;
  const tagged = [...draft.stories, ...draft.headlines].some((p) => p.interests !== undefined);
  if (interests.length === 0 || !tagged) return undefined;
  const labels = loadLabels(app.config.paths.locales, draft.locale);
  const byVariant = new Map<string, RenderedIssue>([['*', whole]]);
  // Keyed by the subscriber's list as stored, so each list is resolved and matched once.
  const byList = new Map<string, RenderedIssue>();
  const listKey = (sub: Pick<Subscriber, 'interests'>): string => sub.interests.join('\u0001');
  for (const sub of editionSubscribers(app).active(1000)) {
    const key = listKey(sub);
    if (byList.has(key)) continue;
    const variant = variantOf(draft, resolveInterests(sub.interests, interests), labels);
    let issue = byVariant.get(variant.key);
    if (!issue) {
      issue = await renderDraft(app, variant.draft);
      byVariant.set(variant.key, issue);
    }
    byList.set(key, issue);
  }
  app.logger.info('variants rendered', { issueId: draft.issueId, variants: byVariant.size, lists: byList.size });
  return (sub) => byList.get(listKey(sub)) ?? whole;
}

/**
 * The subscribers of the config's edition: those who list it, and those who list none
 * when it is the first edition. Without editions, everyone.
 */
export function editionSubscribers(app: App): SubscriberSource {
  const { store, config } = app;
  const edition = config.edition;
  if (edition === undefined) return store.subscribers;
  const first = config.editions[0]?.id === edition;
  const reads = (s: Subscriber): boolean => (s.editions.length === 0 ? first : s.editions.includes(edition));
  return {
    *active(pageSize?: number) {
      for (const s of store.subscribers.active(pageSize)) if (reads(s)) yield s;
    },
    unsubscribe: (email, at) => store.subscribers.unsubscribe(email, at),
    suppress: (email, reason, at) => store.subscribers.suppress(email, reason, at),
  };
}

/**
 * Merge the config's subscribers CSV (if any) into the store before a delivery. Adds and
 * updates only: removing a row from the file does not unsubscribe anyone, and suppressed
 * addresses stay suppressed.
 */
export function syncSubscribers(app: App): void {
  const file = app.config.subscribers;
  if (!file) return;
  if (!existsSync(file)) {
    throw new BriefingError(
      'ENOTFOUND',
      `subscribers file not found: ${file}`,
      'fix the subscribers: path in the config, or remove the key',
    );
  }
  const parsed = parseSubscribersCsv(readFileSync(file, 'utf8'), file);
  const r = app.store.subscribers.upsertMany(parsed.subscribers, app.clock.now());
  if (r.added || r.updated) app.logger.info('subscribers synced', { file, added: r.added, updated: r.updated });
}

// ---------------------------------------------------------------- schedule slots

/**
 * What an issue slot does: collect, compose the slot's issue (the slot is its reference
 * time) and deliver it, once. A slot whose issue was already composed (the run was
 * interrupted) only resumes that issue's delivery, or does nothing when it was all sent.
 */
export async function runIssueSlot(app: App, slot: Date): Promise<IssueRunResult> {
  const key = slot.toISOString();
  const existing = app.store.issues.list(app.config.edition).find((r) => r.slot === key);
  if (existing) {
    if (existing.status === 'sent') return { issueId: existing.id };
    return { issueId: existing.id, sent: await sendStep(app, existing.id) };
  }
  const out = await runOnce(app, { slot: key, asOf: slot });
  return { issueId: out.issue?.issueId, nothingNew: out.nothingNew, reason: out.reason, sent: out.sent };
}

/** What a collection slot does: collect every source once. */
export async function runCollectSlot(app: App): Promise<CollectRunResult> {
  const reports = await collectStep(app);
  // Bounces and complaints are read on the same slots; a mailbox that fails is logged, not fatal to collection.
  if (app.config.delivery.bounces) {
    try {
      const b = await bouncesStep(app);
      app.logger.info('bounces', { ...b, suppressed: b.suppressed.length });
    } catch (e) {
      app.logger.error('bounces failed', { error: reasonOf(e) });
    }
  }
  return {
    sources: reports.length,
    failed: reports.filter((r) => r.status === 'failed').length,
    newItems: reports.reduce((n, r) => n + r.newItems, 0),
  };
}

// ---------------------------------------------------------------- run

export interface RunOutcome {
  collected: SourceReport[];
  /** With nothingNew: whether `force` would compose an issue. */
  forceHelps?: boolean | undefined;
  issue?: ComposeOutcome | undefined;
  /** Nothing was new, but the latest issue had not been fully delivered: its delivery was resumed. */
  resumedIssueId?: string | undefined;
  sent?: SendSummary | undefined;
  nothingNew: boolean;
  reason?: string | undefined;
}

export interface RunOptions {
  force?: boolean;
  slot?: string;
  /** The reference time of the compose (the collection and the delivery use the clock). */
  asOf?: Date;
  onProgress?: CollectDeps['onProgress'];
  /** false: skip the collection (it already ran, e.g. once for all editions). */
  collect?: boolean;
}

/** collect → compose → deliver, once. */
export async function runOnce(app: App, opts: RunOptions = {}): Promise<RunOutcome> {
  const collected =
    opts.collect === false ? [] : await collectStep(app, opts.onProgress ? { onProgress: opts.onProgress } : {});
  const composed = await composeStep(app, {
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
    ...(opts.force ? { force: true } : {}),
    ...(opts.slot ? { slot: opts.slot } : {}),
  });
  if (composed.nothingNew) {
    const latest = app.store.issues.latest(app.config.edition);
    if (latest && latest.status !== 'sent') {
      const sent = await sendStep(app, latest.id);
      return {
        collected,
        nothingNew: true,
        reason: composed.reason,
        forceHelps: composed.forceHelps,
        resumedIssueId: latest.id,
        sent,
      };
    }
    return { collected, nothingNew: true, reason: composed.reason, forceHelps: composed.forceHelps };
  }
  const sent = await sendStep(app, composed.issueId);
  return { collected, issue: composed, sent, nothingNew: false };
}

// ---------------------------------------------------------------- bounces

/**
 * Read the bounce mailbox (delivery.bounces) once: hard bounces and complaints suppress
 * their address, soft bounces count; processed reports are moved, unreadable ones kept.
 */
export async function bouncesStep(app: App, env: NodeJS.ProcessEnv = process.env): Promise<BounceSummary> {
  const { delivery } = app.config;
  const bounces = delivery.bounces;
  if (!bounces) {
    throw new BriefingError(
      'ECONFIG',
      'delivery.bounces is not set: there is no bounce mailbox to read',
      'add delivery.bounces with maildir: <folder> or imap: { host, user, passwordEnv } (see docs/config.md)',
    );
  }
  const mailbox = app.bounceMailbox(bounces, env);
  try {
    return await processBounces({
      mailbox,
      book: app.store.bounces,
      subscribers: app.store.subscribers,
      returnPath: delivery.returnPath,
      secret: resolveUnsubscribeSecret(delivery.unsubscribeSecretEnv, app.config.paths.data, env),
      softBounceLimit: bounces.softBounceLimit,
      clock: app.clock,
      logger: app.logger,
    });
  } finally {
    await mailbox.close();
  }
}
