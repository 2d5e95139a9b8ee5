/**
 * The issue checker: what an editor would catch at once in a composed issue, found
 * in the draft and the items it came from. Pure; tests run it over every issue they
 * compose, and an editor's tool may run it over an edited draft.
 *
 * - `dependent`: a lead, bullet or headline sentence that only makes sense after the
 *   sentence before it in its article (`DEPENDENT_RULES` of the draft's locale); a lead
 *   sentence may lean on the lead sentence right before it when that is its predecessor.
 * - `repeat`: a headline that tells a top story or an earlier headline again (`sameStory`).
 * - `credit`: a headline whose sentence, publisher label and link are not one item's, or a
 *   lead that is not from the story's first source.
 * - `chrome`: a line of page chrome or promotion (`chromeReason`).
 * - `caption`: a sentence that is a picture's caption or credit (`captionRule`).
 * - `restated`: a bullet that states the fact of the lead or of an earlier bullet of its
 *   story again, in any outlet's words (`restatesFact`).
 * - `featureLead`: a story led by a sketch, column, review or live blog while one of its
 *   sources is a news report (`articleKind`; one source per publisher is listed).
 */
import type { Draft, Item, Locale, SourceConfig } from '../types.js';
import { prepareArticle } from './article.js';
import { captionRule } from './caption.js';
import { chromeReason } from './chrome.js';
import { dependentRule } from './dependent.js';
import { cleanHeadline } from './headline.js';
import { articleKind } from './kind.js';
import { restatesFact } from './restate.js';
import { sameStory, type StoryText } from './same-story.js';
import { splitSentences } from './sentences.js';
import { publisherOf } from './sources.js';
import { fingerprint } from './text.js';

export type IssueFaultKind = 'dependent' | 'repeat' | 'credit' | 'chrome' | 'caption' | 'restated' | 'featureLead';

export interface IssueFault {
  kind: IssueFaultKind;
  /** Where in the issue: `story 1 lead 2`, `story 2 why 1`, `headline 3`. */
  where: string;
  text: string;
  /** Why, in a few words (the rule, the repeated entry, the item that wrote the sentence). */
  detail: string;
}

export interface IssueCheck {
  faults: IssueFault[];
  counts: Record<IssueFaultKind, number>;
}

export interface CheckInput {
  draft: Draft;
  /** The items the issue was composed from (at least the ones it links to). */
  items: Iterable<Item>;
  /** The configured sources, for the publisher names; the items' own `source` otherwise. */
  sources?: readonly SourceConfig[];
}

const squash = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

interface Indexed {
  item: Item;
  url: string;
  publisher: string;
  /** Position of each of the item's sentences (as compose reads them), by fingerprint. */
  positions: Map<string, number>;
}

function positionIn(x: Indexed, text: string): number | undefined {
  return x.positions.get(fingerprint(text));
}

function urlOf(item: Pick<Item, 'link' | 'canonicalLink'>): string {
  return item.canonicalLink || item.link;
}

/** The sentences of a text unit (a bullet may hold a sentence and the one it depends on). */
function sentencesOf(text: string): string[] {
  const s = splitSentences(text);
  return s.length > 0 ? s : [text];
}

/**
 * A dependent-sentence fault when the text's first sentence depends on a predecessor it
 * is shown without (`follows`: it is shown right after it). An article's first sentence
 * has no predecessor.
 */
function checkDependent(
  faults: IssueFault[],
  indexed: readonly Indexed[],
  locale: Locale,
  where: string,
  text: string,
  follows: boolean,
  underTitle = false,
): void {
  const said = sentencesOf(text);
  said.forEach((sentence, i) => {
    if (i === 0 ? follows : indexed.some((x) => followsIn(x, said[i - 1] ?? '', sentence))) return;
    // An article's first sentence leans on nothing but its title, shown only under that title.
    if (i === 0 && underTitle && indexed.some((x) => positionIn(x, sentence) === 0)) return;
    const rule = dependentRule(sentence, locale);
    if (rule) faults.push({ kind: 'dependent', where, text, detail: rule.name });
  });
}

