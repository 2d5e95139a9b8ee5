import type { Command } from 'commander';
import type { Labels } from '../../types.js';
import { openApp, print } from '../context.js';

export function registerArchive(program: Command): void {
  program
    .command('archive')
    .description('write a static web archive of the sent issues: an index, a page per issue and an Atom feed')
    .requiredOption('-o, --out <dir>', 'folder to write (replaced whole; relative links, host it anywhere)')
    .action(async (opts: { out: string }, cmd: Command) => {
      const app = await openApp(cmd);
      try {
        const { loadArchiveIssues, writeArchive } = await import('../../preview/index.js');
        const { labelsFor } = await import('../../pipeline.js');
        const { newsletter, paths } = app.config;
        let labels: Labels = {};
        try {
          labels = labelsFor(app.config, newsletter.locale);
        } catch {
          // The archive has its own words; locale overrides are optional.
        }
        const loaded = loadArchiveIssues(app.store.issues.list(), paths.outbox);
        const summary = writeArchive(
          opts.out,
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
        for (const s of summary.skipped) app.logger.warn('archive: issue skipped', { issueId: s.id, reason: s.reason });
        print(cmd, summary, () =>
          [
            `Archived ${summary.issues} sent issue${summary.issues === 1 ? '' : 's'} to ${summary.out}/`,
            '  index.html, feed.xml, issues/<id>.html',
            ...summary.skipped.map((s) => `  skipped ${s.id}: ${s.reason}`),
          ].join('\n'),
        );
      } finally {
        app.close();
      }
    });
}
