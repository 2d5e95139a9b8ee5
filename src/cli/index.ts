/**
 * The `briefing` command. Each command lives in its own file under commands/ and
 * imports heavy modules (MJML, nodemailer, the HTTP client) only inside its action,
 * so `briefing --help` starts fast.
 */
import { Command, CommanderError } from 'commander';
import { type ErrorCode, isBriefingError, reasonOf } from '../errors.js';
import { EXIT } from './exit.js';
import { registerCollect } from './commands/collect.js';
import { registerRank } from './commands/rank.js';
import { registerCompose } from './commands/compose.js';
import { registerRender } from './commands/render.js';
import { registerRun } from './commands/run.js';
import { registerSend } from './commands/send.js';
import { registerBounces } from './commands/bounces.js';
import { registerSubscribers } from './commands/subscribers.js';
import { registerSchedule } from './commands/schedule.js';
import { registerDoctor } from './commands/doctor.js';
import { registerPreview } from './commands/preview.js';
import { registerArchive } from './commands/archive.js';
import { registerServe } from './commands/serve.js';
import { registerBackup } from './commands/backup.js';
import { registerTemplates } from './commands/templates.js';
import { registerInit } from './commands/init.js';

export function buildProgram(): Command {
  const program = new Command('briefing')
    .description('Compose Korean-style briefing newsletters from RSS/Atom feeds.')
    .version('0.1.0')
    .option('-c, --config <file>', 'config file', 'briefing.config.yaml')
    .option('--data-dir <dir>', 'data folder (SQLite store); default from config, "data" beside it')
    .option('--json', 'print machine-readable JSON results')
    .option(
      '--log-format <format>',
      'stderr logging: human (warnings one line each, none repeating the output) or json (a JSON line per event)',
      'human',
    )
    .option(
      '--init-store',
      'start a new, empty store where one was before (the old file is moved aside to <file>.replaced-<time>)',
    )
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('(run briefing --help for usage)')
    .addHelpText('after', EXIT_HELP);
  for (const register of [
    registerInit,
    registerCollect,
    registerRank,
    registerCompose,
    registerRender,
    registerRun,
    registerSend,
    registerBounces,
    registerSubscribers,
    registerSchedule,
    registerDoctor,
    registerPreview,
    registerArchive,
    registerServe,
    registerBackup,
    registerTemplates,
  ]) {
    register(program);
  }
  return program;
}

const EXIT_HELP = `
Exit codes:
  0  success
  1  a bad config, template, draft or command line; nothing was done
  2  the command ran but some of its work failed: a source that failed (collect, run),
     a failed or uncertain delivery (send, run), a failing check (doctor), an unexpected error
With --json, an error is printed on stdout as {"error":{"code","message","hint"}}, with the same exit code.`;

/** Errors found before any work was done exit 1; failures in the middle of the work exit 2. */
const DURING_WORK: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['EFEED', 'ESEND']);

export function exitCodeOf(e: unknown): number {
  if (isBriefingError(e)) return DURING_WORK.has(e.code) ? EXIT.partial : EXIT.invalid;
  return EXIT.partial;
}

function wantsJson(program: Command, argv: readonly string[]): boolean {
  if (program.opts<{ json?: boolean }>().json) return true;
  const end = argv.indexOf('--');
  return (end >= 0 ? argv.slice(0, end) : argv).includes('--json');
}

export async function main(argv: string[] = process.argv): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  for (const sub of program.commands) {
    sub.exitOverride();
    for (const leaf of sub.commands) leaf.exitOverride();
  }
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode !== 0 && wantsJson(program, argv)) {
        const message = e.message.replace(/^error: /, '');
        process.stdout.write(
          `${JSON.stringify({ error: { code: 'EUSAGE', message, hint: 'run briefing --help for usage' } })}\n`,
        );
      }
      return e.exitCode === 0 ? EXIT.ok : EXIT.invalid;
    }
    const code = exitCodeOf(e);
    if (wantsJson(program, argv)) {
      const error = isBriefingError(e)
        ? { code: e.code, message: e.message, hint: e.hint ?? null }
        : { code: 'EUNEXPECTED', message: reasonOf(e), hint: 'run again with BRIEFING_DEBUG=1 for the stack trace' };
      process.stdout.write(`${JSON.stringify({ error })}\n`);
    }
    if (isBriefingError(e)) {
      process.stderr.write(`briefing: ${e.code}: ${e.toLine()}\n`);
      return code;
    }
    process.stderr.write(`briefing: unexpected error: ${reasonOf(e)}\n`);
    if (process.env.BRIEFING_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return code;
  }
}
