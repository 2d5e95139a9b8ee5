import type { Draft, IssueStyle, Logger, RenderedIssue } from '../types.js';

/** An issue the editor can switch to. */
export interface IssueSummary {
  id: string;
  title: string;
  status: string;
  createdAt: string;
}

/** What an editor's action did, as one line for the page. */
export interface ActionResult {
  message: string;
  /** The issue to show next (re-compose wrote a new one). */
  issueId?: string | undefined;
}

/** A stored item the editor can add as a headline. */
export interface StoredItemHit {
  id: number;
  title: string;
  /** The item's link (canonical when known). */
  url: string;
  publisher: string;
  publishedAt: string;
}

/** A draft as the desk reads it: the draft, its file, and the file's text (its version). */
export interface DraftOnDisk {
  draft: Draft;
  file: string;
  text: string;
}

/** What the editor's desk needs to change a draft and to find stored items. */
export interface DeskDeps {
  /** The draft of an issue (the default one when no id) with its file's text. */
  readDraft(issueId?: string): Promise<DraftOnDisk>;
  /**
   * Check a draft the way `briefing render` reads one (same messages, naming the file's lines),
   * then write it atomically and render it into its issue folder as `render` does. Returns the
   * file's new text. Nothing is written when the check fails.
   */
  writeDraft(file: string, draft: unknown): Promise<string>;
  /** Stored items whose title has every word, newest first. */
  searchItems(words: string, limit: number): Promise<StoredItemHit[]>;
  /** The stored item at this link, if any. */
  itemByUrl(url: string): Promise<StoredItemHit | undefined>;
}

/**
 * Everything the preview needs from the rest of the product, in one object. The CLI wires it
 * with the pipeline; tests pass small real implementations.
 */
export interface PreviewDeps {
  /** The draft file of an issue (the default one when no id), to watch for edits; undefined if none. */
  draftFile(issueId?: string): string | undefined;
  /** The draft of an issue, or the default draft (latest issue, or the file the editor named). */
  loadDraft(issueId?: string): Promise<Draft>;
  /** Render a draft through the templates sending uses; html/text are what a reader sees. */
  render(draft: Draft, opts: { style?: IssueStyle | undefined }): Promise<RenderedIssue>;
  /** Issues to switch between, newest first. */
  listIssues(): Promise<IssueSummary[]> | IssueSummary[];
  /** Files and folders whose changes re-render the page (templates, locales, config). */
  watch: readonly string[];
  recollect?: (() => Promise<ActionResult>) | undefined;
  recompose?: (() => Promise<ActionResult>) | undefined;
  /** Send the issue once to one address (a test send, outside the subscriber list). */
  sendTest?: ((to: string, issueId: string) => Promise<ActionResult>) | undefined;
  /** Editing on the page; without it the page only previews. */
  desk?: DeskDeps | undefined;
  logger?: Logger | undefined;
}

export const STYLES: readonly IssueStyle[] = ['briefing', 'digest', 'explainer'];
