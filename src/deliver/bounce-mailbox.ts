/**
 * The bounce mailbox: where DSNs and feedback reports arrive. Two kinds: an IMAP folder
 * (imapflow) or a local Maildir. Each lists its messages, and moves a processed one to the
 * processed folder, so a second run does not count it again; a message left unprocessed
 * (unreadable) stays where it is.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
// imapflow and mailparser are loaded when a mailbox is read, not by every command that sends.
import type { ImapFlow } from 'imapflow';
import type { AddressObject, ParsedMail } from 'mailparser';
import { BriefingError, reasonOf } from '../errors.js';
import type { BounceImapConfig, BouncesConfig } from '../types.js';
import type { MailboxMessage, MailboxPart } from './bounce-report.js';

export interface MailboxEntry {
  /** Where the message is: a file name or an IMAP UID. */
  ref: string;
  raw: Buffer;
}

export interface BounceMailbox {
  /** For messages: `maildir:/var/mail/bounces` or `imap://bounce@mail.example.com/INBOX`. */
  readonly name: string;
  /** Every message now in the mailbox (at most `limit`). */
  list(limit: number): Promise<MailboxEntry[]>;
  /** Move a processed message to the processed folder. */
  processed(entry: MailboxEntry): Promise<void>;
  close(): Promise<void>;
}

/** A Maildir folder (cur/ and new/); processed messages go to its Maildir++ subfolder `.<processedFolder>`. */
export class MaildirMailbox implements BounceMailbox {
  readonly name: string;

  constructor(
    private readonly dir: string,
    private readonly processedFolder: string,
  ) {
    this.name = `maildir:${dir}`;
  }

  async list(limit: number): Promise<MailboxEntry[]> {
    if (!existsSync(join(this.dir, 'cur')) && !existsSync(join(this.dir, 'new'))) {
      throw new BriefingError(
        'ECONFIG',
        `delivery.bounces.maildir: ${this.dir} is not a Maildir (no cur/ or new/ folder)`,
        'point delivery.bounces.maildir at the Maildir the bounce address delivers to',
      );
    }
    const out: MailboxEntry[] = [];
    for (const sub of ['new', 'cur']) {
      const folder = join(this.dir, sub);
      if (!existsSync(folder)) continue;
      for (const file of readdirSync(folder).sort()) {
        if (file.startsWith('.') || out.length >= limit) continue;
        const path = join(folder, file);
        if (!statSync(path).isFile()) continue;
        out.push({ ref: join(sub, file), raw: readFileSync(path) });
      }
    }
    return out;
  }

  async processed(entry: MailboxEntry): Promise<void> {
    const target = join(this.dir, `.${this.processedFolder}`);
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(target, sub), { recursive: true });
    if (!existsSync(join(target, 'maildirfolder'))) writeFileSync(join(target, 'maildirfolder'), '');
    // Seen (S) once processed; a message from new/ gets its info part.
    const name = basename(entry.ref);
    const seen = name.includes(':2,') ? (name.includes('S') ? name : `${name}S`) : `${name}:2,S`;
    renameSync(join(this.dir, entry.ref), join(target, 'cur', seen));
  }

  async close(): Promise<void> {}
}

/** An IMAP folder, read with imapflow; processed messages are moved (MOVE, else COPY + EXPUNGE). */
export class ImapMailbox implements BounceMailbox {
  readonly name: string;
  private client: ImapFlow | undefined;
  private release: (() => void) | undefined;

  constructor(
    private readonly imap: BounceImapConfig,
    private readonly password: string,
    private readonly processedFolder: string,
  ) {
    this.name = `imap://${imap.user}@${imap.host}:${imap.port}/${imap.mailbox}`;
  }

  private async open(): Promise<ImapFlow> {
    if (this.client) return this.client;
    const { ImapFlow } = await import('imapflow');
    const client = new ImapFlow({
      host: this.imap.host,
      port: this.imap.port,
      secure: this.imap.secure,
      auth: { user: this.imap.user, pass: this.password },
      logger: false,
      disableAutoIdle: true,
    });
    client.on('error', () => {}); // reported through the failing command
    try {
      await client.connect();
      const lock = await client.getMailboxLock(this.imap.mailbox);
      this.release = () => lock.release();
    } catch (e) {
      await client.logout().catch(() => {});
      throw new BriefingError(
        'ESEND',
        `cannot read the bounce mailbox ${this.name}: ${imapReason(e)}`,
        'check delivery.bounces.imap (host, port, secure, user, mailbox) and the password in its passwordEnv',
        { cause: e },
      );
    }
    this.client = client;
    return client;
  }

