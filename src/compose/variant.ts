/**
 * A reader's variant of an issue: the stories and headlines of their interests. Pure.
 * Numbering follows the lists ([1]…[n] with no gaps, headlines after the stories), so a
 * variant only has to leave parts out; the title and preheader follow its first story.
 * A reader without interests gets the whole issue; one whose interests have no story
 * this time gets the whole issue with a one-line note, never an empty message.
 */
import type { Draft, HeadlineEntry, InterestConfig, Labels, Story } from '../types.js';
import { fillLabel, label } from './labels.js';

export interface Variant {
  /** Equal keys mean equal drafts: each distinct key is rendered once. */
  key: string;
  draft: Draft;
  /** Whether the reader's interests chose the parts (false: the whole issue). */
  matched: boolean;
}

/**
 * The config's interest ids a subscriber's list names, by id or by label (any case);
 * names the config does not define are left out.
 */
export function resolveInterests(wanted: readonly string[], interests: readonly InterestConfig[]): string[] {
  const byName = new Map<string, string>();
  for (const i of interests) {
    byName.set(i.id.toLowerCase(), i.id);
    byName.set(i.label.normalize('NFKC').toLowerCase(), i.id);
  }
  const out = new Set<string>();
  for (const w of wanted) {
    const id = byName.get(w.normalize('NFKC').trim().toLowerCase());
    if (id) out.add(id);
  }
  return interests.map((i) => i.id).filter((id) => out.has(id));
}

function inAny(part: Story | HeadlineEntry, wanted: ReadonlySet<string>): boolean {
  return (part.interests ?? []).some((i) => wanted.has(i));
}

/** The title (and subject, preheader) composeIssue would give an issue whose first part is `top`. */
function retitled(draft: Draft, stories: Story[], headlines: HeadlineEntry[], labels: Labels): Draft {
  const prefix = label(labels, 'titlePrefix', '[브리핑]');
  const oldTop = draft.stories[0]?.headline ?? draft.headlines[0]?.title ?? draft.headlines[0]?.text;
  const top = stories[0]?.headline ?? headlines[0]?.title ?? headlines[0]?.text ?? draft.newsletter;
  const more = stories.length + headlines.length - 1;
  const preheader =
    more > 0
      ? fillLabel(label(labels, 'preheader', '오늘의 브리핑: {headline} 외 {n}건'), { headline: top, n: more })
      : fillLabel(label(labels, 'preheaderOne', '오늘의 브리핑: {headline}'), { headline: top });
  // An editor's own title stays; the composed one follows the variant's first story.
  const composedTitle = oldTop !== undefined && draft.title === `${prefix} ${oldTop}`;
  const title = composedTitle ? `${prefix} ${top}` : draft.title;
  const subject = draft.subject === draft.title ? title : draft.subject;
  return { ...draft, title, subject, preheader, stories, headlines };
}

/** The variant of `draft` for a reader of `interests` (config ids, see resolveInterests). */
export function variantOf(draft: Draft, interests: readonly string[], labels: Labels): Variant {
  if (interests.length === 0) return { key: '*', draft, matched: false };
  const wanted = new Set(interests);
  const stories = draft.stories.filter((s) => inAny(s, wanted));
  const headlines = draft.headlines.filter((h) => inAny(h, wanted));
  if (stories.length === 0 && headlines.length === 0) {
    const note = label(labels, 'interestsNone', '이번 호에는 고르신 관심사의 소식이 없어 전체 브리핑을 보내 드려요.');
    return { key: '*+none', draft: { ...draft, note }, matched: false };
  }
  if (stories.length === draft.stories.length && headlines.length === draft.headlines.length) {
    return { key: '*', draft, matched: true };
  }
  const key = [...stories.map((s) => s.topicId), '|', ...headlines.map((h) => h.topicId)].join(' ');
  return { key, draft: retitled(draft, stories, headlines, labels), matched: true };
}
