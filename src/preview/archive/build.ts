import { atomFeed } from './atom.js';
import { issuePath, type ArchiveInput, type SiteFiles } from './model.js';
import { indexPage, issuePage } from './pages.js';

/** The marker that says a folder is an archive this command wrote (and may replace). */
export const ARCHIVE_MARKER = '.briefing-archive';

/**
 * The whole static site: index.html, issues/<id>.html, feed.xml. Newest issue first. Pure.
 */
export function buildArchive(input: ArchiveInput): SiteFiles {
  const issues = [...input.issues].sort((a, b) => b.sentAt.localeCompare(a.sentAt) || b.id.localeCompare(a.id));
  const files: SiteFiles = {
    'index.html': indexPage(input, issues),
    'feed.xml': atomFeed(input, issues),
    [ARCHIVE_MARKER]: 'This folder is written by `briefing archive`; the next run replaces it whole.\n',
  };
  issues.forEach((issue, i) => {
    files[issuePath(issue.id)] = issuePage(input, issue, issues[i + 1], issues[i - 1]);
  });
  return files;
}
