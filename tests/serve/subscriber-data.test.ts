import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSubscribersCsv, recipientFor, verifyAddressToken } from '../../src/deliver/index.js';
import { Store } from '../../src/store/index.js';
import { deliveryConfig } from '../deliver/builders.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function store(): Store {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-subdata-'));
  dirs.push(dir);
  return Store.open(dir);
}

describe('consent from an operator import', () => {
  it('records a consent once for rows marked confirmed, with the date given or the import time', () => {
    const s = store();
    const csv = parseSubscribersCsv(
      'email,name,confirmed\nhana@example.org,한아,2026-03-01\nmin@example.org,민,yes\nno@example.org,노,no\n',
    );
    const at = new Date('2026-12-01T00:00:00Z');
    s.subscribers.upsertMany(csv.subscribers, at);
    s.subscribers.upsertMany(csv.subscribers, at);
    expect(s.subscriberData.export('hana@example.org').consents).toEqual([
      { at: '2026-03-01T00:00:00.000Z', ip: null, wording: 'import', source: 'import' },
    ]);
    expect(s.subscriberData.export('min@example.org').consents.map((c) => c.at)).toEqual([at.toISOString()]);
    expect(s.subscriberData.export('no@example.org').consents).toEqual([]);
    s.close();
  });

  it('names the line of a confirmed value it cannot read', () => {
    expect(() => parseSubscribersCsv('email,confirmed\na@example.org,maybe\n', 'list.csv')).toThrow(
      /list\.csv line 2: confirmed "maybe"/,
    );
  });
});

describe('the footer link', () => {
  it('carries a preferences token that the unsubscribe link cannot stand in for', () => {
    const secret = 'footer-secret-0123456789abcdef';
    const r = recipientFor(
      { email: 'Reader@Example.org' },
      { delivery: deliveryConfig(), baseUrl: 'https://news.example.com/letters', secret },
    );
    const prefs = new URL(r.preferencesUrl ?? '');
    expect(prefs.origin + prefs.pathname).toBe('https://news.example.com/letters/preferences');
    const t = prefs.searchParams.get('t') ?? '';
    expect(verifyAddressToken('preferences', t, secret)).toBe('reader@example.org');
    expect(verifyAddressToken('unsubscribe', t, secret)).toBeUndefined();
    const u = new URL(r.unsubscribeUrl).searchParams.get('t') ?? '';
    expect(verifyAddressToken('preferences', u, secret)).toBeUndefined();
    // Without a base URL there is no public site to link to.
    expect(recipientFor({ email: 'a@example.org' }, { delivery: deliveryConfig(), secret }).preferencesUrl).toBe(
      undefined,
    );
  });
});
