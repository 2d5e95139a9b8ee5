/**
 * Sanitized item HTML → text blocks in document order. Headings come from h1–h4,
 * from paragraphs that are one short bold line, and from short lines led by a section
 * marker (✅, ■, ◆, ▣); list items, quotes and paragraphs keep their kind. Line breaks
 * split paragraphs; figures (with their captions and credits) and tables of navigation are left out.
 */
import type { TextBlock } from '../types.js';
import { scanFragment, type FragmentVisitor } from './dom.js';
import { countNonSpace, isBlank, normalizeSpace } from './normalize.js';

type Kind = TextBlock['kind'];

const BLOCK_CONTAINERS = new Set([
  'P',
  'DIV',
  'PRE',
  'TABLE',
  'THEAD',
  'TBODY',
  'TFOOT',
  'TR',
  'TD',
  'TH',
  'CAPTION',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'MAIN',
  'ADDRESS',
  'CENTER',
]);
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4']);
const MINOR_HEADINGS = new Set(['H5', 'H6']);
const SKIPPED = new Set([
  // A figure is the picture's: its caption, credit (<cite>Image: …</cite>) and alt text are never body.
  'FIGURE',
  'FIGCAPTION',
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'NAV',
  'ASIDE',
  'FOOTER',
  'BUTTON',
  'FORM',
]);
const STRONG = new Set(['STRONG', 'B']);

/** Section markers that turn a short line into a heading. */
export const HEADING_MARKERS = /^[✅■◆▣◼▪️]+\s*/u;
const MAX_HEADING_CHARS = 60;

export { normalizeSpace };

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
    const n = countNonSpace(text);
    if (strong) this.current.strongChars += n;
    else this.current.otherChars += n;
  }

  breakLine(): void {
    if (!isBlank(this.current.text)) this.lines.push(this.current);
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

/** What an open element means for the text inside it, and what its end does. */
interface Frame {
  /** Kind of the blocks inside. */
  kind: Kind;
  strong: boolean;
  /** Inside a left-out element: nothing inside counts. */
  skipped: boolean;
  /** The kind to flush when the element ends, if it ends a block. */
  flushOnClose: Kind | undefined;
}

/** Blocks from the element and text events of a fragment, as a walk of its tree would find them. */
class BlockWalker implements FragmentVisitor {
  private readonly stack: Frame[] = [];

  constructor(private readonly b: BlockBuilder) {
    this.stack.push({ kind: 'paragraph', strong: false, skipped: false, flushOnClose: undefined });
  }

  private top(): Frame {
    return this.stack[this.stack.length - 1] as Frame;
  }

  open(tag: string, empty: boolean): void {
    const { kind, strong, skipped } = this.top();
    const b = this.b;
    let frame: Frame;
    if (skipped) {
      frame = { kind, strong, skipped: true, flushOnClose: undefined };
    } else if (SKIPPED.has(tag)) {
      b.flush(kind);
      frame = { kind, strong, skipped: true, flushOnClose: undefined };
    } else if (tag === 'BR') {
      b.breakLine();
      frame = { kind, strong, skipped: false, flushOnClose: undefined };
    } else if (tag === 'HR') {
      b.flush(kind);
      frame = { kind, strong, skipped: false, flushOnClose: undefined };
    } else {
      const inner = HEADINGS.has(tag)
        ? 'heading'
        : MINOR_HEADINGS.has(tag)
          ? 'paragraph'
          : tag === 'LI'
            ? 'list-item'
            : tag === 'BLOCKQUOTE'
              ? 'quote'
              : BLOCK_CONTAINERS.has(tag)
                ? kind
                : undefined;
      if (inner !== undefined) {
        b.flush(kind);
        frame = { kind: inner, strong, skipped: false, flushOnClose: inner };
      } else {
        frame = { kind, strong: strong || STRONG.has(tag), skipped: false, flushOnClose: undefined };
      }
    }
    if (empty) this.end(frame);
    else this.stack.push(frame);
  }

  close(): void {
    const frame = this.stack.pop();
    if (frame) this.end(frame);
  }

  private end(frame: Frame): void {
    if (frame.flushOnClose !== undefined) this.b.flush(frame.flushOnClose);
  }

  text(raw: string): void {
    const { strong, skipped } = this.top();
    if (skipped) return;
    // A blank line in text is a paragraph break, as in plain-text descriptions.
    if (!raw.includes('\n')) {
      this.b.add(raw, strong);
      return;
    }
    const parts = raw.split(/\n[ \t\u00a0]*\n/);
    parts.forEach((part, i) => {
      if (i > 0) this.b.breakLine();
      this.b.add(part, strong);
    });
  }
}

/** Text blocks of sanitized HTML (well-formed, as the sanitizer writes it), or of plain text. */
export function htmlToBlocks(html: string): TextBlock[] {
  if (!html.trim()) return [];
  const b = new BlockBuilder();
  scanFragment(html, new BlockWalker(b));
  b.flush('paragraph');
  return b.blocks;
}
