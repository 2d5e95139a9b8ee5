/**
 * `npm run bench`: build, run every row in its own process, print one table.
 *
 *   npm run bench                 the full pass (a few minutes on 2 cores)
 *   npm run bench -- --quick      smaller counts, fewer runs
 *   npm run bench -- --only 2,5   some rows only
 *
 * src/ and bench/ are compiled first (bench/tsconfig.json → .bench/build), so every
 * figure, the CLI's included, is measured on plain JavaScript. The table is also kept
 * in .bench/results.txt and .bench/results.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ROOT, SCRATCH, optionsFromArgv, runRowScript } from './lib/child.js';
import { formatTable, machine, summary, type Row } from './lib/table.js';

interface RowScript {
  n: number;
  script: string;
  fallback: { id: string; work: string; target: string };
  execArgv?: string[];
}

const ROWS: readonly RowScript[] = [
  {
    n: 1,
    script: 'rows/compose.ts',
    fallback: { id: '1', work: 'Compose: rank+compose+render, 2,000 items', target: 'warm ≤ 150 ms; cold ≤ 1.5 s' },
  },
  {
    n: 2,
    script: 'rows/fanout.ts',
    fallback: { id: '2', work: 'Fan-out: 10,000 messages to an SMTP sink', target: '≥ 80 % of ceiling; ≥ 10× naive' },
  },
  {
    n: 3,
    script: 'rows/memory.ts',
    fallback: { id: '3', work: 'Memory: sending to 100,000 subscribers', target: '≤ 250 MB, flat' },
  },
  {
    n: 4,
    script: 'rows/collect.ts',
    fallback: { id: '4', work: 'Collect: 100 feeds × 50 items', target: 'cold ≤ 2 s; all-304 ≤ 0.3 s' },
  },
  {
    n: 5,
    script: 'rows/rank.ts',
    fallback: { id: '5', work: 'Cluster/rank: 2,000 and 20,000 items', target: '≤ 100 ms; near linear' },
  },
  { n: 6, script: 'rows/startup.ts', fallback: { id: '6', work: 'Startup: briefing --help', target: '≤ 300 ms' } },
  {
    n: 7,
    script: 'rows/variants.ts',
    fallback: { id: '7', work: 'Variants: 10,000 subscribers over 8 interest sets', target: '≥ 80 % of one variant' },
  },
  {
    n: 8,
    script: 'rows/site.ts',
    fallback: { id: '8', work: 'Site: archive pages and sign-ups under load', target: '≥ 1,000 / ≥ 300 req/s' },
  },
];

function onlyRows(argv: readonly string[]): Set<number> | undefined {
  const i = argv.indexOf('--only');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--only='))?.slice(7);
  if (!value) return undefined;
  return new Set(
    value
      .split(',')
      .map((v) => Number(v.trim()))
      .filter((v) => Number.isInteger(v)),
  );
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** Compile src/ and bench/; type errors are reported, the emitted JavaScript is still used. */
function build(): void {
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'bench/tsconfig.json')],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (r.error) throw r.error;
  const errors = String(r.stdout ?? '')
    .split('\n')
    .filter((l) => /error TS\d+/.test(l));
  log(`build: tsc -p bench/tsconfig.json → .bench/build in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (errors.length > 0) {
    log(`build: ${errors.length} type error(s); measuring the emitted code anyway. First: ${errors[0]}`);
  }
}

const argv = process.argv.slice(2);
const opts = optionsFromArgv(argv);
const only = onlyRows(argv);
const m = machine();
const header = [
  `briefing benchmarks${opts.quick ? ' (--quick)' : ''}: ${new Date().toISOString()}`,
  `machine: ${m.cores} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GB, Node ${m.node}, load average at start ${loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')}`,
].join('\n');
log(header);

build();
const rows: Row[] = [];
const started = performance.now();
for (const r of ROWS) {
  if (only && !only.has(r.n)) continue;
  const t0 = performance.now();
  log(`row ${r.n}: ${r.script} …`);
  const got = await runRowScript(r.script, opts, r.fallback, r.execArgv);
  rows.push(...got);
  log(`row ${r.n}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
const total = `${rows.length} rows in ${((performance.now() - started) / 1000).toFixed(0)} s. ${summary(rows)}`;
const table = formatTable(rows);
process.stdout.write(`\n${header}\n\n${table}\n\n${total}\n`);
mkdirSync(SCRATCH, { recursive: true });
writeFileSync(join(SCRATCH, 'results.txt'), `${header}\n\n${table}\n\n${total}\n`);
writeFileSync(join(SCRATCH, 'results.json'), `${JSON.stringify({ header, quick: opts.quick, rows }, null, 2)}\n`);
