/**
 * Boilerplate removal over an item's text blocks. Each rule is a small pure function
 * (blocks in, blocks out), applied in the order of BOILERPLATE_RULES.
 */
import type { TextBlock } from '../types.js';
import { letterDigitHash, letterDigitKey, normalizeSpace } from './normalize.js';

export interface BoilerplateContext {
  /** The item's title: a first block that repeats it is dropped. */
  title?: string | undefined;
}

export type BoilerplateRule = (blocks: readonly TextBlock[], ctx: BoilerplateContext) => TextBlock[];

const REPORTER =
  '(?:기자|특파원|선임기자|객원기자|인턴기자|수습기자|전문기자|논설위원|편집위원|통신원|리포터|앵커|에디터|칼럼니스트|PD)';
const NAME = '[가-힣]{2,4}';
const REPORTER_WORD = /기자|특파원|위원|통신원|리포터|앵커|에디터|칼럼니스트|PD/;
const EMAIL = '[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+';
const SENTENCE_END = /[.!?。…"”’)\]다요죠음함]$/u;

function mapText(blocks: readonly TextBlock[], fn: (text: string, b: TextBlock) => string): TextBlock[] {
  const out: TextBlock[] = [];
  for (const b of blocks) {
    const changed = fn(b.text, b);
    if (changed === b.text) {
      out.push(b);
      continue;
    }
    const text = normalizeSpace(changed);
    if (text) out.push({ kind: b.kind, text });
  }
  return out;
}

// ---------------------------------------------------------------- bylines and e-mails

const DATELINE = new RegExp(
  String.raw`^\s*[\[(【〔<]\s*[^\]】)〕>=]{1,30}=\s*[^\]】)〕>]{1,30}[\]】)〕>]\s*(?:${NAME}(?:\s*[·,]\s*${NAME})*\s*${REPORTER}\s*=?\s*)?`,
  'u',
);
const LEADING_BYLINE = new RegExp(String.raw`^\s*${NAME}(?:\s*[·,]\s*${NAME})*\s*${REPORTER}\s*=\s*`, 'u');
const BRACKET_BYLINE = new RegExp(
  String.raw`^\s*[\[【(〔][^\]】)〕]{0,30}${REPORTER}[^\]】)〕]{0,40}[\]】)〕]\s*`,
  'u',
);
const TRAILING_BYLINE = new RegExp(
  String.raw`\s*[/(\[]?\s*${NAME}(?:\s*[·,]\s*${NAME})*\s*${REPORTER}\s*[/(\[]?\s*(?:${EMAIL})?\s*[)\]]?\s*$`,
  'u',
);
const TRAILING_EMAIL = new RegExp(String.raw`\s*[(<\[]?\s*${EMAIL}\s*[)>\]]?\s*$`, 'u');

const WHOLE_BYLINE = [
  new RegExp(
    String.raw`^[\[(【]?\s*(?:[가-힣A-Za-z]{1,12}\s+)?${NAME}(?:\s*[·,/]\s*${NAME})*\s*${REPORTER}(?:\s*[·,/]\s*${NAME}\s*${REPORTER}?)*\s*[\])】]?\s*(?:[=:]?\s*[(<]?${EMAIL}[)>]?)?\s*$`,
    'u',
  ),
  new RegExp(String.raw`^(?:e-?mail|이메일|메일|기자\s*이메일|문의)\s*[:：]?\s*${EMAIL}\s*$`, 'iu'),
  new RegExp(String.raw`^[(<\[]?${EMAIL}[)>\]]?$`, 'u'),
  /^(?:글|사진|영상|그래픽|취재|정리|편집|촬영|디자인|일러스트)\s*[=:：]\s*\S.{0,40}$/u,
  /^\(?\s*\/?\s*사진\s*[=:]\s*[^)]{1,40}\)?$/u,
  /^(?:image|photo|photograph|picture|illustration|graphic|video)s?(?:\s+credit)?\s*(?:by\s+|:\s*)\S.{0,60}$/i,
  /^(?:by|written by|reporting by|words by|author:|posted by)\s+[\p{Lu}\p{Lo}][\p{L}.'’-]*(?:\s+(?:and\s+|&\s+)?[\p{L}.'’-]+){0,5}(?:\s*[,|–—-]\s*.{0,40})?$/iu,
];

