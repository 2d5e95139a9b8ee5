/**
 * Headlines from article titles: tags such as [단독], [속보], (종합2보) and a
 * trailing " - 매체명" / " | 매체명" are removed.
 */

const TAG = String.raw`(?:단독|속보|종합|종합\s*\d*\s*보|\d+\s*보|상보|긴급|영상|포토|사진|그래픽|인터뷰|르포|팩트체크|업데이트|카드뉴스|특징주|이슈|분석|해설|기획|사설|칼럼|시론|기고|Q&A|breaking|exclusive|update|updated)`;
/** A known tag in any bracket, anywhere in the title. */
const TAG_ANYWHERE = new RegExp(String.raw`\s*[\[(【<〈［（]\s*${TAG}\s*[\])】>〉］）]\s*`, 'giu');
/** Any short bracketed label opening the title: [2025 국감], 【서울】. */
const LEADING_LABEL = /^\s*[[【〈<［][^\]】〉>］]{1,15}[\]】〉>］]\s*/u;
/** Words that end publisher names: ○○뉴스, ○○일보, ○○ Times. */
const PUBLISHER_LIKE =
  /(?:뉴스\d*|일보|신문|경제|방송|TV|티비|닷컴|미디어|데일리|저널|투데이|헤럴드|포스트|타임스|비즈|통신|뉴시스|연합|times|news|daily|herald|post|journal|review|wire|press|tribune|media|\.com|\.co\.kr|\.kr|\.net)$/i;

const squash = (s: string): string => s.toLowerCase().replace(/\s+/g, '');

/** Remove a trailing " - 매체명" / " | 매체명" (known publishers, or names that look like one). */
function stripPublisher(title: string, publishers: readonly string[]): string {
  const m = /^(.*\S)\s+([-|–—·:])\s+([^-|–—]{1,30})$/u.exec(title);
  if (!m) return title;
  const head = m[1] ?? '';
  const tail = (m[3] ?? '').trim();
  const known = publishers.some((p) => p && squash(p) === squash(tail));
  if (known || m[2] === '|' || PUBLISHER_LIKE.test(tail)) return head.trim();
  return title;
}

/** A title made into a headline. Never returns an empty string for a non-empty title. */
export function cleanHeadline(title: string, publishers: readonly string[] = []): string {
  const original = title.replace(/\s+/g, ' ').trim();
  let s = original;
  for (let i = 0; i < 3; i++) s = stripPublisher(s, publishers);
  s = s.replace(TAG_ANYWHERE, ' ');
  let prev = '';
  while (prev !== s) {
    prev = s;
    s = s.replace(LEADING_LABEL, '');
  }
  s = s.replace(/\s+/g, ' ').trim();
  return s || original;
}

/** A source's title with only the trailing publisher removed (tags kept: it is the original title). */
export function sourceTitle(title: string, publishers: readonly string[] = []): string {
  const t = title.replace(/\s+/g, ' ').trim();
  return stripPublisher(t, publishers) || t;
}
