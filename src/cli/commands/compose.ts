import type { Command } from 'commander';
import type { App } from '../../app.js';
import type { ComposeOutcome, NothingNew } from '../../pipeline.js';
import { openApp, parseAsOf, print } from '../context.js';

export function registerCompose(program: Command): void {
  program
    .command('compose')
    .description('rank, compose and render an issue into the outbox (HTML, text, .eml, editable draft)')
    .option('--as-of <time>', 'the reference time to compose for (ISO time; default newsletter.asOf, else now)')
    .option('--force', 'compose even when nothing is new')
    .option('--edition <id>', 'one edition of the config (default: every edition)')
    .action(async (opts: { asOf?: string; force?: boolean; edition?: string }, cmd: Command) => {
      const asOf = parseAsOf(opts.asOf);
      const app = await openApp(cmd);
      try {
        const { composeStep } = await import('../../pipeline.js');
        const { editionApps } = await import('../../app.js');
        const outs: Array<{ app: App; out: ComposeOutcome | NothingNew }> = [];
        for (const a of editionApps(app, opts.edition)) {
          outs.push({ app: a, out: await composeStep(a, { ...(asOf ? { asOf } : {}), force: opts.force === true }) });
        }
        const json = outs.map(({ app: a, out }) => ({
          ...(a.config.edition ? { edition: a.config.edition } : {}),
          ...(out.nothingNew
            ? { issueId: null, nothingNew: true, reason: out.reason }
            : {
                issueId: out.issueId,
                dir: out.dir,
                files: out.files,
                title: out.draft.title,
                warnings: out.rendered.warnings,
                stories: out.dropped ?? [],
              }),
        }));
        print(cmd, app.config.editions.length > 0 ? { editions: json } : json[0], () =>
          outs
            .map(({ app: a, out }) => (a.config.edition ? `[${a.config.edition}] ` : '') + composeText(out))
            .join('\n'),
        );
      } finally {
        app.close();
      }
    });
}

function composeText(out: ComposeOutcome | NothingNew): string {
  if (out.nothingNew) return `Nothing new: ${out.reason}.${out.forceHelps ? ' (--force composes anyway.)' : ''}`;
  return [
    `Composed ${out.draft.title}`,
    ...(out.dropped ?? []).map((s, i) => `  [${i + 1}] dropped from its items: ${dropText(s.dropped)}`),
    `  ${out.dir}/`,
    ...out.files.map((f) => `    ${f.slice(out.dir.length + 1)}`),
    ...out.rendered.warnings.map((w) => `  warning: ${w.message}`),
    `Edit draft.yaml, then: briefing render ${out.dir}/draft.yaml`,
  ].join('\n');
}

function dropText(dropped: Readonly<Record<string, number | undefined>>): string {
  const parts = Object.entries(dropped).map(([reason, n]) => `${n} ${reason}`);
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}
