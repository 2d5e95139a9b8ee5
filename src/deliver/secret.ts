/**
 * The secret that signs unsubscribe tokens: the environment variable named by
 * delivery.unsubscribeSecretEnv when it is set; otherwise a random secret made
 * once and kept in the data folder (`unsubscribe.secret`, mode 0600), so links
 * in mail already sent keep working across runs.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BriefingError } from '../errors.js';

export const SECRET_FILE = 'unsubscribe.secret';

export function resolveUnsubscribeSecret(
  envName: string,
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const fromEnv = env[envName];
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    if (fromEnv.trim().length < 16) {
      throw new BriefingError(
        'ECONFIG',
        `environment variable ${envName} (delivery.unsubscribeSecretEnv) is shorter than 16 characters`,
        `set it to a long random value, e.g. ${envName}=$(openssl rand -hex 32)`,
      );
    }
    return fromEnv.trim();
  }
  const file = join(dataDir, SECRET_FILE);
  if (!existsSync(file)) {
    // Written to a temp file, then hard-linked into place: link fails if another process
    // got there first, so everyone agrees on one complete secret.
    const tmp = join(dataDir, `.${SECRET_FILE}.${process.pid}.${randomBytes(4).toString('hex')}`);
    try {
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
      linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new BriefingError(
          'ESTORE',
          `cannot create ${file}: ${(e as Error).message}`,
          `set ${envName} or make the data folder writable`,
        );
      }
    } finally {
      rmSync(tmp, { force: true });
    }
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 16) {
    throw new BriefingError(
      'ESTORE',
      `${file} holds no usable secret`,
      `delete it (a new one is made) or set ${envName}`,
    );
  }
  return secret;
}
