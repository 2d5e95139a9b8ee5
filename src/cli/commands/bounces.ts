import type { Command } from 'commander';
import { openApp, print } from '../context.js';

export function registerBounces(program: Command): void {
  program
    .command('bounces')
    .description(
      'read the bounce mailbox (delivery.bounces) once: hard bounces and complaints suppress the address, soft bounces count',
    )
    .action(async (_opts: unknown, cmd: Command) => {
      const app = await openApp(cmd);
      try {
        const { bouncesStep } = await import('../../pipeline.js');
        const r = await bouncesStep(app);
        print(cmd, r, () => {
          const lines = [
            `${r.processed} processed: ${r.hard} hard bounces, ${r.soft} soft, ${r.complaints} complaints; ${r.unparsed} not understood (left in the mailbox).`,
          ];
          for (const s of r.suppressed)
            lines.push(`  suppressed ${s.email} (${s.reason}${s.issue ? `, issue ${s.issue}` : ''})`);
          if (r.unparsed > 0) lines.push('  Read the messages left in the mailbox; they are never deleted.');
          return lines.join('\n');
        });
      } finally {
        app.close();
      }
    });
}
