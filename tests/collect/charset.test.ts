import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { charsetFromContentType, decodeBody, normalizeCharset } from '../../src/collect/charset.js';
import { fixture } from './support/feed-server.js';

const HANGUL = /[\uac00-\ud7a3]/;
const xml = (decl: string, body = '<rss version="2.0"><channel><title>한글 제목</title></channel></rss>') =>
  `<?xml version="1.0"${decl}?>\n${body}`;

describe('charset detection and decoding', () => {
  it('uses a byte-order mark before the header and the declaration', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml(' encoding="euc-kr"'), 'utf8')]);
    const d = decodeBody(bytes, { contentType: 'text/xml; charset=iso-8859-1' });
    expect(d).toMatchObject({ charset: 'utf-8', from: 'bom' });
    expect(d.text).toContain('한글 제목');
    expect(d.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('uses the HTTP header charset before the XML declaration', () => {
    const bytes = iconv.encode(xml(' encoding="utf-8"'), 'cp949');
    const d = decodeBody(bytes, { contentType: 'application/rss+xml; charset=EUC-KR' });
    expect(d).toMatchObject({ charset: 'cp949', from: 'header' });
    expect(d.text).toContain('한글 제목');
  });

  it('uses the XML declaration when the header names no charset', () => {
    const d = decodeBody(iconv.encode(xml(' encoding="euc-kr"'), 'cp949'), { contentType: 'text/xml' });
    expect(d).toMatchObject({ charset: 'cp949', from: 'declaration' });
    expect(d.text).toContain('한글 제목');
  });

  it('falls back to UTF-8 when nothing names a charset', () => {
    const d = decodeBody(Buffer.from(xml(''), 'utf8'));
    expect(d).toMatchObject({ charset: 'utf-8', from: 'default' });
    expect(d.text).toContain('한글 제목');
  });

  it('passes over a header that says UTF-8 for bytes that are not UTF-8', () => {
    const d = decodeBody(iconv.encode(xml(' encoding="euc-kr"'), 'cp949'), { contentType: 'text/xml; charset=utf-8' });
    expect(d).toMatchObject({ charset: 'cp949', from: 'declaration' });
    expect(d.text).toContain('한글 제목');
  });

  it('decodes EUC-KR as CP949 so UHC-only syllables survive (the CP949 trap)', () => {
    const d = decodeBody(fixture('euc-kr.rss'));
    expect(d.charset).toBe('cp949');
    expect(d.text).toContain('똠방각하와 햏자의 뷁 이야기');
    expect(d.text).not.toContain('\ufffd');
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const d = decodeBody(fixture('utf16le-bom.rss'));
    expect(d).toMatchObject({ charset: 'utf-16le', from: 'bom' });
    expect(d.text).toContain('똠방각하와');
  });

  it('reads UTF-16 without a mark from the layout of its declaration', () => {
    const bytes = iconv.encode(xml(' encoding="utf-16"'), 'utf-16be');
    const d = decodeBody(bytes);
    expect(d.charset).toBe('utf-16be');
    expect(d.text).toContain('한글 제목');
  });

  it('ignores a declaration of UTF-16 in a document whose bytes are ASCII-compatible', () => {
    const d = decodeBody(Buffer.from(xml(' encoding="utf-16"'), 'utf8'));
    expect(d.charset).toBe('utf-8');
    expect(d.text).toContain('한글 제목');
  });

  it('sniffs unlabelled Korean bytes as CP949 and anything else as windows-1252', () => {
    const korean = decodeBody(iconv.encode('라벨 없는 한국어 문서입니다.', 'cp949'));
    expect(korean).toMatchObject({ charset: 'cp949', from: 'sniffed' });
    expect(korean.text).toBe('라벨 없는 한국어 문서입니다.');
    const latin = decodeBody(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94]));
    expect(latin.charset).toBe('windows-1252');
    expect(latin.text).toBe('café “q”');
  });

  it('reads <meta charset> of an HTML page when asked', () => {
    const page = iconv.encode('<html><head><meta charset="euc-kr"></head><body>본문</body></html>', 'cp949');
    expect(decodeBody(page, { html: true })).toMatchObject({ charset: 'cp949', from: 'meta' });
  });

  it('normalizes charset labels and header parameters', () => {
    expect(normalizeCharset('ks_c_5601-1987')).toBe('cp949');
    expect(normalizeCharset('"EUC-KR"')).toBe('cp949');
    expect(normalizeCharset('no-such-charset')).toBeUndefined();
    expect(charsetFromContentType('text/xml;charset= "us-ascii"')).toBe('us-ascii');
    expect(charsetFromContentType('text/xml')).toBeUndefined();
    expect(
      HANGUL.test(decodeBody(iconv.encode('한', 'cp949'), { contentType: 'text/xml; charset=x-windows-949' }).text),
    ).toBe(true);
  });
});
