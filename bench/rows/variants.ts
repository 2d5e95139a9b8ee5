/**
 * Row 7, Variants: one issue to 10,000 subscribers spread over 8 interest sets, each
 * reader getting the stories of their interests, over SMTP to a sink on 127.0.0.1.
 *
 * - ours: `sendStep` with the config's interests: every distinct variant rendered once
 *   (MJML once per variant), then picked per subscriber;
 * - peer: the same `sendStep`, same store and subscribers, with no interests in the
 *   config: one variant for everyone (row 2a's path).
 */
import { performance } from 'node:perf_hooks';
import type { App } from '../../src/app.js';
import { composeStep, sendStep } from '../../src/pipeline.js';
import { rowMain } from '../lib/child.js';
import { BENCH_ENV, NOW, projectWithItems } from '../lib/fixture.js';
import { startSink } from '../lib/sink-client.js';
import { count, percent, rate, row, type Row } from '../lib/table.js';

const CONNECTIONS = 5;

const INTERESTS = [
  '{ id: ai, label: AI, match: [인공지능, 거대언어모델, 에이전트] }',
  '{ id: semiconductors, label: 반도체, match: [반도체, HBM, 파운드리] }',
  '{ id: platforms, label: 플랫폼, match: [플랫폼, 포털] }',
  '{ id: markets, label: 증시, match: [코스피, 증시, 주가] }',
  '{ id: startups, label: 스타트업, match: [스타트업] }',
  '{ id: batteries, label: 배터리, match: [배터리, 2차전지, 양극재] }',
  '{ id: telecom, label: 통신, match: [통신, 5G] }',
  '{ id: mobility, label: 모빌리티, match: [전기차, 자율주행] }',
];

/** The 8 interest sets subscribers are spread over, round robin. */
const SETS: readonly string[][] = [
  ['ai'],
  ['semiconductors'],
  ['markets'],
  ['ai', 'semiconductors'],
  ['platforms', 'startups'],
  ['batteries', 'mobility'],
  ['telecom'],
  ['markets', 'startups', 'mobility'],
];

rowMain(async (opts): Promise<Row[]> => {
  const messages = opts.quick ? 3000 : 10_000;
  const rounds = opts.quick ? 1 : 2;
  const sink = await startSink();
  const project = projectWithItems(2000, 7, {
    delivery: [
      'transport: smtp',
      `smtp: { host: 127.0.0.1, port: ${sink.port}, secure: false, pool: true, maxConnections: ${CONNECTIONS}, retries: 0 }`,
    ],
    interests: INTERESTS.map((l) => `- ${l}`),
  });
  const app = project.open();
  // The same store and clock, configured without interests: one variant for everyone.
  const single: App = {
    config: { ...app.config, interests: [] },
    store: app.store,
    clock: app.clock,
    logger: app.logger,
    transport: app.transport,
    bounceMailbox: app.bounceMailbox,
    close: () => undefined,
  };
  try {
    app.store.subscribers.upsertMany(
      Array.from({ length: messages }, (_, i) => ({
        email: `reader${i}@example.com`,
        name: `독자${i}`,
        interests: SETS[i % SETS.length] ?? [],
      })),
      NOW,
    );
    const oneMs: number[] = [];
    const manyMs: number[] = [];
    let variants = 0;
    let tagged = 0;
    let parts = 0;
    for (let r = 0; r < rounds; r++) {
      for (const [target, times] of [
        [single, oneMs],
        [app, manyMs],
      ] as const) {
        const composed = await composeStep(target, { asOf: NOW, force: true });
        if (composed.nothingNew) throw new Error(`compose found nothing: ${composed.reason}`);
        if (target === app) {
          const all = [...composed.draft.stories, ...composed.draft.headlines];
          parts = all.length;
          tagged = all.filter((p) => (p.interests ?? []).length > 0).length;
          const { variantOf, resolveInterests } = await import('../../src/compose/index.js');
          const keys = new Set(
            SETS.map((s) => variantOf(composed.draft, resolveInterests(s, app.config.interests), {}).key),
          );
          variants = keys.size;
        }
        await sink.reset();
        const t0 = performance.now();
        const summary = await sendStep(target, composed.issueId, { env: BENCH_ENV });
        times.push(performance.now() - t0);
        const got = await sink.reset();
        if (summary.sent !== messages || got.messages !== messages) {
          throw new Error(
            `sent ${summary.sent} (failed ${summary.failed}), sink counted ${got.messages} of ${messages}`,
          );
        }
      }
    }
    const oneRate = (messages / Math.min(...oneMs)) * 1000;
    const manyRate = (messages / Math.min(...manyMs)) * 1000;
    const s = (v: number[]): string => v.map((x) => (x / 1000).toFixed(2)).join('/');
    return [
      row({
        id: '7',
        work: `Variants: ${count(messages)} subscribers over ${SETS.length} interest sets, SMTP sink, ${CONNECTIONS} conns`,
        ours: rate(manyRate),
        peer: `one variant for all: ${rate(oneRate)}`,
        ratio: `${percent(manyRate, oneRate)} of one variant`,
        target: '≥ 80 % of one variant',
        pass: manyRate >= 0.8 * oneRate,
        note: `ours = sendStep with config interests: ${variants} distinct variants among the ${SETS.length} sets (${tagged} of the issue's ${parts} stories and headlines carry an interest), each rendered once (Handlebars+MJML) before the send, picked per subscriber; peer = the same sendStep without interests. Time includes rendering the variants. Best of ${rounds} alternating runs (ours ${s(manyMs)} s, one variant ${s(oneMs)} s); the sink counted every message.`,
      }),
    ];
  } finally {
    app.close();
    project.remove();
    await sink.close();
  }
});
