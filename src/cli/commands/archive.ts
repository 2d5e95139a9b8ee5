import { join } from 'node:path';
import type { Command } from 'commander';
import type { Labels } from '../../types.js';
import { openApp, print } from '../context.js';

export function registerArchive(program: Command): void {
  program
    .command('archive')
    .description('write a static web archive of the sent issues: an index, a page per issue and an Atom feed')
    .requiredOption('-o, --out <dir>', 'folder to write (replaced whole; relative links, host it anywhere)')
    .option('--edition <id>', "one edition's issues (default, with editions: each edition in <out>/<edition>/)")
    .action(async (opts: { out: string; edition?: string }, cmd: Command) => {
      const root = await openApp(cmd);
      try {
        const { loadArchiveIssues, writeArchive } = await import('../../preview/index.js');
        const { labelsFor } = await import('../../pipeline.js');
        const { editionApps } = await import('../../app.js');
        const { issuePrefix } = await import('../../config/editions.js');
        const apps = editionApps(root, opts.edition);
        const lines: string[] = [];
        const summaries = [];
        for (const app of apps) {
          const { newsletter, paths, edition } = app.config;
          let labels: Labels = {};
          try {
            labels = labelsFor(app.config, newsletter.locale);
          } catch {
            // The archive has its own words; locale overrides are optional.
          }
          // An edition's archive is its own site: its pages are named by date, without the edition in front.
          const prefix = issuePrefix(edition);
          const records = app.store.issues.list(edition).map((r) => ({ ...r, id: r.id.slice(prefix.length) }));
          const loaded = loadArchiveIssues(records, paths.outbox);
          const out = apps.length > 1 && edition ? join(opts.out, edition) : opts.out;
          const summary = writeArchive(
            out,
            {
              newsletter: {
                title: newsletter.title,
                locale: newsletter.locale,
                timezone: newsletter.timezone,
                baseUrl: newsletter.baseUrl,
              },
              issues: loaded.issues,
              now: app.clock.now(),
              labels,
            },
            loaded.skipped,
          );
          for (const s of summary.skipped)
            app.logger.warn('archive: issue skipped', { issueId: s.id, reason: s.reason });
          summaries.push({ ...(edition ? { edition } : {}), ...summary });
          lines.push(
            `${edition ? `[${edition}] ` : ''}Archived ${summary.issues} sent issue${summary.issues === 1 ? '' : 's'} to ${summary.out}/`,
            '  index.html, feed.xml, issues/<id>.html',
            ...summary.skipped.map((s) => `  skipped ${s.id}: ${s.reason}`),
          );
        }
        print(cmd, root.config.editions.length > 0 ? { editions: summaries } : summaries[0], () => lines.join('\n'));
      } finally {
        root.close();
      }
    });
}
