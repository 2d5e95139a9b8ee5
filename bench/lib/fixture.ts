/**
 * A throw-away briefing project for one benchmark: a config file in a temp folder with
 * its own data and outbox, the real templates, and generated items and subscribers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, fixedClock, silentLogger, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import type { Store } from '../../src/store/index.js';
import type { BriefingConfig, CollectedItem } from '../../src/types.js';
import { generateItems, generateSubscribersCsv } from '../generate.js';
import { ROOT } from './child.js';

/** The reference time of every benchmark (Monday 07:00 in Seoul). */
export const NOW = new Date('2026-11-16T07:00:00+09:00');
/** Signs unsubscribe links in benchmarks; never a real secret. */
export const BENCH_SECRET = 'bench-secret-0123456789abcdef';
export const BENCH_ENV: NodeJS.ProcessEnv = { ...process.env, BRIEFING_SECRET: BENCH_SECRET };

export interface Project {
  dir: string;
  configFile: string;
  config: BriefingConfig;
  /** A wired app (fixed clock at NOW, silent logger); the caller closes it. */
  open(): App;
  remove(): void;
}

export interface ProjectOptions {
  sources: ReadonlyArray<{ name: string; url: string }>;
  /** YAML lines under `delivery:` (indented by the caller's two spaces), e.g. an smtp block. */
  delivery?: readonly string[];
  /** YAML lines under `collect:`. */
  collect?: readonly string[];
  /** YAML lines under `interests:` (list entries). */
  interests?: readonly string[];
}

function q(s: string): string {
  return JSON.stringify(s);
}

export function makeProject(opts: ProjectOptions): Project {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
  const configFile = join(dir, 'briefing.config.yaml');
  const lines = [
    'newsletter:',
    '  title: 테크 브리핑',
    `  asOf: ${q(NOW.toISOString())}`,
    '  baseUrl: https://news.example.com',
    'sources:',
    ...opts.sources.map((s) => `  - { name: ${q(s.name)}, url: ${q(s.url)} }`),
    'delivery:',
    '  from: "테크 브리핑 <briefing@example.com>"',
    ...(opts.delivery ?? []).map((l) => `  ${l}`),
    ...(opts.collect && opts.collect.length > 0 ? ['collect:', ...opts.collect.map((l) => `  ${l}`)] : []),
    ...(opts.interests && opts.interests.length > 0 ? ['interests:', ...opts.interests.map((l) => `  ${l}`)] : []),
    'paths:',
    `  templates: ${q(join(ROOT, 'templates'))}`,
    '',
  ];
  writeFileSync(configFile, lines.join('\n'));
  const config = loadConfig(configFile);
  return {
    dir,
    configFile,
    config,
    open: () => createApp(config, { clock: fixedClock(NOW), logger: silentLogger }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The distinct sources of items, in first-seen order, as config entries (never fetched). */
export function sourcesOf(items: readonly CollectedItem[]): Array<{ name: string; url: string }> {
  const names = [...new Set(items.map((it) => it.source))];
  return names.map((name, i) => ({ name, url: `http://127.0.0.1:9/unused/${i}.xml` }));
}

/** `n` generated items (seeded) in a new project's store. */
export function projectWithItems(n: number, seed = 7, extra: Omit<ProjectOptions, 'sources'> = {}): Project {
  const items = generateItems(n, { seed, now: NOW });
  const project = makeProject({ ...extra, sources: sourcesOf(items) });
  const app = project.open();
  try {
    app.store.items.insertNew(items, NOW);
  } finally {
    app.close();
  }
  return project;
}

/** `n` generated subscribers in a store, written in pages. */
export function seedSubscribers(store: Store, n: number, seed = 3): void {
  const page = 20_000;
  for (let start = 0; start < n; start += page) {
    const size = Math.min(page, n - start);
    const rows = generateSubscribersCsv(size, seed + start)
      .trim()
      .split('\n')
      .slice(1);
    store.subscribers.upsertMany(
      rows.map((line, i) => {
        const [email = '', name = '', interests = ''] = line.split(',');
        // Distinct addresses across pages.
        const unique = email.replace('@', `.${start + i}@`);
        return { email: unique, name, interests: interests ? interests.split(';') : [] };
      }),
      NOW,
    );
  }
}
