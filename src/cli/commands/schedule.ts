import type { Command } from 'commander';
import type { App } from '../../app.js';
import { BriefingError } from '../../errors.js';
import { parseDuration } from '../../util/duration.js';
import { globalOptions, print, readConfig } from '../context.js';

interface ScheduleOpts {
  dryRun?: boolean;
  count: string;
  from?: string;
  wait?: boolean;
  shutdownTimeout: string;
}

export function registerSchedule(program: Command): void {
  program
    .command('schedule')
    .description(
      'run as a service: an issue on each newsletter.schedule slot and a collection on each newsletter.collectSchedule slot, ' +
        'in newsletter.timezone; each slot runs once, even across restarts',
    )
    .option('--dry-run', 'list the next slot times (newsletter timezone and UTC) and exit')
    .option('--count <n>', 'with --dry-run: how many slots to list', '5')
    .option('--from <time>', 'with --dry-run: list slots after this ISO time instead of now')
    .option('--wait', 'if another scheduler holds the lock, wait for it to exit instead of failing')
    .option(
      '--shutdown-timeout <duration>',
      'on SIGINT/SIGTERM, how long the current run may take before it is left to resume on the next start',
      '30s',
    )
    .action(async (opts: ScheduleOpts, cmd: Command) => {
      if (opts.dryRun) return dryRun(cmd, opts);
      return serve(cmd, opts);
    });
}

async function dryRun(cmd: Command, opts: ScheduleOpts): Promise<void> {
  const count = Number(opts.count);
  if (!Number.isInteger(count) || count < 1 || count > 1000) {
    throw new BriefingError(
      'EUSAGE',
      `--count "${opts.count}" is not a whole number from 1 to 1000`,
      'write it like --count 10',
    );
  }
  const from = opts.from === undefined ? new Date() : new Date(opts.from);
  if (Number.isNaN(from.getTime())) {
    throw new BriefingError(
      'EUSAGE',
      `--from "${opts.from}" is not a date-time`,
      'write it like 2026-03-07T00:00:00-05:00',
    );
  }
  const { newsletter, editions } = await readConfig(globalOptions(cmd));
  const { slotViews, formatSlotLines } = await import('../../schedule/index.js');
  const { timezone, schedule, collectSchedule } = newsletter;
  const collect = collectSchedule
    ? slotViews(collectSchedule, timezone, from, count, 'newsletter.collectSchedule')
    : [];
  const collectLines = collectSchedule ? [`Collection slots: "${collectSchedule}":`, ...formatSlotLines(collect)] : [];
  if (editions.length > 0) {
    // Each edition runs its own slots.
    const each = editions.map((e, i) => ({
      edition: e.id,
      schedule: e.newsletter.schedule,
      issue: slotViews(e.newsletter.schedule, timezone, from, count, `editions[${i}].schedule`),
    }));
    print(
      cmd,
      { timezone, from: from.toISOString(), editions: each, collectSchedule: collectSchedule ?? null, collect },
      () =>
        [
          ...each.flatMap((e) => [
            `[${e.edition}] issue slots: "${e.schedule}" in ${timezone}, the next ${count} after ${from.toISOString()}:`,
            ...formatSlotLines(e.issue),
          ]),
          ...collectLines,
        ].join('\n'),
    );
    return;
  }
  const issue = slotViews(schedule, timezone, from, count, 'newsletter.schedule');
  print(
    cmd,
    { timezone, from: from.toISOString(), schedule, issue, collectSchedule: collectSchedule ?? null, collect },
    () =>
      [
        `Issue slots: "${schedule}" in ${timezone}, the next ${count} after ${from.toISOString()}:`,
        ...formatSlotLines(issue),
        ...collectLines,
      ].join('\n'),
  );
}

async function serve(cmd: Command, opts: ScheduleOpts): Promise<void> {
  const shutdownTimeoutMs = parseDuration(opts.shutdownTimeout);
  if (shutdownTimeoutMs === undefined) {
    throw new BriefingError(
      'EUSAGE',
      `--shutdown-timeout "${opts.shutdownTimeout}" is not a duration`,
      'write it like 30s or 2m',
    );
  }
  const config = await readConfig(globalOptions(cmd));
  const { createApp, createScheduler, jsonLogger } = await import('../../app.js');
  const { describeHolder, formatLocal } = await import('../../schedule/index.js');
  // The service logs every run as one JSON line on stderr, whatever BRIEFING_LOG says.
  const logger = jsonLogger(process.stderr);
  const app = createApp(config, { logger });
  const { newsletter } = config;
  const scheduler = await createScheduler(app, { shutdownTimeoutMs });

  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals++;
    logger.info('shutting down', { signal, abandonRunNow: signals > 1 });
    void scheduler.stop(signals > 1 ? { timeoutMs: 0 } : {});
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const started = await scheduler.start({
      wait: opts.wait === true,
      onWaiting: (held) =>
        process.stderr.write(
          `briefing: another scheduler holds the lock (${describeHolder(held, app.clock.now())}); waiting for it to exit\n`,
        ),
    });
    if (started.started) {
      print(
        cmd,
        {
          started: true,
          pid: process.pid,
          timezone: newsletter.timezone,
          schedule: newsletter.schedule,
          nextIssue: started.next.issue.toISOString(),
          ...(started.next.editions
            ? {
                editions: Object.fromEntries(
                  Object.entries(started.next.editions).map(([id, at]) => [id, at.toISOString()]),
                ),
              }
            : {}),
        },
        () =>
          started.next.editions
            ? `Scheduling ${Object.entries(started.next.editions)
                .map(([id, at]) => `${id} (next ${formatLocal(at.getTime(), newsletter.timezone)})`)
                .join(', ')} in ${newsletter.timezone}. Ctrl+C stops.`
            : `Scheduling "${newsletter.schedule}" in ${newsletter.timezone}; next issue ${formatLocal(started.next.issue.getTime(), newsletter.timezone)}. ` +
              'Ctrl+C stops.',
      );
    }
    const stopped = await scheduler.stopped;
    if (stopped.reason === 'lock-lost') {
      throw new BriefingError(
        'ELOCK',
        `another scheduler took over the lock${stopped.heldBy ? ` (pid ${stopped.heldBy.pid} on host ${stopped.heldBy.host})` : ''}; this one stopped`,
        'run one scheduler per data folder; if this machine was asleep, check the other one with `briefing doctor`',
      );
    }
    if (stopped.abandoned) {
      // The abandoned run still holds sockets or timers; its slot resumes on the next start.
      closeApp(app);
      process.exit(0);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    closeApp(app);
  }
}

function closeApp(app: App): void {
  try {
    app.close();
  } catch {
    // already closed
  }
}
