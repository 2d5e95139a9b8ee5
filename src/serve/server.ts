/**
 * The public web server (`briefing serve`): sign-up with double opt-in, preferences, export and erasure,
 * one-click unsubscribe, the archive, and a health check. Fastify, with its own plugins for form bodies,
 * rate limits and security headers. Everything it needs comes in one deps object (see `SiteDeps`); the
 * wiring is in src/app.ts.
 *
 * Safety, in order of a request's path: the Host header must name this site (the base URL's host, or a
 * loopback name on the bound port), so a DNS-rebinding page cannot reach it; X-Forwarded-* is believed only
 * with `serve.trustProxy`; a body over the limit is refused before it is read; a cross-site POST (by
 * Sec-Fetch-Site or Origin) is refused, except the RFC 8058 one-click unsubscribe, whose token is its
 * authority; POSTs are rate-limited per client address; GET never changes state.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Clock, Labels, Locale, Logger } from '../types.js';
import {
  badLinkPage,
  type Choice,
  checkInboxPage,
  confirmedPage,
  confirmPage,
  deletedPage,
  messagePage,
  type PageContext,
  preferencesPage,
  SITE_CSS,
  signupMail,
  subscribePage,
  unsubscribePage,
} from './pages.js';
import { nonce, signToken, tokenProblem, verifyToken } from './tokens.js';

/** What the site reads and writes of the subscriber list (the store's repositories fit). */
export interface SiteSubscribers {
  /** Status of an address on the list, or undefined when it is not on it. */
  status(email: string): string | undefined;
  confirm(input: {
    email: string;
    name?: string | undefined;
    interests?: readonly string[] | undefined;
    editions?: readonly string[] | undefined;
    at: Date;
    ip?: string | undefined;
    wording: string;
    source: 'signup';
    nonce: string;
  }): 'confirmed' | 'already-used';
  profile(
    email: string,
  ): { status: string; interests: string[]; editions: string[]; pausedUntil?: string | undefined } | undefined;
  setPreferences(
    email: string,
    prefs: { interests?: readonly string[]; editions?: readonly string[]; pausedUntil?: string | null },
    at: Date,
  ): boolean;
  unsubscribe(email: string, at: Date): boolean;
  export(email: string): unknown;
  erase(email: string, at: Date): void;
}

export interface SiteMail {
  to: string;
  subject: string;
  html: string;
  text: string;
}

export interface SiteOptions {
  newsletter: string;
  locale: Locale;
  /** The public address of the site; links in messages start with it. */
  baseUrl?: string | undefined;
  trustProxy: boolean;
  /** More Host names the site answers to (besides the base URL's and loopback). */
  allowedHosts: readonly string[];
  bodyLimit: number;
  /** POSTs per client address per minute. */
  rateLimit: number;
  minFillMs: number;
  confirmTtlMs: number;
  interests: readonly Choice[];
  editions: readonly Choice[];
}

export interface SiteDeps {
  options: SiteOptions;
  subscribers: SiteSubscribers;
  labels(locale: Locale): Labels;
  /** Hand a message to the configured transport. */
  sendMail(mail: SiteMail): Promise<void>;
  /** The archive site's files by path (`index.html`, `feed.xml`, `issues/<id>.html`), and a key that changes with them. */
  archive: { version(): string; files(): Record<string, string | Uint8Array> };
  /**
   * The per-address tokens the emails carry (made by deliver): the one-click unsubscribe link's and the
   * footer's preferences link's. `verify` gives the address a token names, or undefined.
   */
  addressTokens: {
    verify(purpose: 'unsubscribe' | 'preferences', token: string): string | undefined;
    sign(purpose: 'preferences', email: string): string;
  };
  secret: string;
  clock: Clock;
  logger: Logger;
}

