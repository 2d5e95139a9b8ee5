import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../src/config/index.js';
import { Store } from '../../src/store/index.js';
import type { BriefingConfig, Clock, DeliveryConfig, Logger, Recipient, RenderedIssue } from '../../src/types.js';

export const NOW = new Date('2026-11-23T07:00:00+09:00');

export function deliveryConfig(over: Partial<DeliveryConfig> = {}): DeliveryConfig {
  return {
    transport: 'outbox',
    from: '테크 브리핑 <briefing@example.com>',
    unsubscribeSecretEnv: 'BRIEFING_SECRET',
    ...over,
  };
}

export function renderedIssue(over: Partial<RenderedIssue> = {}): RenderedIssue {
  return {
    issueId: '2026-11-23',
    subject: '[브리핑] 삼성전자, 차세대 반도체 투자 발표',
    preheader: '오늘의 브리핑',
    html: '<html><body><h1>[1] 삼성전자, 차세대 반도체 투자 발표</h1><p>{{name}}님 안녕하세요. 왜 중요하냐면…</p><a href="{{unsubscribe}}">수신 거부</a></body></html>',
    text: '[1] 삼성전자, 차세대 반도체 투자 발표\n{{name}}님 안녕하세요.\n수신 거부: {{unsubscribe}}',
    warnings: [],
    ...over,
  };
}

export function recipient(over: Partial<Recipient> = {}): Recipient {
  return {
    email: 'kim@example.org',
    name: '김철수',
    unsubscribeUrl: 'https://news.example.com/unsubscribe?t=abc.def',
    ...over,
  };
}

/** A stand-in for render's personalize: fills the two placeholders. */
export function personalize(issue: RenderedIssue, r: Recipient): { html: string; text: string } {
  const fill = (s: string): string =>
    s.replaceAll('{{name}}', r.name ?? '').replaceAll('{{unsubscribe}}', r.unsubscribeUrl);
  return { html: fill(issue.html), text: fill(issue.text) };
}

/** A header's value as written (mailparser turns List-* headers into objects). */
export function headerLine(
  parsed: { headerLines: ReadonlyArray<{ key: string; line: string }> },
  key: string,
): string | undefined {
  const line = parsed.headerLines.find((h) => h.key === key.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(':') + 1)
    .replace(/\r?\n[ \t]+/g, ' ')
    .trim();
}

export const SECRET = 'test-secret-0123456789abcdef';

export const quietLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export const fixedClock: Clock = { now: () => new Date(NOW) };

/** A temp folder and a resolved config in it (raw delivery/newsletter keys merged in). */
export function tempSetup(raw: { delivery?: Record<string, unknown>; newsletter?: Record<string, unknown> } = {}): {
  dir: string;
  config: BriefingConfig;
  store: Store;
  cleanup(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-deliver-'));
  const config = resolveConfig(
    {
      newsletter: { title: '테크 브리핑', baseUrl: 'https://news.example.com', ...raw.newsletter },
      sources: [{ name: '샘플', url: join(dir, 'feed.xml') }],
      delivery: { from: '테크 브리핑 <briefing@example.com>', ...raw.delivery },
    },
    dir,
  );
  const store = Store.open(config.paths.data);
  return {
    dir,
    config,
    store,
    cleanup: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Add n subscribers sub<i>@example.org named 구독자<i>. */
export function addSubscribers(store: Store, n: number, start = 1): void {
  store.subscribers.upsertMany(
    Array.from({ length: n }, (_, i) => ({
      email: `sub${start + i}@example.org`,
      name: `구독자${start + i}`,
      topics: [],
    })),
    NOW,
  );
}

export function smtpDelivery(port: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    transport: 'smtp',
    smtp: { host: '127.0.0.1', port, secure: false, pool: true, maxConnections: 2, retries: 2, ...over },
  };
}
