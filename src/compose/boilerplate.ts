/**
 * Defence against boilerplate that survived collection: bylines, copyright and
 * "no reproduction" notices, "most read" and "related articles" boxes. A sentence
 * that matches any rule is never put into an issue.
 */

export interface BoilerplateRule {
  name: string;
  test: RegExp;
}

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  { name: 'e-mail address', test: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/ },
  {
    name: 'reporter byline',
    test: /[가-힣]{2,4}\s?(?:선임|수석|객원|인턴|전문)?(?:기자|특파원)\s*(?:[=\])】/|·]|$|[.]\s*$)|(?:^|[\s[(【])(?:기자|특파원)\s*=|\[[^\]]*(?:기자|특파원)\s*\]/,
  },
  { name: 'no reproduction notice', test: /무단\s*(?:전재|복제|배포|게재|전제)|재배포/ },
  { name: 'copyright notice', test: /저작권|copyright|all rights reserved|[ⓒ©]|\(c\)\s*\d{4}/i },
  { name: 'most read box', test: /많이\s*본\s*(?:뉴스|기사)|가장\s*많이\s*읽은|실시간\s*인기\s*기사/ },
  { name: 'related articles box', test: /관련\s*(?:기사|뉴스)|함께\s*보면\s*좋은/ },
  { name: 'link arrow', test: /^\s*[▶☞►▷]/ },
  {
    name: 'tip-off or subscription prompt',
    test: /기사\s*제보|제보\s*(?:하기|는\s*카카오톡)|구독\s*(?:하기|신청|버튼)|네이버\s*채널/,
  },
  {
    name: 'photo caption',
    test: /^\s*[[(<〈]?\s*(?:사진|그래픽|자료|영상)\s*[=:]|^\s*(?:위\s*|아래\s*|자료\s*)?사진은\s|^[^.!?]{0,60}\s(?:모습|전경|장면)\.?$/,
  },
];

/** The first rule a sentence breaks, or undefined when it is clean. */
export function boilerplateRule(text: string): BoilerplateRule | undefined {
  return BOILERPLATE_RULES.find((r) => r.test.test(text));
}

export function isBoilerplate(text: string): boolean {
  return boilerplateRule(text) !== undefined;
}

/** Dateline and byline prefixes a lead sentence may carry: (서울=연합뉴스) 홍길동 기자 = … */
const DATELINE = /^\s*(?:[([【][^()[\]【】]{1,40}[)\]】]\s*)+/;
const BYLINE_PREFIX =
  /^\s*[가-힣]{2,4}\s?(?:선임|수석|객원|인턴)?(?:기자|특파원)\s*(?:=|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*/;
const LIST_MARKER = /^\s*(?:[-•·∙▪▫◦‣⁃*]|[✅☑✔✓■□◆◇●○▲△▶►]️?)\s*/u;

function isDatelineGroup(group: string): boolean {
  return /=|기자|특파원/.test(group) || /^\s*[[【][^\]】]{1,15}[\]】]\s*$/.test(group);
}

/**
 * A sentence with its dateline, byline prefix and list marker removed, or
 * undefined when what is left is boilerplate or empty.
 */
export function cleanSentence(text: string): string | undefined {
  let s = text.replace(/\s+/g, ' ').trim();
  const dateline = DATELINE.exec(s);
  if (dateline && isDatelineGroup(dateline[0])) s = s.slice(dateline[0].length);
  s = s.replace(BYLINE_PREFIX, '').replace(LIST_MARKER, '').trim();
  if (!s || isBoilerplate(s)) return undefined;
  return s;
}
