import type { Command } from 'commander';
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { BriefingError } from '../../errors.js';
import type { Locale } from '../../types.js';
import { print } from '../context.js';
import { starterFiles } from '../starter.js';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description(
      'start a newsletter in a folder: a commented config, a subscriber list and a .gitignore (never overwrites)',
    )
    .argument('[dir]', 'folder to start in', '.')
    .option('--locale <locale>', 'ko (Korean starter) or en (English starter)', 'ko')
    .action((dir: string, opts: { locale: string }, cmd: Command) => {
      if (opts.locale !== 'ko' && opts.locale !== 'en') {
        throw new BriefingError(
          'EUSAGE',
          `--locale "${opts.locale}" is not a locale briefing has`,
          'pass --locale ko or --locale en',
        );
      }
      const locale: Locale = opts.locale;
      const root = resolve(dir);
      mkdirSync(root, { recursive: true });
      const written: string[] = [];
      const kept: string[] = [];
      for (const f of starterFiles(locale)) {
        const file = join(root, f.name);
        try {
          writeFileSync(file, f.text, { flag: 'wx' });
          written.push(file);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
          kept.push(file);
        }
      }
      const rel = relative(process.cwd(), root);
      const shown = rel.startsWith('..') || isAbsolute(rel) ? root : rel;
      const next = [
        ...(rel ? [`cd ${/\s/.test(shown) ? JSON.stringify(shown) : shown}`] : []),
        'npx briefing doctor      # checks the config, the sources and the templates',
        'npx briefing run         # collect, compose and write the first issue to outbox/',
        'npx briefing preview     # see it in a browser; edit templates with `npx briefing templates eject`',
      ];
      print(cmd, { written, kept, next }, () =>
        [
          ...written.map((f) => `wrote ${f}`),
          ...kept.map((f) => `kept ${f} (it exists; not overwritten)`),
          '',
          `Put your feeds under sources: in ${join(root, 'briefing.config.yaml')}, then:`,
          ...next.map((c) => `  ${c}`),
        ].join('\n'),
      );
    });
}
