/**
 * Which character set a document is in, and its text. The order is the XML one:
 * a byte-order mark, then the HTTP header, then the XML declaration (or an HTML
 * <meta> for article pages), else UTF-8. A label that does not fit the bytes gives
 * way to the whole body's evidence: bytes that are UTF-8 but for a few broken
 * sequences are UTF-8 (the broken sequences alone become U+FFFD, counted in
 * `replaced`); bytes whose multi-byte pairs are Hangul in CP949 are CP949; a
 * single-byte label (windows-1252, ISO-8859-1) on bytes that are valid UTF-8 Korean
 * is wrong; only bytes that are neither are read as windows-1252.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type CharsetSource = 'bom' | 'header' | 'declaration' | 'meta' | 'default' | 'sniffed';

export interface Decoded {
  text: string;
  /** Canonical name used to decode (iconv-lite name, lower case). */
  charset: string;
  from: CharsetSource;
  /** Broken byte sequences replaced with U+FFFD (0 when the bytes were all valid). */
  replaced: number;
  /** Lines (1-based) of the first broken sequences, for the report. */
  replacedLines?: number[] | undefined;
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

/** How well the bytes read as UTF-8: well-formed multi-byte sequences against broken ones. */
export interface Utf8Evidence {
  multibyte: number;
  broken: number;
  /** Byte offsets of the first broken sequences. */
  brokenAt: number[];
}

export function utf8Evidence(bytes: Uint8Array): Utf8Evidence {
  let multibyte = 0;
  let broken = 0;
  const brokenAt: number[] = [];
  const n = bytes.length;
  for (let i = 0; i < n; ) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= n;
    for (let k = 1; ok && k < len; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok && len === 3) {
      const b1 = bytes[i + 1] ?? 0;
      ok = !(b === 0xe0 && b1 < 0xa0) && !(b === 0xed && b1 >= 0xa0);
    }
    if (ok && len === 4) {
      const b1 = bytes[i + 1] ?? 0;
      ok = !(b === 0xf0 && b1 < 0x90) && !(b === 0xf4 && b1 >= 0x90);
    }
    if (ok) {
      multibyte++;
      i += len;
      continue;
    }
    broken++;
    if (brokenAt.length < 5) brokenAt.push(i);
    // Skip the continuation bytes of the broken sequence: they belong to it.
    i++;
    while (i < n && ((bytes[i] ?? 0) & 0xc0) === 0x80 && i - (brokenAt[brokenAt.length - 1] ?? i) < 4) i++;
  }
  return { multibyte, broken, brokenAt };
}

/** Mostly UTF-8: at least 20 well-formed multi-byte sequences, and 19 of every 20 sequences well-formed. */
function mostlyUtf8(ev: Utf8Evidence): boolean {
  return ev.multibyte >= 20 && ev.broken * 19 <= ev.multibyte;
}

/** Counts of byte pairs that are Hangul syllables in CP949 (KS X 1001 rows B0–C8, or UHC extensions). */
function cp949Evidence(bytes: Uint8Array): { hangul: number; other: number } {
  let hangul = 0;
  let other = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const t = bytes[i + 1] ?? 0;
    const wansung = b >= 0xb0 && b <= 0xc8 && t >= 0xa1 && t <= 0xfe;
    const uhc =
      b >= 0x81 && b <= 0xc6 && ((t >= 0x41 && t <= 0x5a) || (t >= 0x61 && t <= 0x7a) || (t >= 0x81 && t <= 0xfe));
    if (wansung || uhc) hangul++;
    else other++;
    i += 2;
  }
  return { hangul, other };
}

/** Korean CP949 beyond doubt: at least 20 Hangul pairs, and 19 of every 20 pairs Hangul. */
function mostlyCp949(bytes: Uint8Array): boolean {
  const k = cp949Evidence(bytes);
  return k.hangul >= 20 && k.other * 19 <= k.hangul;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** UTF-8 with its broken sequences (and only those) replaced by U+FFFD. */
function lossyUtf8(bytes: Buffer, ev: Utf8Evidence, from: CharsetSource): Decoded {
  return {
    text: new TextDecoder('utf-8', { fatal: false }).decode(bytes),
    charset: 'utf-8',
    from,
    replaced: ev.broken,
    replacedLines: ev.brokenAt.map((o) => lineOf(bytes, o)),
  };
}

/** Bytes that are not UTF-8 and carry no usable label: decided on the whole body's evidence. */
function sniff(bytes: Buffer, ev: Utf8Evidence): Decoded {
  if (mostlyUtf8(ev)) return lossyUtf8(bytes, ev, 'sniffed');
  const k = cp949Evidence(bytes);
  if (k.hangul > 0 && k.hangul >= (k.hangul + k.other) * 0.6) {
    const text = iconv.decode(bytes, 'cp949');
    const replaced = text.match(/\ufffd/g)?.length ?? 0;
    return { text, charset: 'cp949', from: 'sniffed', replaced };
  }
  return { text: iconv.decode(bytes, 'windows-1252'), charset: 'windows-1252', from: 'sniffed', replaced: 0 };
}

/** A single-byte Western label, which valid UTF-8 Korean bytes contradict. */
function isSingleByteWestern(charset: string): boolean {
  return charset === 'windows-1252' || /^iso-?8859-/.test(charset) || charset === 'latin1';
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
      replaced: 0,
    };

  const utf8 = isUtf8(bytes);
  let evidence: Utf8Evidence | undefined;
  const ev = (): Utf8Evidence => {
    evidence ??= utf8Evidence(bytes);
    return evidence;
  };
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
    // A label that names UTF-8 for bytes that are not UTF-8, or a wide encoding for bytes
    // that are plainly ASCII-compatible, is wrong: the next clue, then the evidence, decide.
    if (charset === 'utf-8' && !utf8) continue;
    if (isWide(charset) && !wide && c.from !== 'header') continue;
    if (isWide(charset) && c.from === 'header' && !wide && bytes.length > 1 && bytes[0] !== 0 && bytes[1] !== 0)
      continue;
    // Valid UTF-8 full of multi-byte sequences read as windows-1252 is mojibake (ë°˜ë„ì²´).
    if (isSingleByteWestern(charset) && !wide && (mostlyUtf8(ev()) || mostlyCp949(bytes))) continue;
    const name = charset === 'utf-16' ? (wide ?? 'utf-16be') : charset === 'utf-32' ? (wide ?? 'utf-32be') : charset;
    // Valid UTF-8 without a mark reads the same through Node's own decoder, which is faster.
    const text = name === 'utf-8' && utf8 ? bytes.toString('utf8') : iconv.decode(bytes, name);
    return { text, charset: name, from: c.from, replaced: 0 };
  }
  if (utf8) return { text: bytes.toString('utf8'), charset: 'utf-8', from: 'default', replaced: 0 };
  return sniff(bytes, ev());
}
