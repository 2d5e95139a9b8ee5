/**
 * The public site for row 8, in its own process: a project over the bundled sample feeds with three sent
 * issues, `startPublicSite` on a free loopback port, and beside it a bare `node:http` server that answers
 * every request with the bytes of one archive page (the ceiling a Node server reaches on this machine).
 * Sends `{ type: 'ready', site, bare, page }` over IPC and runs until killed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, fixedClock, silentLogger, startPublicSite } from '../../src/app.js';
import { loadConfig } from '../../src/config/index.js';
import { collectStep, composeStep } from '../../src/pipeline.js';
import { BENCH_ENV } from './fixture.js';
import { ROOT } from './child.js';

const dir = mkdtempSync(join(tmpdir(), 'briefing-bench-site-'));
const configFile = join(dir, 'briefing.config.yaml');
writeFileSync(
  configFile,
  [
    'newsletter:',
    '  title: 테크 브리핑',
    'sources:',
    ...['tech-daily.xml', 'market-atom.xml', 'startup-brief.xml'].map(
      (f, i) => `  - { name: "source${i}", url: ${JSON.stringify(join(ROOT, 'sources', f))} }`,
    ),
    'serve:',
    '  rateLimit: 100000000',
    '  minFillTime: 0s',
    'paths:',
    `  templates: ${JSON.stringify(join(ROOT, 'templates'))}`,
    '',
  ].join('\n'),
);
const clock = fixedClock('2026-11-14T07:00:00+09:00');
const app = createApp(loadConfig(configFile), { clock, logger: silentLogger });
await collectStep(app);
const ids: string[] = [];
for (const at of ['2026-11-14T07:00:00+09:00', '2026-11-15T07:00:00+09:00', '2026-11-16T07:00:00+09:00']) {
  clock.set(at);
  const out = await composeStep(app, { force: true, asOf: new Date(at) });
  if (out.nothingNew) throw new Error(out.reason);
  app.store.issues.setStatus(out.issueId, 'sent', new Date(at));
  ids.push(out.issueId);
}
const site = await startPublicSite(app, { host: '127.0.0.1', port: 0 }, BENCH_ENV);
const page = `/archive/issues/${ids[2]}.html`;
const bytes = Buffer.from(await (await fetch(`${site.url}${page}`)).arrayBuffer());
const bare = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': bytes.length });
  res.end(bytes);
});
await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
const barePort = (bare.address() as AddressInfo).port;
process.send?.({ type: 'ready', site: site.url, bare: `http://127.0.0.1:${barePort}`, page, bytes: bytes.length });
