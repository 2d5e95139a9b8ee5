/**
 * Pre-normalization of feed documents before rss-parser reads them: the things real
 * feeds get wrong that a strict XML parser would reject or misread. Every change keeps
 * the document's line count, so XML error line numbers still point at the source.
 */
import { decodeNamedEntities } from './dom.js';
import { FeedFailure, reasons } from './failure.js';

export type FeedFormat = 'rss' | 'atom' | 'rdf';

export interface PreparedXml {
  xml: string;
  format: FeedFormat;
  /** The root element as written. */
  root: string;
  /** An RSS document without a <channel>: valid, and empty. */
  empty: boolean;
}

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
/** An `&` that does not start one of the five XML entities. */
const OTHER_REFERENCE = /&(?!(?:amp|lt|gt|quot|apos);)/;
const INVALID_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** windows-1252 characters for the C1 code points old feeds write as numeric references (&#150;). */
const CP1252_C1: Record<number, number> = {
  128: 0x20ac,
  130: 0x201a,
  131: 0x0192,
  132: 0x201e,
  133: 0x2026,
  134: 0x2020,
  135: 0x2021,
  136: 0x02c6,
  137: 0x2030,
  138: 0x0160,
  139: 0x2039,
  140: 0x0152,
  142: 0x017d,
  145: 0x2018,
  146: 0x2019,
  147: 0x201c,
  148: 0x201d,
  149: 0x2022,
  150: 0x2013,
  151: 0x2014,
  152: 0x02dc,
  153: 0x2122,
  154: 0x0161,
  155: 0x203a,
  156: 0x0153,
  158: 0x017e,
  159: 0x0178,
};

function newlinesOf(text: string): string {
  return text.replace(/[^\n]/g, '');
}

function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Apply `fn` to the parts of the document outside CDATA sections and comments. */
export function mapOutsideCdata(xml: string, fn: (part: string) => string): string {
  const re = /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)/g;
  let out = '';
  let last = 0;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    out += fn(xml.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex++;
  }
  return out + fn(xml.slice(last));
}

/** Numeric references to characters XML forbids are removed; C1 ones become their windows-1252 characters. */
function fixNumericReference(ref: string, digits: string, hex: boolean): string {
  const cp = Number.parseInt(digits, hex ? 16 : 10);
  if (!Number.isFinite(cp)) return '';
  const mapped = CP1252_C1[cp];
  if (mapped !== undefined) return `&#${mapped};`;
  return isXmlChar(cp) ? ref : '';
}

/**
 * How many characters the document may still grow by as its internal entities are
 * expanded: the size cap holds on the expanded text, not only on the bytes received.
 */
export interface ExpansionBudget {
  left: number;
  /** The cap, for the message. */
  readonly max: number;
}