  async list(limit: number): Promise<MailboxEntry[]> {
    const client = await this.open();
    const out: MailboxEntry[] = [];
    const mailbox = client.mailbox;
    if (!mailbox || mailbox.exists === 0) return out;
    // No other command may run while a fetch streams: read first, act after.
    for await (const m of client.fetch('1:*', { uid: true, source: true })) {
      if (out.length >= limit) break;
      if (m.source) out.push({ ref: String(m.uid), raw: m.source });
    }
    return out;
  }

  async processed(entry: MailboxEntry): Promise<void> {
    const client = await this.open();
    const moved = await client.messageMove(entry.ref, this.processedFolder, { uid: true }).catch(() => false);
    if (moved) return;
    // The folder may not exist yet.
    await client.mailboxCreate(this.processedFolder).catch(() => undefined);
    const again = await client.messageMove(entry.ref, this.processedFolder, { uid: true });
    if (!again) {
      throw new BriefingError(
        'ESEND',
        `cannot move message ${entry.ref} of ${this.name} to ${this.processedFolder}`,
        'check that the IMAP user may create and write that folder (delivery.bounces.processedFolder)',
      );
    }
  }

  async close(): Promise<void> {
    this.release?.();
    this.release = undefined;
    await this.client?.logout().catch(() => {});
    this.client = undefined;
  }
}

function imapReason(e: unknown): string {
  const err = e as { responseText?: string; authenticationFailed?: boolean; code?: string };
  if (err.authenticationFailed) return 'authentication failed';
  return err.responseText ?? err.code ?? reasonOf(e);
}

/** The bounce mailbox the config names. The IMAP password comes from the environment only. */
export function createBounceMailbox(bounces: BouncesConfig, env: NodeJS.ProcessEnv = process.env): BounceMailbox {
  if (bounces.maildir) return new MaildirMailbox(bounces.maildir, bounces.processedFolder);
  const imap = bounces.imap;
  if (!imap) {
    throw new BriefingError(
      'ECONFIG',
      'delivery.bounces needs imap or maildir',
      'add delivery.bounces.maildir: <folder>, or delivery.bounces.imap: { host, user, passwordEnv }',
    );
  }
  const pass = env[imap.passwordEnv];
  if (pass === undefined || pass === '') {
    throw new BriefingError(
      'ECONFIG',
      `environment variable ${imap.passwordEnv} (delivery.bounces.imap.passwordEnv) is not set`,
      `export ${imap.passwordEnv}=… before reading bounces`,
    );
  }
  return new ImapMailbox(imap, pass, bounces.processedFolder);
}

function addresses(a: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(a) ? a : a ? [a] : [];
  return list.flatMap((o) => o.value.map((v) => v.address ?? '')).filter((x) => x !== '');
}

function headerText(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(headerText);
  return [];
}

/**
 * Read one raw message into what classifyReport needs (mailparser). Undefined when it
 * cannot be parsed at all. Every leaf part below the top is kept with its type and text.
 */
export async function readMailboxMessage(raw: Buffer): Promise<MailboxMessage | undefined> {
  const { simpleParser } = await import('mailparser');
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, { keepDeliveryStatus: true, skipImageLinks: true, skipTextLinks: true });
  } catch {
    return undefined;
  }
  const ct = parsed.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  const contentType = [
    ct?.value ?? 'text/plain',
    ...Object.entries(ct?.params ?? {}).map(([k, v]) => `${k}=${v}`),
  ].join('; ');
  const parts: MailboxPart[] = parsed.attachments.map((a) => ({
    contentType: a.contentType.toLowerCase(),
    content: a.content.toString('utf8'),
  }));
  const deliveredTo = [
    ...['delivered-to', 'x-original-to', 'envelope-to'].flatMap((h) => headerText(parsed.headers.get(h))),
    ...addresses(parsed.to),
  ];
  return {
    messageId: parsed.messageId,
    contentType,
    deliveredTo,
    subject: parsed.subject,
    parts,
  };
}

/** A key for a report: its Message-ID, else a hash of its bytes. */
export function reportKey(msg: MailboxMessage | undefined, raw: Buffer): string {
  return msg?.messageId?.trim() || `sha256:${createHash('sha256').update(raw).digest('hex')}`;
}
