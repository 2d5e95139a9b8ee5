/**
 * RFC 5322 bytes from a per-issue template. What every message of an issue shares
 * (From, Reply-To, Subject, the multipart/alternative structure and its boundary) is
 * encoded once; per message only To, Message-ID, Date, the list headers and the base64
 * of the two parts are written, straight into one buffer.
 *
 * Header values are encoded by nodemailer's own encoder (`MimeNode#encodeHeaderValue`,
 * folded at 76 with `foldLines`), so they read exactly as MailComposer writes them.
 * Both parts are UTF-8 in base64: 7-bit safe, no line-length limits, and a boundary
 * line (it starts with `-`) can never occur inside base64 text.
 */
import { randomBytes } from 'node:crypto';
import { foldLines } from 'nodemailer/lib/mime-funcs';
import MimeNode from 'nodemailer/lib/mime-node';
import type { OutgoingMessage } from '../types.js';
import { oneLine } from './message.js';

/** What the messages of one issue share; a template is built from these. */
export interface MessageHead {
  from: string;
  replyTo?: string | undefined;
  subject: string;
}

const CRLF = '\r\n';
const LINE = 76; // base64 characters per body line (RFC 2045)
const HEADER_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*$/;
/** Header fields the template writes itself; a caller's header of the same name is dropped. */
const RESERVED = new Set([
  'from',
  'sender',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'message-id',
  'date',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
]);

// A detached node used only for its (pure) header encoder.
const encoder = new MimeNode();

/** `Key: value` as MailComposer writes it (encoded, folded at 76), with CRLF; empty when the value encodes to nothing. */
export function headerLine(key: string, value: string): string {
  const encoded = encoder.encodeHeaderValue(key, value);
  return encoded.trim() ? foldLines(`${key}: ${encoded}`, LINE) + CRLF : '';
}

/** The caller's extra headers (List-Unsubscribe…): plain names, one printable ASCII line each, written as given. */
export function extraHeaderLines(headers: Readonly<Record<string, string>>): string {
  let out = '';
  for (const key in headers) {
    if (!Object.hasOwn(headers, key) || !HEADER_NAME.test(key) || RESERVED.has(key.toLowerCase())) continue;
    const value = oneLine(headers[key] ?? '');
    if (!value || /[^\x20-\x7e]/.test(value)) continue;
    out += `${key}: ${value}${CRLF}`;
  }
  return out;
}

/** Length of `n` bytes in base64 wrapped at 76 characters with CRLF. */
export function wrappedBase64Length(n: number): number {
  const chars = 4 * Math.ceil(n / 3);
  return chars === 0 ? 0 : chars + 2 * (Math.ceil(chars / LINE) - 1);
}

/**
 * Write bytes `src[start, end)` as base64, CRLF every 76 characters (no CRLF after the
 * last line), into `out` at `pos`; returns the position after it. The encoded text is
 * written at the end of its room and the lines are moved down into place, so no line
 * is ever copied over one not yet moved.
 */
export function writeWrappedBase64(src: Buffer, start: number, end: number, out: Buffer, pos: number): number {
  if (end <= start) return pos;
  const b64 = src.toString('base64', start, end);
  const len = b64.length;
  const lines = Math.ceil(len / LINE);
  const total = len + 2 * (lines - 1);
  const staged = pos + total - len;
  out.write(b64, staged, len, 'latin1');
  for (let l = 0; l < lines; l++) {
    const from = staged + l * LINE;
    const to = pos + l * (LINE + 2);
    if (from !== to) out.copyWithin(to, from, Math.min(from + LINE, staged + len));
    if (l < lines - 1) {
      out[to + LINE] = 13;
      out[to + LINE + 1] = 10;
    }
  }
  return pos + total;
}

