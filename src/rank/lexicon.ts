/**
 * Word lists for the Korean-aware tokenizer: particle/ending suffixes stripped from
 * Hangul words, stop words, built-in alias groups and Hanja abbreviations used in
 * Korean headlines. Data only.
 */

/**
 * Suffixes (josa and common verb/adjective endings) stripped from the end of a Hangul
 * word, by length. One suffix is stripped, the longest that matches; a one-syllable
 * suffix only when two syllables remain, a longer one when at least one remains.
 */
export const SUFFIXES: ReadonlyArray<ReadonlySet<string>> = [
  new Set<string>(), // length 0 (unused)
  new Set(['은', '는', '이', '가', '을', '를', '의', '에', '와', '과', '도', '만', '로', '서', '들', '한', '할', '된', '될', '해', '돼', '적']),
  new Set([
    '에서', '에게', '에는', '에도', '에의', '에선', '에만', '으로', '으론', '로서', '로써', '로는', '로도', '로의',
    '부터', '까지', '보다', '처럼', '만큼', '마다', '조차', '마저', '이나', '이란', '라는', '라고', '라며', '이며',
    '이고', '과의', '와의', '과는', '와는', '과도', '와도', '들은', '들이', '들을', '들의', '들과', '들도', '들에',
    '한테', '께서', '이다', '였다', '이자', '했다', '한다', '하는', '하고', '하며', '하면', '했고', '했던', '하기',
    '하던', '해야', '해서', '된다', '됐다', '되는', '되고', '되며', '됐고', '되기', '되어', '시킨', '적인',
  ]),
  new Set([
    '에서는', '에서도', '에서의', '에서만', '으로는', '으로도', '으로의', '으로서', '으로써', '로부터', '에게서',
    '에게는', '들에게', '이라는', '이라고', '이라며', '까지는', '까지도', '했다고', '한다고', '했으며', '하면서',
    '하기로', '하겠다', '했지만', '됐다고', '된다고', '됐으며', '되면서', '이었다', '적으로', '했다는', '한다는',
    '된다는', '됐다는', '하지만', '이지만', '하도록', '되도록', '했는데', '한다며', '했다며',
  ]),
  new Set(['에서부터', '으로부터', '하겠다고', '했다면서', '이라면서', '한다면서', '하겠다는', '할것으로']),
];

/** Words that look like a stem plus a particle but are whole nouns: never stripped. */
export const KEEP_WHOLE: ReadonlySet<string> = new Set([
  '한반도', '경기도', '강원도', '제주도', '충청도', '전라도', '경상도', '울릉도', '마이크로', '보고서', '계약서', '설명서',
  '증명서', '의견서', '신청서', '경찰서', '소방서', '세무서', '교과서', '전문가', '평론가', '정치가', '예술가', '사업가',
  '기업가', '자본가', '건축가', '소설가', '작곡가', '애호가', '회계연도',
]);

/** Nouns ending in 다 after a ㄴ-final syllable (not verbs like 푼다, 간다). */
export const NOUNS_IN_NDA: ReadonlySet<string> = new Set(['혼다', '판다', '아젠다', '어젠다', '우간다', '르완다', '프로파간다']);

