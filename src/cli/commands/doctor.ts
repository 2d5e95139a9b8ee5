import type { Command } from 'commander';
import { accessSync, constants, existsSync } from 'node:fs';
import { BUNDLED_TEMPLATES } from '../../bundled.js';
import { join, resolve } from 'node:path';
import { DEFAULT_CONFIG_FILE } from '../../config/defaults.js';
import { reasonOf } from '../../errors.js';
import type { Store } from '../../store/index.js';
import type { BriefingConfig } from '../../types.js';
import { EXIT } from '../exit.js';
import { globalOptions, print, readConfig } from '../context.js';
import { templateInventory } from '../templates-inventory.js';

import {
  baseUrlCheck,
  type Check,
  credentialsCheck,
  dataWritableCheck,
  deliveriesCheck,
  dkimCheck,
  type Level,
  smtpCheck,
} from '../doctor-checks.js';

interface SourceCheck {
  name: string;
  url: string;
  level: Level;
  state: 'never fetched' | 'ok' | 'partial' | 'failing' | 'unhealthy';
  failures: number;
  lastStatus: string | null;
  lastFetchedAt: string | null;
  lastError: string | null;
  retryAfter: string | null;
}

const MARK: Record<Level, string> = { ok: '✓', warn: '!', fail: '✗' };

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description(
      'check the config, data folder and store, sources, templates and the schedule (last run, next run, last failure)',
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const report = await diagnose(cmd);
      print(cmd, report, () => formatReport(report));
      if (!report.ok) process.exitCode = EXIT.partial;
    });
}

interface DoctorReport {
  ok: boolean;
  checks: Check[];
  sources: SourceCheck[];
  schedule: unknown;
  scheduleLines: string[];
}

