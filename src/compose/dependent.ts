/**
 * Dependent sentences: sentences that only make sense after the one before them in
 * their article (이는 …, 그러나 …, … 웃돈 수치다, a quote's tail). A lead, a 왜 중요하냐면
 * bullet or a headline is read out of its article, so such a sentence is never used
 * there alone. The rules are per locale (`DEPENDENT_RULES`); each names one way a
 * sentence points back and has a test of its own.
 */
import type { Locale } from '../types.js';

export interface DependentRule {
  /** Short name, shown by the issue checker. */
  name: string;
  /** What the rule catches, in one line. */
  meaning: string;
  /** Whether the sentence (one whole sentence, trimmed) depends on its predecessor. */
  test: (sentence: string) => boolean;
}

/** Closing quote marks, and the opening ones they close. */
const QUOTE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['“', '”'],
  ['‘', '’'],
  ['「', '」'],
  ['『', '』'],
];
const CLOSERS = /[\s"'”’」』)\]）]+$/u;

/** The sentence without its final punctuation and closing marks. */
function bare(sentence: string): string {
  return sentence
    .trim()
    .replace(CLOSERS, '')
    .replace(/[.!?。？！]+$/u, '')
    .replace(CLOSERS, '');
}

/** The sentence with quoted stretches (“…”, "…", ‘…’) removed: what the writer says in their own voice. */
export function outsideQuotes(sentence: string): string {
  let s = sentence;
  for (const [open, close] of QUOTE_PAIRS) {
    s = s.replace(new RegExp(`${open}[^${open}${close}]*${close}`, 'gu'), ' ');
  }
  return s.replace(/"[^"]*"/g, ' ');
}

/** The last word of a sentence (letters and digits), without final punctuation. */
function lastWord(sentence: string): string {
  const words = bare(sentence).split(/\s+/);
  return words[words.length - 1] ?? '';
}

// ----------------------------------------------------------------- Korean

/**
 * Demonstratives that point back at what was just said: 이/그/저 alone as a word with a
 * particle (이는, 이에, 이를, 그는, 이들은, 그녀는) or as a determiner before a noun
 * (이 같은, 이 때문에, 그 결과, 해당 기업은), and the pro-forms built on 이러-/그러-/이렇-/그렇-
 * (이러한, 그러나, 그런데, 그렇지만, 그래서, 그러자 …).
 */
const KO_DEMONSTRATIVE =
  /^(?:[이그](?:들|녀|녀들)?(?:은|는|이|가|을|를|에|에게|에게서|에서|와|과|의|로|로써|로서|로는|처럼|만큼|밖에|대로)(?=[\s,]|$)|(?:이|그|저|해당|이와\s?같은|이같은|이와\s?관련해|이와\s?함께)\s|(?:이|그)러(?:한|나|자|면|면서|므로|니|니까|다가|고|던|했|해|할|함)\S*(?=[\s,]|$)|(?:이|그)렇\S*(?=[\s,]|$)|(?:이|그)런(?:데|가)?(?=[\s,]|$)|그래(?:서|도|야)(?=[\s,]|$)|그럼(?:에도|에도\s?불구하고)?(?=[\s,]|$))/u;

/**
 * The same pointing back inside the sentence: a demonstrative determiner (이 같은, 이러한,
 * 해당, 그) or pronoun (이를, 이에 따라, 그는) as a word of its own, in the writer's voice.
 */
const KO_REFERS_BACK =
  /(?:^|\s)(?:(?:이|그)\s?같은|이와\s?같은|(?:이|그)러한|(?:이|그)런|해당|[이그](?:를|에|로|로써|에\s?따라|들은|들이|들을|녀는|녀가|는|가|의))(?=\s)/u;

/** Connective adverbs that join a sentence to the one before it (a closed class of Korean). */
const KO_CONNECTIVE =
  /^(?:하지만|그러나|반면|반면에|또한|또|게다가|더구나|더욱이|아울러|더불어|이어|이어서|따라서|결국|오히려|다만|즉|특히나|그럼에도|그나마|역시)(?=[\s,]|$)/u;

/**
 * Nouns a copula sentence uses to describe the previous sentence rather than state
 * something of its own: … 웃돈 수치다, … 셈이다, … 때문이다, … 덕분이다, … 수준이다.
 */
const KO_DESCRIBING_NOUN =
  /(?:수치|셈|때문|덕분|탓|까닭|꼴|격|대목|얘기|이야기|뜻|의미|풀이|해석|방증|반증)(?:이)?(?:다|였다|이었다)$/u;

/** Endings after a noun that make the sentence a copula (…이다, …다 after a vowel, …였다). */
function isCopula(word: string): boolean {
  if (/(?:이다|이었다)$/u.test(word)) return true;
  if (!word.endsWith('다') || word.length < 2) return false;
  const prev = word.charCodeAt(word.length - 2);
  if (prev < 0xac00 || prev > 0xd7a3) return false;
  // A vowel-final noun + 다 (수치다, 규모다); adjectives and verbs in 해라체 end otherwise
  // (했다, 한다, 있다, 크다 …), so the common vowel-final predicate stems are excluded.
  const hasFinal = (prev - 0xac00) % 28 !== 0;
  if (hasFinal) return false;
  return !/(?:[르쁘프크하]|느리|흐리|드리)다$/u.test(word);
}

/** Adnominal forms that end like a topic particle (같은, 많은, 하는, 늘어나는) and adverbs in -이 (같이, 많이). */
const NOT_A_SUBJECT =
  /(?:(?:같|많|높|낮|작|좋|넓|깊|짧|적|늦|젊|밝|맑|않|있|없|하|되|받|넘|남|찾|얻|잃|묶|읽|먹|앉|붙|늘|나|가|오|보|주|쓰|르|리)[은는]|(?:같|많|깊|높|없|길|멀|굳|꾸준|분명|확실|뚜렷)이)$/u;

/** A word that carries a subject or topic particle (…은/는/이/가/께서, …에서는, …도). */
function hasSubject(text: string): boolean {
  return text
    .split(/\s+/)
    .slice(0, -1)
    .map((w) => w.replace(/[,.:;]+$/u, ''))
    .some((w) => /[\p{L}\p{N})’”]+(?:은|는|이|가|께서|께서는|도)$/u.test(w) && !NOT_A_SUBJECT.test(w));
}

