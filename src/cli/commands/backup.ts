import { resolve } from 'node:path';
import type { Command } from 'commander';
import { BriefingError } from '../../errors.js';
import { openApp, print } from '../context.js';

export function registerBackup(program: Command): void {
  program
    .command('backup <file>')
    .description('copy the whole store to <file> while briefing runs (SQLite online backup); see README to restore')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const app = await openApp(cmd);
      const target = resolve(file);
      try {
        const { storeErrorHint } = await import('../../store/index.js');
        let pages: number;
        try {
          pages = (await app.store.backup(target)).pages;
        } catch (e) {
          const h = storeErrorHint(e, target, resolve(target, '..'));
          throw new BriefingError('ESTORE', `backup to ${target} failed: ${h.what}`, h.hint, { cause: e });
        }
        print(cmd, { file: target, pages }, () => `Backed up the store to ${target} (${pages} pages).`);
      } finally {
        app.close();
      }
    });
}
