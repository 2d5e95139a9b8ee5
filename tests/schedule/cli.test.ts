import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/store/index.js';
import { tempDir } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'src/cli/bin.ts');
const ENV = { ...process.env, BRIEFING_LOG: '' };

function config(newsletter: Record<string, string>): { dir: string; file: string } {
  const dir = tempDir('briefing-schedule-cli-');
  const file = join(dir, 'briefing.config.yaml');
  writeFileSync(
    file,
    [
      'newsletter:',
      ...Object.entries(newsletter).map(([k, v]) => `  ${k}: "${v}"`),
      'sources:',
      ...['tech-daily.xml', 'market-atom.xml', 'startup-brief.xml'].map(
        (f, i) => `  - { name: source${i}, url: "${join(ROOT, 'sources', f)}" }`,
      ),
      'paths:',
      `  templates: "${join(ROOT, 'templates')}"`,
      '',
    ].join('\n'),
  );
  return { dir, file };
}

function briefing(args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: ENV,
    timeout: 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A long-running `briefing …` whose output is collected as it comes. */
function service(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', BIN, ...args], { cwd: ROOT, env: ENV });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const waitFor = async (re: RegExp, ms = 20_000): Promise<void> => {
    const until = Date.now() + ms;
    while (!re.test(stderr)) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${re} in: ${stderr}`);
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode} before ${re}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  return { child, exited, waitFor, out: () => stdout, err: () => stderr };
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.pid) process.kill(c.pid, 'SIGKILL');
});

describe('briefing schedule --dry-run', () => {
  it('should list the next slots in the newsletter timezone and UTC, noting a DST shift', () => {
    const { file } = config({ timezone: 'America/New_York', schedule: '30 2 * * *' });
    const r = briefing([
      '--config',
      file,
      'schedule',
      '--dry-run',
      '--count',
      '3',
      '--from',
      '2026-03-07T12:00:00-05:00',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'Issue slots: "30 2 * * *" in America/New_York, the next 3 after 2026-03-07T17:00:00.000Z:',
      '  2026-03-08 Sun 03:00:00 -04:00   2026-03-08 07:00:00 UTC   (02:30 does not exist that day, clocks go forward: runs at 03:00)',
      '  2026-03-09 Mon 02:30:00 -04:00   2026-03-09 06:30:00 UTC',
      '  2026-03-10 Tue 02:30:00 -04:00   2026-03-10 06:30:00 UTC',
    ]);
  });

  it('should give the slots as JSON, with the collection schedule', () => {
    const { file } = config({ timezone: 'Asia/Seoul', schedule: '0 7 * * 1', collectSchedule: '0 */6 * * *' });
    const r = briefing([
      '--config',
      file,
      '--json',
      'schedule',
      '--dry-run',
      '--count',
      '2',
      '--from',
      '2026-11-23T00:00:00+09:00',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      timezone: 'Asia/Seoul',
      from: '2026-11-22T15:00:00.000Z',
      schedule: '0 7 * * 1',
      issue: [
        { at: '2026-11-22T22:00:00.000Z', local: '2026-11-23 Mon 07:00:00 +09:00' },
        { at: '2026-11-29T22:00:00.000Z', local: '2026-11-30 Mon 07:00:00 +09:00' },
      ],
      collectSchedule: '0 */6 * * *',
      collect: [
        { at: '2026-11-22T21:00:00.000Z', local: '2026-11-23 Mon 06:00:00 +09:00' },
        { at: '2026-11-23T03:00:00.000Z', local: '2026-11-23 Mon 12:00:00 +09:00' },
      ],
    });
  });

  it('should refuse a bad count with a usage error', () => {
    const { file } = config({ schedule: '0 7 * * 1' });
    const r = briefing(['--config', file, 'schedule', '--dry-run', '--count', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^briefing: EUSAGE: --count "0" is not a whole number from 1 to 1000 — /);
  });
});

describe('briefing schedule as a service', () => {
  it('should run slots, refuse a second scheduler naming the first, hand over with --wait, and stop cleanly on signals', async () => {
    const { dir, file } = config({ timezone: 'Asia/Seoul', schedule: '* * * * * *' });
    const data = join(dir, 'data');
    const common = ['--config', file, '--data-dir', data];

    const a = service([...common, 'schedule']);
    children.push(a.child);
    await a.waitFor(/"msg":"run".*"msg":"run"/s);

    const refused = briefing([...common, 'schedule']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(
        `^briefing: ELOCK: the scheduler is already running for this data folder: pid ${a.child.pid} on host `,
      ),
    );
    expect(refused.stderr).toContain('--wait');

    const b = service([...common, 'schedule', '--wait']);
    children.push(b.child);
    await b.waitFor(/another scheduler holds the lock \(pid \d+/);
    expect(b.err()).toContain(`pid ${a.child.pid}`);

    a.child.kill('SIGTERM');
    expect(await a.exited).toBe(0);
    expect(a.err()).toMatch(/"msg":"scheduler stopped"/);
    await b.waitFor(/"msg":"scheduler started"/);
    await b.waitFor(/"msg":"scheduler started".*"msg":"run"/s);
    b.child.kill('SIGINT');
    expect(await b.exited).toBe(0);

    // One JSON line per run, each slot once across both processes.
    const runs = [a.err(), b.err()]
      .flatMap((text) => text.split('\n'))
      .filter((l) => l.includes('"msg":"run"'))
      .map((l) => JSON.parse(l) as { slot: string; kind: string; outcome: string; ms: number });
    expect(runs.length).toBeGreaterThanOrEqual(3);
    for (const r of runs) {
      expect(r.kind).toBe('issue');
      expect(['nothing-new', 'done']).toContain(r.outcome);
      expect(typeof r.ms).toBe('number');
    }
    expect(new Set(runs.map((r) => r.slot)).size).toBe(runs.length);

    const doctor = briefing([...common, '--json', 'doctor']);
    expect(doctor.code).toBe(0);
    const report = JSON.parse(doctor.stdout) as {
      ok: boolean;
      checks: Array<{ name: string; level: string }>;
      sources: Array<{ state: string }>;
      schedule: {
        lastRun: { slot: string; outcome: string };
        lastFailure?: unknown;
        lock?: unknown;
        next: { issue: { at: string } };
      };
    };
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.name)).toEqual([
      'config',
      'templates',
      'locale',
      'writable',
      'data',
      'delivery',
      'sources',
      'schedule',
    ]);
    expect(report.sources.map((s) => s.state)).toEqual(['ok', 'ok', 'ok']);
    expect(report.schedule.lastRun).toMatchObject({
      slot: runs[runs.length - 1]?.slot,
      outcome: runs[runs.length - 1]?.outcome,
    });
    expect(report.schedule.lock).toBeUndefined();
    expect(report.schedule.lastFailure).toBeUndefined();
    expect(Date.parse(report.schedule.next.issue.at)).toBeGreaterThan(Date.parse(runs[runs.length - 1]?.slot ?? ''));
  }, 60_000);

  it('should say in doctor what failed last', () => {
    const { dir, file } = config({ timezone: 'Asia/Seoul', schedule: '0 7 * * 1' });
    const data = join(dir, 'data');
    const store = Store.open(data);
    const at = new Date('2026-11-23T07:00:00+09:00');
    const me = { holder: 'test', pid: process.pid, host: 'test-host' };
    store.slots.acquireLock('scheduler', me, at, () => undefined);
    const claim = store.slots.claimSlot('issue', at.toISOString(), { lock: 'scheduler', holder: 'test' }, at);
    if (claim.claimed)
      store.slots.finishSlot(
        claim.runId,
        'issue',
        at.toISOString(),
        { status: 'failed', error: 'SMTP said no', ms: 1500 },
        at,
      );
    store.slots.releaseLock('scheduler', 'test');
    store.close();

    const r = briefing(['--config', file, '--data-dir', data, 'doctor']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^! schedule {2}"0 7 \* \* 1" in Asia\/Seoul — the last issue run did not finish well/m);
    expect(r.stdout).toContain('last failed issue slot 2026-11-23 Mon 07:00:00 +09:00: failed in 1.5s: SMTP said no');
    expect(r.stdout).toContain('scheduler   not running');
  });

  it('should use the bundled templates when the project has none, and fail doctor on a broken override', () => {
    const { dir, file } = config({ schedule: '0 7 * * 1' });
    writeFileSync(file, readFileSync(file, 'utf8').replace(/templates: ".*"/, `templates: "${join(dir, 'nope')}"`));
    const fine = briefing(['--config', file, '--data-dir', join(dir, 'data'), 'doctor']);
    expect(fine.stdout).toMatch(/^✓ templates .* bundled \(.*templates\), none of the project/m);
    expect(fine.stdout).toMatch(/^✓ locale +ko: .*templates\/locales\/ko\.yaml/m);

    mkdirSync(join(dir, 'nope', 'partials'), { recursive: true });
    writeFileSync(
      join(dir, 'nope', 'partials', 'footer.mjml.hbs'),
      '<mj-text>\n{{#if unsubscribeUrl}}구독 해지\n</mj-text>\n',
    );
    const r = briefing(['--config', file, 'doctor']);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^✗ templates .*nope\/partials\/footer\.mjml\.hbs line \d+: /m);
    expect(r.stdout).toContain('Some checks failed');
  });
});
