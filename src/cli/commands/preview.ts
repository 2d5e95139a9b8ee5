import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { App } from '../../app.js';
import { DEFAULT_CONFIG_FILE } from '../../config/defaults.js';
import { BriefingError } from '../../errors.js';
import type { PreviewDeps } from '../../preview/deps.js';
import { bindsBeyondLoopback, isIssueId } from '../../preview/guard.js';
import type { Draft } from '../../types.js';
import { globalOptions, openApp, print, readConfigSync } from '../context.js';
import { wireDesk } from './preview-desk.js';

interface PreviewCliOptions {
  port: string;
  host: string;
  allowHost?: string[];
  issue?: string;
  draft?: string;
}

export function registerPreview(program: Command): void {
  program
    .command('preview')
    .description(
      'show the draft in a browser, rendered as it will be sent, and edit it there (reorder, drop, pin, block, rewrite, alternatives, pictures, headlines, undo); the page reloads live on template, locale, config or draft edits',
    )
    .option('-p, --port <n>', 'port to listen on (0 = a free one)', '0')
    .option('--host <address>', 'address to listen on; keep loopback unless others must see it', '127.0.0.1')
    .option(
      '--allow-host <name>',
      'a Host name the page may be reached by besides loopback (repeatable; needed with --host 0.0.0.0)',
      (v: string, all: string[] = []) => [...all, v],
    )
    .option('--issue <id>', 'show this issue (default: the latest)')
    .option('--draft <file>', "show this draft.yaml instead of the latest issue's")
    .action(async (opts: PreviewCliOptions, cmd: Command) => {
      const port = Number(opts.port);
      if (!/^\d+$/.test(opts.port) || port > 65535) {
        throw new BriefingError(
          'EUSAGE',
          `--port "${opts.port}" is not a port`,
          'pass a number from 1 to 65535, or 0 for a free one',
        );
      }
      if (opts.issue !== undefined && !isIssueId(opts.issue)) {
        throw new BriefingError(
          'EUSAGE',
          `--issue "${opts.issue}" is not an issue id`,
          'pass an id from the outbox folder, like 2026-11-23',
        );
      }
      if (opts.draft && !existsSync(resolve(opts.draft))) {
        throw new BriefingError(
          'ENOTFOUND',
          `draft not found: ${resolve(opts.draft)}`,
          'pass the path of a draft.yaml written by `briefing compose`',
        );
      }
      const app = await openApp(cmd);
      try {
        const { startPreview } = await import('../../preview/index.js');
        const deps = await wirePreview(app, cmd, opts);
        const server = await startPreview(deps, { host: opts.host, port, allowHosts: opts.allowHost ?? [] });
        if (bindsBeyondLoopback(opts.host)) {
          process.stderr.write(
            `briefing: warning: the preview listens on ${opts.host}, beyond this machine: anyone who can reach it can read the draft; ` +
              `only Host names ${['localhost', '127.0.0.1', ...(opts.allowHost ?? [])].join(', ')} are served\n`,
          );
        }
        try {
          print(cmd, { url: server.url, watching: deps.watch }, () =>
            [`Preview at ${server.url}`, `  watching ${deps.watch.join(', ')} and the draft`, '  Ctrl+C stops it'].join(
              '\n',
            ),
          );
          await untilSignal();
        } finally {
          await server.close();
        }
      } finally {
        app.close();
      }
    });
}

function untilSignal(): Promise<void> {
  return new Promise((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Wire the preview with the pipeline: the same draft parsing and rendering that sending uses. */
async function wirePreview(app: App, cmd: Command, opts: PreviewCliOptions): Promise<PreviewDeps> {
  const { collectStep, composeStep, publicRecipient, renderDraft, renderDraftFile, sendStep } = await import(
    '../../pipeline.js'
  );
  const { parseDraft } = await import('../../compose/index.js');
  const { personalize } = await import('../../render/index.js');
  const gopts = globalOptions(cmd);
  const configFile = resolve(gopts.config ?? DEFAULT_CONFIG_FILE);
  // Config is read again for every render, so an edit to it shows at once.
  const live = (): App => ({ ...app, config: readConfigSync(gopts), close: () => {} });

  const draftFile = (issueId?: string): string | undefined => {
    if (!issueId && opts.draft) return resolve(opts.draft);
    const id = issueId ?? opts.issue ?? app.store.issues.latest()?.id;
    if (!id) return undefined;
    return join(app.store.issues.get(id)?.dir ?? join(app.config.paths.outbox, id), 'draft.yaml');
  };

  const loadDraft = async (issueId?: string): Promise<Draft> => {
    const file = draftFile(issueId);
    if (!file) {
      throw new BriefingError(
        'ENOTFOUND',
        'no issue has been composed yet',
        'press Re-compose, or run `briefing compose`',
      );
    }
    if (!existsSync(file)) {
      throw new BriefingError(
        'ENOTFOUND',
        `draft not found: ${file}`,
        'pick another issue, or run `briefing compose --force`',
      );
    }
    return parseDraft(readFileSync(file, 'utf8'), file);
  };

  return {
    watch: [app.config.paths.templates, app.config.paths.locales, configFile],
    logger: app.logger,
    draftFile,
    loadDraft,
    desk: await wireDesk(app, live, draftFile, loadDraft),
    async render(draft, { style }) {
      const a = live();
      const rendered = await renderDraft(a, draft, style ?? draft.style);
      return { ...rendered, ...personalize(rendered, publicRecipient(a)) };
    },
    listIssues: () =>
      app.store.issues.list().map((r) => ({ id: r.id, title: r.title, status: r.status, createdAt: r.createdAt })),
    async recollect() {
      const reports = await collectStep(live());
      const fresh = reports.reduce((n, r) => n + r.newItems, 0);
      const failed = reports.filter((r) => r.status === 'failed');
      return {
        message: `collected ${fresh} new item${fresh === 1 ? '' : 's'} from ${reports.length} sources${
          failed.length ? `; failed: ${failed.map((r) => r.name).join(', ')}` : ''
        }`,
      };
    },
    async recompose() {
      const out = await composeStep(live());
      if (out.nothingNew) return { message: `nothing new: ${out.reason}` };
      return { message: `composed ${out.issueId}: ${out.draft.title}`, issueId: out.issueId };
    },
    async sendTest(to, issueId) {
      const a = live();
      const record = app.store.issues.get(issueId);
      const yaml = record ? join(record.dir, 'draft.yaml') : undefined;
      // Send what the page shows: an unsent issue's edited draft is rendered into its folder first.
      if (record && record.status !== 'sent' && yaml && existsSync(yaml)) await renderDraftFile(a, yaml);
      await sendStep(a, issueId, { to });
      return { message: `sent a test of ${issueId} to ${to}` };
    },
  };
}
