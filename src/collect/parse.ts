/**
 * Read a decoded feed document with rss-parser's `parseString`. The document is
 * pre-normalized first (xml-prep); if the strict XML parse still fails, a lenient
 * parse, then the document completed where it stops early (strict, then lenient), are
 * tried before the source is reported with the strict error and its line.
 */
import Parser from 'rss-parser';
import { FeedFailure, reasons } from './failure.js';
import { closeTruncated, prepareXml, type FeedFormat, type PrepareOptions } from './xml-prep.js';

export type RawEntry = Record<string, unknown>;

export interface RawFeed {
  format: FeedFormat;
  title?: string | undefined;
  link?: string | undefined;
  language?: string | undefined;
  /** xml:base of the root element. */
  base?: string | undefined;
  /** Feed-level date (RSS pubDate/lastBuildDate, Atom updated). */
  date?: string | undefined;
  items: RawEntry[];
  /** Read by the lenient parser, or completed after it stopped early, because the strict parse failed. */
  lenient: boolean;
  /** Entries cut off where the document stops early, left out. */
  partialEntries: number;
  /** What was wrong with a document read only in part (cut off, or not well-formed), for the report. */
  problem?: string | undefined;
}

const ITEM_FIELDS = [
  ['$', 'attrs', { keepArray: true }],
  ['briefing-published', 'published'],
  ['briefing-updated', 'updated'],
  'issued',
  'modified',
  'created',
  ['dcterms:created', 'dctermsCreated'],
  ['dcterms:modified', 'dctermsModified'],
  ['content', 'contentRaw', { keepArray: true }],
  ['summary', 'summaryRaw', { keepArray: true }],
  ['description', 'descriptionRaw', { keepArray: true }],
  ['guid', 'guidRaw', { keepArray: true }],
  ['link', 'linkRaw', { keepArray: true }],
  ['media:description', 'mediaDescription'],
  ['media:content', 'mediaContent', { keepArray: true }],
  ['media:thumbnail', 'mediaThumbnail', { keepArray: true }],
  ['category', 'categoryRaw', { keepArray: true }],
  ['dc:subject', 'dcSubject', { keepArray: true }],
  ['media:group', 'mediaGroup', { keepArray: true }],
] as const;

const FEED_FIELDS = [
  ['$', 'attrs', { keepArray: true }],
  ['dc:language', 'dcLanguage'],
  ['dc:date', 'dcDate'],
  ['briefing-updated', 'updated'],
] as const;

/** Names the lenient (upper-casing) XML parser must give back in their feed spelling. */
const CAMEL = new Map(
  [
    'pubDate',
    'lastBuildDate',
    'managingEditor',
    'webMaster',
    'skipHours',
    'skipDays',
    'textInput',
    'isPermaLink',
    'rdf:RDF',
    'rdf:about',
    'rdf:resource',
    'rdf:Seq',
    'rdf:li',
    'itunes:episodeType',
    'itunes:newFeedUrl',
  ].map((n) => [n.toLowerCase(), n]),
);

function restoreCase(name: string): string {
  const lower = name.toLowerCase();
  return CAMEL.get(lower) ?? lower;
}

function makeParser(lenient: boolean): Parser<Record<string, unknown>, Record<string, unknown>> {
  return new Parser({
    defaultRSS: 2,
    customFields: {
      // rss-parser's field lists take [from, to, options] tuples; its typings only say string.
      item: ITEM_FIELDS as unknown as string[],
      feed: FEED_FIELDS as unknown as string[],
    },
    xml2js: lenient ? { strict: false, tagNameProcessors: [restoreCase], attrNameProcessors: [restoreCase] } : {},
  });
}

/** "Unexpected close tag\nLine: 3\nColumn: 12\nChar: >" → XML error at line 4 (sax counts from 0). */
export function xmlErrorReason(message: string): string | undefined {
  const m = /^([^\n]*)\nLine:\s*(\d+)/.exec(message);
  if (!m) return undefined;
  const what = (m[1] ?? 'malformed XML').trim();
  return reasons.xml(Number(m[2]) + 1, what.charAt(0).toLowerCase() + what.slice(1));
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object' && '_' in v) return str((v as { _: unknown })._);
  return undefined;
}

async function parseWith(xml: string, lenient: boolean): Promise<Record<string, unknown>> {
  const parser = makeParser(lenient);
  return (await parser.parseString(xml)) as unknown as Record<string, unknown>;
}

/** Parse a decoded feed document; throws FeedFailure with a one-line reason. */
export async function readFeed(text: string, opts: PrepareOptions = {}): Promise<RawFeed> {
  const prepared = prepareXml(text, opts);
  if (prepared.empty) return { format: prepared.format, items: [], lenient: false, partialEntries: 0 };
  let feed: Record<string, unknown>;
  let lenient = false;
  let partialEntries = 0;
  let problem: string | undefined;
  try {
    feed = await parseWith(prepared.xml, false);
  } catch (strictError) {
    const message = strictError instanceof Error ? strictError.message : String(strictError);
    const xmlReason = xmlErrorReason(message);
    lenient = true;
    const completed = closeTruncated(prepared.xml);
    const notWellFormed = xmlReason ?? reasons.parser(message);
    // A document that stops early is described by where it stops (its end, in bytes of the
    // text as received), however it is read.
    const problemOf = completed ? reasons.cutOff(completed.endsInside, Buffer.byteLength(text)) : notWellFormed;
    const attempts: Array<{ xml: string; loose: boolean; dropped: number }> = [
      { xml: prepared.xml, loose: true, dropped: 0 },
    ];
    if (completed) {
      attempts.push({ xml: completed.xml, loose: false, dropped: completed.droppedEntries });
      attempts.push({ xml: completed.xml, loose: true, dropped: completed.droppedEntries });
    }
    let read: Record<string, unknown> | undefined;
    for (const a of attempts) {
      try {
        const f = await parseWith(a.xml, a.loose);
        if (!Array.isArray(f.items)) continue;
        read = f;
        partialEntries = a.dropped;
        problem = problemOf;
        break;
      } catch {
        // try the next way of reading it
      }
    }
    if (!read) throw new FeedFailure(notWellFormed);
    feed = read;
  }
  const attrs = (feed.attrs ?? {}) as Record<string, unknown>;
  const items = Array.isArray(feed.items) ? (feed.items as RawEntry[]) : [];
  return {
    format: prepared.format,
    title: str(feed.title),
    link: str(feed.link),
    language: str(feed.language) ?? str(feed.dcLanguage) ?? str(attrs['xml:lang']),
    base: str(attrs['xml:base']),
    date: str(feed.lastBuildDate) ?? str(feed.pubDate) ?? str(feed.updated) ?? str(feed.dcDate),
    items,
    lenient,
    partialEntries,
    problem,
  };
}
