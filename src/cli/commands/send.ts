import type { Command } from 'commander';
import type { App } from '../../app.js';
import { BriefingError } from '../../errors.js';
import { openApp, print } from '../context.js';
import { EXIT } from '../exit.js';

interface SendOptions {
  issue?: string;
  edition?: string;
  to?: string;
  retryUncertain?: boolean;
}

export function registerSend(program: Command): void {
  program
    .command('send')
    .description('send an issue to the subscribers (outbox or SMTP); nobody gets it twice, a rerun resumes')
    .option('--issue <id>', 'the issue to send (default: the latest; of each edition, with editions)')
    .option('--edition <id>', "send that edition's latest issue (default: every edition's)")
    .option('--to <address>', 'test send: the issue to this one address only, outside the ledger')
    .option(
      '--retry-uncertain',
      'also resend recipients whose outcome is unknown (a process stopped mid-message); they may get a second copy',
    )
    .action(async (opts: SendOptions, cmd: Command) => {
      if (opts.to && opts.retryUncertain) {
        throw new BriefingError(
          'EUSAGE',
          '--to and --retry-uncertain do not go together',
          'a test send (--to) never touches the ledger',
        );
      }
      const root = await openApp(cmd);
      try {
        const { editionApp, editionApps } = await import('../../app.js');
        const { editionOfIssue } = await import('../../config/editions.js');
        // The issue asked for (in its edition), or the latest of each edition asked for.
        const edition = opts.issue ? editionOfIssue(opts.issue) : undefined;
        const targets = opts.issue
          ? [{ app: edition ? editionApp(root, edition) : root, issueId: opts.issue }]
          : editionApps(root, opts.edition).flatMap((a) => {
              const id = root.store.issues.latest(a.config.edition)?.id;
              return id ? [{ app: a, issueId: id }] : [];
            });
        if (targets.length === 0) {
          throw new BriefingError(
            'ENOTFOUND',
            'there is no issue to send',
            'run `briefing compose` first, or pass --issue <id>',
          );
        }
        for (const { app, issueId } of targets) await sendOne(cmd, app, issueId, opts);
      } finally {
        root.close();
      }
    });
}

async function sendOne(cmd: Command, app: App, issueId: string, opts: SendOptions): Promise<void> {
  const { sendStep } = await import('../../pipeline.js');
  const summary = await sendStep(app, issueId, {
    ...(opts.to ? { to: opts.to } : {}),
    ...(opts.retryUncertain ? { retryUncertain: true } : {}),
  });
  const json = {
    sent: summary.sent,
    skipped: summary.skipped,
    failed: summary.failed,
    uncertain: summary.uncertain,
  };
  print(cmd, json, () => {
    if (opts.to) return `Test copy of ${issueId} sent to ${opts.to} (${app.config.delivery.transport}).`;
    const lines = [
      `${issueId} via ${app.config.delivery.transport}: ${summary.sent} sent, ${summary.skipped} already done, ` +
        `${summary.failed} failed, ${summary.uncertain} uncertain.`,
    ];
    if (summary.sent === 0 && summary.failed === 0 && summary.uncertain === 0) lines.push('Nothing to send.');
    if (summary.failed > 0) {
      const refused = app.store.deliveries.list(issueId, 'failed').length;
      const later = app.store.deliveries.list(issueId, 'pending').length;
      if (refused) lines.push(`  ${refused} refused for good by the server (see the log); not retried.`);
      if (later) lines.push(`  ${later} failed for now; \`briefing send --issue ${issueId}\` tries them again.`);
    }
    if (summary.uncertain > 0) {
      const rows = app.store.deliveries.list(issueId, 'uncertain');
      lines.push(
        `  ${summary.uncertain} uncertain: the whole message had gone out but the server's answer never came, so they may or may not have it. Not resent automatically:`,
        ...rows.slice(0, 10).map((r) => `    ${r.email}  ${r.messageId ?? ''}`.trimEnd()),
        ...(rows.length > 10 ? [`    … and ${rows.length - 10} more`] : []),
        `  Look the Message-IDs up in the mail server's log; to resend them: briefing send --issue ${issueId} --retry-uncertain`,
      );
    }
    return lines.join('\n');
  });
  if (summary.failed > 0 || summary.uncertain > 0) process.exitCode = EXIT.partial;
}