/** What follows a closing quote when the sentence reports speech: ”이라고 말했다, ”며, ”고 밝혔다. */
const QUOTE_REPORT = /^\s*(?:이?라고|이?라며|이?라면서|고|며|면서|라는|이라는)(?=[\s,.]|$)/u;

const KO_RULES: readonly DependentRule[] = [
  {
    name: 'points back',
    meaning:
      'opens with a demonstrative or pro-form that refers to the sentence before (이는, 이 같은, 그러나, 해당 …)',
    test: (s) => KO_DEMONSTRATIVE.test(s.trim()),
  },
  {
    name: 'refers back',
    meaning: 'refers inside the sentence to what was said before it (… 이 같은 실적을, … 이를 위해, 그는 …)',
    test: (s) => KO_REFERS_BACK.test(outsideQuotes(s)),
  },
  {
    name: 'connective',
    meaning: 'opens with a connective that joins it to the sentence before (하지만, 반면, 또한, 다만 …)',
    test: (s) => KO_CONNECTIVE.test(s.trim()),
  },
  {
    name: 'quote tail',
    meaning: 'the end of a quotation begun in an earlier sentence (…것”이라고 말했다)',
    test: (s) => {
      const t = s.trim();
      if (/^(?:이?라고|이?라며|고|며|면서)\s/u.test(t)) return true;
      // A closing quote with no opening one before it, followed by the words that report speech.
      for (const [open, close] of QUOTE_PAIRS) {
        const first = t.indexOf(close);
        if (first >= 0 && !t.slice(0, first).includes(open) && QUOTE_REPORT.test(t.slice(first + 1))) return true;
      }
      const straight = (t.match(/"/g) ?? []).length;
      const last = t.lastIndexOf('"');
      return straight % 2 === 1 && QUOTE_REPORT.test(t.slice(last + 1));
    },
  },
  {
    name: 'rhetorical question',
    meaning: 'a question in the writer’s own voice (… 이어질까?)',
    test: (s) => {
      const own = bare(outsideQuotes(s));
      return /\?\s*$/u.test(outsideQuotes(s).trim().replace(CLOSERS, '')) || /(?:까|[는인은던]가)$/u.test(own);
    },
  },
  {
    name: 'describes the previous',
    meaning: 'ends in a copula on a noun that describes the sentence before (… 수치다, … 셈이다, … 때문이다)',
    test: (s) => KO_DESCRIBING_NOUN.test(bare(outsideQuotes(s)).replace(/\s+$/u, '')),
  },
  {
    name: 'subjectless copula',
    meaning: 'a copula sentence with no subject or topic of its own (… 웃돈 금액이다)',
    test: (s) => {
      const own = outsideQuotes(s);
      return isCopula(lastWord(own)) && !hasSubject(bare(own));
    },
  },
];

// ----------------------------------------------------------------- English

/** Time words after This/That that name a time, not something said before ("This week, …"). */
const EN_TIME_AFTER_DEMONSTRATIVE =
  /^(?:This|That|These|Those)\s+(?:week|weekend|year|month|morning|afternoon|evening|night|season|summer|spring|autumn|fall|winter|time|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b/;

/**
 * Openings that point back: a demonstrative or personal pronoun as the subject (This …,
 * It …, They …, He …, Such …), or "Here is/are" pointing at what surrounds it.
 */
const EN_POINTS_BACK =
  /^(?:(?:This|That|These|Those|It|Its|It[’']s|They|Their|Them|He|His|She|Her|Such|Both|Neither)\b|Here(?:[’']s|\s+is|\s+are)\b)/;

/**
 * A definite noun phrase that names what the sentence before said, with nothing to say
 * which: "The measure is part of …", "The move comes after …", "The company said …". A
 * qualifier after the noun ("The rise in energy bills …", "The company's chief …") makes it
 * stand alone.
 */
const EN_DEFINITE_BACK =
  /^The\s+(?:(?:new|latest|proposed|planned|same|former|latter)\s+)?(?:measure|measures|move|decision|bill|law|legislation|plan|plans|proposal|deal|announcement|ban|change|changes|ruling|policy|agreement|findings|figure|figures|step|vote|statement|comments|remarks|incident|case|company|firm|group|pair|couple|man|woman|boy|girl|victim|suspect|two|three|latter|former|move|report|study|news|development|claim|claims|accusation|allegations|request|order|attack|event)\b(?!\s+(?:of|in|to|for|on|at|by|from|that|which|who|over|against|between|with)\b)(?![’']s\b)/;

/** Connective adverbs that join a sentence to the one before it. */
const EN_CONNECTIVE =
  /^(?:However|But|And|Yet|Still|Meanwhile|Instead|Also|Moreover|Furthermore|Nevertheless|Nonetheless|Otherwise|Therefore|Thus|Hence|Indeed|Besides|Likewise|Similarly|Then|So|Even so|In addition|In contrast|By contrast|On the other hand|As a result|At the same time|For (?:his|her|their|its) part)\b/;

/** A speaker named only by a pronoun at the end: "…, he said." */
const EN_PRONOUN_SPEAKER =
  /[,”"’]\s*(?:he|she|they|it)\s+(?:said|says|added|adds|told|wrote|explained|argued|warned|insisted)(?:\s+[^.,]{0,40})?[.!]?["”’]?$/i;

const EN_RULES: readonly DependentRule[] = [
  {
    name: 'points back',
    meaning: 'opens with a demonstrative or pronoun that refers to the sentence before (This …, It …, They …, He …)',
    test: (s) => {
      // A quotation's own pronouns are the speaker's ("“She came in on her own,” Thompson said.").
      const t = s.trim();
      return EN_POINTS_BACK.test(t) && !EN_TIME_AFTER_DEMONSTRATIVE.test(t);
    },
  },
  {
    name: 'definite reference',
    meaning:
      'a definite noun phrase that names what was said before, with nothing to say which (The measure …, The move …)',
    test: (s) => EN_DEFINITE_BACK.test(s.trim()),
  },
  {
    name: 'connective',
    meaning: 'opens with a connective that joins it to the sentence before (However, But, Meanwhile, As a result …)',
    test: (s) => EN_CONNECTIVE.test(s.trim()),
  },
  {
    name: 'pronoun speaker',
    meaning: 'the speaker is named only by a pronoun (…, he said.)',
    test: (s) => EN_PRONOUN_SPEAKER.test(s.trim()),
  },
  {
    name: 'rhetorical question',
    meaning: 'a question in the writer’s own voice (… but what will it mean for you?)',
    test: (s) => /\?\s*$/u.test(outsideQuotes(s).trim().replace(CLOSERS, '')),
  },
];

/** The dependent-sentence rules of each locale; a locale without rules accepts every sentence. */
export const DEPENDENT_RULES: Readonly<Record<Locale, readonly DependentRule[]>> = {
  ko: KO_RULES,
  en: EN_RULES,
};

/** The first rule under which the sentence depends on its predecessor, or undefined when it stands alone. */
export function dependentRule(sentence: string, locale: Locale): DependentRule | undefined {
  return DEPENDENT_RULES[locale].find((r) => r.test(sentence));
}

export function isDependent(sentence: string, locale: Locale): boolean {
  return dependentRule(sentence, locale) !== undefined;
}
