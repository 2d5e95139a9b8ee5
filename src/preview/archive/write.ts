/** The archive's I/O edge: read sent issues from the outbox, write the site folder atomically. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { BriefingError, reasonOf } from '../../errors.js';
import type { Draft } from '../../types.js';
import { writeDirAtomic } from '../../util/atomic.js';
import { isIssueId } from '../guard.js';
import { ARCHIVE_MARKER, buildArchive } from './build.js';
import type { ArchiveInput, ArchiveIssue } from './model.js';

/** What the archive needs of an issue record (the store's IssueRecord fits). */
export interface ArchiveRecord {
  id: string;
  status: string;
  dir: string;
  sentAt?: string | undefined;
  createdAt: string;
}

export interface ArchiveLoad {
  issues: ArchiveIssue[];
  /** Sent issues left out, each with why. */
  skipped: Array<{ id: string; reason: string }>;
}

function isDraft(data: unknown): data is Draft {
  const d = data as Partial<Draft> | null;
  return (
    !!d &&
    typeof d === 'object' &&
    typeof d.title === 'string' &&
    Array.isArray(d.stories) &&
    Array.isArray(d.headlines)
  );
}

/** Read issue.html and draft.json of every sent issue. An issue whose files are missing is skipped and named. */
export function loadArchiveIssues(records: readonly ArchiveRecord[], outboxDir: string): ArchiveLoad {
  const issues: ArchiveIssue[] = [];
  const skipped: ArchiveLoad['skipped'] = [];
  for (const r of records) {
    if (r.status !== 'sent') continue;
    if (!isIssueId(r.id)) {
      skipped.push({ id: r.id, reason: 'the id cannot be a file name' });
      continue;
    }
    const stored = isAbsolute(r.dir) ? r.dir : resolve(outboxDir, r.dir);
    const dir = existsSync(stored) ? stored : join(outboxDir, r.id);
    try {
      const html = readFileSync(join(dir, 'issue.html'), 'utf8');
      const draft: unknown = JSON.parse(readFileSync(join(dir, 'draft.json'), 'utf8'));
      if (!isDraft(draft)) throw new Error(`${join(dir, 'draft.json')} is not a draft`);
      issues.push({ id: r.id, sentAt: r.sentAt ?? r.createdAt, html, draft });
    } catch (e) {
      skipped.push({ id: r.id, reason: reasonOf(e) });
    }
  }
  return { issues, skipped };
}

export interface ArchiveSummary {
  out: string;
  issues: number;
  files: number;
  skipped: ArchiveLoad['skipped'];
}

/**
 * Build the site and write it as one folder (a temp folder renamed into place). A folder that
 * exists, is not empty and was not written by this command is left alone.
 */
export function writeArchive(out: string, input: ArchiveInput, skipped: ArchiveLoad['skipped'] = []): ArchiveSummary {
  const dir = resolve(out);
  if (existsSync(dir)) {
    if (!statSync(dir).isDirectory()) {
      throw new BriefingError('EUSAGE', `--out ${dir} is a file`, 'name a folder for the archive, e.g. --out site');
    }
    const entries = readdirSync(dir);
    if (entries.length > 0 && !entries.includes(ARCHIVE_MARKER)) {
      throw new BriefingError(
        'EUSAGE',
        `--out ${dir} is a folder with other files in it`,
        'the archive replaces its folder whole: name an empty or new folder, e.g. --out site',
      );
    }
  }
  const files = buildArchive(input);
  writeDirAtomic(dir, files);
  return { out: dir, issues: input.issues.length, files: Object.keys(files).length, skipped };
}
