/**
 * Hostile feeds: real-looking Korean news with one fault each, as bytes a server or a file
 * would give. Shared by the unit tests and `npm run test:hostile`.
 */

/** A realistic Korean news item (RSS 2.0 <item>), with the noise real feeds carry. */
export function newsItem(
  n: number,
  title: string,
  paragraphs: string[],
  date: string,
  host = 'news.example.kr',
): string {
  return `<item>
<title>${title}</title>
<link>https://${host}/news/articleView.html?idxno=${40000 + n}&amp;utm_source=rss</link>
<guid isPermaLink="false">${host}-${40000 + n}</guid>
<pubDate>${date}</pubDate>
<dc:creator>김민준 기자</dc:creator>
<description><![CDATA[${paragraphs.map((p) => `<p>${p}</p>`).join('')}<p>김민준 기자 mj@${host}</p><p>&lt;저작권자 ⓒ 무단전재 및 재배포 금지&gt;</p>]]></description>
</item>`;
}

export const STORIES: ReadonlyArray<{ title: string; paragraphs: string[]; date: string }> = [
  {
    title: '반도체 수출 14개월 연속 증가…HBM 효과',
    paragraphs: [
      '[세종=뉴스1] 반도체 수출이 14개월 연속 증가세를 이어갔다. 산업통상자원부가 1일 발표한 11월 수출입 동향에 따르면 반도체 수출은 전년 같은 달보다 21% 늘었다.',
      '고대역폭메모리(HBM)와 서버용 D램 수요가 증가를 이끌었다. 업계는 내년 상반기까지 호조가 이어질 것으로 본다.',
    ],
    date: 'Fri, 13 Nov 2026 09:00:00 +0900',
  },
  {
    title: '한국은행, 기준금리 연 3.0%로 동결',
    paragraphs: [
      '한국은행 금융통화위원회가 기준금리를 연 3.0%로 동결했다. 가계부채 증가세와 환율 불안을 고려한 결정이라는 분석이 나온다.',
      '이창용 총재는 기자간담회에서 “물가 경로를 좀 더 지켜볼 필요가 있다”고 말했다.',
    ],
    date: 'Thu, 12 Nov 2026 10:30:00 +0900',
  },
  {
    title: '네이버, 생성형 AI 검색 전면 도입',
    paragraphs: [
      '네이버가 생성형 인공지능(AI) 검색 서비스를 모든 이용자에게 연다. 회사는 검색 결과 상단에 AI 요약을 보여준다고 밝혔다.',
      '광고 매출에 미칠 영향을 두고 업계의 관심이 쏠린다. 네이버는 광고 노출 방식도 함께 바꾼다.',
    ],
    date: 'Sat, 14 Nov 2026 08:00:00 +0900',
  },
];

export function rss(items: string[], opts: { doctype?: string; declaration?: string; title?: string } = {}): string {
  return `${opts.declaration ?? '<?xml version="1.0" encoding="UTF-8"?>'}
${opts.doctype ?? ''}<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${opts.title ?? '뉴스코리아'}</title>
<link>https://news.example.kr/</link>
<description>뉴스코리아 주요 뉴스</description>
<language>ko</language>
${items.join('\n')}
</channel>
</rss>
`;
}

/** An ordinary, healthy feed of the three stories. */
export function healthyFeed(host = 'news.example.kr', title = '뉴스코리아'): string {
  return rss(
    STORIES.map((s, i) => newsItem(i + 1, s.title, s.paragraphs, s.date, host)),
    { title },
  );
}

/**
 * Billion-laughs' flat cousin: one internal entity of `entityChars` characters referenced
 * `refs` times inside one item's description.
 */
export function entityBombFeed(entityChars: number, refs: number, name = 'x'): string {
  const value = '광고 문구 반복 '.repeat(Math.ceil(entityChars / 9)).slice(0, entityChars);
  const doctype = `<!DOCTYPE rss [ <!ENTITY ${name} "${value}"> ]>\n`;
  const bomb = `<item>
<title>긴급 속보: 지금 확인하세요</title>
<link>https://spam.example.kr/news/1</link>
<guid isPermaLink="false">spam-1</guid>
<pubDate>Fri, 13 Nov 2026 09:00:00 +0900</pubDate>
<description>${`&${name};`.repeat(refs)}</description>
</item>`;
  return rss([newsItem(1, STORIES[0]!.title, STORIES[0]!.paragraphs, STORIES[0]!.date), bomb], { doctype });
}

/**
 * A UTF-8 feed without any charset label, with `cuts` Hangul characters each missing two of
 * their three bytes (a truncated copy, a bad proxy).
 */
export function brokenUtf8Feed(cuts = 1): Buffer {
  const xml = healthyFeed().replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?>');
  const bytes = Buffer.from(xml, 'utf8');
  const out: number[] = [];
  let made = 0;
  let last = -1000;
  // Cut inside paragraph text (after the first item's title), never inside markup, 300 bytes apart.
  const from = bytes.indexOf(Buffer.from('업계는', 'utf8'));
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    out.push(b);
    if (made < cuts && i >= from && i - last > 300 && (b & 0xf0) === 0xe0) {
      i += 2;
      last = i;
      made++;
    }
  }
  return Buffer.from(out);
}

/** Three other stories, for a second healthy source (not near-duplicates of the first). */
export const OTHER_STORIES: ReadonlyArray<{ title: string; paragraphs: string[]; date: string }> = [
  {
    title: '현대차, 美 조지아 공장서 전기차 양산 시작',
    paragraphs: [
      '현대자동차그룹이 미국 조지아주 메타플랜트에서 전기차 양산에 들어갔다. 연간 생산 능력은 30만 대 규모다.',
      '회사는 현지 생산으로 인플레이션감축법(IRA) 보조금 요건을 충족할 수 있게 됐다고 설명했다.',
    ],
    date: 'Fri, 13 Nov 2026 14:20:00 +0900',
  },
  {
    title: '카카오뱅크, 3분기 순이익 역대 최대',
    paragraphs: [
      '카카오뱅크가 3분기 순이익 1,240억 원을 기록해 분기 기준 역대 최대 실적을 냈다.',
      '대출 잔액이 늘고 플랫폼 수수료 수익이 함께 증가한 영향이라고 회사 측은 밝혔다.',
    ],
    date: 'Thu, 12 Nov 2026 16:05:00 +0900',
  },
  {
    title: '서울 아파트 전셋값 28주 연속 상승',
    paragraphs: [
      '한국부동산원에 따르면 서울 아파트 전셋값이 28주 연속 올랐다. 상승 폭은 전주보다 소폭 커졌다.',
      '전문가들은 입주 물량 감소가 이어지면서 당분간 오름세가 계속될 것으로 내다봤다.',
    ],
    date: 'Sat, 14 Nov 2026 11:00:00 +0900',
  },
];

export function otherFeed(host = 'wire.example.kr', title = '연합와이어'): string {
  return rss(
    OTHER_STORIES.map((s, i) => newsItem(i + 11, s.title, s.paragraphs, s.date, host)),
    { title },
  );
}
