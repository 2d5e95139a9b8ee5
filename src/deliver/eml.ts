/**
 * RFC 5322 bytes of an outgoing message: multipart/alternative (text, then HTML),
 * both parts UTF-8 in base64, subject and names as UTF-8 encoded words. Optional DKIM
 * signing covers both list headers.
 *
 * `buildEml` fills a per-issue template (mime-template.ts): the structure and the shared
 * headers are built once per issue, so a message costs little more than the base64 of
 * its two parts. `composeEml` builds the same message with nodemailer's MailComposer
 * (the reference the template is tested against).
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import DKIM from 'nodemailer/lib/dkim';
import type { OutgoingMessage } from '../types.js';
import { oneLine } from './message.js';
import { MimeTemplate } from './mime-template.js';

export interface DkimKey {
  domainName: string;
  keySelector: string;
  /** PEM private key. */
  privateKey: string;
}

/**
 * Header fields a DKIM signature covers. nodemailer's default list leaves out
 * List-Unsubscribe-Post; RFC 8058 requires the signature to cover it.
 */
export const DKIM_HEADER_FIELDS = [
  'From',
  'Sender',
  'Reply-To',
  'Subject',
  'Date',
  'Message-ID',
  'To',
  'Cc',
  'MIME-Version',
  'Content-Type',
  'Content-Transfer-Encoding',
  'List-Id',
  'List-Unsubscribe',
  'List-Unsubscribe-Post',
].join(':');

const HEADER_NAME = /^[A-Za-z0-9][A-Za-z0-9-]*$/;

/** nodemailer mail options for a message (exported for the SMTP transport). */
export function mailOptions(msg: OutgoingMessage): ConstructorParameters<typeof MailComposer>[0] {
  const headers: Record<string, { prepared: true; value: string }> = {};
  for (const [key, value] of Object.entries(msg.headers)) {
    // Only plain header names; values reduced to one printable line and sent as prepared
    // (unfolded, unencoded) so URLs in List-Unsubscribe stay intact.
    if (!HEADER_NAME.test(key)) continue;
    const v = oneLine(value);
    if (!v || /[^\x20-\x7e]/.test(v)) continue;
    headers[key] = { prepared: true, value: v };
  }
  return {
    from: oneLine(msg.from),
    to: oneLine(msg.to),
    replyTo: msg.replyTo !== undefined ? oneLine(msg.replyTo) : undefined,
    subject: oneLine(msg.subject),
    messageId: oneLine(msg.messageId),
    date: msg.date,
    text: msg.text,
    html: { content: msg.html, contentTransferEncoding: 'base64' },
    headers,
  };
}

// Templates of the issues sent lately, most recent first: a send uses one per variant of
// its issue (readers' interests: each has its own subject); a few more are kept for sends
// of different issues running side by side.
const templates: MimeTemplate[] = [];
const KEPT_TEMPLATES = 24;

/** The template for a message's issue (same From, Reply-To and Subject), built on first use. */
export function templateFor(msg: OutgoingMessage): MimeTemplate {
  const first = templates[0];
  if (first?.fits(msg)) return first;
  const i = templates.findIndex((t) => t.fits(msg));
  const t = i >= 0 ? templates.splice(i, 1)[0]! : new MimeTemplate(msg);
  templates.unshift(t);
  if (templates.length > KEPT_TEMPLATES) templates.length = KEPT_TEMPLATES;
  return t;
}

/** The message as .eml bytes (from its issue's template); DKIM-signed when a key is given. */
export async function buildEml(msg: OutgoingMessage, dkim?: DkimKey): Promise<Buffer> {
  const raw = templateFor(msg).render(msg);
  return dkim ? signDkim(raw, dkim) : raw;
}

/** The same message built by nodemailer's MailComposer (slower: a MIME tree and streams per message). */
export async function composeEml(msg: OutgoingMessage, dkim?: DkimKey): Promise<Buffer> {
  const raw = await new MailComposer(mailOptions(msg)).compile().build();
  return dkim ? signDkim(raw, dkim) : raw;
}

export function dkimOptions(key: DkimKey): ConstructorParameters<typeof DKIM>[0] {
  return {
    domainName: key.domainName,
    keySelector: key.keySelector,
    privateKey: key.privateKey,
    headerFieldNames: DKIM_HEADER_FIELDS,
  };
}

/** DKIM-sign raw message bytes. */
export function signDkim(raw: Buffer, key: DkimKey): Promise<Buffer> {
  const signed = new DKIM(dkimOptions(key)).sign(raw);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    signed.on('data', (c: Buffer) => chunks.push(c));
    signed.on('error', reject);
    signed.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
