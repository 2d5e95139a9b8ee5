/**
 * The editor's pins and blocks from the draft: topic ids or item links (a link, or a
 * canonical link, of any item of the topic, duplicates included). A pinned topic gets
 * the pin bonus and goes first; a blocked topic is left out, whatever else it scores.
 */
import type { WindowItem } from './topic.js';

export interface EditorMarks {
  /** The pin that matches the topic, if any. */
  pin(topicId: string, groups: readonly WindowItem[][]): string | undefined;
  /** The block that matches the topic, if any. */
  block(topicId: string, groups: readonly WindowItem[][]): string | undefined;
}

function matcher(marks: readonly string[]): (topicId: string, groups: readonly WindowItem[][]) => string | undefined {
  const set = new Set(marks.map((m) => m.trim()).filter((m) => m.length > 0));
  if (set.size === 0) return () => undefined;
  return (topicId, groups) => {
    if (set.has(topicId)) return topicId;
    for (const group of groups) {
      for (const w of group) {
        if (set.has(w.item.link)) return w.item.link;
        if (set.has(w.item.canonicalLink)) return w.item.canonicalLink;
      }
    }
    return undefined;
  };
}

export function editorMarks(pins: readonly string[], blocks: readonly string[]): EditorMarks {
  return { pin: matcher(pins), block: matcher(blocks) };
}
