/**
 * The installed package, as a new user gets it: `npm pack`, the tarball installed into an
 * empty project (no repository files beside it), `npx briefing init`, a source pointed at a
 * feed served on 127.0.0.1, `npx briefing run`; then one partial overridden by the project.
 * Slow (npm installs the dependencies and builds better-sqlite3): `npm run test:package`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'briefing-package-'));
const project = join(work, 'newsletter');
let server: Server;
let base = '';

/** A bundled sample feed with its dates moved so its newest item is an hour old. */
function recentFeed(file: string): string {
  const text = readFileSync(join(ROOT, 'sources', file), 'utf8');
  const dates = [...text.matchAll(/<(pubDate|lastBuildDate|updated|published)>([^<]+)</g)].map((m) =>
    Date.parse(m[2] ?? ''),
  );
  const shift = Date.now() - 3_600_000 - Math.max(...dates.filter((d) => !Number.isNaN(d)));
  return text.replace(/<(pubDate|lastBuildDate|updated|published)>([^<]+)</g, (_m, tag: string, value: string) => {
    const at = new Date(Date.parse(value) + shift);
    return `<${tag}>${tag === 'pubDate' || tag === 'lastBuildDate' ? at.toUTCString() : at.toISOString()}<`;
  });
}

/**
 * The environment of a user's shell: none of the npm_* variables `npm run test:package` sets,
 * which would make npm read this repository's package instead of the project's.
 */
const USER_ENV = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'INIT_CWD'),
) as NodeJS.ProcessEnv;

/** Run a command without blocking the test worker; resolves with its exit code and output. */
function sh(cmd: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd, env: { ...USER_ENV, BRIEFING_LOG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

const npx = (args: string[]) => sh('npx', ['--no-install', 'briefing', ...args], project);

async function ok(cmd: string, args: string[], cwd: string): Promise<string> {
  const r = await sh(cmd, args, cwd);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

beforeAll(async () => {
  const feeds: Record<string, string> = {
    '/it.xml': recentFeed('tech-daily.xml'),
    '/market.xml': recentFeed('market-atom.xml'),
  };
  server = createServer((rq, res) => {
    const body = feeds[rq.url ?? ''];
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'application/xml; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const packed = (await ok('npm', ['pack', '--silent', '--pack-destination', work], ROOT)).trim().split('\n').pop();
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'our-newsletter', private: true, allowScripts: { 'better-sqlite3': true } }, null, 2),
  );
  await ok(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', join(work, packed ?? '')],
    project,
  );
}, 900_000);

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(work, { recursive: true, force: true });
});

describe('the installed package', () => {
  it('holds only the package, with nothing of the repository beside it', () => {
    expect(readdirSync(project).sort()).toEqual(['node_modules', 'package-lock.json', 'package.json']);
    const installed = join(project, 'node_modules', 'briefing');
    expect(existsSync(join(installed, 'dist', 'cli', 'bin.js'))).toBe(true);
    expect(existsSync(join(installed, 'templates', 'partials', 'footer.mjml.hbs'))).toBe(true);
    expect(existsSync(join(installed, 'src'))).toBe(false);
  });

  it('starts a newsletter with init and writes an issue with the bundled templates', async () => {
    const init = await npx(['init']);
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain('npx briefing run');
    const configFile = join(project, 'briefing.config.yaml');
    const config = readFileSync(configFile, 'utf8').replace(
      /^sources:\n(?: {2}- .*\n)+/m,
      `sources:\n  - { name: 테크데일리, url: "${base}/it.xml" }\n  - { name: 마켓워치코리아, url: "${base}/market.xml" }\n`,
    );
    expect(config).toContain(base);
    writeFileSync(configFile, config);

    const run = await npx(['run']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout, run.stderr).toMatch(/^Wrote .*outbox/m);
    const outbox = join(project, 'outbox');
    const [issueId] = readdirSync(outbox);
    expect(issueId).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const html = readFileSync(join(outbox, issueId ?? '', 'issue.html'), 'utf8');
    expect(html).toContain('테크데일리');
    expect(html).toContain('우리 팀 브리핑');
    expect(existsSync(join(project, 'templates'))).toBe(false);
    expect(readdirSync(join(outbox, issueId ?? '', 'recipients'))).toHaveLength(1);
  });

  it('shows a one-partial override from the project, the rest bundled', async () => {
    const footer = join(project, 'templates', 'partials', 'footer.mjml.hbs');
    const eject = await npx(['templates', 'eject', 'footer']);
    expect(eject.code, eject.stderr).toBe(0);
    expect(eject.stdout).toContain(`wrote ${footer}`);
    writeFileSync(
      footer,
      readFileSync(footer, 'utf8').replace(
        '<p class="foot">{{label "footer" newsletter=newsletter}}</p>',
        '<p class="foot">사내 전용 · 문의 편집팀 news-desk@example.kr</p>',
      ),
    );
    const [issueId] = readdirSync(join(project, 'outbox'));
    const render = await npx(['render', join('outbox', issueId ?? '', 'draft.yaml')]);
    expect(render.code, render.stderr).toBe(0);
    const html = readFileSync(join(project, 'outbox', issueId ?? '', 'issue.html'), 'utf8');
    expect(html).toContain('사내 전용 · 문의 편집팀');
    expect(html).toContain('테크데일리');
    const doctor = await npx(['doctor']);
    // Every template the package ships but the one the project overrides.
    const shipped = readdirSync(join(ROOT, 'templates'), { recursive: true }).filter((f) =>
      String(f).endsWith('.hbs'),
    ).length;
    expect(doctor.stdout).toMatch(
      new RegExp(
        `templates +${shipped - 1} bundled \\(.*node_modules/briefing/templates\\), 1 the project's own: .*footer\\.mjml\\.hbs`,
      ),
    );
  });
});
