/**
 * Row 1, Compose: rank + compose + render one issue from 2,000 stored items.
 *
 * - warm: `composeStep` in one process (read the window from SQLite, rank, compose,
 *   render with MJML, build the .eml, write the issue folder), median of N runs;
 * - cold: `briefing compose --force` from the built CLI in a fresh process;
 * - peer: the same `composeStep` with the templates read and compiled on every call
 *   (a fresh copy of the templates folder each time defeats the renderer's cache)
 *   instead of compiled once and kept; ours and the peer are warmed up, then measured in
 *   turn, call by call;
 * - a breakdown of where the warm time goes, step by step, for the note.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp, fixedClock, silentLogger } from '../../src/app.js';
import { composeIssue } from '../../src/compose/index.js';
import { loadLabels } from '../../src/config/locale.js';
import { buildEml, buildMessage } from '../../src/deliver/index.js';
import { composeStep, rankStep, renderDraft, topicItems } from '../../src/pipeline.js';
import { RENDER_STEPS, personalize, type RenderOptions } from '../../src/render/index.js';
import type { Draft } from '../../src/types.js';
import { CLI, ROOT, rowMain } from '../lib/child.js';
import { NOW, projectWithItems } from '../lib/fixture.js';
import { ms, row, speedup, type Row } from '../lib/table.js';
import { cold, median, warmAlternating, type Sample } from '../lib/timing.js';

const ITEMS = 2000;
/** Stop repeating a measurement after this long (at least three runs are always measured). */
const BUDGET = 15_000;

async function breakdown(app: ReturnType<typeof createApp>, runs: number): Promise<string> {
  const parts = new Map<string, number[]>();
  const add = (k: string, v: number): void => {
    const list = parts.get(k) ?? [];
    list.push(v);
    parts.set(k, list);
  };
  const { config } = app;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    const lap = (k: string): void => {
      const n = performance.now();
      add(k, n - t);
      t = n;
    };
    const ranked = rankStep(app, { asOf: NOW, includeSent: true });
    lap('rank');
    const items = topicItems(app, ranked.topics);
    lap('items');
    const labels = loadLabels(config.paths.locales, config.newsletter.locale);
    const draft: Draft = composeIssue({
      issueId: 'bench',
      topics: ranked.topics,
      items,
      listed: ranked.docs,
      newsletter: config.newsletter,
      sources: config.sources,
      labels,
      now: NOW,
    });
    lap('compose');
    const opts: RenderOptions = { templatesDir: config.paths.templates, labels, style: draft.style };
    let state: Record<string, unknown> = { draft, opts };
    for (const step of RENDER_STEPS) {
      state = { ...state, ...(await step.run(state as never)) };
      lap(`render.${step.name}`);
    }
    const html = String(state.html);
    const page = personalize(
      { issueId: 'bench', subject: draft.title, preheader: '', html, text: String(state.text), warnings: [] },
      { email: '', unsubscribeUrl: '#unsubscribe' },
    );
    const msg = buildMessage({
      config: config.delivery,
      issue: { issueId: 'bench', subject: draft.title, preheader: '', html: page.html, text: page.text, warnings: [] },
      recipient: { email: 'briefing@example.com', unsubscribeUrl: '#unsubscribe' },
      now: NOW,
    });
    await buildEml(msg);
    lap('eml');
  }
  const shown = [...parts].map(([k, v]) => ({ k, v: median(v) })).filter((p) => p.v >= 0.5);
  return shown.map((p) => `${p.k} ${ms(p.v)}`).join(', ');
}

rowMain(async (opts): Promise<Row[]> => {
  const runs = opts.quick ? 5 : 15;
  const coldRuns = opts.quick ? 3 : 5;
  const project = projectWithItems(ITEMS);
  const app = project.open();
  const copies: string[] = [];
  try {
    const first = await composeStep(app, { asOf: NOW, force: true });
    if (first.nothingNew) throw new Error(`compose found nothing: ${first.reason}`);
    const stories = first.draft.stories.length;
    const headlines = first.draft.headlines.length;

    // Peer: the templates read, checked and compiled on every call (a fresh copy of the
    // folder each time, so the renderer's cache never hits).
    const freshApp = (): ReturnType<typeof createApp> => {
      const dir = mkdtempSync(join(tmpdir(), 'briefing-bench-tpl-'));
      cpSync(join(ROOT, 'templates'), dir, { recursive: true });
      copies.push(dir);
      const config = { ...app.config, paths: { ...app.config.paths, templates: dir, locales: join(dir, 'locales') } };
      return createApp(config, { store: app.store, clock: fixedClock(NOW), logger: silentLogger });
    };
    // Ours and the peer are measured in turn, after both are warm.
    const [ours, peer] = (await warmAlternating<ReturnType<typeof createApp>>(
      [
        { fn: () => composeStep(app, { asOf: NOW, force: true }) },
        { fn: (fresh) => composeStep(fresh, { asOf: NOW, force: true }), setup: freshApp },
      ],
      { runs, budgetMs: BUDGET },
    )) as [Sample, Sample];
    // The render step alone, where the two differ.
    const [renderOurs, renderPeer] = (await warmAlternating<ReturnType<typeof createApp>>(
      [
        { fn: () => renderDraft(app, first.draft) },
        { fn: (fresh) => renderDraft(fresh, first.draft), setup: freshApp },
      ],
      { runs, budgetMs: BUDGET },
    )) as [Sample, Sample];

    const where = await breakdown(app, opts.quick ? 3 : Math.max(3, Math.min(7, Math.round(BUDGET / ours.median))));

    const cli = cold([CLI, '--config', project.configFile, 'compose', '--force'], {
      runs: coldRuns,
      cwd: project.dir,
      budgetMs: BUDGET,
    });

    return [
      row({
        id: '1a',
        work: `Compose warm: rank+compose+render, ${ITEMS.toLocaleString('en-US')} items (median of ${ours.runs})`,
        ours: ms(ours.median),
        peer: `templates compiled per call: ${ms(peer.median)}`,
        ratio: speedup(peer.median, ours.median),
        target: '≤ 150 ms',
        pass: ours.median <= 150,
        note: `issue of ${stories} stories + ${headlines} headlines; composeStep also reads the window from SQLite, builds the .eml and writes the issue folder. Render alone: ${ms(renderOurs.median)} with the templates compiled once and kept, ${ms(renderPeer.median)} compiled per call (MJML → HTML runs once per issue either way). Where the time goes (medians): ${where}.`,
      }),
      row({
        id: '1b',
        work: `Compose cold: \`briefing compose\` CLI, fresh process (median of ${cli.runs})`,
        ours: ms(cli.median),
        peer: '',
        ratio: '',
        target: '≤ 1.5 s',
        pass: cli.median <= 1500,
        note: `built CLI (${CLI.replace(`${ROOT}/`, '')}), wall time spawn to exit, min ${ms(cli.min)}, max ${ms(cli.max)}.`,
      }),
    ];
  } finally {
    app.close();
    project.remove();
    for (const d of copies) rmSync(d, { recursive: true, force: true });
  }
});