/** Whether `b` is the sentence right after `a` in the item. */
function followsIn(x: Indexed, a: string, b: string): boolean {
  const i = positionIn(x, a);
  return i !== undefined && positionIn(x, b) === i + 1;
}

export function checkIssue(input: CheckInput): IssueCheck {
  const { draft } = input;
  const sources = input.sources ?? [];
  const indexed: Indexed[] = [...input.items].map((item) => ({
    item,
    url: urlOf(item),
    publisher: sources.length > 0 ? publisherOf(item, sources) : item.source,
    positions: new Map(prepareArticle(item).sentences.map((x) => [fingerprint(x.text), x.position])),
  }));
  const byUrl = new Map<string, Indexed>();
  for (const x of indexed) {
    byUrl.set(x.url, x);
    byUrl.set(x.item.link, x);
  }
  const faults: IssueFault[] = [];
  const locale = draft.locale;
  const chrome = (where: string, text: string): void => {
    const reason = chromeReason(text);
    if (reason) faults.push({ kind: 'chrome', where, text, detail: reason });
  };

  draft.stories.forEach((story, s) => {
    const at = `story ${s + 1}`;
    chrome(`${at} headline`, story.headline);
    const first = story.sources[0];
    const lead = first ? byUrl.get(first.url) : undefined;
    story.lead.forEach((text, i) => {
      const prev = story.lead[i - 1];
      const follows = prev !== undefined && lead !== undefined && followsIn(lead, prev, text);
      checkDependent(faults, indexed, locale, `${at} lead ${i + 1}`, text, follows, i === 0);
      chrome(`${at} lead ${i + 1}`, text);
      if (lead && positionIn(lead, text) === undefined) {
        faults.push({ kind: 'credit', where: `${at} lead ${i + 1}`, text, detail: `not in ${lead.url}` });
      }
    });
    story.why.forEach((text, i) => {
      checkDependent(faults, indexed, locale, `${at} why ${i + 1}`, text, false);
      chrome(`${at} why ${i + 1}`, text);
    });
    story.sections.forEach((section, k) => {
      chrome(`${at} section ${k + 1}`, section.heading);
      section.bullets.forEach((text, i) => {
        checkDependent(faults, indexed, locale, `${at} section ${k + 1} bullet ${i + 1}`, text, false);
        chrome(`${at} section ${k + 1} bullet ${i + 1}`, text);
      });
    });
  });

  const shown: Array<{ where: string; text: StoryText }> = draft.stories.map((story, s) => ({
    where: `story ${s + 1}`,
    text: {
      title: story.headline,
      sentences: [...story.lead, ...story.why],
      urls: story.sources.map((r) => r.url),
    },
  }));
  draft.headlines.forEach((entry, h) => {
    const at = `headline ${h + 1}`;
    const linked = byUrl.get(entry.url);
    const said = entry.title !== undefined ? sentencesOf(entry.text) : [];
    // A headline's first sentence must stand alone even under its title (a dek is no headline);
    // its second may lean on the first.
    said.forEach((text, i) => {
      const prev = said[i - 1];
      const follows = prev !== undefined && linked !== undefined && followsIn(linked, prev, text);
      checkDependent(faults, indexed, locale, at, text, follows);
    });
    const isTitle = (x: Indexed, t: string): boolean =>
      squash(cleanHeadline(x.item.title, [x.publisher])) === squash(t);
    // A headline that is its item's own title leans on no sentence.
    if (entry.title === undefined && (!linked || !isTitle(linked, entry.text))) {
      checkDependent(faults, indexed, locale, at, entry.text, false);
    }
    chrome(at, entry.text);
    if (entry.title !== undefined) chrome(`${at} title`, entry.title);
    if (!linked) {
      faults.push({
        kind: 'credit',
        where: at,
        text: entry.text,
        detail: `links to no item of the issue: ${entry.url}`,
      });
    } else if (linked.publisher !== entry.publisher) {
      faults.push({
        kind: 'credit',
        where: at,
        text: entry.text,
        detail: `labelled ${entry.publisher}, links to ${linked.publisher}`,
      });
    } else if (entry.title !== undefined && !isTitle(linked, entry.title)) {
      const writer = indexed.find((x) => isTitle(x, entry.title ?? ''));
      faults.push({
        kind: 'credit',
        where: `${at} title`,
        text: entry.title,
        detail: writer ? `title of ${writer.publisher} (${writer.url})` : 'title of no item',
      });
    } else {
      const foreign = (entry.title !== undefined ? said : [entry.text]).find(
        (t) => positionIn(linked, t) === undefined && !(entry.title === undefined && isTitle(linked, t)),
      );
      if (foreign !== undefined) {
        const writer = indexed.find((x) => positionIn(x, foreign) !== undefined);
        faults.push({
          kind: 'credit',
          where: at,
          text: foreign,
          detail: writer ? `sentence of ${writer.publisher} (${writer.url})` : 'sentence of no item',
        });
      }
    }
    const mine: StoryText = {
      title: entry.title ?? (linked ? linked.item.title : entry.text),
      sentences: [entry.text],
      urls: [entry.url],
    };
    for (const other of shown) {
      const why = sameStory(other.text, mine);
      if (why) {
        faults.push({ kind: 'repeat', where: at, text: entry.text, detail: `${other.where} (${why})` });
        break;
      }
    }
    shown.push({ where: at, text: mine });
  });

  checkStoryTexts(faults, draft, byUrl, sources);

  const counts: Record<IssueFaultKind, number> = {
    dependent: 0,
    repeat: 0,
    credit: 0,
    chrome: 0,
    caption: 0,
    restated: 0,
    featureLead: 0,
  };
  for (const f of faults) counts[f.kind]++;
  return { faults, counts };
}

