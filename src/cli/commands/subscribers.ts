import type { Command } from 'commander';
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BriefingError } from '../../errors.js';
import type { Subscriber } from '../../types.js';
import { globalOptions, openApp, print } from '../context.js';

type Status = Subscriber['status'];

export function registerSubscribers(program: Command): void {
  const cmd = program
    .command('subscribers')
    .description('import, add, remove and list subscribers; suppressed addresses are never sent to');

  cmd
    .command('import [csv]')
    .description(
      "add or update subscribers from a CSV file (email,name,interests,editions; header optional); default: the config's subscribers file",
    )
    .action(async (csv: string | undefined, _opts: unknown, sub: Command) => {
      const app = await openApp(sub);
      try {
        const file = csv ? resolve(csv) : app.config.subscribers;
        if (!file)
          throw new BriefingError(
            'EUSAGE',
            'no CSV file given',
            'pass the file (briefing subscribers import list.csv) or set subscribers: in the config',
          );
        if (!existsSync(file))
          throw new BriefingError('ENOTFOUND', `subscribers file not found: ${file}`, 'check the path');
        const { parseSubscribersCsv } = await import('../../deliver/subscribers-csv.js');
        const parsed = parseSubscribersCsv(readFileSync(file, 'utf8'), file);
        const r = app.store.subscribers.upsertMany(parsed.subscribers, app.clock.now());
        print(sub, { file, ...r, merged: parsed.merged }, () =>
          [
            `${file}: ${r.added} added, ${r.updated} updated, ${r.unchanged} unchanged` +
              (parsed.merged ? `, ${parsed.merged} duplicate rows merged` : '') +
              (r.suppressed ? `, ${r.suppressed} on the suppression list (kept off the mailing)` : '') +
              '.',
          ].join('\n'),
        );
      } finally {
        app.close();
      }
    });

  cmd
    .command('add <email>')
    .description('add (or update) one subscriber')
    .option('--name <name>', 'display name')
    .option('--interests <list>', 'interest ids from the config, separated by commas (default: the whole issue)')
    .option('--topics <list>', 'the same as --interests')
    .option(
      '--edition <id>',
      'an edition of the config this subscriber receives; repeat for several (default: the first edition)',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option(
      '--resubscribe',
      'take the address off the suppression list (only when the person asked to subscribe again)',
    )
    .action(
      async (
        email: string,
        opts: { name?: string; interests?: string; topics?: string; edition: string[]; resubscribe?: boolean },
        sub: Command,
      ) => {
        const { normalizeEmail } = await import('../../deliver/address.js');
        const { splitTopics } = await import('../../deliver/subscribers-csv.js');
        const address = normalizeEmail(email);
        if (!address)
          throw new BriefingError(
            'ESUBSCRIBER',
            `"${email}" is not an e-mail address`,
            'write it like name@example.com',
          );
        const app = await openApp(sub);
        try {
          const now = app.clock.now();
          const { editionConfig } = await import('../../config/editions.js');
          for (const id of opts.edition) editionConfig(app.config, id); // an unknown edition is refused
          const suppressed = app.store.subscribers.suppression(address);
          if (suppressed && !opts.resubscribe) {
            throw new BriefingError(
              'ESUBSCRIBER',
              `${address} is on the suppression list (${suppressed.reason} at ${suppressed.at})`,
              'it is never sent to; pass --resubscribe only if the person asked to subscribe again',
            );
          }
          if (suppressed) app.store.subscribers.unsuppress(address, now);
          const name = opts.name?.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim() || undefined;
          const r = app.store.subscribers.upsertMany(
            [
              {
                email: address,
                name,
                interests: splitTopics(opts.interests ?? opts.topics),
                ...(opts.edition.length ? { editions: [...new Set(opts.edition)] } : {}),
              },
            ],
            now,
          );
          const what = r.added ? 'added' : r.updated ? 'updated' : 'unchanged';
          print(
            sub,
            { email: address, result: what, resubscribed: Boolean(suppressed) },
            () => `${address}: ${what}${suppressed ? ' (resubscribed)' : ''}.`,
          );
        } finally {
          app.close();
        }
      },
    );

  cmd
    .command('remove <email>')
    .description('delete a subscriber (with --suppress the address is also never sent to again)')
    .option('--suppress', 'put the address on the suppression list too')
    .action(async (email: string, opts: { suppress?: boolean }, sub: Command) => {
      const { normalizeEmail } = await import('../../deliver/address.js');
      const address = normalizeEmail(email);
      if (!address)
        throw new BriefingError('ESUBSCRIBER', `"${email}" is not an e-mail address`, 'write it like name@example.com');
      const app = await openApp(sub);
      try {
        if (opts.suppress) app.store.subscribers.suppress(address, 'manual', app.clock.now());
        const removed = app.store.subscribers.remove(address);
        if (!removed && !opts.suppress) {
          throw new BriefingError('ENOTFOUND', `${address} is not a subscriber`, 'see `briefing subscribers list`');
        }
        print(
          sub,
          { email: address, removed, suppressed: opts.suppress === true },
          () => `${address}: ${removed ? 'removed' : 'not a subscriber'}${opts.suppress ? ', suppressed' : ''}.`,
        );
      } finally {
        app.close();
      }
    });

  cmd
    .command('list')
    .description('list subscribers (streamed), or the suppression list with --suppressed')
    .option('--status <status>', 'active, unsubscribed, bounced or all', 'all')
    .option('--suppressed', 'list the suppression list instead')
    .action(async (opts: { status: string; suppressed?: boolean }, sub: Command) => {
      const statuses = ['active', 'unsubscribed', 'bounced', 'all'];
      if (!statuses.includes(opts.status)) {
        throw new BriefingError(
          'EUSAGE',
          `--status "${opts.status}" is not one of ${statuses.join(', ')}`,
          'pick one of those',
        );
      }
      const app = await openApp(sub);
      try {
        const json = globalOptions(sub).json === true;
        const out = process.stdout;
        if (opts.suppressed) {
          const rows = app.store.subscribers.suppressions();
          print(
            sub,
            rows.map((r) => ({
              email: r.email,
              reason: r.reason,
              at: r.at,
              issue: r.issueId ?? null,
              detail: r.detail ?? null,
            })),
            () =>
              rows.length
                ? rows
                    .map((r) => [r.email, r.reason, r.at, r.issueId ?? '', r.detail ?? ''].join('\t').trimEnd())
                    .join('\n')
                : 'The suppression list is empty.',
          );
          return;
        }
        // Streamed: one line (or one JSON array element) per subscriber, never the whole list in memory.
        let n = 0;
        if (json) out.write('[');
        for (const s of app.store.subscribers.all()) {
          if (opts.status !== 'all' && s.status !== (opts.status as Status)) continue;
          if (json)
            out.write(
              `${n ? ',' : ''}\n  ${JSON.stringify({ email: s.email, name: s.name ?? null, interests: s.interests, editions: s.editions, status: s.status })}`,
            );
          else out.write(`${s.email}\t${s.name ?? ''}\t${s.interests.join(',')}\t${s.status}\n`);
          n++;
        }
        if (json) out.write(n ? '\n]\n' : ']\n');
        else {
          const c = app.store.subscribers.counts();
          process.stderr.write(
            `${n} listed; ${c.active} active, ${c.unsubscribed} unsubscribed, ${c.bounced} bounced, ${c.suppressed} suppressed addresses.\n`,
          );
        }
      } finally {
        app.close();
      }
    });
}