async function diagnose(cmd: Command): Promise<DoctorReport> {
  const checks: Check[] = [];
  const sources: SourceCheck[] = [];
  const report = (schedule: unknown = null, scheduleLines: string[] = []): DoctorReport => ({
    ok: checks.every((c) => c.level !== 'fail'),
    checks,
    sources,
    schedule,
    scheduleLines,
  });
  const opts = globalOptions(cmd);
  const configPath = resolve(opts.config ?? DEFAULT_CONFIG_FILE);
  let config: BriefingConfig;
  try {
    config = await readConfig(opts);
    checks.push({ name: 'config', level: 'ok', detail: `${configPath} (${config.sources.length} sources)` });
  } catch (e) {
    checks.push({ name: 'config', level: 'fail', detail: reasonOf(e) });
    return report();
  }

  checks.push(await templatesCheck(config));
  checks.push(await localeCheck(config));
  for (const c of [
    await smtpCheck(config),
    credentialsCheck(config),
    dkimCheck(config),
    baseUrlCheck(config),
    dataWritableCheck(config.paths.data),
  ]) {
    if (c) checks.push(c);
  }

  const { Store: StoreImpl } = await import('../../store/index.js');
  const { scheduleStatus, formatScheduleStatus, processIdentity, pidAlive } = await import('../../schedule/index.js');
  let store: Store | undefined;
  const data = config.paths.data;
  if (!existsSync(data)) {
    checks.push({
      name: 'data',
      level: 'warn',
      detail: `${data} does not exist yet; the first collect or run creates it`,
    });
  } else {
    let writable = true;
    try {
      accessSync(data, constants.W_OK);
    } catch (e) {
      writable = false;
      checks.push({
        name: 'data',
        level: 'fail',
        detail: `${data} is not writable by this user (${(e as NodeJS.ErrnoException).code ?? reasonOf(e)}) — fix its permissions (ls -ld ${data}) or pass --data-dir`,
      });
    }
    if (writable) {
      try {
        store = StoreImpl.open(data);
        checks.push(storeCheck(store, data));
        checks.push(deliveriesCheck(store));
      } catch (e) {
        // A refused store (missing, empty, corrupt, another one) says what and how to restore it.
        checks.push({ name: 'store', level: 'fail', detail: reasonOf(e) });
      }
    }
  }
  try {
    sources.push(...sourceChecks(config, store));
    const bad = sources.filter((s) => s.level !== 'ok').length;
    checks.push({
      name: 'sources',
      level: bad ? 'fail' : 'ok',
      detail: `${sources.length} configured, ${bad ? `${bad} failing or partly read (see below; \`briefing collect\` says more)` : 'none failing'}`,
    });
    const none = { lastRun: () => undefined, lastFailure: () => undefined, getLock: () => undefined };
    try {
      const status = scheduleStatus(
        store?.slots ?? none,
        {
          schedule: config.newsletter.schedule,
          collectSchedule: config.newsletter.collectSchedule,
          timezone: config.newsletter.timezone,
          editions: config.editions.map((e) => ({ id: e.id, schedule: e.newsletter.schedule })),
        },
        new Date(),
        { me: processIdentity(), isAlive: pidAlive },
      );
      const failedLast = status.lastFailure !== undefined && status.lastFailure.id === status.lastIssueRun?.id;
      checks.push({
        name: 'schedule',
        level: failedLast ? 'warn' : 'ok',
        detail:
          (status.editions
            ? `${status.editions.map((e) => `${e.edition} "${e.schedule}"`).join(', ')} in ${status.timezone}`
            : `"${status.schedule}" in ${status.timezone}`) +
          (status.collectSchedule ? `, collect "${status.collectSchedule}"` : '') +
          (failedLast ? ' — the last issue run did not finish well (see below)' : ''),
      });
      return report(status, formatScheduleStatus(status));
    } catch (e) {
      checks.push({ name: 'schedule', level: 'fail', detail: reasonOf(e) });
      return report();
    }
  } finally {
    store?.close();
  }
}

function storeCheck(store: Store, data: string): Check {
  const version = store.db.pragma('user_version', { simple: true }) as number;
  const quick = store.db.pragma('quick_check', { simple: true }) as string;
  return {
    name: 'data',
    level: quick === 'ok' ? 'ok' : 'fail',
    detail:
      `${join(data, 'briefing.db')} (schema ${version}, ${store.items.count()} items, ${store.issues.list().length} issues)` +
      (quick === 'ok' ? '' : `: integrity check says "${quick}" — restore the data folder from a backup`),
  };
}

function sourceChecks(config: BriefingConfig, store: Store | undefined): SourceCheck[] {
  const health = new Map((store?.sources.all() ?? []).map((h) => [h.url, h]));
  return config.sources.map((s) => {
    const h = health.get(s.url);
    const failures = h?.failures ?? 0;
    const state: SourceCheck['state'] = !h
      ? 'never fetched'
      : failures === 0
        ? h.lastStatus === 'partial'
          ? 'partial'
          : 'ok'
        : failures >= config.collect.unhealthyAfter
          ? 'unhealthy'
          : 'failing';
    return {
      name: s.name,
      url: s.url,
      level: state === 'ok' || state === 'never fetched' ? 'ok' : 'fail',
      state,
      failures,
      lastStatus: h?.lastStatus ?? null,
      lastFetchedAt: h?.lastFetchedAt ?? null,
      lastError: h?.lastError ?? null,
      retryAfter: h?.retryAfter ?? null,
    };
  });
}

async function templatesCheck(config: BriefingConfig): Promise<Check> {
  const entries = templateInventory(config).filter((e) => !e.rel.startsWith('locales/'));
  const own = entries.filter((e) => e.project);
  const bundled = entries.length - own.length;
  const detail =
    `${bundled} bundled (${BUNDLED_TEMPLATES})` +
    (own.length
      ? `, ${own.length} the project's own: ${own.map((e) => e.project).join(', ')}`
      : ', none of the project');
  try {
    const { templateFolders } = await import('../../pipeline.js');
    const { loadTemplates } = await import('../../render/index.js');
    loadTemplates(templateFolders(config));
    return { name: 'templates', level: 'ok', detail };
  } catch (e) {
    return { name: 'templates', level: 'fail', detail: reasonOf(e) };
  }
}

async function localeCheck(config: BriefingConfig): Promise<Check> {
  const locale = config.newsletter.locale;
  const files = templateInventory(config).filter((e) => e.rel === `locales/${locale}.yaml`);
  const used = files.flatMap((e) =>
    e.project ? [`${e.project} over ${e.bundled ?? 'nothing bundled'}`] : [e.bundled ?? ''],
  );
  try {
    const { labelsFor } = await import('../../pipeline.js');
    labelsFor(config, locale);
    return { name: 'locale', level: 'ok', detail: `${locale}: ${used.join(', ')}` };
  } catch (e) {
    return { name: 'locale', level: 'fail', detail: reasonOf(e) };
  }
}

function formatReport(r: DoctorReport): string {
  const lines: string[] = [];
  for (const c of r.checks) {
    lines.push(`${MARK[c.level]} ${c.name.padEnd(9)} ${c.detail}`);
    if (c.name === 'sources') {
      for (const s of r.sources) {
        const when = s.lastFetchedAt ? `, last fetched ${s.lastFetchedAt}` : '';
        const why = s.lastError && s.state !== 'ok' ? `: ${s.lastError}` : '';
        const failures = s.failures ? ` (${s.failures} failures in a row)` : '';
        lines.push(`    ${MARK[s.level]} ${s.name} ${s.url}: ${s.state}${failures}${when}${why}`);
      }
    }
    if (c.name === 'schedule') lines.push(...r.scheduleLines.map((l) => `    ${l}`));
  }
  lines.push(r.ok ? 'All checks passed.' : 'Some checks failed (✗): fix them and run `briefing doctor` again.');
  return lines.join('\n');
}