/** Make character and entity references well-formed XML. */
export function fixReferences(
  part: string,
  declared: ReadonlyMap<string, string> = new Map(),
  budget?: ExpansionBudget,
): string {
  // Only the five XML entities (the usual case, escaped item HTML): nothing to fix.
  if (!OTHER_REFERENCE.test(part)) return part;
  const names = new Set<string>();
  for (const m of part.matchAll(/&([A-Za-z_][\w.:-]*);/g)) {
    const name = m[1] ?? '';
    if (!XML_ENTITIES.has(name) && !declared.has(name)) names.add(name);
  }
  const html = decodeNamedEntities(names);
  return part
    .replace(/&(?!(?:[A-Za-z_][\w.:-]*|#\d+|#x[0-9A-Fa-f]+);)/g, '&amp;')
    .replace(/&#(x?)([0-9A-Fa-f]+);/g, (ref, x: string, digits: string) => fixNumericReference(ref, digits, x === 'x'))
    .replace(/&([A-Za-z_][\w.:-]*);/g, (ref, name: string) => {
      if (XML_ENTITIES.has(name)) return ref;
      const own = declared.get(name);
      if (own !== undefined) {
        if (budget) {
          budget.left -= own.length - ref.length;
          if (budget.left < 0) throw new FeedFailure(reasons.entityExpansion(name, budget.max));
        }
        return own;
      }
      const ch = html.get(name);
      if (ch === undefined) return `&amp;${name};`;
      return [...ch].map((c) => `&#${c.codePointAt(0) ?? 63};`).join('');
    });
}

/** `<` that cannot start markup (followed by a space, a digit or `=`) is text. */
function fixStrayLessThan(part: string): string {
  return part.replace(/<(?=[\s\d=])/g, '&lt;');
}

/** Locate the root element name, skipping the declaration, processing instructions, comments and a DOCTYPE. */
export function findRoot(
  xml: string,
): { name: string; doctype?: { start: number; end: number; text: string } } | undefined {
  let i = 0;
  let doctype: { start: number; end: number; text: string } | undefined;
  const n = xml.length;
  while (i < n) {
    while (i < n && /\s/.test(xml[i] ?? '')) i++;
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end < 0) return undefined;
      i = end + 3;
    } else if (/^<!doctype/i.test(xml.slice(i, i + 9))) {
      let j = i + 9;
      let depth = 0;
      for (; j < n; j++) {
        const c = xml[j];
        if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth <= 0) break;
      }
      doctype = { start: i, end: j + 1, text: xml.slice(i, j + 1) };
      i = j + 1;
    } else if (xml[i] === '<') {
      const m = /^<([A-Za-z_][\w.:-]*)/.exec(xml.slice(i, i + 200));
      return m?.[1] ? { name: m[1], ...(doctype ? { doctype } : {}) } : undefined;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** Internal-subset entity declarations with literal values (no external or parameter entities). */
export function declaredEntities(doctype: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /<!ENTITY\s+([A-Za-z_][\w.:-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
  for (let m = re.exec(doctype); m; m = re.exec(doctype)) {
    const name = m[1];
    const value = m[2] ?? m[3] ?? '';
    if (name && !XML_ENTITIES.has(name) && value.length <= 1000 && !value.includes('&')) out.set(name, value);
  }
  return out;
}

/** The expanded size a document may reach when the caller names no cap (collect.maxBytes' default). */
export const DEFAULT_MAX_CHARS = 5 * 1024 * 1024;

export interface PrepareOptions {
  /** The size cap (characters) the document may reach once its internal entities are expanded. */
  maxChars?: number | undefined;
}

/** Prepare a decoded feed document for the XML parser; throws FeedFailure when it is not a feed at all. */
export function prepareXml(input: string, opts: PrepareOptions = {}): PreparedXml {
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  let text = input.replace(/^\ufeff/, '');
  const first = text.search(/\S/);
  if (first < 0) throw new FeedFailure(reasons.notAFeedEmpty);
  const firstChar = text[first];
  if (firstChar === '{' || firstChar === '[') throw new FeedFailure(reasons.notAFeedJson);
  const lt = text.indexOf('<');
  if (lt < 0) throw new FeedFailure(reasons.notAFeedText);
  // Junk before the first tag (stray output of a script) goes; its line breaks stay.
  if (lt > 0) text = newlinesOf(text.slice(0, lt)) + text.slice(lt);
  text = text.replace(INVALID_XML_CHARS, '');

  const root = findRoot(text);
  if (!root) {
    if (/<html[\s>]/i.test(text.slice(0, 4096))) throw new FeedFailure(reasons.notAFeedHtml);
    throw new FeedFailure(reasons.notAFeedText);
  }
  const local = root.name.includes(':') ? root.name.slice(root.name.indexOf(':') + 1) : root.name;
  if (local.toLowerCase() === 'html') throw new FeedFailure(reasons.notAFeedHtml);
  let format: FeedFormat;
  if (local === 'rss' || local === 'RSS') format = 'rss';
  else if (local === 'feed') format = 'atom';
  else if (local === 'RDF' || local === 'rdf') format = 'rdf';
  else throw new FeedFailure(reasons.notAFeedRoot(root.name));

  let entities = new Map<string, string>();
  if (root.doctype) {
    entities = declaredEntities(root.doctype.text);
    text = text.slice(0, root.doctype.start) + newlinesOf(root.doctype.text) + text.slice(root.doctype.end);
  }

  const rootName = root.name;
  const budget: ExpansionBudget | undefined =
    entities.size > 0 ? { left: maxChars - text.length, max: maxChars } : undefined;
  text = mapOutsideCdata(text, (part) => {
    let p = fixStrayLessThan(fixReferences(part, entities, budget));
    // rss-parser turns Atom <published>/<updated> into dates without a guard; read them ourselves.
    p = p.replace(/<(\/?)(published|updated)(?=[\s>/])/g, '<$1briefing-$2');
    if (format === 'atom') {
      p = p.replace(/<link>\s*([^<\s"]+)\s*<\/link>/g, '<link href="$1"/>');
      p = p.replace(/<link(\s[^>]*?)?>\s*([^<\s"]+)\s*<\/link>/g, (m, attrs: string | undefined, href: string) =>
        attrs && /\bhref\s*=/.test(attrs) ? m : `<link${attrs ?? ''} href="${href}"/>`,
      );
    }
    if (format === 'rss' && rootName !== 'rss') p = p.replace(new RegExp(`<(/?)${rootName}(?=[\\s>])`, 'g'), '<$1rss');
    if (format === 'rdf' && rootName !== 'rdf:RDF') {
      p = p.replace(new RegExp(`<(/?)${rootName.replace(/[.:]/g, '\\$&')}(?=[\\s>])`, 'g'), '<$1rdf:RDF');
    }
    return p;
  });

  const empty = format !== 'atom' && !/<channel[\s>/]/i.test(text);
  return { xml: text, format, root: root.name, empty };
}

const ENTRY_NAMES = new Set(['item', 'entry']);

/** A document that stopped early, completed. */
export interface TruncatedDocument {
  xml: string;
  droppedEntries: number;
  /** The element the document ends inside: the open entry, else the innermost open element. */
  endsInside: string;
}

/**
 * Complete a document that stops early (a cut-off transfer, a missing `</rss>`): a trailing
 * partial tag goes, an entry left open is dropped whole (and counted), and the elements
 * still open are closed. Undefined when nothing was left open.
 */
export function closeTruncated(xml: string): TruncatedDocument | undefined {
  const scan = (text: string): string[] => {
    const stack: string[] = [];
    mapOutsideCdata(text, (part) => {
      // Quoted values stop at `<`, so an unbalanced quote cannot make the scan quadratic.
      const re = /<(\/?)([A-Za-z_][\w.:-]*)(?:[^>"'<]|"[^"<]*"|'[^'<]*')*?(\/?)>/g;
      for (let m = re.exec(part); m; m = re.exec(part)) {
        const name = m[2] ?? '';
        if (m[3] === '/') continue;
        if (m[1] === '/') {
          const at = stack.lastIndexOf(name);
          if (at >= 0) stack.length = at;
        } else stack.push(name);
      }
      return part;
    });
    return stack;
  };
  let text = xml.replace(/<[^>]*$/, '');
  let open = scan(text);
  if (open.length === 0) return undefined;
  const innermost = open[open.length - 1] ?? '';
  const entry = open.find((n) => ENTRY_NAMES.has(n.slice(n.indexOf(':') + 1)));
  if (entry) {
    const last = text.lastIndexOf(`</${entry}>`);
    const start = text.indexOf(`<${entry}`);
    text = last >= 0 ? text.slice(0, last + entry.length + 3) : start >= 0 ? text.slice(0, start) : text;
    open = scan(text);
  }
  return {
    xml:
      text +
      open
        .reverse()
        .map((n) => `</${n}>`)
        .join(''),
    droppedEntries: entry ? 1 : 0,
    endsInside: entry ?? innermost,
  };
}
