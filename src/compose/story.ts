/**
 * One top story: headline, marker, lead, 왜 중요하냐면 and the optional
 * sections, from the topic's articles (best first).
 */
import type { Locale, SourceRef, Story, StorySection, Topic } from '../types.js';
import type { Article, ArticleSentence } from './article.js';
import { isDependent } from './dependent.js';
import { cleanHeadline } from './headline.js';
import { sentencesToRead } from './reading.js';
import { cueScore, mmrSelect, scoreCandidates, type Candidate, type Scored } from './select.js';
import type { UsedSentences } from './used.js';

export const LEAD_MIN = 2;
export const LEAD_MAX = 4;
/** The lead stops growing past two sentences once it is this long. */
export const LEAD_CHARS = 200;
export const WHY_MIN = 2;
export const WHY_MAX = 3;
/** A third 왜 중요하냐면 bullet is kept only while the section stays this short. */
export const WHY_CHARS = 550;
export const SECTION_BULLETS = 3;
export const SECTION_CHARS = 450;
export const MAX_SECTIONS = 2;
/** A bullet longer than this reads as a paragraph, not a bullet. */
export const MAX_BULLET_CHARS = 300;
/** Above this (weighted term cosine) a sentence repeats one already in the story. */
export const STORY_REPEAT = 0.55;
/**
 * Added to a 왜 중요하냐면 candidate's score per unit of cue (significance, cause, concern,
 * outlook: `cueScore`), so the bullets say why the story matters rather than restate it.
 */
export const WHY_CUE_BONUS = 0.5;

/** Whether a Hangul syllable has ㄹ as its final consonant (할, 될, 늘어날: the future adnominal). */
const endsInRieul = (word: string): boolean => {
  const c = word.charCodeAt(word.length - 1);
  return c >= 0xac00 && c <= 0xd7a3 && (c - 0xac00) % 28 === 8;
};

/**
 * How much a sentence speaks of impact, cause or outlook, read from its grammar: a
 * future adnominal before 것으로/전망/계획/예정/수 (늘어날 것으로, 내놓을 계획, 오를 수 있다),
 * a cause (때문, 인해, 여파, -해서, -면서), and the cue words of `cueScore`. 0 to 1.
 */
export function whyCue(text: string): number {
  let hits = cueScore(text) * 2;
  const words = text.split(/\s+/);
  for (let i = 0; i + 1 < words.length; i++) {
    const w = words[i] ?? '';
    if (endsInRieul(w) && /^(?:것|전망|계획|예정|방침|가능성|수)/u.test(words[i + 1] ?? '')) {
      hits++;
      break;
    }
  }
  if (/때문|인해|여파|탓에|덕분|불가피|(?:해|아|어|여)서(?=\s)|면서(?=\s)/u.test(text)) hits++;
  return Math.min(1, hits / 2);
}

/** Headlines and titles that promise analysis or explanation. */
const EXPLAINER =
  /\?|왜|이유|의미|분석|해설|진단|짚어|알아보|뜯어|총정리|궁금|어떻게|무엇이|뭐가|Q&A|explainer|analysis|\bwhy\b|\bhow\b/i;

/**
 * The marker: 💡 for a follow-up of an earlier story, an explainer-like title
 * (a question, 왜/분석/해설/…), or an article organized under two or more
 * subheadings; 🖊️ for a news report.
 */
export function chooseMarker(topic: Pick<Topic, 'followUp'>, title: string, headings: number): Story['marker'] {
  return topic.followUp || EXPLAINER.test(title) || headings >= 2 ? '💡' : '🖊️';
}

/**
 * The first clean sentences of an article: 2–4, fewer only if it has fewer. A sentence
 * that depends on the one before it joins the lead only right after that sentence.
 */
export function pickLead(article: Article, used: UsedSentences, locale: Locale, max = LEAD_MAX): ArticleSentence[] {
  const lead: ArticleSentence[] = [];
  let chars = 0;
  for (const s of article.sentences) {
    if (lead.length >= max || (lead.length >= LEAD_MIN && chars >= LEAD_CHARS)) break;
    // The lead is the opening: it stops at the first subheading once it has two sentences.
    if (s.section >= 0 && lead.length >= LEAD_MIN) break;
    if (used.has(s.text)) continue;
    // An article's first sentence has nothing before it to depend on.
    const prev = lead[lead.length - 1];
    const after = prev === undefined ? s.position === 0 : prev.position === s.position - 1;
    if (!after && isDependent(s.text, locale)) continue;
    if (s.text.length > MAX_BULLET_CHARS * 1.5 && lead.length > 0) break;
    lead.push(s);
    chars += s.text.length;
  }
  return lead;
}

