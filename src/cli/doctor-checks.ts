/**
 * The checks of `briefing doctor` that say whether the next run will fail or be unsafe:
 * SMTP reachable, credentials, DKIM key, baseUrl, deliveries left failed or uncertain, the
 * data folder writable. Each gives one line with its fix; `fail` makes doctor exit 2.
 */
import { createPrivateKey } from 'node:crypto';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Store } from '../store/index.js';
import type { BriefingConfig } from '../types.js';

export type Level = 'ok' | 'warn' | 'fail';

export interface Check {
  name: string;
  level: Level;
  detail: string;
}

/** How long doctor waits for the SMTP server at each step. */
export const SMTP_PROBE_TIMEOUT_MS = 5000;
/** The latest issues whose deliveries doctor looks at. */
export const RECENT_ISSUES = 3;

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** connect + EHLO on the configured server, within a timeout. Undefined unless the transport is SMTP. */
export async function smtpCheck(config: BriefingConfig, timeoutMs = SMTP_PROBE_TIMEOUT_MS): Promise<Check | undefined> {
  const { delivery } = config;
  if (delivery.transport !== 'smtp') return undefined;
  if (!delivery.smtp) {
    return {
      name: 'smtp',
      level: 'fail',
      detail: 'delivery.transport is smtp but delivery.smtp is not set — add delivery.smtp: { host, port }',
    };
  }
  const { probeSmtp } = await import('../deliver/index.js');
  const { host, port, secure } = delivery.smtp;
  const r = await probeSmtp({ host, port, secure, timeoutMs });
  return r.ok
    ? { name: 'smtp', level: 'ok', detail: `${host}:${port} answered EHLO in ${r.ms} ms (${r.greeting})` }
    : {
        name: 'smtp',
        level: 'fail',
        detail: `${r.reason} — check delivery.smtp.host and port (${port === 465 ? 'port 465 needs secure: true' : 'secure: true only for port 465'}) and that this machine may reach the server`,
      };
}

/** The password's environment variable is set when the server wants a login. */
export function credentialsCheck(config: BriefingConfig, env: NodeJS.ProcessEnv = process.env): Check | undefined {
  const smtp = config.delivery.smtp;
  if (config.delivery.transport !== 'smtp' || !smtp) return undefined;
  if (!smtp.user)
    return { name: 'login', level: 'ok', detail: 'no delivery.smtp.user: the server is used without login' };
  const name = smtp.passwordEnv;
  if (!name) {
    return {
      name: 'login',
      level: 'fail',
      detail: 'delivery.smtp.user is set but delivery.smtp.passwordEnv is not — add passwordEnv: SMTP_PASSWORD',
    };
  }
  return env[name]
    ? { name: 'login', level: 'ok', detail: `${smtp.user}, password from ${name}` }
    : {
        name: 'login',
        level: 'fail',
        detail: `${name} is not set (delivery.smtp.passwordEnv) — export ${name}=… in the environment the service runs in`,
      };
}

const LABEL_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** The DKIM key is readable, a private key, and signs for the From domain with a valid selector. */
export function dkimCheck(config: BriefingConfig, env: NodeJS.ProcessEnv = process.env): Check | undefined {
  const d = config.delivery.dkim;
  if (!d) return undefined;
  const fail = (detail: string): Check => ({ name: 'dkim', level: 'fail', detail });
  const pem = env[d.privateKeyEnv]?.replace(/\\n/g, '\n');
  if (!pem)
    return fail(
      `${d.privateKeyEnv} is not set (delivery.dkim.privateKeyEnv) — export ${d.privateKeyEnv}="$(cat dkim-private.pem)"`,
    );
  let type: string | undefined;
  try {
    type = createPrivateKey(pem).asymmetricKeyType;
  } catch (e) {
    const why = (e as Error).message.split('\n')[0] ?? 'unreadable';
    return fail(
      `${d.privateKeyEnv} holds no readable private key (${why}) — put the PEM of the key whose public half is in DNS there`,
    );
  }
  if (!d.keySelector.split('.').every((l) => LABEL_RE.test(l))) {
    return fail(
      `delivery.dkim.keySelector "${d.keySelector}" is not a DNS label — use the selector of the TXT record ${'<selector>'}._domainkey.${d.domainName}`,
    );
  }
  const m = /@([^@>\s]+)>?\s*$/.exec(config.delivery.from);
  const fromDomain = m?.[1]?.toLowerCase();
  const signed = d.domainName.toLowerCase();
  if (fromDomain && fromDomain !== signed && !fromDomain.endsWith(`.${signed}`)) {
    return fail(
      `delivery.dkim.domainName ${d.domainName} does not match the From domain ${fromDomain} — sign for ${fromDomain} (DMARC needs the two aligned)`,
    );
  }
  return {
    name: 'dkim',
    level: 'ok',
    detail: `${type ?? 'key'} key, selector ${d.keySelector}._domainkey.${d.domainName}`,
  };
}

