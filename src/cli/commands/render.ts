import type { Command } from 'commander';
import { openApp, print } from '../context.js';

export function registerRender(program: Command): void {
  program
    .command('render')
    .description('re-render an edited draft (reorder, rewrite, drop, pin) into its issue folder')
    .argument('<draft>', 'path of a draft.yaml')
    .action(async (draftFile: string, _opts: unknown, cmd: Command) => {
      const app = await openApp(cmd);
      try {
        const { renderDraftFile } = await import('../../pipeline.js');
        const out = await renderDraftFile(app, draftFile);
        print(cmd, { issueId: out.issueId, dir: out.dir, files: out.files, warnings: out.rendered.warnings }, () =>
          [
            `Rendered ${out.draft.title}`,
            `  ${out.dir}/`,
            ...out.rendered.warnings.map((w) => `  warning: ${w.message}`),
          ].join('\n'),
        );
      } finally {
        app.close();
      }
    });
}
