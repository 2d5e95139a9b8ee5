import type { Command } from 'commander';
import { BriefingError } from '../../errors.js';
import { openApp, print } from '../context.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the one-click unsubscribe endpoint (/unsubscribe) behind newsletter.baseUrl')
    .option('-p, --port <n>', 'port to listen on (0 = a free one)', '8080')
    .option(
      '--host <address>',
      'address to listen on; loopback by default (a reverse proxy faces the internet)',
      '127.0.0.1',
    )
    .action(async (opts: { port: string; host: string }, cmd: Command) => {
      const port = Number(opts.port);
      if (!/^\d+$/.test(opts.port) || port > 65535) {
        throw new BriefingError(
          'EUSAGE',
          `--port "${opts.port}" is not a port`,
          'pass a number from 1 to 65535, or 0 for a free one',
        );
      }
      const app = await openApp(cmd);
      try {
        const { startUnsubscribeServer } = await import('../../app.js');
        const server = await startUnsubscribeServer(app, { host: opts.host, port });
        try {
          print(cmd, { url: server.url }, () => `Unsubscribe endpoint at ${server.url}/unsubscribe  (Ctrl+C stops it)`);
          await new Promise<void>((done) => {
            const stop = (): void => {
              process.off('SIGINT', stop);
              process.off('SIGTERM', stop);
              done();
            };
            process.on('SIGINT', stop);
            process.on('SIGTERM', stop);
          });
        } finally {
          await server.close();
        }
      } finally {
        app.close();
      }
    });
}
