/**
 * Request guards for a server meant for one editor on this machine: the Host header must name
 * the server (no DNS rebinding), and anything that changes state must come from the page itself.
 */

export interface Verdict {
  ok: boolean;
  reason: string;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '']);

function hostPort(host: string, port: number): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Whether a bind address reaches beyond this machine (a wildcard or a non-loopback address). */
export function bindsBeyondLoopback(bindHost: string): boolean {
  const h = bindHost.toLowerCase().replace(/^\[|\]$/g, '');
  return !(h === 'localhost' || h === '::1' || /^127\./.test(h));
}

/**
 * Host header values that name this server: its loopback names, the bind address (unless
 * a wildcard, which names nothing), and the names the operator allows (`--allow-host`,
 * `name` for this port or `name:port`).
 */
export function allowedHosts(bindHost: string, port: number, allow: readonly string[] = []): Set<string> {
  const names = ['127.0.0.1', 'localhost', '::1', ...(WILDCARDS.has(bindHost) ? [] : [bindHost])];
  const extra = allow.map((a) => a.trim()).filter(Boolean);
  return new Set(
    [
      ...names.map((h) => hostPort(h, port)),
      ...extra.map((a) =>
        /:\d+$/.test(a) && (a.startsWith('[') || a.split(':').length === 2) ? a : hostPort(a, port),
      ),
    ].map((h) => h.toLowerCase()),
  );
}

/** The Host check holds on every bind address: a wildcard bind does not turn it off. */
export function checkHost(
  host: string | undefined,
  bindHost: string,
  port: number,
  allow: readonly string[] = [],
): Verdict {
  if (!host) return { ok: false, reason: 'no Host header' };
  return allowedHosts(bindHost, port, allow).has(host.toLowerCase())
    ? { ok: true, reason: 'host names this server' }
    : {
        ok: false,
        reason: `Host "${host.slice(0, 100)}" does not name this server (allow it with --allow-host ${host.slice(0, 100).replace(/:\d+$/, '')})`,
      };
}

/**
 * A state-changing request is same-origin when the browser says so (Sec-Fetch-Site) and its
 * Origin is this server. A request that proves neither is refused.
 */
export function checkSameOrigin(headers: {
  origin?: string | undefined;
  host?: string | undefined;
  'sec-fetch-site'?: string | undefined;
}): Verdict {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') {
    return { ok: false, reason: `cross-origin request (Sec-Fetch-Site: ${site})` };
  }
  const origin = headers.origin;
  if (origin === undefined) return { ok: false, reason: 'no Origin header' };
  if (!headers.host) return { ok: false, reason: 'no Host header' };
  if (origin.toLowerCase() !== `http://${headers.host}`.toLowerCase()) {
    return { ok: false, reason: `Origin ${origin} is not this server` };
  }
  return { ok: true, reason: 'same origin' };
}

/** Issue ids as the pipeline writes them (YYYY-MM-DD, -2 …); nothing that could leave the outbox. */
export function isIssueId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(id) && !id.includes('..');
}

/** One plain address for a test send; undefined when it is not one. */
export function parseTestAddress(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const to = input.trim();
  if (to.length > 254 || /[\s,;<>"\\]/.test(to)) return undefined;
  return /^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/.test(to) ? to : undefined;
}
