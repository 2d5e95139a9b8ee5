/**
 * The scheduler service: holds the store's scheduler lock, runs each slot at most once
 * (claimed in the store by its key), catches up the latest missed slot once on start,
 * and shuts down cleanly. Runs go one at a time, in trigger order.
 */
import { BriefingError, reasonOf } from '../errors.js';
import { type CronFields, parseCron } from './cron.js';
import { describeHolder, pidAlive, processIdentity, SCHEDULER_LOCK, staleReason } from './lock.js';
import {
  collectResult,
  DEFAULT_CATCH_UP_GRACE_MS,
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  DEFAULT_STALE_AFTER_MS,
  dueSlot,
  issueResult,
  planStartup,
  type StartupAction,
} from './plan.js';
import {
  editionOfKind,
  isIssueKind,
  type LockHolder,
  type LockInfo,
  type RunKind,
  type SlotRecord,
  type SlotResult,
} from '../types.js';
import { nextSlots, previousSlot, slotKey } from './slots.js';
import { cronTriggers } from './triggers.js';
import type { SchedulerDeps, TriggerSource } from './types.js';
import { assertTimezone, formatLocal } from './zone.js';

export interface StartReport {
  /** False when `stop` was called while waiting for the lock. */
  started: boolean;
  holder: LockHolder;
  /** A stale lock that was taken over, and why. */
  tookOver?: { from: LockInfo; reason: string } | undefined;
  /** Slots found `running` from a process that is gone, now `interrupted`. */
  interrupted: SlotRecord[];
  /** What was done about the latest issue slot (the first edition's, with editions). */
  startup?: StartupAction | undefined;
  /** What was done about the latest slot of each issue kind (`issue`, or `issue:<edition>` each). */
  startups?: Array<{ kind: RunKind; action: StartupAction }> | undefined;
  /** The next slots: `issue` the earliest of any edition; `editions` each edition's. */
  next: { issue: Date; collect?: Date | undefined; editions?: Record<string, Date> | undefined };
}

export interface StopReport {
  reason: 'stopped' | 'lock-lost';
  /** The run that did not finish within the shutdown timeout; it resumes on the next start. */
  abandoned?: { kind: RunKind; slot: string } | undefined;
  /** Who holds the lock now, when it was lost. */
  heldBy?: LockInfo | undefined;
}

interface CurrentRun {
  kind: RunKind;
  slot: string;
  runId: number;
  started: Date;
  controller: AbortController;
  abandoned: boolean;
}

type State = 'new' | 'waiting' | 'running' | 'stopping' | 'stopped';

export class Scheduler {
  readonly identity: LockHolder;
  private readonly fields = new Map<RunKind, CronFields>();
  /** The issue kinds: `issue`, or `issue:<edition>` for each edition. */
  private readonly issueKinds: RunKind[];
  private readonly tz: string;
  private readonly graceMs: number;
  private readonly triggers: TriggerSource;
  private state: State = 'new';
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private tail: Promise<void> = Promise.resolve();
  private readonly inflight = new Map<string, Promise<void>>();
  private current: CurrentRun | undefined;
  private wake: (() => void) | undefined;
  private abandonNow: (() => void) | undefined;
  private resolveStopped!: (r: StopReport) => void;
  /** Resolves once the scheduler has stopped (by `stop`, or because the lock was lost). */
  readonly stopped: Promise<StopReport>;

  constructor(private readonly deps: SchedulerDeps) {
    const o = deps.options;
    assertTimezone(o.timezone);
    this.tz = o.timezone;
    if (o.editions && o.editions.length > 0) {
      o.editions.forEach((e, i) => {
        this.fields.set(`issue:${e.id}`, parseCron(e.schedule, `editions[${i}].schedule`));
      });
    } else {
      this.fields.set('issue', parseCron(o.schedule, 'newsletter.schedule'));
    }
    this.issueKinds = [...this.fields.keys()];
    if (o.collectSchedule && deps.runCollect) {
      this.fields.set('collect', parseCron(o.collectSchedule, 'newsletter.collectSchedule'));
    }
    this.graceMs = o.catchUpGraceMs ?? DEFAULT_CATCH_UP_GRACE_MS;
    this.identity = deps.identity ?? processIdentity();
    this.triggers = deps.triggers ?? cronTriggers(deps.clock, deps.logger);
    this.stopped = new Promise((resolve) => {
      this.resolveStopped = resolve;
    });
  }