/** Stems and words that carry no story signal in Korean news text. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // Korean
  '있다', '있는', '있으며', '있고', '있어', '있을', '있었다', '없다', '없는', '것', '것으로', '것이다', '등', '및',
  '위해', '위한', '통해', '대한', '대해', '대해서', '따르면', '따라', '밝혔다', '말했다', '전했다', '설명',
  '강조', '덧붙였다', '지난', '오는', '올해', '작년', '지난해', '내년', '이번', '현재', '관련', '이날', '또한',
  '하지만', '그러나', '한편', '가운데', '최근', '예정', '이후', '이전', '당시', '경우', '때문', '때문에', '이어',
  '이에', '그는', '이같은', '이러한', '그러면서', '오전', '오후', '기준', '대비', '각각', '모두', '많은',
  '가장', '이상', '이하', '정도', '기자', '특파원', '뉴스', '무단', '전재', '재배포', '금지', '저작권', '제공',
  '사진', '그리고', '이를', '이는', '이와', '함께', '모든', '다른', '같은', '새로운', '주요', '다양한', '보인다',
  '보였다', '나타났다', '했다', '한다', '됐다', '된다', '하는', '이라고', '이다', '아니라', '뿐', '또',
  '더', '수', '중', '약', '총', '새', '그', '이', '저', '및', '등의', '것은', '것을', '것이', '했다고', '라고',
  '다만', '특히', '만에', '만의', '이라며', '했으며', '또는', '아울러', '우리', '다시', '바로', '앞서', '이미', '계속', '이번에',
  // English
  'the', 'a', 'an', 'of', 'and', 'or', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as', 'is', 'are',
  'was', 'were', 'be', 'been', 'it', 'its', 'this', 'that', 'these', 'those', 'said', 'says', 'will', 'has',
  'have', 'had', 'not', 'but', 'than', 'into', 'about', 'after', 'over', 'new', 'more', 'also', 'which', 'who',
  'www', 'com', 'http', 'https', 'html',
]);

/** One-syllable nouns kept as terms (other one-syllable words are too ambiguous to keep). */
export const ONE_SYLLABLE_NOUNS: ReadonlySet<string> = new Set([
  '칩', '앱', '망', '법', '세', '값', '돈', '금', '쌀', '집', '폰', '봇', '팹', '빚', '땅', '빛', '암', '술', '책', '섬', '댐', '뇌',
]);

/** Units after a number that mark a date or a time of day, not a story anchor. */
export const DATE_UNITS: ReadonlySet<string> = new Set([
  '년', '월', '일', '시', '분', '초', '주', '일간', '주간', '년간', '년도', '일자', '시께', '일께',
]);

/**
 * Built-in alias groups. Each group's words count as one term, the group's first word.
 * Words are matched after lower-casing and particle stripping; multi-word forms are
 * matched as phrases. Config `rank.aliases` extends these.
 */
export const BUILTIN_ALIASES: ReadonlyArray<readonly string[]> = [
  ['엔비디아', 'nvidia'],
  ['오픈ai', 'openai', '오픈에이아이', 'open ai'],
  ['삼성전자', 'samsung', '삼성', 'samsung electronics'],
  ['sk하이닉스', '하이닉스', 'hynix', 'skhynix', 'sk hynix'],
  ['lg전자', 'lg electronics'],
  ['구글', 'google', '알파벳', 'alphabet'],
  ['애플', 'apple'],
  ['마이크로소프트', 'microsoft', '마소', 'msft'],
  ['메타', 'meta', '메타플랫폼스'],
  ['아마존', 'amazon', '아마존닷컴'],
  ['aws', '아마존웹서비스', 'amazon web services'],
  ['테슬라', 'tesla'],
  ['인텔', 'intel'],
  ['퀄컴', 'qualcomm'],
  ['tsmc', '대만반도체제조', '티에스엠씨'],
  ['네이버', 'naver'],
  ['카카오', 'kakao'],
  ['앤트로픽', 'anthropic', '앤스로픽'],
  ['딥시크', 'deepseek'],
  ['챗gpt', 'chatgpt', '챗지피티'],
  ['인공지능', 'ai', '에이아이'],
  ['현대차', '현대자동차', 'hyundai'],
  ['머스크', 'musk', '일론머스크'],
  ['트럼프', 'trump'],
  ['유럽연합', 'eu'],
  ['반도체', 'semiconductor', 'semiconductors'],
];

/** Hanja abbreviations common in Korean headlines (美 관세, 中 수출) and the word they stand for. */
export const HANJA_ABBREVIATIONS: Readonly<Record<string, string>> = {
  美: '미국',
  中: '중국',
  日: '일본',
  韓: '한국',
  北: '북한',
  英: '영국',
  獨: '독일',
  佛: '프랑스',
  與: '여당',
  野: '야당',
  靑: '청와대',
  軍: '군',
  企: '기업',
};
