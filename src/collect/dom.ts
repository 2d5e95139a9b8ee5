/**
 * The little of the DOM this stage walks, typed structurally (the project builds
 * without the DOM library): linkedom for whole pages, and a small tree builder for
 * the well-formed HTML that the sanitizer emits (much faster, and all blocks need).
 */
import { parseHTML } from 'linkedom';

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
  getAttribute?(name: string): string | null;
}

export interface DomDocument {
  readonly body: DomNode | null;
  readonly documentElement: DomNode | null;
}

export const TEXT_NODE = 3;
export const ELEMENT_NODE = 1;

/** Parse an HTML fragment or page. */
export function parseDocument(html: string): DomDocument {
  const wrapped = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  const win = parseHTML(wrapped) as unknown as { document: DomDocument };
  return win.document;
}

/** The document object itself, for libraries that want a DOM Document (Readability). */
export function parseDocumentRaw(html: string): unknown {
  return (parseHTML(html) as unknown as { document: unknown }).document;
}

const decodeCache = new Map<string, string>();
const MAX_CACHED = 10_000;
/** HTML's longest reference name is 31 characters. */
const MAX_NAME = 32;

/**
 * Decode HTML named character references (`hellip` → `…`), the names not seen before in
 * one parse. A name HTML does not know maps to undefined.
 */
export function decodeNamedEntities(names: Iterable<string>): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  const unknown: string[] = [];
  for (const name of names) {
    if (out.has(name)) continue;
    if (name.length > MAX_NAME || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) {
      out.set(name, undefined);
      continue;
    }
    const cached = decodeCache.get(name);
    if (cached !== undefined) out.set(name, cached || undefined);
    else {
      out.set(name, undefined);
      unknown.push(name);
    }
  }
  if (unknown.length === 0) return out;
  const doc = parseDocument(unknown.map((n) => `<i>&${n};</i>`).join(''));
  const cells = Array.from(doc.body?.childNodes ?? []);
  if (decodeCache.size + unknown.length > MAX_CACHED) decodeCache.clear();
  unknown.forEach((name, i) => {
    const text = cells[i]?.textContent ?? '';
    // A real reference decodes to one or two code points; `&notit;` read as `¬it;` is not one.
    const plausible = [...text].length <= 2 && (name === 'semi' || !text.endsWith(';'));
    const value = text === `&${name};` || !plausible ? '' : text;
    decodeCache.set(name, value);
    out.set(name, value || undefined);
  });
  return out;
}

/** Decode one HTML named character reference; undefined if HTML has no such name. */
export function decodeNamedEntity(name: string): string | undefined {
  return decodeNamedEntities([name]).get(name);
}

/** Decode HTML character references in text. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const named = decodeNamedEntities(Array.from(text.matchAll(/&([A-Za-z][A-Za-z0-9]*);/g), (m) => m[1] ?? ''));
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);?/gi, (m, ref: string) => {
    if (ref.startsWith('#')) {
      const cp =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    if (!m.endsWith(';')) return m;
    switch (ref) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      case 'nbsp':
        return '\u00a0';
      default:
        return named.get(ref) ?? m;
    }
  });
}

interface FragmentNode extends DomNode {
  readonly childNodes: FragmentNode[];
}

const VOID_ELEMENTS = new Set([
  'BR',
  'IMG',
  'HR',
  'WBR',
  'INPUT',
  'META',
  'LINK',
  'SOURCE',
  'AREA',
  'COL',
  'EMBED',
  'PARAM',
  'TRACK',
]);

/** What `scanFragment` reports, in document order. */
export interface FragmentVisitor {
  /** An element opens (name in upper case); `empty` when it can hold nothing (void or `<x/>`). */
  open(name: string, empty: boolean): void;
  /** The innermost open element (not `empty`) ends: at its closing tag, an outer one's, or the end. */
  close(): void;
  /** Text between tags, character references decoded. */
  text(text: string): void;
}

const FRAGMENT_TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b((?:[^>"'<]|"[^"<]*"|'[^'<]*')*)>|([^<]+)|</g;

/**
 * Read an HTML fragment that is already well-formed (sanitizer output) as a stream of
 * element and text events, without building a tree. Unknown closing tags are ignored; a
 * closing tag closes the elements opened inside it; elements still open at the end close.
 */
export function scanFragment(html: string, visitor: FragmentVisitor): void {
  const open: string[] = [];
  const re = new RegExp(FRAGMENT_TOKEN.source, 'g');
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[0].startsWith('<!--')) continue;
    if (m[2] === undefined) {
      visitor.text(decodeEntities(m[4] ?? m[0]));
      continue;
    }
    const name = m[2].toUpperCase();
    if (m[1] === '/') {
      const at = open.lastIndexOf(name);
      if (at < 0) continue;
      while (open.length > at) {
        open.pop();
        visitor.close();
      }
      continue;
    }
    const empty = VOID_ELEMENTS.has(name) || (m[3] ?? '').trim().endsWith('/');
    visitor.open(name, empty);
    if (!empty) open.push(name);
  }
  while (open.length > 0) {
    open.pop();
    visitor.close();
  }
}

function element(name: string): FragmentNode {
  return { nodeType: ELEMENT_NODE, nodeName: name, childNodes: [], textContent: null };
}

/**
 * A tree of an HTML fragment, for markup that is already well-formed (sanitizer output).
 * Unknown closing tags are ignored; a closing tag closes the elements opened inside it.
 */
export function parseFragment(html: string): DomNode {
  const root = element('#fragment');
  const stack: FragmentNode[] = [root];
  scanFragment(html, {
    open(name, empty) {
      const el = element(name);
      (stack[stack.length - 1] ?? root).childNodes.push(el);
      if (!empty) stack.push(el);
    },
    close() {
      stack.pop();
    },
    text(text) {
      (stack[stack.length - 1] ?? root).childNodes.push({
        nodeType: TEXT_NODE,
        nodeName: '#text',
        childNodes: [],
        textContent: text,
      });
    },
  });
  return root;
}
