/** A public site on 127.0.0.1 over a real store and the outbox transport, and requests against it. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { type App, createApp, silentLogger, startPublicSite } from '../../src/app.js';
import { resolveConfig } from '../../src/config/index.js';
import type { Site } from '../../src/serve/server.js';

const TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));
/** The bundled sample feeds. */
export const SAMPLES = fileURLToPath(new URL('../../sources', import.meta.url));

export const SECRET = 'site-test-secret-0123456789abcdef';

export interface SiteSetup {
  dir: string;
  app: App;
  site: Site;
  url: string;
  close(): Promise<void>;
}

export async function startTestSite(
  raw: {
    newsletter?: Record<string, unknown>;
    serve?: Record<string, unknown>;
    sources?: Array<{ name: string; url: string }>;
    editions?: Array<Record<string, unknown>>;
    interests?: Array<Record<string, unknown>>;
  } = {},
): Promise<SiteSetup> {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-site-'));
  const config = resolveConfig(
    {
      newsletter: { title: '테크 브리핑', ...raw.newsletter },
      sources: raw.sources ?? [{ name: '샘플', url: join(dir, 'feed.xml') }],
      delivery: { from: '테크 브리핑 <briefing@example.com>' },
      serve: { minFillTime: '0s', ...raw.serve },
      ...(raw.editions ? { editions: raw.editions } : {}),
      ...(raw.interests ? { interests: raw.interests } : {}),
      paths: { templates: TEMPLATES },
    },
    dir,
  );
  const app = createApp(config, { logger: silentLogger });
  const site = await startPublicSite(app, { host: '127.0.0.1', port: 0 }, { BRIEFING_SECRET: SECRET });
  return {
    dir,
    app,
    site,
    url: site.url,
    close: async () => {
      await site.close();
      app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with any headers (fetch will not send a Host of our choosing). */
export function raw(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

export function formToken(html: string): string {
  const m = /name="ft" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no form token in the page');
  return m[1];
}

export function form(fields: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) p.append(k, one);
  return p.toString();
}

/** Fetch the sign-up form and post it, as a browser would (same origin). */
export async function signUp(
  s: SiteSetup,
  fields: Record<string, string | string[]>,
  opts: { lang?: string } = {},
): Promise<Response> {
  const page = await (await fetch(`${s.url}/subscribe${opts.lang ? `?lang=${opts.lang}` : ''}`)).text();
  return fetch(`${s.url}/subscribe${opts.lang ? `?lang=${opts.lang}` : ''}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: s.url },
    body: form({ ft: formToken(page), website: '', ...fields }),
  });
}

/** The sign-up messages the outbox transport wrote, parsed, for one address (waits for the queue). */
export async function signupMessages(
  s: SiteSetup,
  email: string,
  waitMs = 3000,
): Promise<Array<{ subject: string; text: string; link: string }>> {
  const folder = join(s.app.config.paths.outbox, 'subscribe', 'recipients');
  const deadline = Date.now() + waitMs;
  for (;;) {
    const files = existsSync(folder) ? readdirSync(folder).filter((f) => f.startsWith(email)) : [];
    if (files.length > 0 || Date.now() > deadline) {
      const out = [];
      for (const f of files) {
        const mail = await simpleParser(readFileSync(join(folder, f)));
        const text = mail.text ?? '';
        const link = /https?:\/\/\S+/.exec(text)?.[0] ?? '';
        out.push({ subject: mail.subject ?? '', text, link });
      }
      return out;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A link from a message, pointed at the test server (messages carry the configured base URL). */
export function onServer(s: SiteSetup, link: string): string {
  const u = new URL(link);
  return `${s.url}${u.pathname}${u.search}`;
}