interface Pool {
  candidates: Candidate[];
  /** Whether each candidate stands on its own (no dependent-sentence rule of the locale catches it). */
  alone: boolean[];
  /**
   * The article sentences each candidate is made of (candidate indices): itself, or for a
   * dependent sentence taken together with its predecessor, the two of them.
   */
  parts: number[][];
  scored: Scored[];
  /** Candidate index of (article index, sentence position). */
  index: Map<string, number>;
  sections: number[];
}

function pool(articles: readonly Article[], used: UsedSentences, headline: string, locale: Locale): Pool {
  const candidates: Candidate[] = [];
  const index = new Map<string, number>();
  const sections: number[] = [];
  for (const { sentence: s, item } of sentencesToRead(articles, (x) => !used.has(x.text))) {
    index.set(`${item}:${s.position}`, candidates.length);
    candidates.push({ text: s.text, position: s.position, item });
    sections.push(item === 0 ? s.section : -2);
  }
  // A bullet is read without its article's title, so even a first sentence must stand alone.
  const alone = candidates.map((c) => !isDependent(c.text, locale));
  const parts = candidates.map((_c, i) => [i]);
  // A dependent sentence may still be used together with the sentence it depends on.
  const single = candidates.length;
  for (let i = 0; i < single; i++) {
    const c = candidates[i];
    if (!c || alone[i]) continue;
    const j = index.get(`${c.item}:${c.position - 1}`);
    const prev = j === undefined ? undefined : candidates[j];
    if (j === undefined || !prev || !alone[j] || sections[j] !== sections[i]) continue;
    const text = `${prev.text} ${c.text}`;
    if (text.length > MAX_BULLET_CHARS) continue;
    candidates.push({ text, position: prev.position, item: c.item });
    sections.push(sections[j] ?? -2);
    alone.push(true);
    parts.push([j, i]);
  }
  return {
    candidates,
    alone,
    parts,
    scored: scoreCandidates(candidates, { title: headline, vectorOf: (t) => used.vectorOf(t) }),
    index,
    sections,
  };
}

/** Candidates that share no article sentence with `taken` (nor with an earlier one they keep). */
function disjoint(p: Pool, picks: readonly number[], taken: readonly number[]): number[] {
  const used = new Set(taken.flatMap((i) => p.parts[i] ?? [i]));
  const out: number[] = [];
  for (const i of picks) {
    const mine = p.parts[i] ?? [i];
    if (mine.some((x) => used.has(x))) continue;
    for (const x of mine) used.add(x);
    out.push(i);
  }
  return out;
}

/** Whether a candidate may be picked given what is already placed. */
function free(p: Pool, i: number, taken: ReadonlySet<number>): boolean {
  return !(p.parts[i] ?? [i]).some((x) => taken.has(x));
}

function pickWhy(p: Pool, lead: readonly number[]): number[] {
  const taken = new Set(lead.flatMap((i) => p.parts[i] ?? [i]));
  const eligible = p.candidates
    .map((c, i) => (c.text.length <= MAX_BULLET_CHARS && p.alone[i] && free(p, i, taken) ? i : -1))
    .filter((i) => i >= 0);
  // Impact, cause and outlook come before what only restates the story.
  const scored = p.scored.map((s) => ({ ...s, score: s.score + WHY_CUE_BONUS * whyCue(s.candidate.text) }));
  const picks = disjoint(
    p,
    mmrSelect(scored, WHY_MAX + 1, {
      exclude: lead,
      only: eligible,
      duplicateThreshold: STORY_REPEAT,
      dropRestatements: true,
    }),
    lead,
  ).slice(0, WHY_MAX);
  const chars = picks.reduce((n, i) => n + (p.candidates[i]?.text.length ?? 0), 0);
  return picks.length > WHY_MIN && chars > WHY_CHARS ? picks.slice(0, WHY_MIN) : picks;
}

