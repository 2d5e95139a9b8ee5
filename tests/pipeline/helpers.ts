import { createServer, type Server } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Draft } from '../../src/types.js';

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

/** Every article link an issue carries (story sources and headlines), without tracking parameters. */
export function links(draft: Draft): string[] {
  return [...draft.stories.flatMap((s) => s.sources.map((r) => r.url)), ...draft.headlines.map((h) => h.url)].map((u) =>
    u.replace(/[?&]utm_[^&]*/g, ''),
  );
}

/** A second day of news: three new stories of Monday 16 November, in a feed of its own. */
export function mondayFeed(): string {
  const item = (n: number, title: string, body: string, hour: number): string => `
    <item>
      <title>${title}</title>
      <link>https://wire.example.kr/news/20261116${n}</link>
      <guid isPermaLink="false">wire-1116-${n}</guid>
      <pubDate>Mon, 16 Nov 2026 ${String(hour).padStart(2, '0')}:00:00 +0900</pubDate>
      <description><![CDATA[${body}]]></description>
    </item>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>연합와이어</title><link>https://wire.example.kr/</link><description>뉴스</description>
${item(1, '현대차, 울산 전기차 전용 공장 준공… 연 20만 대 생산', '<p>현대자동차가 울산에 전기차 전용 공장을 준공했다. 연간 20만 대를 만들 수 있는 규모다. 회사는 내년 상반기부터 대형 전기 SUV를 이 공장에서 생산한다.</p><p>공장에는 2조 원이 들었다. 로봇 자동화 비율은 70%에 이른다.</p>', 9)}
${item(2, '카카오페이, 해외 결제 수수료 0.5%p 내린다', '<p>카카오페이가 다음 달부터 해외 가맹점 결제 수수료를 0.5%포인트 낮춘다. 일본과 동남아 여행객이 늘어난 데 따른 조치다. 회사는 연간 이용자 혜택이 300억 원에 이를 것으로 본다.</p>', 10)}
${item(3, '기상청, 올겨울 평년보다 따뜻… 12월 한파는 짧고 강해', '<p>기상청이 올겨울 기온이 평년보다 조금 높을 것으로 내다봤다. 다만 12월 중순에는 짧고 강한 한파가 올 수 있다고 밝혔다. 난방비 부담은 지난해보다 줄어들 전망이다.</p>', 11)}
</channel></rss>`;
}