/** Captions anywhere, restated bullets and feature leads of each story. */
function checkStoryTexts(
  faults: IssueFault[],
  draft: Draft,
  byUrl: ReadonlyMap<string, Indexed>,
  sources: readonly SourceConfig[],
): void {
  const publishers = sources.map((x) => x.name);
  const caption = (where: string, text: string): void => {
    const rule = captionRule(text);
    if (rule) faults.push({ kind: 'caption', where, text, detail: rule.name });
  };
  draft.stories.forEach((story, s) => {
    const at = `story ${s + 1}`;
    const lead = story.lead.map((text, i) => ({ where: `${at} lead ${i + 1}`, text }));
    const bullets = [
      ...story.why.map((text, i) => ({ where: `${at} why ${i + 1}`, text })),
      ...story.sections.flatMap((x, k) =>
        x.bullets.map((text, i) => ({ where: `${at} section ${k + 1} bullet ${i + 1}`, text })),
      ),
    ];
    for (const x of [...lead, ...bullets]) caption(x.where, x.text);
    const said = [...lead];
    for (const b of bullets) {
      const earlier = said.find((x) => restatesFact(x.text, b.text));
      if (earlier) faults.push({ kind: 'restated', where: b.where, text: b.text, detail: `restates ${earlier.where}` });
      said.push(b);
    }
    const items = story.sources.map((r) => byUrl.get(r.url)).filter((x): x is Indexed => x !== undefined);
    const first = items[0];
    const kind = first ? articleKind(first.item, publishers) : 'news';
    const news = items.find((x) => x.positions.size > 0 && articleKind(x.item, publishers) === 'news');
    if (first && kind !== 'news' && news) {
      faults.push({
        kind: 'featureLead',
        where: `${at} lead`,
        text: story.lead[0] ?? '',
        detail: `a ${kind} (${first.url}) leads; ${news.url} reports the event`,
      });
    }
  });
  draft.headlines.forEach((entry, h) => caption(`headline ${h + 1}`, entry.text));
}