/**
 * Drop whole-block bylines ("홍길동 기자 hong@example.com", "By Jane Doe"), credits and bare e-mails.
 * The first pattern needs a reporter word and the next two an e-mail: texts without one skip them.
 */
export const dropBylines: BoilerplateRule = (blocks) =>
  blocks.filter((b) => {
    const t = b.text;
    if (t.length > 120) return true;
    const reporter = REPORTER_WORD.test(t);
    const email = t.includes('@');
    return !WHOLE_BYLINE.some((re, i) => (i === 0 ? reporter : i <= 2 ? email : true) && re.test(t));
  });

/**
 * Remove bylines inside paragraphs: a leading dateline ("[서울=연합뉴스] 홍길동 기자 = "), a
 * trailing reporter signature ("… 했다. 홍길동 기자 hong@example.com"), a trailing e-mail.
 */
export const stripInlineBylines: BoilerplateRule = (blocks) =>
  mapText(blocks, (text) => {
    const reporter = REPORTER_WORD.test(text);
    const email = text.includes('@');
    if (!reporter && !email && !text.includes('=')) return text;
    let t = text;
    t = t.replace(DATELINE, '');
    if (reporter) t = t.replace(BRACKET_BYLINE, '').replace(LEADING_BYLINE, '');
    if (reporter) {
      // Only the tail can hold a signature: test the last 80 characters, not every position.
      const cut = Math.max(0, t.length - 80);
      const tail = t.slice(cut).replace(TRAILING_BYLINE, '');
      const beforeSignature = t.slice(0, cut) + tail;
      if (beforeSignature !== t && SENTENCE_END.test(beforeSignature.trim())) t = beforeSignature;
    }
    if (email) {
      const cut = Math.max(0, t.length - 80);
      const beforeEmail = t.slice(0, cut) + t.slice(cut).replace(TRAILING_EMAIL, '');
      if (beforeEmail !== t && (SENTENCE_END.test(beforeEmail.trim()) || !beforeEmail.trim())) t = beforeEmail;
    }
    return t;
  });

// ---------------------------------------------------------------- rights notices

