/** Human text for `schedule --dry-run` and the schedule part of `doctor`. */
import { describeHolder } from './lock.js';
import type { RunRecord } from '../types.js';
import type { ScheduleStatus, SlotView } from './status.js';
import { formatLocal } from './zone.js';

/** One line per slot: local time, UTC, and a DST note when there is one. */
export function formatSlotLines(views: readonly SlotView[]): string[] {
  return views.map((v) => {
    const utc = `${v.at.slice(0, 10)} ${v.at.slice(11, 19)} UTC`;
    return `  ${v.local}   ${utc}${v.note ? `   (${v.note})` : ''}`;
  });
}

/** `issue 2026-11-23 Mon 07:00:00 +09:00: done in 1.2s (issue 2026-11-23)` */
export function formatRun(run: RunRecord, tz: string): string {
  const at = Date.parse(run.slot);
  const when = Number.isNaN(at) ? run.slot : formatLocal(at, tz);
  const took = run.ms !== undefined ? ` in ${(run.ms / 1000).toFixed(1)}s` : '';
  const issue = run.issueId ? ` (issue ${run.issueId})` : '';
  const resumed = run.resumed ? ', resumed' : '';
  const error = run.error ? `: ${run.error}` : '';
  return `${run.kind} slot ${when}: ${run.outcome ?? 'running'}${took}${issue}${resumed}${error}`;
}

/** The schedule lines of `doctor`: next run, last run, last failure, the running scheduler. */
export function formatScheduleStatus(s: ScheduleStatus): string[] {
  const lines = [
    `next run    ${s.next.issue.local} (${s.next.issue.at})${s.next.issue.note ? ` (${s.next.issue.note})` : ''}`,
  ];
  for (const e of s.editions ?? []) {
    lines.push(
      `  ${e.edition.padEnd(10)}"${e.schedule}": next ${e.next.local} (${e.next.at})${e.next.note ? ` (${e.next.note})` : ''}` +
        (e.lastRun ? `, last ${formatRun(e.lastRun, s.timezone)}` : ''),
    );
  }
  if (s.next.collect) lines.push(`next collect ${s.next.collect.local} (${s.next.collect.at})`);
  lines.push(`last run    ${s.lastRun ? formatRun(s.lastRun, s.timezone) : 'none yet'}`);
  if (s.lastIssueRun && s.lastIssueRun.id !== s.lastRun?.id)
    lines.push(`last issue  ${formatRun(s.lastIssueRun, s.timezone)}`);
  lines.push(`last failed ${s.lastFailure ? formatRun(s.lastFailure, s.timezone) : 'nothing'}`);
  if (s.lock) {
    const h = s.lock.heldBy;
    lines.push(
      s.lock.stale
        ? `scheduler   lock left by pid ${h.pid} on ${h.host} looks stale (${s.lock.stale}); the next start takes it over`
        : `scheduler   running: ${describeHolder(h, new Date(s.checkedAt))}`,
    );
  } else {
    lines.push('scheduler   not running (start it with `briefing schedule`)');
  }
  return lines;
}
