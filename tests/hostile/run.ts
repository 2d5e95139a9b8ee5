/**
 * `npm run test:hostile`: hostile feeds and faults end to end, against an HTTP server and an
 * SMTP server on 127.0.0.1, each through the real `briefing` command in its own process.
 * Prints a table (tried / survived / lost / duplicated, peak memory of the collect) and
 * exits 1 when anything was lost or sent twice.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { serve, startFeedServer } from '../collect/support/feed-server.js';
import { startSmtpServer } from '../deliver/smtp-test-server.js';
import { CLI, ROOT } from '../pipeline/helpers.js';
import { OTHER_STORIES, STORIES, brokenUtf8Feed, entityBombFeed, healthyFeed, otherFeed } from './feeds.js';

interface Row {
  scenario: string;
  tried: number;
  survived: number;
  lost: number;
  duplicated: number;
  note: string;
}
const rows: Row[] = [];
let failed = false;
const MOJIBAKE = /[ÃÂ][\u0080-\u00bf]|ë[°\u0080-\u00bf]|ì[\u0080-\u00bf]|í[\u0080-\u00bf]|ê[\u0080-\u00bf]/;
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

function record(row: Row, ok: boolean): void {
  rows.push(row);
  if (!ok || row.lost > 0 || row.duplicated > 0) failed = true;
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function briefing(config: string, args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...CLI, '--config', config, ...args], {
      env: { ...process.env, BRIEFING_LOG: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function project(extra: string, sources: Array<{ name: string; url: string }>): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-hostile-'));
  const file = join(dir, 'briefing.config.yaml');
  writeFileSync(
    file,
    [
      'newsletter:',
      '  title: 테크 브리핑',
      '  asOf: "2026-11-16T07:00:00+09:00"',
      'sources:',
      ...sources.map((s) => `  - { name: ${s.name}, url: "${s.url}" }`),
      extra,
      '',
    ].join('\n'),
  );
  return { dir, file };
}

function subscribersCsv(dir: string, n: number): void {
  const lines = ['email,name'];
  for (let i = 1; i <= n; i++) lines.push(`reader${i}@example.kr,독자${i}`);
  writeFileSync(join(dir, 'subscribers.csv'), `${lines.join('\n')}\n`);
}

function ledger(dir: string): Record<string, number> {
  const db = new Database(join(dir, 'data', 'briefing.db'), { readonly: true });
  try {
    const rows = db.prepare('SELECT status, COUNT(*) AS n FROM deliveries GROUP BY status').all() as Array<{
      status: string;
      n: number;
    }>;
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  } finally {
    db.close();
  }
}

// ---------------------------------------------------------------- 1. hostile feeds
let baselineKb = 0;
async function hostileFeeds(): Promise<number> {
  const server = await startFeedServer({
    '/news.rss': serve(healthyFeed()),
    '/wire.rss': serve(otherFeed()),
    '/bomb.rss': serve(entityBombFeed(1000, 500_000), { 'Content-Type': 'application/rss+xml' }),
    '/fat-item.rss': serve(entityBombFeed(1000, 2000), { 'Content-Type': 'application/rss+xml' }),
    '/broken-utf8.rss': serve(brokenUtf8Feed(2), { 'Content-Type': 'application/rss+xml' }),
  });
  const fifoDir = mkdtempSync(join(tmpdir(), 'briefing-fifo-'));
  const fifo = join(fifoDir, 'feed.xml');
  execFileSync('mkfifo', [fifo]);
  const hostile = [
    { name: '스팸일보', url: server.url('/bomb.rss'), expect: /^entity &x; expands the feed over/ },
    { name: '광고신문', url: server.url('/fat-item.rss'), expect: undefined },
    { name: '깨진일보', url: server.url('/broken-utf8.rss'), expect: /broken utf-8 byte sequences replaced/ },
    { name: '제로', url: '/dev/zero', expect: /^not a regular file \(a character device\)/ },
    { name: '파이프', url: pathToFileURL(fifo).href, expect: /^not a regular file \(a named pipe\)/ },
  ];
  const { file } = project('', [
    { name: '뉴스코리아', url: server.url('/news.rss') },
    { name: '연합와이어', url: server.url('/wire.rss') },
    ...hostile,
  ]);
  // Asynchronous: the feed server answers from this process's event loop.
  const collectIn = (config: string) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const c = spawn(process.execPath, ['--import', TSX, join(ROOT, 'tests/hostile/collect-child.ts'), config], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      c.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
      c.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      c.on('exit', (status) => resolve({ status, stdout, stderr }));
    });
  const baseline = await collectIn(
    project('', [
      { name: '뉴스코리아', url: server.url('/news.rss') },
      { name: '연합와이어', url: server.url('/wire.rss') },
    ]).file,
  );
  baselineKb = baseline.status === 0 ? (JSON.parse(baseline.stdout) as { maxRssKb: number }).maxRssKb : 0;
  const child = await collectIn(file);
  await server.close();
  if (child.status !== 0) {
    record(
      {
        scenario: 'hostile feeds',
        tried: 0,
        survived: 0,
        lost: 0,
        duplicated: 0,
        note: child.stderr.trim().split('\n')[0] ?? '',
      },
      false,
    );
    return 0;
  }
  const out = JSON.parse(child.stdout) as {
    reports: Array<{ name: string; status: string; error?: string }>;
    items: Array<{ source: string; title: string; link: string }>;
    maxRssKb: number;
  };
  const stories = [...STORIES, ...OTHER_STORIES].map((s) => s.title);
  const count = (t: string) => out.items.filter((i) => i.title === t).length;
  const survivedStories = stories.filter((t) => count(t) >= 1).length;
  const duplicated = stories.reduce((n, t) => n + Math.max(0, count(t) - 1), 0);
  const unexpected = hostile.filter((h) => {
    const r = out.reports.find((x) => x.name === h.name);
    return !(h.expect ? h.expect.test(r?.error ?? '') : r?.status === 'ok');
  });
  const handled = hostile.length - unexpected.length;
  for (const h of unexpected) {
    const r = out.reports.find((x) => x.name === h.name);
    process.stderr.write(`unexpected: ${h.name}: ${r?.status} ${r?.error ?? ''}\n`);
  }
  const garbled = out.items.filter((i) => MOJIBAKE.test(i.title)).length;
  const huge = out.items.filter((i) => i.title.startsWith('긴급 속보')).length;
  record(
    {
      scenario: `hostile feeds (${hostile.length} hostile + 2 healthy sources)`,
      tried: stories.length,
      survived: survivedStories,
      lost: stories.length - survivedStories,
      duplicated,
      note: `${handled}/${hostile.length} hostile sources failed alone or were repaired as expected; ${garbled} mojibake titles; ${huge} oversized items stored`,
    },
    handled === hostile.length && garbled === 0 && huge === 0,
  );
  return out.maxRssKb;
}

// ---------------------------------------------------------------- 2. the store emptied under a run
async function emptiedStore(): Promise<void> {
  const n = 20;
  const { dir, file } = project('subscribers: subscribers.csv', [
    { name: '테크데일리', url: join(ROOT, 'sources/tech-daily.xml') },
    { name: '마켓워치코리아', url: join(ROOT, 'sources/market-atom.xml') },
  ]);
  subscribersCsv(dir, n);
  const first = await briefing(file, ['run']);
  writeFileSync(join(dir, 'data', 'briefing.db'), '');
  const second = await briefing(file, ['run']);
  const outbox = join(dir, 'outbox');
  const issues = readdirSync(outbox).filter((f) => !f.startsWith('.'));
  const files = issues.flatMap((i) =>
    existsSync(join(outbox, i, 'recipients')) ? readdirSync(join(outbox, i, 'recipients')) : [],
  );
  const per = new Map<string, number>();
  for (const f of files) per.set(f, (per.get(f) ?? 0) + 1);
  const got = [...per.keys()].length;
  record(
    {
      scenario: 'store truncated to 0 bytes, then run',
      tried: n,
      survived: got,
      lost: n - got,
      duplicated: files.length - got,
      note: `first run exit ${first.code}; second exit ${second.code}: ${second.stderr.trim().slice(0, 70)}…`,
    },
    first.code === 0 && second.code !== 0 && issues.length === 1,
  );
}

// ---------------------------------------------------------------- 3. send beside send --retry-uncertain
async function concurrentSends(trial: number): Promise<void> {
  const n = 40;
  const smtp = await startSmtpServer({ delayMs: 25 });
  const { dir, file } = project(
    [
      'subscribers: subscribers.csv',
      'delivery:',
      '  transport: smtp',
      '  from: "브리핑 <briefing@example.com>"',
      `  smtp: { host: 127.0.0.1, port: ${smtp.port}, secure: false, pool: true, maxConnections: 2, retries: 1 }`,
    ].join('\n'),
    [{ name: '테크데일리', url: join(ROOT, 'sources/tech-daily.xml') }],
  );
  subscribersCsv(dir, n);
  await briefing(file, ['collect']);
  await briefing(file, ['compose']);
  const [a, b] = await Promise.all([briefing(file, ['send']), briefing(file, ['send', '--retry-uncertain'])]);
  const final = await briefing(file, ['send']);
  const per = new Map<string, number>();
  for (const m of smtp.received) for (const to of m.to) per.set(to, (per.get(to) ?? 0) + 1);
  await smtp.close();
  const delivered = [...per.keys()].length;
  const dup = [...per.values()].reduce((s, k) => s + k - 1, 0);
  const refused = [a, b].filter((r) => /ELOCK/.test(r.stderr)).length;
  record(
    {
      scenario: `send beside send --retry-uncertain, trial ${trial}`,
      tried: n,
      survived: delivered,
      lost: n - delivered,
      duplicated: dup,
      note: `${refused} of 2 refused with ELOCK; final send exit ${final.code}`,
    },
    final.code === 0,
  );
}

// ---------------------------------------------------------------- 4. a full outbox disk
async function fullDisk(): Promise<void> {
  const n = 1000;
  const { dir, file } = project('subscribers: subscribers.csv', [
    { name: '테크데일리', url: join(ROOT, 'sources/tech-daily.xml') },
  ]);
  subscribersCsv(dir, n);
  const outbox = join(dir, 'outbox');
  mkdirSync(outbox, { recursive: true });
  if (process.getuid?.() !== 0) {
    rows.push({
      scenario: 'full outbox disk (2 MB tmpfs)',
      tried: 0,
      survived: 0,
      lost: 0,
      duplicated: 0,
      note: 'not run: mounting a tmpfs needs root (CI runs as root)',
    });
    return;
  }
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', outbox]);
  try {
    await briefing(file, ['collect']);
    const composed = await briefing(file, ['compose']);
    const sent = await briefing(file, ['send']);
    const during = ledger(dir);
    // Room for every message of the issue (each .eml is about 70 KB with its picture markup).
    execFileSync('mount', ['-o', 'remount,size=256m', outbox]);
    const again = await briefing(file, ['send']);
    const after = ledger(dir);
    const issue = readdirSync(outbox).find((f) => /^\d{4}-\d{2}-\d{2}/.test(f)) ?? '';
    const files = readdirSync(join(outbox, issue, 'recipients')).length;
    record(
      {
        scenario: 'full outbox disk (2 MB tmpfs), then freed',
        tried: n,
        survived: files,
        lost: n - files,
        duplicated: Math.max(0, (after.sent ?? 0) - files),
        note: `compose exit ${composed.code}; full: exit ${sent.code}, ${during.sent ?? 0} sent, ${during.uncertain ?? 0} uncertain; rerun exit ${again.code}, ${after.uncertain ?? 0} uncertain`,
      },
      sent.code !== 0 && (during.uncertain ?? 0) === 0 && again.code === 0 && /no space left/.test(sent.stderr),
    );
  } finally {
    execFileSync('umount', [outbox]);
  }
}

// ---------------------------------------------------------------- 5. compose killed mid-write
async function composeKills(kills: number): Promise<void> {
  const { dir, file } = project('', [
    { name: '테크데일리', url: join(ROOT, 'sources/tech-daily.xml') },
    { name: '마켓워치코리아', url: join(ROOT, 'sources/market-atom.xml') },
    { name: '스타트업브리프', url: join(ROOT, 'sources/startup-brief.xml') },
  ]);
  await briefing(file, ['collect']);
  const outbox = join(dir, 'outbox');
  for (let i = 0; i < kills; i++) {
    const child = spawn(process.execPath, [...CLI, '--config', file, 'compose', '--force'], { stdio: 'ignore' });
    // Listen before the wait: a compose that finishes first has exited by the time of the kill.
    const exited = new Promise((r) => child.once('exit', r));
    await new Promise((r) => setTimeout(r, 400 + ((i * 137) % 1400)));
    child.kill('SIGKILL');
    await exited;
  }
  const last = await briefing(file, ['compose', '--force']);
  const db = new Database(join(dir, 'data', 'briefing.db'), { readonly: true });
  const recorded = new Set((db.prepare('SELECT id FROM issues').all() as Array<{ id: string }>).map((r) => r.id));
  db.close();
  const entries = existsSync(outbox) ? readdirSync(outbox) : [];
  const folders = entries.filter((f) => !f.startsWith('.'));
  const orphans = folders.filter((f) => !recorded.has(f)).length;
  const missing = [...recorded].filter((id) => !existsSync(join(outbox, id, 'draft.json'))).length;
  const leftovers = entries.filter((f) => f.startsWith('.')).length;
  record(
    {
      scenario: `compose killed (SIGKILL) ${kills} times`,
      tried: kills,
      survived: kills - orphans - missing,
      lost: orphans + missing,
      duplicated: 0,
      note: `${recorded.size} issues recorded, ${folders.length} folders, ${leftovers} temp folders left; last compose exit ${last.code}`,
    },
    last.code === 0 && leftovers === 0,
  );
}

const t0 = Date.now();
const peakKb = await hostileFeeds();
if (!process.env.HOSTILE_FEEDS_ONLY) {
  await emptiedStore();
  for (let t = 1; t <= 3; t++) await concurrentSends(t);
  await fullDisk();
  await composeKills(12);
}

const head = ['scenario', 'tried', 'survived', 'lost', 'duplicated', 'note'];
const table = rows.map((r) => [
  r.scenario,
  String(r.tried),
  String(r.survived),
  String(r.lost),
  String(r.duplicated),
  r.note,
]);
const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? '').length)));
const line = (cells: string[]) =>
  cells.map((c, i) => (i >= 1 && i <= 4 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ');
process.stdout.write(`${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n${table.map(line).join('\n')}\n`);
process.stdout.write(
  `peak memory of the hostile collect: ${(peakKb / 1024).toFixed(0)} MB (maxRSS of its process; the same collect of the 2 healthy sources alone: ${(baselineKb / 1024).toFixed(0)} MB); ${((Date.now() - t0) / 1000).toFixed(0)} s in all\n`,
);
if (failed) {
  process.stdout.write('test:hostile FAILED: something was lost, sent twice, or not handled as expected\n');
  process.exit(1);
}
process.stdout.write('test:hostile passed\n');