const RIGHTS =
  /무단\s*[-·]?\s*전재|재\s*배포\s*금지|무단\s*복제|전재\s*및\s*재배포|AI\s*학습.{0,12}금지|저작권자\s*[©ⓒ(c]|copyright\s*(?:[©ⓒ]|\(c\)|\d{4})|all rights reserved|^[©ⓒ]|^\(c\)\s*\d{4}/i;
const BRACKETED_RIGHTS =
  /\s*[<〈《[(【][^<>〈〉《》[\]()【】]{0,120}(?:무단|저작권|copyright|all rights reserved|재배포)[^<>〈〉《》[\]()【】]{0,120}[>〉》\])】]\s*/gi;

/** Drop "무단 전재 및 재배포 금지", "저작권자 ⓒ …", "Copyright …", "All rights reserved" lines; cut them out of long paragraphs. */
export const dropRightsNotices: BoilerplateRule = (blocks) => {
  const out: TextBlock[] = [];
  for (const b of blocks) {
    if (!RIGHTS.test(b.text)) {
      out.push(b);
      continue;
    }
    if (b.text.length <= 200) continue;
    let t = b.text.replace(BRACKETED_RIGHTS, ' ');
    const m = RIGHTS.exec(t);
    if (m && m.index > t.length - 200) {
      // Cut from the start of the sentence that holds the notice.
      const head = t.slice(0, m.index);
      const cut = Math.max(head.lastIndexOf('. '), head.lastIndexOf('다. '), head.lastIndexOf('.'));
      t = cut > 0 ? t.slice(0, cut + 1) : head;
    }
    t = normalizeSpace(t);
    if (t && !RIGHTS.test(t)) out.push({ kind: b.kind, text: t });
  }
  return out;
};

// ---------------------------------------------------------------- related / most-read lists

const RELATED_HEAD =
  /^[[【<〈▶▷■◆●☞]?\s*(?:많이\s*본\s*(?:뉴스|기사)|가장\s*많이\s*본|인기\s*(?:기사|뉴스)|실시간\s*인기|관련\s*(?:기사|뉴스|콘텐츠)|추천\s*(?:기사|뉴스)|함께\s*(?:보면\s*좋은|볼만한|읽으면\s*좋은)\s*(?:기사|뉴스|글)?|이\s*시각\s*(?:주요|많이\s*본)\s*뉴스|주요\s*뉴스|최신\s*뉴스|다른\s*기사|이\s*기자의\s*다른\s*기사|related(?:\s+(?:articles?|stories|posts|coverage|links|reading))?|more\s+(?:from|on|stories|news)\b.*|read\s+(?:more|next|also)|you\s+(?:may|might)\s+also\s+like|most\s+(?:read|popular|viewed)|popular\s+(?:posts|stories|now)|see\s+also|further\s+reading|recommended(?:\s+for\s+you)?|trending(?:\s+now)?)\s*[\]】>〉]?\s*[:：]?$/i;
const ARROW_LINK = /^[▶▷☞►➤→>]+\s*.{0,80}$/u;
const ARROW_WORDS = /관련|바로\s*가기|클릭|보기|구독|기사|뉴스|링크|영상|read|more|watch|click/i;

function isListLike(b: TextBlock): boolean {
  if (b.kind === 'list-item') return true;
  return b.kind === 'paragraph' && b.text.length <= 90;
}

/** Drop "많이 본 뉴스" / "관련 기사" / "Related" lists (the heading and the short lines after it) and "▶ 관련기사" links. */
export const dropRelatedLists: BoilerplateRule = (blocks) => {
  const out: TextBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (!b) continue;
    const head = b.text.length <= 40 && RELATED_HEAD.test(b.text);
    const prefixed = /^[[【<]\s*관련\s*(?:기사|뉴스)\s*[\]】>]/u.test(b.text) && b.text.length <= 120;
    if (head) {
      while (i + 1 < blocks.length) {
        const next = blocks[i + 1];
        if (!next || next.kind === 'heading' || !isListLike(next)) break;
        i++;
      }
      continue;
    }
    if (prefixed) continue;
    if (ARROW_LINK.test(b.text) && ARROW_WORDS.test(b.text)) continue;
    out.push(b);
  }
  return out;
};

// ---------------------------------------------------------------- promos, share menus, feed footers

const PROMO = [
  /(?:구독|제보|팔로우|좋아요|알림\s*설정|앱\s*(?:다운로드|설치)).{0,20}(?:하기|하세요|해\s*주세요|눌러|클릭|바랍니다|부탁)/u,
  /뉴스레터.{0,30}(?:구독|신청|받아\s*보|무료)/u,
  /(?:카카오톡|카톡|네이버|텔레그램|유튜브)\s*(?:채널|메인|뉴스\s*스탠드|구독)/u,
  /(?:제보|기사\s*제보)\s*[:：]?\s*(?:카카오톡|카톡|전화|이메일|메일|☎)/u,
  /^(?:subscribe|sign\s+up|join)\b/i,
  /\b(?:subscribe|sign\s+up)\s+(?:to|for|now|today|here)\b/i,
  /\bnewsletter\b.{0,40}\b(?:sign\s+up|subscribe|inbox)\b/i,
  /\b(?:get|receive)\s+(?:our|the)\s+.{0,30}\s+(?:in\s+your\s+inbox|newsletter)\b/i,
  /\bfollow\s+us\s+on\b/i,
  /\bsupport\s+(?:our|independent)\s+journalism\b/i,
];

