import type { Command } from 'commander';
import { EXIT } from '../exit.js';
import { globalOptions, openApp, print } from '../context.js';
import type { SourceReport } from '../../types.js';

export function registerCollect(program: Command): void {
  program
    .command('collect')
    .description('fetch new items from every source into the store')
    .action(async (_opts: unknown, cmd: Command) => {
      const app = await openApp(cmd);
      try {
        const { collectStep } = await import('../../pipeline.js');
        const { progressBar } = await import('../../collect/index.js');
        const bar = globalOptions(cmd).json ? undefined : progressBar(process.stderr);
        let reports: SourceReport[];
        try {
          reports = await collectStep(app, bar?.onProgress ? { onProgress: bar.onProgress } : {});
        } finally {
          bar?.stop();
        }
        print(cmd, { sources: reports.map(toJson) }, () => formatReports(reports));
        if (reports.some((r) => r.status === 'failed')) process.exitCode = EXIT.partial;
      } finally {
        app.close();
      }
    });
}

export function toJson(r: SourceReport): Record<string, unknown> {
  return {
    name: r.name,
    url: r.url,
    status: r.status,
    newItems: r.newItems,
    seenItems: r.seenItems,
    droppedItems: r.droppedItems,
    healthy: r.healthy,
    ms: r.ms,
    error: r.error ?? null,
  };
}

export function formatReports(reports: readonly SourceReport[]): string {
  const lines = reports.map((r) => {
    const mark = r.status === 'failed' ? '✗' : r.status === 'skipped' ? '–' : r.status === 'partial' ? '!' : '✓';
    const what =
      r.status === 'failed'
        ? `failed: ${r.error ?? 'unknown error'}`
        : r.status === 'not-modified'
          ? 'not modified'
          : r.status === 'skipped'
            ? `skipped${r.error ? `: ${r.error}` : ''}`
            : `${r.newItems} new of ${r.seenItems}${r.droppedItems ? `, ${r.droppedItems} dropped` : ''}${r.status === 'partial' ? ` — partly read: ${r.error ?? ''}` : ''}`;
    return `${mark} ${r.name} (${r.url}): ${what}${r.healthy ? '' : ' [unhealthy]'}`;
  });
  const total = reports.reduce((n, r) => n + r.newItems, 0);
  const failed = reports.filter((r) => r.status === 'failed').length;
  const partial = reports.filter((r) => r.status === 'partial').length;
  lines.push(
    `${total} new items from ${reports.length} sources${failed ? `, ${failed} failed` : ''}${partial ? `, ${partial} partly read` : ''}.`,
  );
  return lines.join('\n');
}
