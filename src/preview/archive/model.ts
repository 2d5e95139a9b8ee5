import { issuePagePath } from '../../links.js';
import type { Draft, Labels, Locale } from '../../types.js';

/** One sent issue as the archive shows it. */
export interface ArchiveIssue {
  id: string;
  /** ISO time it was sent. */
  sentAt: string;
  /** The issue's HTML as readers got it (outbox issue.html). */
  html: string;
  /** The issue's content (outbox draft.json). */
  draft: Draft;
}

export interface ArchiveInput {
  newsletter: {
    title: string;
    locale: Locale;
    timezone: string;
    /** Public URL the archive is hosted at, if known (absolute ids and xml:base in the feed). */
    baseUrl?: string | undefined;
  };
  issues: readonly ArchiveIssue[];
  /** The feed's `updated` when no issue was sent yet. */
  now: Date;
  labels?: Labels | undefined;
}

/** Relative path in the site → file content. */
export type SiteFiles = Record<string, string>;

/** An issue's page in the archive folder: the one scheme of src/links.ts. */
export const issuePath = issuePagePath;
