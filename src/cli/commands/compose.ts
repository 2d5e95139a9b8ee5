import type { Command } from 'commander';
import { openApp, parseAsOf, print } from '../context.js';

export function registerCompose(program: Command): void {
  program
    .command('compose')
    .description('rank, compose and render an issue into the outbox (HTML, text, .eml, editable draft)')
    .option('--as-of <time>', 'the reference time to compose for (ISO time; default newsletter.asOf, else now)')
    .option('--force', 'compose even when nothing is new')
    .action(async (opts: { asOf?: string; force?: boolean }, cmd: Command) => {
      const asOf = parseAsOf(opts.asOf);
      const app = await openApp(cmd);
      try {
        const { composeStep } = await import('../../pipeline.js');
        const out = await composeStep(app, { ...(asOf ? { asOf } : {}), force: opts.force === true });
        if (out.nothingNew) {
          print(
            cmd,
            { issueId: null, nothingNew: true, reason: out.reason },
            () => `Nothing new: ${out.reason}.${out.forceHelps ? ' (--force composes anyway.)' : ''}`,
          );
          return;
        }
        print(
          cmd,
          {
            issueId: out.issueId,
            dir: out.dir,
            files: out.files,
            title: out.draft.title,
            warnings: out.rendered.warnings,
          },
          () =>
            [
              `Composed ${out.draft.title}`,
              `  ${out.dir}/`,
              ...out.files.map((f) => `    ${f.slice(out.dir.length + 1)}`),
              ...out.rendered.warnings.map((w) => `  warning: ${w.message}`),
              `Edit draft.yaml, then: briefing render ${out.dir}/draft.yaml`,
            ].join('\n'),
        );
      } finally {
        app.close();
      }
    });
}