// One scratch buffer for the UTF-8 of the parts, reused: rendering is synchronous.
let scratch = Buffer.allocUnsafe(0);
function scratchFor(chars: number): Buffer {
  const need = 3 * chars; // at most 3 UTF-8 bytes per UTF-16 code unit
  if (scratch.length < need) scratch = Buffer.allocUnsafe(Math.max(need, 2 * scratch.length, 64 * 1024));
  return scratch;
}

function formatDate(date: Date): string {
  return date.toUTCString().replace(/GMT/, '+0000');
}

export class MimeTemplate {
  readonly head: Readonly<MessageHead>;
  readonly boundary: string;
  private readonly fromLine: string;
  /** Reply-To and Subject. */
  private readonly afterTo: string;
  /** From MIME-Version to the text part's blank line. */
  private readonly bodyStart: string;
  /** Between the text part's base64 and the HTML part's. */
  private readonly middle: string;
  private readonly end: string;
  private dateMs = Number.NaN;
  private dateLine = '';

  constructor(head: MessageHead, boundary = `--_Brf-${randomBytes(8).toString('hex')}-Alt`) {
    this.head = { from: head.from, replyTo: head.replyTo, subject: head.subject };
    this.boundary = boundary;
    this.fromLine = headerLine('From', oneLine(head.from));
    this.afterTo =
      (head.replyTo !== undefined ? headerLine('Reply-To', oneLine(head.replyTo)) : '') +
      headerLine('Subject', oneLine(head.subject));
    const part = (type: string): string =>
      `--${boundary}${CRLF}Content-Type: ${type}; charset=utf-8${CRLF}Content-Transfer-Encoding: base64${CRLF}${CRLF}`;
    this.bodyStart =
      `MIME-Version: 1.0${CRLF}Content-Type: multipart/alternative;${CRLF} boundary="${boundary}"${CRLF}${CRLF}` +
      part('text/plain');
    this.middle = CRLF + part('text/html');
    this.end = `${CRLF}--${boundary}--${CRLF}`;
  }

  /** True when a message belongs to this template (same From, Reply-To and Subject). */
  fits(msg: MessageHead): boolean {
    return msg.subject === this.head.subject && msg.from === this.head.from && msg.replyTo === this.head.replyTo;
  }

  /** The per-message header block, from the first header to the text part's blank line. */
  headers(msg: OutgoingMessage): string {
    return (
      extraHeaderLines(msg.headers) +
      this.fromLine +
      headerLine('To', oneLine(msg.to)) +
      this.afterTo +
      headerLine('Message-ID', oneLine(msg.messageId)) +
      this.date(msg.date) +
      this.bodyStart
    );
  }

  /** The whole message as bytes. The template's From, Reply-To and Subject are used (see `fits`). */
  render(msg: OutgoingMessage): Buffer {
    const head = this.headers(msg);
    const src = scratchFor(msg.text.length + msg.html.length);
    const textBytes = src.write(msg.text, 0, 'utf8');
    const htmlBytes = src.write(msg.html, textBytes, 'utf8');
    const headBytes = Buffer.byteLength(head, 'utf8');
    const size =
      headBytes +
      wrappedBase64Length(textBytes) +
      this.middle.length +
      wrappedBase64Length(htmlBytes) +
      this.end.length;
    const out = Buffer.allocUnsafe(size);
    let pos = out.write(head, 0, 'utf8');
    pos = writeWrappedBase64(src, 0, textBytes, out, pos);
    pos += out.write(this.middle, pos, 'latin1');
    pos = writeWrappedBase64(src, textBytes, textBytes + htmlBytes, out, pos);
    pos += out.write(this.end, pos, 'latin1');
    if (pos !== size) throw new Error(`message size mismatch: wrote ${pos} of ${size} bytes`);
    return out;
  }

  private date(date: Date): string {
    const ms = date.getTime();
    if (ms !== this.dateMs) {
      this.dateMs = ms;
      this.dateLine = `Date: ${formatDate(date)}${CRLF}`;
    }
    return this.dateLine;
  }
}
