import type { Command } from 'commander';
import { BriefingError } from '../../errors.js';
import { openApp, print } from '../context.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'the public site behind newsletter.baseUrl: sign-up with double opt-in (/subscribe), preferences, one-click unsubscribe, the archive (/archive/)',
    )
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
        const { startPublicSite } = await import('../../app.js');
        const server = await startPublicSite(app, { host: opts.host, port });
        try {
          if (!app.config.newsletter.baseUrl) {
            process.stderr.write(
              "briefing: newsletter.baseUrl is not set: links in confirmation messages point at this server's own address; set it to the public address\n",
            );
          }
          print(
            cmd,
            { url: server.url },
            () => `Public site at ${server.url}/subscribe, /preferences, /unsubscribe, /archive/  (Ctrl+C stops it)`,
          );
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
