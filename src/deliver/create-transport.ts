/** Pick and configure the transport from the config. Secrets come from the environment only. */
import { BriefingError } from '../errors.js';
import type { BriefingConfig, DeliveryConfig } from '../types.js';
import type { DkimKey } from './eml.js';
import { OutboxTransport } from './outbox-transport.js';
import { SmtpTransport, type SmtpTransportOptions } from './smtp-transport.js';
import type { Transport } from './transport.js';

/** The DKIM key when delivery.dkim is set (the PEM from the environment variable it names). */
export function dkimKeyFrom(delivery: DeliveryConfig, env: NodeJS.ProcessEnv = process.env): DkimKey | undefined {
  const d = delivery.dkim;
  if (!d) return undefined;
  const pem = env[d.privateKeyEnv]?.replace(/\\n/g, '\n');
  if (!pem?.includes('PRIVATE KEY')) {
    throw new BriefingError(
      'ECONFIG',
      `delivery.dkim.privateKeyEnv names ${d.privateKeyEnv}, but that environment variable ${pem ? 'holds no PEM private key' : 'is not set'}`,
      `export ${d.privateKeyEnv}="$(cat dkim-private.pem)", or remove delivery.dkim to send unsigned`,
    );
  }
  return { domainName: d.domainName, keySelector: d.keySelector, privateKey: pem };
}

export function smtpPassword(delivery: DeliveryConfig, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const smtp = delivery.smtp;
  if (!smtp?.user) return undefined;
  if (!smtp.passwordEnv) {
    throw new BriefingError(
      'ECONFIG',
      'delivery.smtp.user is set but delivery.smtp.passwordEnv is not',
      'add passwordEnv: SMTP_PASSWORD (the name of an environment variable); the password never goes in the config file',
    );
  }
  const pass = env[smtp.passwordEnv];
  if (pass === undefined || pass === '') {
    throw new BriefingError(
      'ECONFIG',
      `environment variable ${smtp.passwordEnv} (delivery.smtp.passwordEnv) is not set`,
      `export ${smtp.passwordEnv}=… before sending`,
    );
  }
  return pass;
}

export function createTransport(
  config: BriefingConfig,
  env: NodeJS.ProcessEnv = process.env,
  tuning: Pick<
    SmtpTransportOptions,
    'backoffMs' | 'maxBackoffMs' | 'sleep' | 'timeouts' | 'maxMessagesPerConnection'
  > = {},
): Transport {
  const delivery = config.delivery;
  const dkim = dkimKeyFrom(delivery, env);
  if (delivery.transport === 'outbox') return new OutboxTransport(config.paths.outbox, dkim);
  if (!delivery.smtp) {
    throw new BriefingError(
      'ECONFIG',
      'delivery.transport is smtp but delivery.smtp is missing',
      'add delivery.smtp with at least host (see README)',
    );
  }
  return new SmtpTransport({ smtp: delivery.smtp, password: smtpPassword(delivery, env), dkim, ...tuning });
}
