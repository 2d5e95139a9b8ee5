/**
 * The outbox transport: each message becomes a .eml file, written atomically,
 * under outbox/<issue-id>/recipients/ (test sends under outbox/<issue-id>/test/).
 * The same bytes an SMTP server would receive; nothing leaves the machine.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { OutgoingMessage } from '../types.js';
import { writeFileAtomic } from '../util/atomic.js';
import { buildEml, type DkimKey } from './eml.js';
import { addressOf } from './message.js';
import type { SendResult, Transport } from './transport.js';

/** A file name for an address: readable, and distinct for distinct addresses. */
export function emlFileName(address: string): string {
  const lower = address.toLowerCase();
  const safe = lower.replace(/[^a-z0-9@._+-]/g, '_').slice(0, 120);
  const suffix = safe === lower ? '' : `-${createHash('sha256').update(lower).digest('hex').slice(0, 8)}`;
  return `${safe}${suffix}.eml`;
}

export class OutboxTransport implements Transport {
  readonly name = 'outbox';
  readonly concurrency = 1;

  constructor(
    private readonly outboxDir: string,
    private readonly dkim?: DkimKey,
  ) {}

  async send(msg: OutgoingMessage): Promise<SendResult> {
    const eml = await buildEml(msg, this.dkim);
    const issue = (msg.issueId ?? 'messages').replace(/[^A-Za-z0-9._-]/g, '_');
    const file = join(this.outboxDir, issue, msg.test ? 'test' : 'recipients', emlFileName(addressOf(msg.to)));
    writeFileAtomic(file, eml);
    return { messageId: msg.messageId, response: `written ${file}` };
  }

  async close(): Promise<void> {}
}
