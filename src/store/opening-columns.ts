/**
 * How the store keeps an item's opening (src/opening.ts): its paragraphs as UTF-16LE
 * code units, separated by U+0000, in a BLOB. Ranking reads the openings of every item in
 * the window; a BLOB comes out of SQLite as a plain copy and UTF-16LE becomes a JS string
 * as another, where Korean text stored as UTF-8 (or JSON) has to be decoded character by
 * character: reading 2,000 openings this way takes about a third of the time.
 */

import type { TextBlock } from '../types.js';
import { bodyCharsOf, openingOf } from '../opening.js';

const SEPARATOR = '\u0000';

/** The `opening` and `body_chars` columns of an item with these blocks. */
export function openingColumns(blocks: readonly TextBlock[]): [opening: Buffer, bodyChars: number] {
  return [encodeOpening(openingOf(blocks)), bodyCharsOf(blocks)];
}

export function encodeOpening(paragraphs: readonly string[]): Buffer {
  // U+0000 never belongs in feed text (XML cannot carry it); a stray one becomes a space.
  return Buffer.from(paragraphs.map((p) => p.replaceAll(SEPARATOR, ' ')).join(SEPARATOR), 'utf16le');
}

export function decodeOpening(blob: Uint8Array): string[] {
  if (blob.length === 0) return [];
  return Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength).toString('utf16le').split(SEPARATOR);
}
