/**
 * Grouping figures of ranking against a labelled list of stories: pairwise and B-cubed
 * precision, recall and F1, and how many labelled stories end up split across topics.
 *
 * Only labelled items are scored, but a topic counts every item it holds: an unlabelled
 * item grouped with a labelled one is a wrong pair (the labels list every item of a
 * labelled story, so anything else in its topic does not belong there).
 */

export interface Figures {
  pairwise: { precision: number; recall: number; f1: number };
  bcubed: { precision: number; recall: number; f1: number };
  /** Labelled stories with items in more than one topic (a missing item counts as its own). */
  split: string[];
  /** Labelled stories whose topic also holds items of another labelled story or unlabelled items. */
  merged: string[];
}

const f1 = (p: number, r: number): number => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

/**
 * @param gold story id of each labelled item (by item key)
 * @param predicted topic id of every item of the window (by item key); a labelled item
 *   missing here is a topic of its own
 */
export function groupingFigures(gold: ReadonlyMap<string, string>, predicted: ReadonlyMap<string, string>): Figures {
  const topicOf = (k: string): string => predicted.get(k) ?? `alone:${k}`;
  const members = new Map<string, string[]>();
  for (const [k, t] of predicted) {
    const list = members.get(t);
    if (list) list.push(k);
    else members.set(t, [k]);
  }
  const inTopic = (k: string): string[] => members.get(topicOf(k)) ?? [k];
  const storyItems = new Map<string, string[]>();
  for (const [k, s] of gold) {
    const list = storyItems.get(s);
    if (list) list.push(k);
    else storyItems.set(s, [k]);
  }

  // B-cubed over the labelled items.
  let bp = 0;
  let br = 0;
  for (const [k, s] of gold) {
    const topic = inTopic(k);
    const same = topic.filter((j) => gold.get(j) === s).length || 1;
    bp += same / topic.length;
    br += same / (storyItems.get(s)?.length ?? 1);
  }
  const n = gold.size || 1;

  // Pairwise: pairs with at least one labelled item.
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const keys = [...gold.keys()];
  for (let a = 0; a < keys.length; a++) {
    for (let b = a + 1; b < keys.length; b++) {
      const ka = keys[a] as string;
      const kb = keys[b] as string;
      const together = topicOf(ka) === topicOf(kb);
      const same = gold.get(ka) === gold.get(kb);
      if (together && same) tp++;
      else if (together) fp++;
      else if (same) fn++;
    }
    // Unlabelled items grouped with a labelled one.
    for (const j of inTopic(keys[a] as string)) if (!gold.has(j)) fp++;
  }
  const pp = tp + fp > 0 ? tp / (tp + fp) : 1;
  const pr = tp + fn > 0 ? tp / (tp + fn) : 1;

  const split: string[] = [];
  const merged: string[] = [];
  for (const [s, items] of storyItems) {
    const topics = new Set(items.map(topicOf));
    if (topics.size > 1) split.push(s);
    if ([...topics].some((t) => (members.get(t) ?? []).some((j) => gold.get(j) !== s))) merged.push(s);
  }
  return {
    pairwise: { precision: pp, recall: pr, f1: f1(pp, pr) },
    bcubed: { precision: bp / n, recall: br / n, f1: f1(bp / n, br / n) },
    split,
    merged,
  };
}