  /** The next slot of a kind after the clock's now. */
  nextSlot(kind: RunKind): Date | undefined {
    const f = this.fields.get(kind);
    return f ? nextSlots(f, this.tz, this.deps.clock.now(), 1)[0] : undefined;
  }

  /**
   * Take the lock (or throw ELOCK naming its holder; with `wait`, wait for it), mark
   * runs left `running` by a dead process as interrupted, run the latest slot once if it
   * was missed or interrupted within the grace period, and start the triggers.
   */
  async start(opts: { wait?: boolean; onWaiting?: (held: LockInfo) => void } = {}): Promise<StartReport> {
    if (this.state !== 'new') throw new Error('a scheduler starts once');
    const { store, clock, logger } = this.deps;
    const me = this.identity;
    const staleAfter = this.deps.options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
    const isAlive = this.deps.isAlive ?? pidAlive;
    this.state = 'waiting';
    const acquire = () => {
      const now = clock.now();
      return store.acquireLock(SCHEDULER_LOCK, me, now, (held) => staleReason(held, me, now, staleAfter, isAlive));
    };
    let lock = acquire();
    let announced = false;
    while (!lock.acquired) {
      if (!opts.wait) {
        this.finish({ reason: 'stopped' });
        throw new BriefingError(
          'ELOCK',
          `the scheduler is already running for this data folder: ${describeHolder(lock.held, clock.now())}`,
          'stop that process first, or start this one with --wait to take over when it exits',
        );
      }
      if (!announced) {
        announced = true;
        opts.onWaiting?.(lock.held);
        logger.info('waiting for the scheduler lock', { heldBy: lock.held });
      }
      await this.pause(this.deps.options.waitPollMs ?? 2000);
      if (this.state !== 'waiting') return { started: false, holder: me, interrupted: [], next: this.nextAll() };
      lock = acquire();
    }
    this.state = 'running';
    if (lock.tookOver)
      logger.warn('took over a stale scheduler lock', { from: lock.tookOver.from, reason: lock.tookOver.reason });
    this.heartbeatTimer = setInterval(() => this.beat(), this.deps.options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS);
    this.heartbeatTimer.unref();

    const now = clock.now();
    const interrupted = store.interruptRunning(now);
    // Each issue kind (each edition) catches up its own latest slot, once.
    const startups = this.issueKinds.map((kind) => {
      const latest = previousSlot(this.fields.get(kind) as CronFields, this.tz, now);
      const record = latest ? store.getSlot(kind, slotKey(latest)) : undefined;
      const action = planStartup({
        latest,
        record,
        hasHistory: store.latestSlot(kind) !== undefined,
        now,
        graceMs: this.graceMs,
      });
      if (action.action === 'run') void this.enqueue(kind, action.slot, action.why);
      if (action.action === 'missed' && store.noteSlot(kind, slotKey(action.slot), 'missed', action.reason, now)) {
        logger.warn('run', { kind, slot: slotKey(action.slot), outcome: 'missed', error: action.reason });
      }
      return { kind, action };
    });
    const startup = startups[0]?.action as StartupAction;
    const next = this.nextAll();
    logger.info('scheduler started', {
      pid: me.pid,
      host: me.host,
      timezone: this.tz,
      schedule: this.deps.options.schedule,
      collectSchedule: this.fields.has('collect') ? this.deps.options.collectSchedule : undefined,
      ...(this.deps.options.editions?.length
        ? { editions: this.deps.options.editions.map((e) => `${e.id} ${e.schedule}`) }
        : {}),
      startup: startups
        .map(
          ({ kind, action }) =>
            (kind === 'issue' ? '' : `${kind} `) +
            (action.action === 'run' ? `${action.why} ${slotKey(action.slot)}` : action.action),
        )
        .join('; '),
      interrupted: interrupted.map((r) => `${r.kind} ${r.slot}`),
      nextIssue: formatLocal(next.issue.getTime(), this.tz),
    });
    for (const [kind, f] of this.fields)
      this.triggers.start(kind, f.expr, this.tz, (hint) => void this.fire(kind, hint));
    return { started: true, holder: me, tookOver: lock.tookOver, interrupted, startup, startups, next };
  }