function pickSections(p: Pool, article: Article, taken: readonly number[]): Array<StorySection & { picks: number[] }> {
  const found: Array<{ heading: number; picks: number[]; value: number }> = [];
  const avoid = [...taken];
  article.headings.forEach((_h, k) => {
    const placed = new Set(avoid.flatMap((i) => p.parts[i] ?? [i]));
    const only = p.sections
      .map((sec, i) =>
        sec === k && p.alone[i] && free(p, i, placed) && (p.candidates[i]?.text.length ?? 0) <= MAX_BULLET_CHARS
          ? i
          : -1,
      )
      .filter((i) => i >= 0);
    if (only.length === 0) return;
    let picks = disjoint(
      p,
      mmrSelect(p.scored, SECTION_BULLETS, {
        only,
        exclude: avoid,
        duplicateThreshold: STORY_REPEAT,
        dropRestatements: true,
      }),
      avoid,
    );
    let chars = 0;
    picks = picks.filter((i, n) => {
      chars += p.candidates[i]?.text.length ?? 0;
      return n === 0 || chars <= SECTION_CHARS;
    });
    if (picks.length === 0) return;
    avoid.push(...picks);
    const value = picks.reduce((s, i) => s + (p.scored[i]?.score ?? 0), 0) / picks.length;
    found.push({ heading: k, picks, value });
  });
  return found
    .sort((a, b) => b.value - a.value)
    .slice(0, MAX_SECTIONS)
    .sort((a, b) => a.heading - b.heading)
    .map((f) => {
      const picks = [...f.picks].sort((a, b) => a - b);
      return {
        heading: article.headings[f.heading]?.text ?? '',
        bullets: picks.map((i) => p.candidates[i]?.text ?? ''),
        picks,
      };
    });
}

export interface StoryInput {
  topic: Topic;
  /** The topic's articles, best first. */
  articles: readonly Article[];
  sources: SourceRef[];
  /** Publisher names, for stripping `- 매체명` from titles. */
  publishers: readonly string[];
  used: UsedSentences;
  locale: Locale;
}

/** A story, or undefined when the best article has no clean sentence to lead with. */
export function buildStory({ topic, articles, sources, publishers, used, locale }: StoryInput): Story | undefined {
  const best = articles[0];
  if (!best) return undefined;
  const headline = cleanHeadline(best.item.title, [...publishers, best.item.source]);
  let lead = pickLead(best, used, locale);
  if (lead.length === 0) return undefined;
  const p = pool(articles, used, headline, locale);
  const leadIndices = (l: readonly ArticleSentence[]): number[] =>
    l.map((s) => p.index.get(`0:${s.position}`)).filter((i): i is number => i !== undefined);
  // Sections keep the sentences under the article's own subheadings; 왜 중요하냐면 is chosen from
  // the rest. When too little is left, the lead gives back its last sentences, and only then
  // may 왜 중요하냐면 draw on the sections' sentences.
  let sections = best.headings.length > 0 ? pickSections(p, best, leadIndices(lead)) : [];
  let why = pickWhy(p, [...leadIndices(lead), ...sections.flatMap((x) => x.picks)]);
  while (why.length < WHY_MIN && lead.length > LEAD_MIN) {
    lead = lead.slice(0, -1);
    sections = best.headings.length > 0 ? pickSections(p, best, leadIndices(lead)) : [];
    why = pickWhy(p, [...leadIndices(lead), ...sections.flatMap((x) => x.picks)]);
  }
  if (why.length < WHY_MIN && sections.length > 0) {
    why = pickWhy(p, leadIndices(lead));
    sections = pickSections(p, best, [...leadIndices(lead), ...why]);
  }
  const story: Story = {
    topicId: topic.id,
    headline,
    marker: chooseMarker(topic, best.item.title, best.headings.length),
    lead: lead.map((s) => s.text),
    why: why.map((i) => p.candidates[i]?.text ?? ''),
    sections: sections.map((x) => ({ heading: x.heading, bullets: x.bullets })),
    sources,
    followUp: topic.followUp,
  };
  used.addAll(story.lead);
  used.addAll(story.why);
  // A bullet made of two sentences also places each of them.
  for (const i of why) for (const x of p.parts[i] ?? []) if (x !== i) used.add(p.candidates[x]?.text ?? '');
  for (const x of story.sections) used.addAll(x.bullets);
  for (const i of sections.flatMap((x) => x.picks)) {
    for (const x of p.parts[i] ?? []) if (x !== i) used.add(p.candidates[x]?.text ?? '');
  }
  return story;
}