export interface Site {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

const FORM_TTL_MS = 24 * 3_600_000;
const MAX_PENDING_MAIL = 1000;
const EMAIL_RE =
  /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

const SITE_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
// Issue pages are email HTML: inline styles and remote pictures, and still no script.
const ARCHIVE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

type Form = Record<string, string | string[] | undefined>;

function field(form: Form | undefined, name: string): string {
  const v = form?.[name];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
}

function fields(form: Form | undefined, name: string): string[] {
  const v = form?.[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map((s) => s.trim()).filter(Boolean);
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  xml: 'application/atom+xml; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

export async function startSite(deps: SiteDeps, listen: { host: string; port: number }): Promise<Site> {
  const o = deps.options;
  const app = Fastify({
    bodyLimit: o.bodyLimit,
    trustProxy: o.trustProxy,
    logger: false,
    requestTimeout: 15_000,
    connectionTimeout: 15_000,
    return503OnClosing: true,
  });
  let selfUrl = '';
  const allowed = new Set<string>(o.allowedHosts.map((h) => h.toLowerCase()));
  const baseHost = hostOf(o.baseUrl);
  if (baseHost) allowed.add(baseHost);

  const localeOf = (req: FastifyRequest): Locale => {
    const lang = (req.query as Record<string, unknown> | undefined)?.lang;
    return lang === 'ko' || lang === 'en' ? lang : o.locale;
  };
  const ctxOf = (req: FastifyRequest): PageContext => {
    const locale = localeOf(req);
    return { locale, labels: deps.labels(locale), newsletter: o.newsletter };
  };
  const html = (reply: FastifyReply, status: number, body: string): FastifyReply =>
    reply
      .code(status)
      .header('Content-Type', 'text/html; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .send(body);
  const link = (path: string, params: Record<string, string>): string => {
    const base = o.baseUrl ?? selfUrl;
    const url = new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return url.toString();
  };
  const hours = Math.round(o.confirmTtlMs / 3_600_000);

  // Messages go out one at a time, after the answer: the reply never waits on the mail server, so a known
  // and an unknown address take the same time.
  const queue: SiteMail[] = [];
  let sending: Promise<void> | undefined;
  const pump = async (): Promise<void> => {
    for (let mail = queue.shift(); mail; mail = queue.shift()) {
      try {
        await deps.sendMail(mail);
      } catch (e) {
        deps.logger.error('sign-up message not sent', { error: (e as Error).message });
      }
    }
    sending = undefined;
  };
  const enqueue = (mail: SiteMail): void => {
    if (queue.length >= MAX_PENDING_MAIL) {
      deps.logger.warn('sign-up message dropped: too many waiting', { waiting: queue.length });
      return;
    }
    queue.push(mail);
    sending ??= pump();
  };

  await app.register(helmet, {
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    hsts: false,
    // same-origin: our own forms carry an Origin to check (no-referrer makes it `null`), and no link
    // with a token in it ever leaks to another site.
    referrerPolicy: { policy: 'same-origin' },
  });
  await app.register(formbody, { bodyLimit: o.bodyLimit });
  await app.register(rateLimit, {
    global: false,
    max: o.rateLimit,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, code: 'RATE_LIMIT', message: `retry in ${ctx.after}` }),
  });

  app.addHook('onRequest', async (req, reply) => {
    reply.header('Content-Security-Policy', SITE_CSP);
    const host = (req.host ?? '').toLowerCase();
    if (!allowed.has(host)) {
      deps.logger.warn('request for another host refused', { host: host.slice(0, 100) });
      return html(reply, 421, messagePage(ctxOf(req), 'siteForbidden'));
    }
    if (req.method === 'POST' && req.url.split('?')[0] !== '/unsubscribe') {
      const site = req.headers['sec-fetch-site'];
      const origin = req.headers.origin;
      const crossSite = site === 'cross-site' || (origin !== undefined && !allowed.has(hostOf(origin) ?? ''));
      if (crossSite) return html(reply, 403, messagePage(ctxOf(req), 'siteForbidden'));
    }
    return undefined;
  });

  app.setErrorHandler((error: { statusCode?: number }, req, reply) => {
    const status = error.statusCode ?? 500;
    if (status === 429) return html(reply, 429, messagePage(ctxOf(req), 'siteTooMany'));
    if (status === 413) return html(reply, 413, messagePage(ctxOf(req), 'siteForbidden'));
    if (status >= 500) deps.logger.error('site error', { error: String((error as Error).message ?? error) });
    else deps.logger.warn('request refused', { status, error: String((error as Error).message ?? error) });
    return html(reply, status >= 400 && status < 600 ? status : 500, messagePage(ctxOf(req), 'siteForbidden'));
  });
  app.setNotFoundHandler((req, reply) => html(reply, 404, messagePage(ctxOf(req), 'siteNotFound')));

  app.get('/healthz', async (_req, reply) => reply.type('text/plain; charset=utf-8').send('ok\n'));
  app.get('/site.css', async (_req, reply) =>
    reply.type('text/css; charset=utf-8').header('Cache-Control', 'public, max-age=3600').send(SITE_CSS),
  );

  // ------------------------------------------------------------ sign-up
  const formToken = (): string => signToken('form', { iat: deps.clock.now().getTime(), nonce: nonce() }, deps.secret);
  const wording = (ctx: PageContext): string =>
    `${ctx.locale}:${createHash('sha256')
      .update(`${ctx.labels.siteConsent ?? ''}\n${ctx.newsletter}`)
      .digest('hex')
      .slice(0, 8)}`;
  const pick = (wanted: readonly string[], choices: readonly Choice[]): string[] => {
    const ids = new Set(choices.map((c) => c.id));
    return [...new Set(wanted)].filter((id) => ids.has(id));
  };

  app.get('/subscribe', async (req, reply) =>
    html(
      reply,
      200,
      subscribePage(ctxOf(req), { formToken: formToken(), interests: o.interests, editions: o.editions }),
    ),
  );

  const postLimit = { config: { rateLimit: { max: o.rateLimit, timeWindow: 60_000 } } };
  app.post('/subscribe', postLimit, async (req, reply) => {
    const ctx = ctxOf(req);
    const form = req.body as Form | undefined;
    const email = field(form, 'email').toLowerCase();
    const name = field(form, 'name')
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .slice(0, 100);
    const interests = pick(fields(form, 'interests'), o.interests);
    const editions = pick(fields(form, 'editions'), o.editions);
    const now = deps.clock.now();
    const again = (error: string): FastifyReply =>
      html(
        reply,
        400,
        subscribePage(ctx, {
          formToken: formToken(),
          interests: o.interests,
          editions: o.editions,
          email,
          name,
          chosenInterests: interests,
          chosenEditions: editions,
          error,
        }),
      );
    if (!EMAIL_RE.test(email) || email.length > 254) return again('siteBadEmail');
    const ft = verifyToken('form', field(form, 'ft'), deps.secret, new Date(now.getTime() - FORM_TTL_MS));
    if (!ft || ft.iat > now.getTime() + 60_000) return again('siteFormAgain');
    const bot = field(form, 'website') !== '' || now.getTime() - ft.iat < o.minFillMs;
    if (bot) {
      deps.logger.info('sign-up ignored (honeypot or too fast)', { ip: req.ip });
    } else if (deps.subscribers.status(email) === 'active') {
      const mail = signupMail(ctx, 'already', link('/preferences', { t: prefsToken(email), lang: ctx.locale }), hours);
      enqueue({ to: email, ...mail });
    } else {
      const token = signToken(
        'confirm',
        {
          email,
          ...(name ? { name } : {}),
          interests,
          editions,
          lang: ctx.locale,
          nonce: nonce(),
          exp: now.getTime() + o.confirmTtlMs,
        },
        deps.secret,
      );
      enqueue({ to: email, ...signupMail(ctx, 'confirm', link('/confirm', { t: token, lang: ctx.locale }), hours) });
    }
    return html(reply, 200, checkInboxPage(ctx, hours));
  });

  app.get('/confirm', async (req, reply) => {
    const ctx = ctxOf(req);
    const t = String((req.query as Record<string, unknown>).t ?? '');
    const claims = verifyToken('confirm', t, deps.secret, deps.clock.now());
    if (!claims) return html(reply, 400, badLinkPage(ctx, tokenProblem('confirm', t, deps.secret), hours));
    return html(reply, 200, confirmPage(ctx, claims.email, t));
  });

  app.post('/confirm', postLimit, async (req, reply) => {
    const ctx = ctxOf(req);
    const t = field(req.body as Form | undefined, 't');
    const now = deps.clock.now();
    const claims = verifyToken('confirm', t, deps.secret, now);
    if (!claims) return html(reply, 400, badLinkPage(ctx, tokenProblem('confirm', t, deps.secret), hours));
    const outcome = deps.subscribers.confirm({
      email: claims.email,
      name: claims.name,
      interests: pick(claims.interests ?? [], o.interests),
      editions: pick(claims.editions ?? [], o.editions),
      at: now,
      ip: req.ip,
      wording: wording(ctx),
      source: 'signup',
      nonce: claims.nonce,
    });
    if (outcome === 'already-used') return html(reply, 400, badLinkPage(ctx, 'invalid', hours));
    deps.logger.info('subscriber confirmed', { ip: req.ip });
    return html(
      reply,
      200,
      confirmedPage(ctx, claims.email, link('/preferences', { t: prefsToken(claims.email), lang: ctx.locale })),
    );
  });

  // ------------------------------------------------------------ preferences
  function prefsToken(email: string): string {
    return deps.addressTokens.sign('preferences', email);
  }
  const prefsView = (req: FastifyRequest, token: string, email: string, saved = false): string => {
    const ctx = ctxOf(req);
    const p = deps.subscribers.profile(email);
    const paused = p?.pausedUntil && Date.parse(p.pausedUntil) > deps.clock.now().getTime() ? p.pausedUntil : undefined;
    return preferencesPage(ctx, {
      token,
      email,
      active: p?.status === 'active',
      interests: o.interests,
      chosenInterests: p?.interests ?? [],
      editions: o.editions,
      chosenEditions: p?.editions ?? [],
      pausedUntil: paused,
      pausedUntilText: paused
        ? new Intl.DateTimeFormat(ctx.locale === 'ko' ? 'ko-KR' : 'en-GB', { dateStyle: 'long' }).format(
            new Date(paused),
          )
        : undefined,
      saved,
    });
  };
  const prefsClaims = (t: string): { email: string } | undefined => {
    const email = deps.addressTokens.verify('preferences', t);
    return email ? { email } : undefined;
  };

  app.get('/preferences', async (req, reply) => {
    const t = String((req.query as Record<string, unknown>).t ?? '');
    const claims = prefsClaims(t);
    if (!claims) return html(reply, 400, badLinkPage(ctxOf(req), 'invalid', hours));
    return html(reply, 200, prefsView(req, t, claims.email));
  });

  app.post('/preferences', postLimit, async (req, reply) => {
    const form = req.body as Form | undefined;
    const t = field(form, 't') || String((req.query as Record<string, unknown>).t ?? '');
    const claims = prefsClaims(t);
    if (!claims) return html(reply, 400, badLinkPage(ctxOf(req), 'invalid', hours));
    const now = deps.clock.now();
    const p = deps.subscribers.profile(claims.email);
    if (p?.status === 'active') {
      if (field(form, 'action') === 'unsubscribe') {
        deps.subscribers.unsubscribe(claims.email, now);
      } else {
        const weeks = Number(field(form, 'pause') || '0');
        const pause = Number.isInteger(weeks) && weeks > 0 && weeks <= 52 ? weeks : 0;
        deps.subscribers.setPreferences(
          claims.email,
          {
            interests: pick(fields(form, 'interests'), o.interests),
            ...(o.editions.length > 0 ? { editions: pick(fields(form, 'editions'), o.editions) } : {}),
            ...(pause > 0
              ? { pausedUntil: new Date(now.getTime() + pause * 7 * 86_400_000).toISOString() }
              : field(form, 'pause') === '0'
                ? { pausedUntil: null }
                : {}),
          },
          now,
        );
      }
    }
    return html(reply, 200, prefsView(req, t, claims.email, p?.status === 'active'));
  });

  app.get('/preferences/export', async (req, reply) => {
    const t = String((req.query as Record<string, unknown>).t ?? '');
    const claims = prefsClaims(t);
    if (!claims) return html(reply, 400, badLinkPage(ctxOf(req), 'invalid', hours));
    const data = { exportedAt: deps.clock.now().toISOString(), ...(deps.subscribers.export(claims.email) as object) };
    return reply
      .header('Content-Type', 'application/json; charset=utf-8')
      .header('Content-Disposition', 'attachment; filename="briefing-subscriber.json"')
      .header('Cache-Control', 'no-store')
      .send(`${JSON.stringify(data, null, 2)}\n`);
  });

  app.post('/preferences/delete', postLimit, async (req, reply) => {
    const t = field(req.body as Form | undefined, 't');
    const claims = prefsClaims(t);
    if (!claims) return html(reply, 400, badLinkPage(ctxOf(req), 'invalid', hours));
    deps.subscribers.erase(claims.email, deps.clock.now());
    deps.logger.info('subscriber data erased', {});
    return html(reply, 200, deletedPage(ctxOf(req)));
  });

  // ------------------------------------------------------------ one-click unsubscribe (RFC 8058)
  app.get('/unsubscribe', async (req, reply) => {
    const t = String((req.query as Record<string, unknown>).t ?? '');
    const email = deps.addressTokens.verify('unsubscribe', t);
    const ctx = ctxOf(req);
    if (!email) return html(reply, 400, badLinkPage(ctx, 'invalid', hours));
    return html(reply, 200, unsubscribePage(ctx, email, t));
  });
  app.post('/unsubscribe', postLimit, async (req, reply) => {
    const t = String((req.query as Record<string, unknown>).t ?? '');
    const email = deps.addressTokens.verify('unsubscribe', t);
    const ctx = ctxOf(req);
    if (!email) return html(reply, 400, badLinkPage(ctx, 'invalid', hours));
    deps.subscribers.unsubscribe(email, deps.clock.now());
    deps.logger.info('unsubscribed', {});
    return html(reply, 200, messagePage(ctx, 'siteUnsubscribed'));
  });

  // ------------------------------------------------------------ archive
  let archive: { version: string; files: Record<string, string | Uint8Array> } | undefined;
  const archiveFile = (path: string): string | Uint8Array | undefined => {
    const version = deps.archive.version();
    if (archive?.version !== version) archive = { version, files: deps.archive.files() };
    return Object.hasOwn(archive.files, path) ? archive.files[path] : undefined;
  };
  app.get('/archive', async (_req, reply) => reply.redirect('/archive/', 301));
  app.get('/archive/*', async (req, reply) => {
    const rest = (req.params as Record<string, string>)['*'] ?? '';
    let path: string;
    try {
      path = decodeURIComponent(rest);
    } catch {
      path = '\0';
    }
    if (path === '' || path.endsWith('/')) path += 'index.html';
    const body = path.split('/').some((seg) => seg === '..' || seg === '.') ? undefined : archiveFile(path);
    if (body === undefined) return html(reply, 404, messagePage(ctxOf(req), 'siteNotFound'));
    const ext = path.slice(path.lastIndexOf('.') + 1);
    return reply
      .header('Content-Security-Policy', ARCHIVE_CSP)
      .header('Content-Type', CONTENT_TYPES[ext] ?? 'application/octet-stream')
      .header('Cache-Control', 'public, max-age=300')
      .send(typeof body === 'string' ? body : Buffer.from(body));
  });

  await app.listen({ host: listen.host, port: listen.port });
  const addr = app.server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  selfUrl = `http://${host}:${addr.port}`;
  // A loopback name on the bound port is always this site (a rebinding page carries its own name).
  for (const name of ['127.0.0.1', 'localhost', '[::1]']) allowed.add(`${name}:${addr.port}`);
  return {
    url: selfUrl,
    app,
    close: async () => {
      await app.close();
      await sending;
    },
  };
}
