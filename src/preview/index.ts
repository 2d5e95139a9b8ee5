/** The editor's desk: a live preview server and a static web archive of sent issues. */
export { startPreview, type PreviewOptions, type PreviewServer } from './server.js';
export type { ActionResult, DeskDeps, DraftOnDisk, IssueSummary, PreviewDeps, StoredItemHit } from './deps.js';
export { revisionOf } from './desk-api.js';
export { checkHost, checkSameOrigin, isIssueId, parseTestAddress } from './guard.js';
export { frameDocument, GMAIL_CLIP_BYTES, type ViewState } from './view.js';
export { buildArchive, ARCHIVE_MARKER } from './archive/build.js';
export type { ArchiveInput, ArchiveIssue, SiteFiles } from './archive/model.js';
export { loadArchiveIssues, writeArchive, type ArchiveRecord, type ArchiveSummary } from './archive/write.js';