/** Every PROMO pattern needs one of these words, or a Latin letter: a text with none is no promo. */
const PROMO_HINT = /구독|제보|팔로우|좋아요|알림|앱|뉴스레터|카카오톡|카톡|네이버|텔레그램|유튜브|[a-z]/i;

/** Drop short subscription, app, follow-us and tip-line promos. */
export const dropPromos: BoilerplateRule = (blocks) =>
  blocks.filter((b) => !(b.text.length <= 160 && PROMO_HINT.test(b.text) && PROMO.some((re) => re.test(b.text))));

const SHARE_TOKENS = new Set(
  [
    '공유',
    '공유하기',
    '기사공유',
    '페이스북',
    '트위터',
    '엑스',
    '카카오톡',
    '카카오스토리',
    '카카오',
    '네이버',
    '밴드',
    '네이버밴드',
    '링크복사',
    'url복사',
    '주소복사',
    '복사',
    '프린트',
    '인쇄',
    '인쇄하기',
    '스크랩',
    '글자크기',
    '글씨크기',
    '가',
    '가+',
    '가-',
    '작게',
    '크게',
    '보통',
    '닫기',
    '이메일',
    '메일',
    '메일보내기',
    '기사저장',
    '저장',
    '북마크',
    '좋아요',
    '싫어요',
    '댓글',
    '카톡',
    '텔레그램',
    '라인',
    '핀터레스트',
    '레딧',
    '번역',
    '음성',
    '듣기',
    '기사듣기',
    '설정',
    '창닫기',
    '목록',
    'share',
    'shares',
    'tweet',
    'facebook',
    'twitter',
    'x',
    'linkedin',
    'email',
    'e-mail',
    'print',
    'copy',
    'link',
    'copy link',
    'reddit',
    'whatsapp',
    'pinterest',
    'telegram',
    'save',
    'bookmark',
    'comments',
    'comment',
    'mail',
    'this',
    'article',
    'on',
    'via',
    'pocket',
    'flipboard',
    'messenger',
  ].map((s) => s.toLowerCase()),
);

/** Drop share/print menus: short blocks made (almost) only of share and print words. */
const SHARE_HINT =
  /공유|페이스북|트위터|카카오|카톡|네이버|밴드|복사|프린트|인쇄|스크랩|글자|글씨|메일|저장|북마크|좋아요|댓글|텔레그램|share|tweet|facebook|twitter|linkedin|mail|print|copy|reddit|whatsapp|pinterest|telegram|bookmark|comment|pocket|flipboard/i;

export const dropShareMenus: BoilerplateRule = (blocks) =>
  blocks.filter((b) => {
    if (b.text.length > 100 || !SHARE_HINT.test(b.text)) return true;
    if (/^(?:share\s+(?:this|on)|이\s*기사를?\s*공유|기사\s*공유하기)/i.test(b.text)) return false;
    const tokens = b.text
      .toLowerCase()
      .split(/[\s|·•,/\\()[\]<>:]+/u)
      .map((t) => t.replace(/[^\p{L}\p{N}+-]/gu, ''))
      .filter(Boolean);
    if (tokens.length < 2)
      return !(tokens.length === 1 && /^(?:share|공유하기|인쇄|print|프린트)$/.test(tokens[0] ?? ''));
    const hits = tokens.filter((t) => SHARE_TOKENS.has(t)).length;
    return hits / tokens.length < 0.75;
  });

const FOOTER = [
  /^the post .+ appeared first on .+$/i,
  /^(?:continue reading|read (?:the )?(?:full|more|rest)|keep reading|view (?:the )?(?:full|original)|full story|read on)\b.{0,80}$/i,
  /^(?:this (?:article|post|entry) (?:was )?(?:originally )?(?:appeared|published|posted)).{0,120}$/i,
  /^(?:filed under|tags?|categories|posted in)\s*[:：].{0,160}$/i,
  /^(?:기사\s*)?(?:원문|전문|전체\s*기사|기사\s*전문|더\s*보기|더보기|계속\s*읽기|자세히\s*보기|이어\s*보기)\s*(?:보기|바로\s*가기|읽기)?\s*[>»→▶]*$/u,
  /^\(?계속\)?$/u,
  /^(?:댓글|comments?)\s*\(?\d*\)?$/iu,
];

