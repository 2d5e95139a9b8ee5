/**
 * One interface for every way a message leaves: the outbox (files) and SMTP.
 * A transport either resolves (accepted) or throws a TransportError whose kind
 * says what deliver may do next.
 */
import type { OutgoingMessage } from '../types.js';

export interface SendResult {
  messageId: string;
  /** The server's reply, or where the file was written. */
  response: string;
}

/**
 * How far a message got, reported by a transport as it goes (synchronously, so the
 * caller can record it before the transport continues): 'connected' (a connection is
 * giving the envelope), 'data' (the message is being written), 'dot' (the end of the
 * message is about to be written: from here on the server may have it).
 */
export type SendPhase = 'connected' | 'data' | 'dot';

export interface Transport {
  readonly name: string;
  /** How many messages deliver may hand over at once. */
  readonly concurrency?: number;
  send(msg: OutgoingMessage, onPhase?: (phase: SendPhase) => void): Promise<SendResult>;
  close(): Promise<void>;
}

/**
 * - temporary: refused for now (4xx) or never handed over: safe to try again later.
 * - permanent: refused for good (5xx) for this recipient or this message.
 * - unknown: the connection broke after the final dot of the message was written;
 *   the server may or may not have accepted it.
 * - fatal: nothing can be sent (authentication, TLS, sender refused): stop the run.
 */
export type FailureKind = 'temporary' | 'permanent' | 'unknown' | 'fatal';

export class TransportError extends Error {
  readonly kind: FailureKind;
  readonly responseCode: number | undefined;
  /** The server refused the recipient address (RCPT TO), as opposed to the message. */
  readonly recipientRejected: boolean;
  /** The refusal names a mailbox that does not exist (a hard bounce): suppress the address. */
  readonly hardBounce: boolean;

  constructor(
    kind: FailureKind,
    message: string,
    extra: {
      responseCode?: number | undefined;
      recipientRejected?: boolean;
      hardBounce?: boolean;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: extra.cause });
    this.name = 'TransportError';
    this.kind = kind;
    this.responseCode = extra.responseCode;
    this.recipientRejected = extra.recipientRejected ?? false;
    this.hardBounce = extra.hardBounce ?? false;
  }
}

export function isTransportError(e: unknown): e is TransportError {
  return e instanceof TransportError;
}