  /**
   * A trigger: run the slot it stands for unless that slot is running, queued or already
   * recorded. Resolves when that run (if any) has finished. Safe to call any number of times.
   */
  fire(kind: RunKind, hint?: Date): Promise<void> {
    const f = this.fields.get(kind);
    if (this.state !== 'running' || !f) return Promise.resolve();
    const now = this.deps.clock.now();
    const slot = dueSlot(f, this.tz, now, hint, this.graceMs);
    if (!slot) {
      if (isIssueKind(kind) && hint && hint.getTime() <= now.getTime()) this.noteMissed(kind, hint, now);
      return Promise.resolve();
    }
    const same = this.inflight.get(`${kind} ${slotKey(slot)}`);
    if (same) return same;
    if (kind === 'collect' && (this.current || this.inflight.size > 0)) {
      const reason = `a ${this.current?.kind ?? 'queued'} run was in progress`;
      if (this.deps.store.noteSlot('collect', slotKey(slot), 'skipped', reason, now)) {
        this.deps.logger.info('run', { kind, slot: slotKey(slot), outcome: 'skipped', error: reason });
      }
      return Promise.resolve();
    }
    return this.enqueue(kind, slot, 'scheduled');
  }

  /** A trigger that woke too late (the machine slept through its slot): record the miss once. */
  private noteMissed(kind: RunKind, hint: Date, now: Date): void {
    const missed = previousSlot(this.fields.get(kind) as CronFields, this.tz, hint);
    if (!missed) return;
    const reason = `the trigger woke ${Math.round((now.getTime() - missed.getTime()) / 60_000)} min after the slot, past the grace period`;
    if (this.deps.store.noteSlot(kind, slotKey(missed), 'missed', reason, now)) {
      this.deps.logger.warn('run', { kind, slot: slotKey(missed), outcome: 'missed', error: reason });
    }
  }

