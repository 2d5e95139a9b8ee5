/**
 * `briefing preview`: a local web server that shows the draft rendered as it will be sent and
 * re-renders when a watched file changes, pushing the news to open pages (server-sent events).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BriefingError, reasonOf } from '../errors.js';
import { actionRoutes } from './actions.js';
import type { IssueSummary, PreviewDeps } from './deps.js';
import { deskRoutes } from './desk-api.js';
import { EventHub } from './events.js';
import { checkHost, checkSameOrigin, isIssueId } from './guard.js';
import { HttpError, send, sendJson, sendText } from './http.js';
import { errorDocument, parsePageQuery, shellPage } from './page.js';
import { keyString, Previewer, type ViewKey } from './previewer.js';
import { frameDocument } from './view.js';
import { watchFiles, type FileWatcher } from './watch.js';

export interface PreviewOptions {
  /** Address to bind; loopback unless the editor asks otherwise. */
  host?: string;
  /** 0 = any free port. */
  port?: number;
  /** Host names (beyond loopback and the bind address) the Host check accepts. */
  allowHosts?: readonly string[];
  /** Quiet time after a file change before re-rendering. */
  debounceMs?: number;
}

export interface PreviewServer {
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** Current version of the views (rises on every change). */
  readonly version: number;
  /** Re-render every open page's view and push it (file changes call this). */
  refresh(changed?: string[]): Promise<void>;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

const FRAME_CSP =
  "default-src 'none'; img-src * data: blob:; style-src * 'unsafe-inline'; font-src * data:; frame-ancestors 'self'";

function keyOf(url: URL): ViewKey {
  const issue = url.searchParams.get('issue') || undefined;
  if (issue !== undefined && !isIssueId(issue)) throw new HttpError(400, `"${issue}" is not an issue id`);
  const q = parsePageQuery(url.searchParams);
  return { issue, style: q.style };
}

export async function startPreview(deps: PreviewDeps, opts: PreviewOptions = {}): Promise<PreviewServer> {
  const host = opts.host ?? '127.0.0.1';
  const logger = deps.logger;
  const hub = new EventHub();
  const followed = new Map<string, ViewKey>();
  let watcher: FileWatcher | undefined;
  const draftFiles = new Set<string>();
  const previewer = new Previewer(deps, (file) => {
    draftFiles.add(file);
    watcher?.add(file);
  });
  let port = 0;

  async function refresh(changed: string[] = []): Promise<void> {
    const version = previewer.invalidate();
    if (changed.length) logger?.info('preview: files changed', { files: changed, version });
    await Promise.all(
      hub.keys().map(async (k) => {
        const key = followed.get(k);
        if (!key) return;
        const view = await previewer.view(key);
        if (view.state.version === previewer.version) hub.send(k, 'view', view.state);
      }),
    );
  }

  async function listIssues(): Promise<IssueSummary[]> {
    try {
      return await deps.listIssues();
    } catch (e) {
      logger?.warn('preview: cannot list issues', { error: reasonOf(e) });
      return [];
    }
  }

  const page: Handler = async (_req, res, url) => {
    const query = parsePageQuery(url.searchParams);
    const key = keyOf(url);
    const [view, issues] = await Promise.all([previewer.view(key), listIssues()]);
    const nonce = randomBytes(16).toString('base64');
    const html = shellPage({
      query: { ...query, issue: key.issue },
      view: view.state,
      issues,
      actions: { recollect: !!deps.recollect, recompose: !!deps.recompose, sendTest: !!deps.sendTest },
      desk: !!deps.desk,
      nonce,
    });
    send(res, 200, html, 'text/html; charset=utf-8', {
      'content-security-policy': `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; frame-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    });
  };

  const frame: Handler = async (_req, res, url) => {
    const view = await previewer.view(keyOf(url));
    const scheme = url.searchParams.get('scheme') === 'dark' ? 'dark' : 'light';
    const headers = { 'content-security-policy': FRAME_CSP };
    if (view.state.ok && view.html !== undefined) {
      send(res, 200, frameDocument(view.html, scheme), 'text/html; charset=utf-8', headers);
    } else if (!view.state.ok) {
      send(res, 500, errorDocument(view.state.error), 'text/html; charset=utf-8', headers);
    }
  };

  const text: Handler = async (_req, res, url) => {
    const view = await previewer.view(keyOf(url));
    if (view.state.ok) sendText(res, 200, view.text ?? '');
    else sendText(res, 500, `${view.state.error.code}: ${view.state.error.message}\n${view.state.error.hint ?? ''}\n`);
  };

  const viewJson: Handler = async (_req, res, url) => {
    sendJson(res, 200, (await previewer.view(keyOf(url))).state);
  };

  const events: Handler = async (_req, res, url) => {
    const key = keyOf(url);
    const k = keyString(key);
    followed.set(k, key);
    hub.open(res, k);
    const view = await previewer.view(key);
    hub.sendTo(res, 'view', view.state);
  };

  const routes: Record<string, { method: 'GET' | 'POST'; handle: Handler }> = {
    '/': { method: 'GET', handle: page },
    '/frame': { method: 'GET', handle: frame },
    '/text': { method: 'GET', handle: text },
    '/api/view': { method: 'GET', handle: viewJson },
    '/api/issues': { method: 'GET', handle: async (_q, res) => sendJson(res, 200, await listIssues()) },
    '/events': { method: 'GET', handle: events },
    ...actionRoutes({
      deps,
      refresh: () => refresh(),
      defaultIssue: async () => (await previewer.view({ issue: undefined, style: undefined })).state.issueId,
    }),
    ...(deps.desk
      ? deskRoutes({ desk: deps.desk, refresh: () => refresh(), version: () => previewer.version, logger })
      : {}),
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://preview.invalid');
    const hostOk = checkHost(req.headers.host, host, port, opts.allowHosts ?? []);
    if (!hostOk.ok) return sendText(res, 403, `forbidden: ${hostOk.reason}\n`);
    const route = routes[url.pathname];
    if (!route) return sendText(res, 404, 'not found\n');
    if (req.method !== route.method) {
      return send(res, 405, `use ${route.method}\n`, 'text/plain; charset=utf-8', { allow: route.method });
    }
    if (route.method === 'POST') {
      const fetchSite = req.headers['sec-fetch-site'];
      const verdict = checkSameOrigin({
        origin: req.headers.origin,
        host: req.headers.host,
        'sec-fetch-site': Array.isArray(fetchSite) ? fetchSite[0] : fetchSite,
      });
      if (!verdict.ok) {
        logger?.warn('preview: refused a request', { path: url.pathname, reason: verdict.reason });
        return sendJson(res, 403, { error: `forbidden: ${verdict.reason}` });
      }
    }
    await route.handle(req, res, url);
  }

  for (const file of safeDraftFile(deps)) draftFiles.add(file);
  watcher = await watchFiles(
    [...deps.watch, ...draftFiles],
    (changed) => void refresh(changed),
    opts.debounceMs ?? 40,
    (e) => logger?.warn('preview: watcher error', { error: reasonOf(e) }),
  );

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) logger?.error('preview: request failed', { url: req.url, error: reasonOf(e) });
      if (!res.headersSent) sendJson(res, status, { error: reasonOf(e) });
      else res.end();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, host, () => resolve());
    });
  } catch (e) {
    await watcher.close();
    hub.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new BriefingError(
        'EUSAGE',
        `cannot listen on ${host} port ${opts.port ?? 0}: ${code}`,
        'pass another --port, or 0 for a free one',
        { cause: e },
      );
    }
    throw e;
  }
  port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}/`;

  return {
    url,
    host,
    port,
    get version() {
      return previewer.version;
    },
    refresh,
    async close() {
      hub.close();
      await watcher?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function safeDraftFile(deps: PreviewDeps): string[] {
  try {
    const file = deps.draftFile(undefined);
    return file ? [file] : [];
  } catch {
    return [];
  }
}
