import type { Command } from 'commander';
import { globalOptions, openApp, parseAsOf, print } from '../context.js';
import { EXIT } from '../exit.js';
import type { App } from '../../app.js';
import type { RunOutcome } from '../../pipeline.js';
import type { SendSummary } from '../../types.js';
import { formatReports, toJson } from './collect.js';

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('collect → compose → deliver, once')
    .option('--as-of <time>', 'the reference time to compose for (ISO time; default newsletter.asOf, else now)')
    .option('--force', 'compose and deliver even when nothing is new')
    .option('--edition <id>', 'one edition of the config (default: every edition, each after the one collection)')
    .action(async (opts: { asOf?: string; force?: boolean; edition?: string }, cmd: Command) => {
      const asOf = parseAsOf(opts.asOf);
      const app = await openApp(cmd);
      try {
        const { runOnce, collectStep } = await import('../../pipeline.js');
        const { editionApps } = await import('../../app.js');
        const { progressBar } = await import('../../collect/index.js');
        const apps = editionApps(app, opts.edition);
        const bar = globalOptions(cmd).json ? undefined : progressBar(process.stderr);
        let collected;
        try {
          // One collection of every source the editions read, then each edition composes and delivers.
          collected = await collectStep(apps.length > 1 ? app : (apps[0] ?? app), {
            ...(bar?.onProgress ? { onProgress: bar.onProgress } : {}),
          });
        } finally {
          bar?.stop();
        }
        const outs: Array<{ app: App; out: RunOutcome }> = [];
        for (const a of apps) {
          outs.push({
            app: a,
            out: await runOnce(a, { ...(asOf ? { asOf } : {}), force: opts.force === true, collect: false }),
          });
        }
        const json = outs.map(({ app: a, out }) => ({
          ...(a.config.edition ? { edition: a.config.edition } : {}),
          nothingNew: out.nothingNew,
          reason: out.reason ?? null,
          resumedIssueId: out.resumedIssueId ?? null,
          issueId: out.issue?.issueId ?? null,
          dir: out.issue?.dir ?? null,
          files: out.issue?.files ?? [],
          delivery: out.sent ?? null,
        }));
        print(
          cmd,
          app.config.editions.length > 0
            ? { sources: collected.map(toJson), editions: json }
            : { sources: collected.map(toJson), ...json[0] },
          () =>
            [
              formatReports(collected),
              ...outs.map(
                ({ app: a, out }) => (a.config.edition ? `[${a.config.edition}] ` : '') + outcomeText(a, out),
              ),
            ].join('\n'),
        );
        const sourceFailed = collected.some((r) => r.status === 'failed');
        const sendFailed = outs.some(({ out }) => out.sent && (out.sent.failed > 0 || out.sent.uncertain > 0));
        if (sourceFailed || sendFailed) process.exitCode = EXIT.partial;
      } finally {
        app.close();
      }
    });
}

function outcomeText(app: App, out: RunOutcome): string {
  const { issue, sent } = out;
  return out.nothingNew || !issue
    ? [
        `Nothing new: ${out.reason ?? ''}. No issue written.${out.forceHelps ? ' (--force composes anyway.)' : ''}`,
        out.resumedIssueId && sent
          ? `Resumed delivery of issue ${out.resumedIssueId}: ${sent.sent} sent, ${sent.skipped} skipped, ${sent.failed} failed, ${sent.uncertain} uncertain.`
          : '',
      ]
        .filter(Boolean)
        .join('\n')
    : [
        `Composed ${issue.draft.title}`,
        `Wrote ${issue.dir}/`,
        ...issue.files.map((f) => `  ${f.slice(issue.dir.length + 1)}`),
        ...issue.rendered.warnings.map((w) => `  warning: ${w.message}`),
        sent ? deliveryLine(app.config.delivery.transport, issue.dir, sent) : '',
        `Open ${issue.dir}/issue.html in a browser, or ${issue.dir}/issue.eml in a mail client.`,
      ].join('\n');
}

function deliveryLine(transport: string, dir: string, s: SendSummary): string {
  const counts = `${s.sent} sent, ${s.skipped} skipped, ${s.failed} failed, ${s.uncertain} uncertain`;
  return transport === 'outbox'
    ? `Delivery (outbox): ${counts}; one .eml per subscriber in ${dir}/recipients/.`
    : `Delivery (${transport}): ${counts}.`;
}