/** Drop feed footers: "The post … appeared first on …", "Continue reading", "원문 보기"; cut a trailing "[…]". */
const TRAILING_MORE =
  /\s*(?:\[(?:…|\.\.\.|&hellip;)\]|\((?:…|\.\.\.)\)|\[\s*더\s*보기\s*\]|Continue reading\s*[»→…]*|Read more\s*[»→…]*|(?:>>|»|▶|☞)?\s*(?:글\s*|기사\s*)?(?:전체\s*보기|전문\s*보기|원문\s*보기|더\s*보기|자세히\s*보기|계속\s*읽기)\s*(?:>>|»|▶)?)\s*$/iu;

/** The last character (before spaces) of anything TRAILING_MORE matches, in lower case. */
const TRAILING_MORE_ENDS = new Set([']', ')', '»', '→', '…', '>', '▶', '기', 'g', 'e']);

export const dropFeedFooters: BoilerplateRule = (blocks) =>
  mapText(
    blocks.filter((b) => !(b.text.length <= 200 && FOOTER.some((re) => re.test(b.text)))),
    (t) => {
      const tail = t.slice(-40);
      const kept = tail.trimEnd();
      if (!TRAILING_MORE_ENDS.has(kept.charAt(kept.length - 1).toLowerCase())) return t;
      return TRAILING_MORE.test(tail) ? t.slice(0, t.length - tail.length) + tail.replace(TRAILING_MORE, '') : t;
    },
  );

// ---------------------------------------------------------------- repeats and leftovers

/**
 * Drop paragraphs repeated within one item, and a first block that repeats the title.
 * Blocks compare by their letters and digits (letterDigitKey); a hash of those sorts them
 * first, so the keys themselves are made only when two hashes meet.
 */
export const dropRepeated: BoilerplateRule = (blocks, ctx) => {
  const seen = new Map<number, string[]>();
  const title = ctx.title ?? '';
  const titleHash = title ? letterDigitHash(title) : -1;
  const out: TextBlock[] = [];
  blocks.forEach((b, i) => {
    const h = letterDigitHash(b.text);
    if (h === -1) return;
    if (i === 0 && h === titleHash && letterDigitKey(b.text) === letterDigitKey(title)) return;
    const same = seen.get(h);
    if (same) {
      const k = letterDigitKey(b.text);
      if (same.some((t) => letterDigitKey(t) === k)) return;
      same.push(b.text);
    } else seen.set(h, [b.text]);
    out.push(b);
  });
  return out;
};

/** Drop blocks with no letters or digits (separators, lone emoji). */
export const dropEmpty: BoilerplateRule = (blocks) => blocks.filter((b) => /[\p{L}\p{N}]/u.test(b.text));

/** The rules, in the order they run. */
export const BOILERPLATE_RULES: ReadonlyArray<readonly [string, BoilerplateRule]> = [
  ['inline bylines', stripInlineBylines],
  ['bylines', dropBylines],
  ['rights notices', dropRightsNotices],
  ['related lists', dropRelatedLists],
  ['promos', dropPromos],
  ['share menus', dropShareMenus],
  ['feed footers', dropFeedFooters],
  ['repeated paragraphs', dropRepeated],
  ['empty blocks', dropEmpty],
];

/** Every boilerplate rule, in order. */
export function stripBoilerplate(blocks: readonly TextBlock[], ctx: BoilerplateContext = {}): TextBlock[] {
  let out: TextBlock[] = [...blocks];
  for (const [, rule] of BOILERPLATE_RULES) out = rule(out, ctx);
  return out;
}