  /** Resolves when no run is queued or running. */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.all(this.inflight.values());
  }

  /**
   * Stop the triggers, let the current run finish for up to `timeoutMs` (then abandon it:
   * its slot is recorded `interrupted` and resumes on the next start), release the lock.
   * Calling again with a shorter timeout cuts the wait short.
   */
  stop(opts: { timeoutMs?: number } = {}): Promise<StopReport> {
    const timeoutMs = opts.timeoutMs ?? this.deps.options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS;
    if (this.state === 'stopping') {
      setTimeout(() => this.abandonNow?.(), timeoutMs).unref();
      return this.stopped;
    }
    if (this.state === 'stopped') return this.stopped;
    if (this.state === 'new' || this.state === 'waiting') {
      this.wake?.();
      this.finish({ reason: 'stopped' });
      return this.stopped;
    }
    this.state = 'stopping';
    void this.shutdown(timeoutMs);
    return this.stopped;
  }

  private async shutdown(timeoutMs: number): Promise<void> {
    const { store, clock, logger } = this.deps;
    this.triggers.stop();
    const cur = this.current;
    let abandoned: StopReport['abandoned'];
    if (cur) {
      cur.controller.abort();
      const gaveUp = new Promise<'abandon'>((resolve) => {
        this.abandonNow = () => resolve('abandon');
        setTimeout(() => resolve('abandon'), timeoutMs).unref();
      });
      const outcome = await Promise.race([this.tail.then(() => 'finished' as const), gaveUp]);
      if (outcome === 'abandon' && this.current === cur) {
        cur.abandoned = true;
        const now = clock.now();
        const ms = now.getTime() - cur.started.getTime();
        const error = 'shut down before the run finished; it resumes on the next start';
        store.finishSlot(cur.runId, cur.kind, cur.slot, { status: 'interrupted', error, ms }, now);
        logger.warn('run', { kind: cur.kind, slot: cur.slot, outcome: 'interrupted', ms, error });
        abandoned = { kind: cur.kind, slot: cur.slot };
      }
    }
    clearInterval(this.heartbeatTimer);
    store.releaseLock(SCHEDULER_LOCK, this.identity.holder);
    logger.info('scheduler stopped', { pid: this.identity.pid, abandoned: abandoned?.slot });
    this.finish({ reason: 'stopped', abandoned });
  }

  private finish(report: StopReport): void {
    this.state = 'stopped';
    this.resolveStopped(report);
  }

  private nextAll(): StartReport['next'] {
    const issues = this.issueKinds.map((kind) => ({ kind, at: this.nextSlot(kind) as Date }));
    const earliest = issues.reduce((a, b) => (b.at.getTime() < a.at.getTime() ? b : a));
    const editions = issues.filter((i) => i.kind !== 'issue');
    return {
      issue: earliest.at,
      collect: this.nextSlot('collect'),
      ...(editions.length
        ? { editions: Object.fromEntries(editions.map((i) => [editionOfKind(i.kind) ?? i.kind, i.at])) }
        : {}),
    };
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(t);
        resolve();
      };
    });
  }

  private beat(): void {
    if (this.state !== 'running' && this.state !== 'stopping') return;
    try {
      if (!this.deps.store.heartbeat(SCHEDULER_LOCK, this.identity.holder, this.deps.clock.now())) this.lockLost();
    } catch (e) {
      this.deps.logger.warn('scheduler heartbeat failed', { error: reasonOf(e) });
    }
  }

  /** Someone took the lock over (we looked stale): stop at once and write nothing more. */
  private lockLost(): void {
    if (this.state === 'stopped') return;
    const heldBy = this.deps.store.getLock(SCHEDULER_LOCK);
    this.deps.logger.error('scheduler lock lost', { holder: this.identity.holder, heldBy });
    this.triggers.stop();
    clearInterval(this.heartbeatTimer);
    if (this.current) {
      this.current.abandoned = true;
      this.current.controller.abort();
    }
    this.abandonNow?.();
    this.finish({ reason: 'lock-lost', heldBy });
  }

  private enqueue(kind: RunKind, slot: Date, why: 'scheduled' | 'catch-up' | 'resume'): Promise<void> {
    const key = `${kind} ${slotKey(slot)}`;
    const run = this.tail
      .then(() => this.execute(kind, slot, why))
      .catch((e: unknown) =>
        this.deps.logger.error('scheduler error', { kind, slot: slotKey(slot), error: reasonOf(e) }),
      );
    const tracked = run.finally(() => this.inflight.delete(key));
    this.inflight.set(key, tracked);
    this.tail = tracked.catch(() => {});
    return tracked;
  }

  private async execute(kind: RunKind, slot: Date, why: string): Promise<void> {
    if (this.state !== 'running') return;
    const { store, clock, logger } = this.deps;
    const key = slotKey(slot);
    const claim = store.claimSlot(kind, key, { lock: SCHEDULER_LOCK, holder: this.identity.holder }, clock.now());
    if (!claim.claimed) {
      if (claim.reason === 'lock-lost') this.lockLost();
      return;
    }
    const run: CurrentRun = {
      kind,
      slot: key,
      runId: claim.runId,
      started: clock.now(),
      controller: new AbortController(),
      abandoned: false,
    };
    this.current = run;
    const ctx = { signal: run.controller.signal, resumed: claim.resumed };
    let result: Omit<SlotResult, 'ms'>;
    try {
      if (isIssueKind(kind)) {
        const edition = editionOfKind(kind);
        result = issueResult(await (edition ? this.deps.runIssue(slot, ctx, edition) : this.deps.runIssue(slot, ctx)));
      } else
        result = collectResult(await (this.deps.runCollect as NonNullable<SchedulerDeps['runCollect']>)(slot, ctx));
    } catch (e) {
      result = run.controller.signal.aborted
        ? { status: 'interrupted', error: `stopped by shutdown: ${reasonOf(e)}` }
        : { status: 'failed', error: reasonOf(e) };
    } finally {
      if (this.current === run) this.current = undefined;
    }
    if (run.abandoned) return;
    const now = clock.now();
    const ms = now.getTime() - run.started.getTime();
    store.finishSlot(run.runId, kind, key, { ...result, ms }, now);
    const line = {
      kind,
      slot: key,
      outcome: result.status,
      ms,
      ...(result.issueId ? { issueId: result.issueId } : {}),
      ...(result.error ? { error: result.error } : {}),
      ...(why !== 'scheduled' ? { why } : {}),
      ...(claim.resumed ? { resumed: true } : {}),
      ...result.detail,
    };
    if (result.status === 'failed' || result.status === 'interrupted') logger.error('run', line);
    else if (result.status === 'partial') logger.warn('run', line);
    else logger.info('run', line);
  }
}
