/**
 * Sanitized item HTML → text blocks in document order. Headings come from h1–h4,
 * from paragraphs that are one short bold line, and from short lines led by a section
 * marker (✅, ■, ◆, ▣); list items, quotes and paragraphs keep their kind. Line breaks
 * split paragraphs; figure captions and tables of navigation are left out.
 */
import type { TextBlock } from '../types.js';
import { ELEMENT_NODE, TEXT_NODE, parseFragment, type DomNode } from './dom.js';

type Kind = TextBlock['kind'];

const BLOCK_CONTAINERS = new Set([
  'P', 'DIV', 'PRE', 'FIGURE', 'TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH', 'CAPTION', 'UL', 'OL', 'DL',
  'DT', 'DD', 'SECTION', 'ARTICLE', 'HEADER', 'MAIN', 'ADDRESS', 'CENTER',
]);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4']);
const MINOR_HEADINGS = new Set(['H5', 'H6']);
const SKIPPED = new Set(['FIGCAPTION', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'NAV', 'ASIDE', 'FOOTER', 'BUTTON', 'FORM']);
const STRONG = new Set(['STRONG', 'B']);

/** Section markers that turn a short line into a heading. */
export const HEADING_MARKERS = /^[✅■◆▣◼▪️]+\s*/u;
const MAX_HEADING_CHARS = 60;

export function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\u3000\ufeff]+/g, ' ').trim();
}

interface Line {
  text: string;
  strongChars: number;
  otherChars: number;
}

class BlockBuilder {
  readonly blocks: TextBlock[] = [];
  private lines: Line[] = [];
  private current: Line = { text: '', strongChars: 0, otherChars: 0 };

  add(text: string, strong: boolean): void {
    this.current.text += text;
    const n = text.replace(/\s+/g, '').length;
    if (strong) this.current.strongChars += n;
    else this.current.otherChars += n;
  }

  breakLine(): void {
    if (normalizeSpace(this.current.text)) this.lines.push(this.current);
    this.current = { text: '', strongChars: 0, otherChars: 0 };
  }

  flush(kind: Kind): void {
    this.breakLine();
    for (const line of this.lines) this.push(kind, line);
    this.lines = [];
  }

  private push(kind: Kind, line: Line): void {
    let text = normalizeSpace(line.text);
    if (!text) return;
    let k = kind;
    if (k === 'paragraph' || k === 'list-item') {
      const isShort = (t: string) => t.length <= MAX_HEADING_CHARS && !/[.!?。…]["'”’)]?$/u.test(t);
      const unmarked = text.replace(HEADING_MARKERS, '').trim();
      if (unmarked !== text && isShort(unmarked)) {
        text = unmarked;
        k = 'heading';
      } else if (k === 'paragraph' && line.strongChars > 0 && line.otherChars === 0 && isShort(text)) {
        k = 'heading';
      }
    }
    if (!text) return;
    this.blocks.push({ kind: k, text });
  }
}

function walk(node: DomNode, kind: Kind, strong: boolean, b: BlockBuilder): void {
  const children = Array.from(node.childNodes);
  for (const child of children) {
    if (child.nodeType === TEXT_NODE) {
      const raw = child.textContent ?? '';
      // A blank line in text is a paragraph break, as in plain-text descriptions.
      const parts = raw.split(/\n[ \t\u00a0]*\n/);
      parts.forEach((part, i) => {
        if (i > 0) b.breakLine();
        b.add(part, strong);
      });
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const tag = child.nodeName.toUpperCase();
    if (SKIPPED.has(tag)) {
      b.flush(kind);
      continue;
    }
    if (tag === 'BR') {
      b.breakLine();
    } else if (tag === 'HR') {
      b.flush(kind);
    } else if (HEADINGS.has(tag)) {
      b.flush(kind);
      walk(child, 'heading', strong, b);
      b.flush('heading');
    } else if (MINOR_HEADINGS.has(tag)) {
      b.flush(kind);
      walk(child, 'paragraph', strong, b);
      b.flush('paragraph');
    } else if (tag === 'LI') {
      b.flush(kind);
      walk(child, 'list-item', strong, b);
      b.flush('list-item');
    } else if (tag === 'BLOCKQUOTE') {
      b.flush(kind);
      walk(child, 'quote', strong, b);
      b.flush('quote');
    } else if (BLOCK_CONTAINERS.has(tag)) {
      b.flush(kind);
      walk(child, kind, strong, b);
      b.flush(kind);
    } else {
      walk(child, kind, strong || STRONG.has(tag), b);
    }
  }
}

/** Text blocks of sanitized HTML (well-formed, as the sanitizer writes it), or of plain text. */
export function htmlToBlocks(html: string): TextBlock[] {
  if (!html.trim()) return [];
  const b = new BlockBuilder();
  walk(parseFragment(html), 'paragraph', false, b);
  b.flush('paragraph');
  return b.blocks;
}
