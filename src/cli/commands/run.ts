import type { Command } from 'commander';
import { globalOptions, openApp, parseAsOf, print } from '../context.js';
import { EXIT } from '../exit.js';
import type { SendSummary } from '../../types.js';
import { formatReports, toJson } from './collect.js';

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('collect → compose → deliver, once')
    .option('--as-of <time>', 'the reference time to compose for (ISO time; default newsletter.asOf, else now)')
    .option('--force', 'compose and deliver even when nothing is new')
    .action(async (opts: { asOf?: string; force?: boolean }, cmd: Command) => {
      const asOf = parseAsOf(opts.asOf);
      const app = await openApp(cmd);
      try {
        const { runOnce } = await import('../../pipeline.js');
        const { progressBar } = await import('../../collect/index.js');
        const bar = globalOptions(cmd).json ? undefined : progressBar(process.stderr);
        let out;
        try {
          out = await runOnce(app, {
            ...(asOf ? { asOf } : {}),
            force: opts.force === true,
            ...(bar?.onProgress ? { onProgress: bar.onProgress } : {}),
          });
        } finally {
          bar?.stop();
        }
        const { issue, sent } = out;
        print(
          cmd,
          {
            sources: out.collected.map(toJson),
            nothingNew: out.nothingNew,
            reason: out.reason ?? null,
            resumedIssueId: out.resumedIssueId ?? null,
            issueId: issue?.issueId ?? null,
            dir: issue?.dir ?? null,
            files: issue?.files ?? [],
            delivery: sent ?? null,
          },
          () =>
            [
              formatReports(out.collected),
              out.nothingNew || !issue
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
                  ].join('\n'),
            ].join('\n'),
        );
        const sourceFailed = out.collected.some((r) => r.status === 'failed');
        if (sourceFailed || (sent && (sent.failed > 0 || sent.uncertain > 0))) process.exitCode = EXIT.partial;
      } finally {
        app.close();
      }
    });
}

function deliveryLine(transport: string, dir: string, s: SendSummary): string {
  const counts = `${s.sent} sent, ${s.skipped} skipped, ${s.failed} failed, ${s.uncertain} uncertain`;
  return transport === 'outbox'
    ? `Delivery (outbox): ${counts}; one .eml per subscriber in ${dir}/recipients/.`
    : `Delivery (${transport}): ${counts}.`;
}
