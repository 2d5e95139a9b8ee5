/** The issue checker as a test assertion: every issue a test composes goes through it. */
import { expect } from 'vitest';
import type { App } from '../../src/app.js';
import { checkIssue, type IssueCheck } from '../../src/compose/checks.js';
import type { Draft, Item, SourceConfig } from '../../src/types.js';

/** Fails with every fault listed when the issue has any. */
export function expectCleanIssue(draft: Draft, items: Iterable<Item>, sources?: readonly SourceConfig[]): IssueCheck {
  const check = checkIssue({ draft, items, ...(sources ? { sources } : {}) });
  const lines = check.faults.map((f) => `${f.kind} at ${f.where}: ${f.text} — ${f.detail}`);
  expect(lines, 'issue checker').toEqual([]);
  return check;
}

/** The same, for an issue a wired app composed: its items come from the app's store. */
export function expectCleanStoredIssue(app: App, draft: Draft): IssueCheck {
  const all = app.store.items.byIds(Array.from({ length: app.store.items.maxId() }, (_, i) => i + 1));
  return expectCleanIssue(draft, all, app.config.sources);
}
