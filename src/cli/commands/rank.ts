import type { Command } from 'commander';
import { openApp, parseAsOf, print } from '../context.js';

export function registerRank(program: Command): void {
  program
    .command('rank')
    .description('group stored items into topics and rank them by freshness')
    .option('--as-of <time>', 'the reference time to rank for (ISO time; default newsletter.asOf, else now)')
    .option('--explain', 'print every term of each topic score and its items')
    .action(async (opts: { asOf?: string; explain?: boolean }, cmd: Command) => {
      const asOf = parseAsOf(opts.asOf);
      const app = await openApp(cmd);
      try {
        const { rankStep, whyNoTopics } = await import('../../pipeline.js');
        const { formatExplain } = await import('../../rank/index.js');
        const result = rankStep(app, asOf ? { asOf } : {});
        const json = {
          asOf: result.asOf.toISOString(),
          considered: result.considered,
          topics: result.topics.map((t) => ({
            id: t.id,
            title: t.title,
            score: t.score,
            followUp: t.followUp,
            ...(t.interests ? { interests: t.interests } : {}),
            explain: t.explain,
            items: t.items.map((i) => ({ title: i.title, link: i.link, source: i.source, published: i.publishedAt })),
          })),
          dropped: result.dropped.map((d) => ({ id: d.topic.id, title: d.topic.title, reason: d.reason })),
          noTopics: result.topics.length === 0 ? whyNoTopics(app, result) : null,
        };
        print(cmd, json, () =>
          opts.explain
            ? formatExplain(result, app.config.newsletter.timezone)
            : result.topics.length === 0
              ? `No topics: ${json.noTopics}.`
              : result.topics
                  .map(
                    (t, i) =>
                      `${String(i + 1).padStart(2)}. ${t.score.toFixed(3)}  ${t.title}  (${t.items.length} items, ${t.explain.sourceCount} sources)${t.followUp ? ' [follow-up]' : ''}${t.interests?.length ? ` {${t.interests.join(', ')}}` : ''}`,
                  )
                  .join('\n'),
        );
      } finally {
        app.close();
      }
    });
}
