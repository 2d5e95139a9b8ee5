/**
 * The desk's wiring: a draft saved on the preview page goes through the same steps as an edited
 * draft.yaml and `briefing render` (the draft schema and its messages, an atomic write, the render
 * into the issue folder, pins and blocks kept for later ranking); stored items come from the store.
 */
import { readFileSync } from 'node:fs';
import type { App } from '../../app.js';
import { isBriefingError, reasonOf } from '../../errors.js';
import type { DeskDeps, StoredItemHit } from '../../preview/deps.js';
import type { Draft } from '../../types.js';
import { writeFileAtomic } from '../../util/atomic.js';

export async function wireDesk(
  app: App,
  live: () => App,
  draftFile: (issueId?: string) => string | undefined,
  loadDraft: (issueId?: string) => Promise<Draft>,
): Promise<DeskDeps> {
  const { renderDraftFile } = await import('../../pipeline.js');
  const { draftToYaml, parseDraft } = await import('../../compose/index.js');
  const { canonicalLink } = await import('../../collect/index.js');
  const hit = (r: {
    id: number;
    source: string;
    title: string;
    link: string;
    canonicalLink: string;
    publishedAt: string;
  }): StoredItemHit => ({
    id: r.id,
    title: r.title,
    url: r.canonicalLink || r.link,
    publisher: r.source,
    publishedAt: r.publishedAt,
  });
  return {
    async readDraft(issueId) {
      const draft = await loadDraft(issueId);
      const file = draftFile(issueId) ?? '';
      return { draft, file, text: readFileSync(file, 'utf8') };
    },
    async writeDraft(file, draft) {
      const yaml = draftToYaml(draft as Draft);
      // The same check `briefing render` makes, with its messages and the lines of the file to be written.
      parseDraft(yaml, file);
      writeFileAtomic(file, yaml);
      try {
        await renderDraftFile(live(), file);
      } catch (e) {
        // The draft is saved; a broken template shows on the page with its file and line.
        if (!isBriefingError(e) || e.code !== 'ETEMPLATE') throw e;
        app.logger.warn('preview: the saved draft does not render', { error: reasonOf(e) });
      }
      return yaml;
    },
    async searchItems(words, limit) {
      return app.store.items.search(words.split(/\s+/), limit).map(hit);
    },
    async itemByUrl(url) {
      let canonical = url;
      try {
        canonical = canonicalLink(url);
      } catch {
        // the link as given
      }
      const found = app.store.items.atLink([...new Set([url, canonical])]);
      return found ? hit(found) : undefined;
    },
  };
}
