/**
 * The outbox transport: each message becomes a .eml file, written atomically,
 * under outbox/<issue-id>/recipients/ (test sends under outbox/<issue-id>/test/).
 * The same bytes an SMTP server would receive; nothing leaves the machine.
 */
import { createHash } from 'node:crypto';
import { statfsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutgoingMessage } from '../types.js';
import { writeFileAtomic } from '../util/atomic.js';
import { buildEml, type DkimKey } from './eml.js';
import { addressOf } from './message.js';
import { TransportError, type SendResult, type Transport } from './transport.js';

/** Write errors that say the disk (or its permissions) refuses every message alike: stop, do not guess. */
const DISK_ERRORS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  EFBIG: 'file too large for the file system',
};

function freeSpace(dir: string): string {
  for (let d = dir; ; d = dirname(d)) {
    try {
      const s = statfsSync(d);
      const free = s.bavail * s.bsize;
      return free >= 1024 * 1024
        ? `${(free / (1024 * 1024)).toFixed(1)} MB free`
        : `${Math.round(free / 1024)} KB free`;
    } catch {
      if (dirname(d) === d) return 'free space unknown';
    }
  }
}

/**
 * A failed write of an outbox file as a transport error: nothing was submitted, so the
 * row goes back to pending and a plain rerun sends it. Disk errors stop the run (every
 * next message would fail the same way) with the path and the free space.
 */
export function writeFailure(e: unknown, file: string): TransportError {
  const code = (e as NodeJS.ErrnoException)?.code ?? '';
  const what = DISK_ERRORS[code];
  const msg = (e as Error)?.message?.split('\n')[0] ?? String(e);
  if (what) {
    return new TransportError('fatal', `cannot write ${file}: ${what} (${code}); ${freeSpace(dirname(file))}`, {
      cause: e,
    });
  }
  return new TransportError('temporary', `cannot write ${file}: ${msg}`, { cause: e });
}

export type WriteFile = (path: string, data: string | Uint8Array) => void;

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
    private readonly write: WriteFile = writeFileAtomic,
  ) {}

  async send(msg: OutgoingMessage): Promise<SendResult> {
    const eml = await buildEml(msg, this.dkim);
    // An edition's issue id is `<edition>/<date>`: each part is one folder, outbox/<edition>/<date>/.
    const issue = (msg.issueId ?? 'messages')
      .split('/')
      .map((part) => part.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+$/, '_'))
      .join('/');
    const file = join(
      this.outboxDir,
      ...issue.split('/'),
      msg.test ? 'test' : 'recipients',
      emlFileName(addressOf(msg.to)),
    );
    try {
      this.write(file, eml);
    } catch (e) {
      throw writeFailure(e, file);
    }
    return { messageId: msg.messageId, response: `written ${file}` };
  }

  async close(): Promise<void> {}
}
