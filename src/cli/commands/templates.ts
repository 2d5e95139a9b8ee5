import type { Command } from 'commander';
import { constants, copyFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { BriefingError } from '../../errors.js';
import { globalOptions, print, readConfig } from '../context.js';
import { pickEntries, templateInventory } from '../templates-inventory.js';

export function registerTemplates(program: Command): void {
  const templates = program
    .command('templates')
    .description('the templates and locale files in use: the bundled ones and the project’s own');

  templates
    .command('list', { isDefault: true })
    .description('list every template and locale file, and whether the bundled or the project’s own is used')
    .action(async (_opts: unknown, cmd: Command) => {
      const config = await readConfig(globalOptions(cmd));
      const entries = templateInventory(config);
      print(
        cmd,
        {
          templates: entries.map((e) => ({
            file: e.rel,
            used: e.project ?? e.bundled,
            source: e.project ? 'project' : 'bundled',
            bundled: e.bundled ?? null,
          })),
        },
        () =>
          entries
            .map((e) =>
              e.project
                ? `project  ${e.rel}  ${e.project}${e.bundled ? ' (replaces the bundled file)' : ''}`
                : `bundled  ${e.rel}  ${e.bundled}`,
            )
            .join('\n'),
      );
    });

  templates
    .command('eject')
    .description(
      'copy bundled templates or locale files into the project to edit (all when none is named); never overwrites',
    )
    .argument('[file...]', 'e.g. partials/footer.mjml.hbs, footer, locales/ko.yaml')
    .action(async (files: string[], _opts: unknown, cmd: Command) => {
      const config = await readConfig(globalOptions(cmd));
      const entries = templateInventory(config);
      const { picked, unknown } = pickEntries(entries, files);
      if (unknown.length) {
        throw new BriefingError(
          'EUSAGE',
          `no bundled template or locale file named ${unknown.map((u) => `"${u}"`).join(', ')}`,
          `name one of: ${entries
            .filter((e) => e.bundled)
            .map((e) => e.rel)
            .join(', ')}`,
        );
      }
      const written: string[] = [];
      const kept: string[] = [];
      for (const e of picked) {
        if (!e.bundled) continue;
        if (e.bundled === e.target) {
          kept.push(e.target);
          continue;
        }
        mkdirSync(dirname(e.target), { recursive: true });
        try {
          copyFileSync(e.bundled, e.target, constants.COPYFILE_EXCL);
          written.push(e.target);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
          kept.push(e.target);
        }
      }
      print(cmd, { written, kept }, () =>
        [
          ...written.map((f) => `wrote ${f}`),
          ...kept.map((f) => `kept ${f} (it exists; delete it to take the bundled one again)`),
          written.length ? 'Edit them; every other file stays the bundled one.' : '',
        ]
          .filter(Boolean)
          .join('\n'),
      );
    });
}
