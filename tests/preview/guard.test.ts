import { describe, expect, it } from 'vitest';
import { checkHost, checkSameOrigin, isIssueId, parseTestAddress } from '../../src/preview/index.js';
import { bindsBeyondLoopback } from '../../src/preview/guard.js';

describe('same-origin check for state-changing requests', () => {
  const host = '127.0.0.1:5000';
  it('accepts the page itself', () => {
    expect(checkSameOrigin({ origin: 'http://127.0.0.1:5000', host, 'sec-fetch-site': 'same-origin' }).ok).toBe(true);
    expect(checkSameOrigin({ origin: 'http://127.0.0.1:5000', host }).ok).toBe(true);
  });
  it('refuses another port, another site, a missing or null Origin', () => {
    expect(checkSameOrigin({ origin: 'http://127.0.0.1:5001', host }).ok).toBe(false);
    expect(checkSameOrigin({ origin: 'http://127.0.0.1:5000', host, 'sec-fetch-site': 'same-site' }).ok).toBe(false);
    expect(checkSameOrigin({ origin: 'https://evil.example', host, 'sec-fetch-site': 'cross-site' }).reason).toMatch(
      /cross-site/,
    );
    expect(checkSameOrigin({ host }).reason).toBe('no Origin header');
    expect(checkSameOrigin({ origin: 'null', host }).ok).toBe(false);
    expect(checkSameOrigin({ origin: 'http://127.0.0.1:5000' }).ok).toBe(false);
  });
});

describe('Host check', () => {
  it('accepts the loopback names of the server and refuses other names', () => {
    for (const h of ['127.0.0.1:5000', 'localhost:5000', '[::1]:5000', 'LOCALHOST:5000']) {
      expect(checkHost(h, '127.0.0.1', 5000).ok, h).toBe(true);
    }
    for (const h of ['127.0.0.1:5001', 'attacker.example:5000', undefined]) {
      expect(checkHost(h, '127.0.0.1', 5000).ok, String(h)).toBe(false);
    }
  });
  it('holds on a wildcard bind: a rebinding name is refused, loopback and allowed names are served', () => {
    expect(checkHost('192.168.1.5:5000', '0.0.0.0', 5000).ok).toBe(false);
    expect(checkHost('rebind.attacker.example:5000', '::', 5000).reason).toMatch(
      /--allow-host rebind\.attacker\.example/,
    );
    expect(checkHost('127.0.0.1:5000', '0.0.0.0', 5000).ok).toBe(true);
    expect(checkHost('desk.newsroom.example:5000', '0.0.0.0', 5000, ['desk.newsroom.example']).ok).toBe(true);
    expect(checkHost('192.168.1.5:5000', '0.0.0.0', 5000, ['192.168.1.5:5000']).ok).toBe(true);
    expect(checkHost('192.168.1.5:5001', '0.0.0.0', 5000, ['192.168.1.5:5000']).ok).toBe(false);
  });
  it('names the bind addresses that reach beyond this machine', () => {
    expect(['0.0.0.0', '::', '192.168.1.5'].map(bindsBeyondLoopback)).toEqual([true, true, true]);
    expect(['127.0.0.1', '127.0.1.1', 'localhost', '::1'].map(bindsBeyondLoopback)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('inputs', () => {
  it('takes issue ids as the pipeline writes them and nothing that walks out of the outbox', () => {
    expect(isIssueId('2026-11-23')).toBe(true);
    expect(isIssueId('2026-11-23-2')).toBe(true);
    for (const bad of ['../etc', 'a/b', '..', '', 'a\\b', `x${'y'.repeat(80)}`])
      expect(isIssueId(bad), bad).toBe(false);
  });
  it('takes one plain address for a test send', () => {
    expect(parseTestAddress(' editor@example.com ')).toBe('editor@example.com');
    for (const bad of [
      'a@example.com\r\nBcc: b@example.com',
      'a@example.com, b@example.com',
      'Ed <a@example.com>',
      'nobody',
      'a@localhost',
      42,
    ]) {
      expect(parseTestAddress(bad), String(bad)).toBeUndefined();
    }
  });
});
