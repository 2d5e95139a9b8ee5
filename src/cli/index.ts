/**
 * The `briefing` command. Each command lives in its own file under commands/ and
 * imports heavy modules (MJML, nodemailer, the HTTP client) only inside its action,
 * so `briefing --help` starts fast.
 */
import { Command, CommanderError } from 'commander';
import { isBriefingError, reasonOf } from '../errors.js';
import { registerCollect } from './commands/collect.js';
import { registerRank } from './commands/rank.js';
import { registerCompose } from './commands/compose.js';
import { registerRender } from './commands/render.js';
import { registerRun } from './commands/run.js';
import { registerSend } from './commands/send.js';
import { registerSubscribers } from './commands/subscribers.js';
import { registerSchedule } from './commands/schedule.js';
import { registerDoctor } from './commands/doctor.js';
import { registerPreview } from './commands/preview.js';
import { registerArchive } from './commands/archive.js';
import { registerServe } from './commands/serve.js';
import { registerBackup } from './commands/backup.js';
import { registerTemplates } from './commands/templates.js';

export function buildProgram(): Command {
  const program = new Command('briefing')
    .description('Compose Korean-style briefing newsletters from RSS/Atom feeds.')
    .version('0.1.0')
    .option('-c, --config <file>', 'config file', 'briefing.config.yaml')
    .option('--data-dir <dir>', 'data folder (SQLite store); default from config, "data" beside it')
    .option('--json', 'print machine-readable JSON results')
    .option(
      '--init-store',
      'start a new, empty store where one was before (the old file is moved aside to <file>.replaced-<time>)',
    )
    .showHelpAfterError('(run briefing --help for usage)');
  for (const register of [
    registerCollect,
    registerRank,
    registerCompose,
    registerRender,
    registerRun,
    registerSend,
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

export async function main(argv: string[] = process.argv): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (isBriefingError(e)) {
      process.stderr.write(`briefing: ${e.code}: ${e.toLine()}\n`);
      return 1;
    }
    process.stderr.write(`briefing: unexpected error: ${reasonOf(e)}\n`);
    if (process.env.BRIEFING_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return 2;
  }
}
