import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Node arguments that run the TypeScript CLI from any working folder. */
export const CLI = [
  '--import',
  pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href,
  join(ROOT, 'src/cli/bin.ts'),
];
export const SAMPLE_AS_OF = '2026-11-16T07:00:00+09:00';

/** A loopback HTTP server that serves one RSS document and counts requests. */
export async function serveFeed(
  xml: string,
): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let n = 0;
  const server: Server = createServer((_req, res) => {
    n++;
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(xml);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/rss.xml`,
    requests: () => n,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

/** A small Korean feed about one story, dated in the sample week. */
export function storyFeed(): string {
  const item = (n: number, title: string, body: string, date: string): string => `
    <item>
      <title>${title}</title>
      <link>https://wire.example.kr/news/${n}?utm_source=rss&amp;utm_medium=feed</link>
      <guid isPermaLink="false">wire-${n}</guid>
      <pubDate>${date}</pubDate>
      <description><![CDATA[${body}]]></description>
    </item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>연합와이어</title><link>https://wire.example.kr/</link><description>뉴스</description>
${item(1, '삼성전자, HBM4 양산 돌입…엔비디아 공급 본격화', '<p>삼성전자가 6세대 고대역폭메모리 HBM4의 양산에 들어갔다. 회사는 엔비디아의 차세대 가속기에 물량을 공급한다고 밝혔다. 업계는 메모리 시장 판도가 바뀔 수 있다고 본다.</p><p>HBM4는 이전 세대보다 대역폭이 2배 가까이 넓다. 전력 효율도 40% 좋아졌다.</p>', 'Thu, 12 Nov 2026 09:00:00 +0900')}
${item(2, '정부, AI 기본법 시행령 입법예고', '<p>과학기술정보통신부가 AI 기본법 시행령을 입법예고했다. 고위험 AI의 기준과 사업자의 의무가 담겼다. 업계는 규제 부담이 커질 것을 우려한다.</p>', 'Fri, 13 Nov 2026 10:00:00 +0900')}
${item(3, '전기차 배터리 화재 기준 강화된다', '<p>국토교통부가 전기차 배터리 안전 기준을 강화한다. 충전율 제한과 열폭주 경보 장치가 의무화된다. 제조사들은 내년부터 새 기준을 따라야 한다.</p>', 'Sat, 14 Nov 2026 08:00:00 +0900')}
</channel></rss>`;
}

/** A config folder that uses the bundled sample feeds plus extra sources, with its own data and outbox. */
export function sampleConfig(
  extraSources: Array<{ name: string; url: string }> = [],
  extra = '',
): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'briefing-run-'));
  const file = join(dir, 'briefing.config.yaml');
  const sources = [
    { name: '테크데일리', url: join(ROOT, 'sources/tech-daily.xml') },
    { name: '마켓워치코리아', url: join(ROOT, 'sources/market-atom.xml') },
    { name: '스타트업브리프', url: join(ROOT, 'sources/startup-brief.xml') },
    ...extraSources,
  ];
  writeFileSync(
    file,
    [
      'newsletter:',
      '  title: 테크 브리핑',
      `  asOf: "${SAMPLE_AS_OF}"`,
      'sources:',
      ...sources.map((s) => `  - { name: ${s.name}, url: "${s.url}" }`),
      'paths:',
      `  templates: "${join(ROOT, 'templates')}"`,
      extra,
      '',
    ].join('\n'),
  );
  return { dir, file };
}
