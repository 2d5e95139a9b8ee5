/**
 * Which character set a document is in, and its text. The order is the XML one:
 * a byte-order mark, then the HTTP header, then the XML declaration (or an HTML
 * <meta> for article pages), else UTF-8. A label that does not fit the bytes
 * (UTF-8 declared, bytes that are not UTF-8) gives way to the next clue; bytes
 * with no usable clue that are not UTF-8 are tried as CP949 (Korean), then
 * windows-1252.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type CharsetSource = 'bom' | 'header' | 'declaration' | 'meta' | 'default' | 'sniffed';

export interface Decoded {
  text: string;
  /** Canonical name used to decode (iconv-lite name, lower case). */
  charset: string;
  from: CharsetSource;
}

/**
 * Canonical decoder names for labels that need care. EUC-KR and its aliases decode as
 * CP949 (a superset: real Korean feeds say euc-kr and use UHC characters); GB2312 as
 * GB18030 and Big5 as CP950 for the same reason; ISO-8859-1 and US-ASCII as windows-1252,
 * as browsers do.
 */
const ALIASES: Record<string, string> = {
  'euc-kr': 'cp949',
  euckr: 'cp949',
  'x-euc-kr': 'cp949',
  'ks_c_5601-1987': 'cp949',
  ks_c_5601: 'cp949',
  'ks_c_5601-1989': 'cp949',
  ksc5601: 'cp949',
  ksc_5601: 'cp949',
  csksc56011987: 'cp949',
  'iso-ir-149': 'cp949',
  korean: 'cp949',
  'windows-949': 'cp949',
  'x-windows-949': 'cp949',
  uhc: 'cp949',
  ms949: 'cp949',
  cp949: 'cp949',
  gb2312: 'gb18030',
  'gb_2312-80': 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  big5: 'cp950',
  'big5-hkscs': 'big5hkscs',
  'x-sjis': 'shift_jis',
  sjis: 'shift_jis',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'utf-16': 'utf-16',
  'utf-32': 'utf-32',
};

/** The decoder for a charset label, or undefined if unknown. */
export function normalizeCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const l = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .trim()
    .toLowerCase();
  if (!l) return undefined;
  const mapped = ALIASES[l] ?? l;
  return iconv.encodingExists(mapped) ? mapped : undefined;
}

/** charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /;\s*charset\s*=\s*("([^"]*)"|'([^']*)'|[^;\s]+)/i.exec(contentType);
  if (!m) return undefined;
  return m[2] ?? m[3] ?? m[1];
}

/** Encoding from a byte-order mark, with the mark's length. */
export function bomCharset(bytes: Uint8Array): { charset: string; length: number } | undefined {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { charset: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { charset: 'utf-32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { charset: 'utf-32be', length: 4 };
  if (a === 0xfe && b === 0xff) return { charset: 'utf-16be', length: 2 };
  if (a === 0xff && b === 0xfe) return { charset: 'utf-16le', length: 2 };
  return undefined;
}

/** UTF-16/32 without a mark, recognised by how `<?` is laid out (XML 1.0 appendix F). */
function wideWithoutBom(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0 && b === 0 && c === 0 && d === 0x3c) return 'utf-32be';
  if (a === 0x3c && b === 0 && c === 0 && d === 0) return 'utf-32le';
  if (a === 0 && b === 0x3c && c === 0 && d === 0x3f) return 'utf-16be';
  if (a === 0x3c && b === 0 && c === 0x3f && d === 0) return 'utf-16le';
  return undefined;
}

/** The encoding named by an XML declaration at the start of the document. */
export function xmlDeclarationCharset(head: string): string | undefined {
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/.exec(head);
  return m?.[1];
}

/** The charset of an HTML page's <meta charset> or http-equiv Content-Type. */
export function metaCharset(head: string): string | undefined {
  const direct = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return direct?.[1];
}

function isWide(charset: string): boolean {
  return /^utf-?(16|32)/.test(charset);
}

const HANGUL = /[\uac00-\ud7a3]/g;

/** Bytes that are not UTF-8 and carry no label: Korean (CP949) if they read cleanly as such, else windows-1252. */
function sniff(bytes: Uint8Array): { charset: string; text: string } {
  const korean = iconv.decode(Buffer.from(bytes), 'cp949');
  if (!korean.includes('\ufffd')) {
    const hangul = korean.match(HANGUL)?.length ?? 0;
    const high = korean.match(/[^\u0000-\u007f]/g)?.length ?? 0;
    if (hangul > 0 && hangul >= high * 0.6) return { charset: 'cp949', text: korean };
  }
  return { charset: 'windows-1252', text: iconv.decode(Buffer.from(bytes), 'windows-1252') };
}

export interface DecodeOptions {
  /** The Content-Type header value, if the bytes came over HTTP. */
  contentType?: string | undefined;
  /** Look for <meta charset> (HTML pages) as well as the XML declaration. */
  html?: boolean;
}

/** Decode a feed or page body to text; see the module comment for the order. */
export function decodeBody(input: Uint8Array, opts: DecodeOptions = {}): Decoded {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const bom = bomCharset(bytes);
  if (bom)
    return {
      text: iconv.decode(bytes.subarray(bom.length), bom.charset, { stripBOM: true }),
      charset: bom.charset,
      from: 'bom',
    };

  const utf8 = isUtf8(bytes);
  const wide = wideWithoutBom(bytes);
  const candidates: Array<{ label: string | undefined; from: CharsetSource }> = [
    { label: charsetFromContentType(opts.contentType), from: 'header' },
  ];
  if (wide) {
    candidates.push({ label: wide, from: 'declaration' });
  } else {
    const head = bytes.subarray(0, 2048).toString('latin1');
    candidates.push({ label: xmlDeclarationCharset(head), from: 'declaration' });
    if (opts.html) candidates.push({ label: metaCharset(head), from: 'meta' });
  }

  for (const c of candidates) {
    const charset = normalizeCharset(c.label);
    if (!charset) continue;
    // A declaration that names UTF-8 for bytes that are not UTF-8, or a wide encoding for
    // bytes that are plainly ASCII-compatible, is wrong: try the next clue.
    if (charset === 'utf-8' && !utf8) continue;
    if (isWide(charset) && !wide && c.from !== 'header') continue;
    if (isWide(charset) && c.from === 'header' && !wide && bytes.length > 1 && bytes[0] !== 0 && bytes[1] !== 0)
      continue;
    const name = charset === 'utf-16' ? (wide ?? 'utf-16be') : charset === 'utf-32' ? (wide ?? 'utf-32be') : charset;
    // Valid UTF-8 without a mark reads the same through Node's own decoder, which is faster.
    const text = name === 'utf-8' && utf8 ? bytes.toString('utf8') : iconv.decode(bytes, name);
    return { text, charset: name, from: c.from };
  }
  if (utf8) return { text: bytes.toString('utf8'), charset: 'utf-8', from: 'default' };
  const s = sniff(bytes);
  return { text: s.text, charset: s.charset, from: 'sniffed' };
}
