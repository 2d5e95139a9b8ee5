import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  resolveUnsubscribeSecret,
  signUnsubscribeToken,
  unsubscribeUrl,
  verifyUnsubscribeToken,
  recipientFor,
} from '../../src/deliver/index.js';
import { SECRET, deliveryConfig, tempSetup } from './builders.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('unsubscribe tokens', () => {
  it('verify for the address they were made for and for nothing else', () => {
    const t = signUnsubscribeToken('Kim@Example.org', SECRET);
    expect(verifyUnsubscribeToken(t, SECRET)).toBe('kim@example.org');
    expect(verifyUnsubscribeToken(t, 'another-secret-0123456789')).toBeUndefined();
    const [, mac] = t.split('.');
    const forged = `${Buffer.from('lee@example.org').toString('base64url')}.${mac}`;
    expect(verifyUnsubscribeToken(forged, SECRET)).toBeUndefined();
    expect(verifyUnsubscribeToken('garbage', SECRET)).toBeUndefined();
    expect(verifyUnsubscribeToken('', SECRET)).toBeUndefined();
  });

  it('ride in an https URL under the base URL, or fall back to the mailto without one', () => {
    expect(unsubscribeUrl('https://news.example.com/letters', 'abc.def')).toBe(
      'https://news.example.com/letters/unsubscribe?t=abc.def',
    );
    const r = recipientFor(
      { email: 'kim@example.org', interests: ['AI'] },
      { delivery: deliveryConfig(), secret: SECRET },
    );
    expect(r.unsubscribeUrl).toBe('mailto:briefing@example.com?subject=unsubscribe');
    expect(r.interests).toEqual(['AI']);
  });
});

describe('the unsubscribe secret', () => {
  it('comes from the environment variable when it is set', () => {
    const t = tempSetup();
    cleanups.push(t.cleanup);
    expect(resolveUnsubscribeSecret('MY_SECRET', t.config.paths.data, { MY_SECRET: 'x'.repeat(32) })).toBe(
      'x'.repeat(32),
    );
    expect(() => resolveUnsubscribeSecret('MY_SECRET', t.config.paths.data, { MY_SECRET: 'short' })).toThrow(
      /shorter than 16/,
    );
  });

  it('is generated once per data folder and kept (mode 0600) when the variable is unset', () => {
    const t = tempSetup();
    cleanups.push(t.cleanup);
    const a = resolveUnsubscribeSecret('MY_SECRET', t.config.paths.data, {});
    const b = resolveUnsubscribeSecret('MY_SECRET', t.config.paths.data, {});
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    const file = join(t.config.paths.data, 'unsubscribe.secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(a);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