/** Without newsletter.baseUrl there is no one-click unsubscribe link, which bulk senders must have. */
export function baseUrlCheck(config: BriefingConfig): Check | undefined {
  if (config.delivery.transport !== 'smtp') return undefined;
  return config.newsletter.baseUrl
    ? { name: 'baseUrl', level: 'ok', detail: config.newsletter.baseUrl }
    : {
        name: 'baseUrl',
        level: 'fail',
        detail:
          'newsletter.baseUrl is not set, so messages carry no one-click unsubscribe link (Gmail and Yahoo require it of bulk senders) — set it to the public address of `briefing serve`',
      };
}

/** Deliveries of the latest issues left failed, pending or uncertain, with the command that resolves them. */
export function deliveriesCheck(store: Store, recent = RECENT_ISSUES): Check {
  const problems: string[] = [];
  for (const issue of store.issues.list().slice(0, recent)) {
    const c = store.deliveries.counts(issue.id);
    if (c.uncertain > 0) {
      problems.push(
        `${issue.id}: ${plural(c.uncertain, 'uncertain delivery', 'uncertain deliveries')} (look their Message-IDs up in the mail server's log; to resend: briefing send --issue ${issue.id} --retry-uncertain)`,
      );
    }
    if (c.pending > 0 && c.sent + c.failed + c.uncertain > 0) {
      problems.push(
        `${issue.id}: ${plural(c.pending, 'delivery', 'deliveries')} not sent yet (briefing send --issue ${issue.id})`,
      );
    }
    if (c.failed > 0) {
      const emails = store.deliveries
        .list(issue.id, 'failed')
        .slice(0, 3)
        .map((r) => r.email);
      problems.push(
        `${issue.id}: ${plural(c.failed, 'delivery', 'deliveries')} refused for good (${emails.join(', ')}${c.failed > 3 ? ', …' : ''}; fix or remove the address: briefing subscribers remove <email>)`,
      );
    }
  }
  return problems.length
    ? { name: 'delivery', level: 'fail', detail: problems.join('; ') }
    : {
        name: 'delivery',
        level: 'ok',
        detail: `no failed or uncertain deliveries in the last ${plural(recent, 'issue')}`,
      };
}

/** The data folder (or the folder it will be made in) can be written. */
export function dataWritableCheck(dir: string): Check {
  let at = dir;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  if (!statSync(at).isDirectory()) {
    return {
      name: 'writable',
      level: 'fail',
      detail: `${at} is a file, not a folder, so ${dir} cannot be made there — set paths.data or pass --data-dir`,
    };
  }
  try {
    accessSync(at, constants.W_OK);
  } catch {
    return {
      name: 'writable',
      level: 'fail',
      detail: `${at} is not writable${at === dir ? '' : ` (so ${dir} cannot be made)`} — fix its owner or permissions, or pass --data-dir`,
    };
  }
  return {
    name: 'writable',
    level: 'ok',
    detail: at === dir ? `${dir} is writable` : `${dir} will be made in ${at}, which is writable`,
  };
}
