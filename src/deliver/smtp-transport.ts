/**
 * SMTP through nodemailer's SMTP client, with a small connection pool of our own.
 * nodemailer's pool re-queues a message when a connection closes and its errors do
 * not say whether the message data had begun to go out; this pool knows (the
 * message is a stream read only after the server's 354), which is what separates
 * "safe to retry" from "outcome unknown".
 */
import { Readable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { OutgoingMessage, SmtpConfig } from '../types.js';
import { buildEml, type DkimKey } from './eml.js';
import { addressOf } from './message.js';
import { RateLimiter } from './rate-limit.js';
import { backoffMs, classifySmtpFailure, isHardBounce, type SmtpFailure } from './smtp-errors.js';
import { type SendPhase, TransportError, type SendResult, type Transport } from './transport.js';

export interface SmtpTransportOptions {
  smtp: SmtpConfig;
  /** From the environment variable named by smtp.passwordEnv; never from the config file. */
  password?: string | undefined;
  dkim?: DkimKey | undefined;
  /** First retry delay in ms (doubles each retry). Default 1000. */
  backoffMs?: number;
  maxBackoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  timeouts?: { connection?: number; greeting?: number; socket?: number };
  /** Messages per connection before it is replaced. Default 100. */
  maxMessagesPerConnection?: number;
  /** Name sent with EHLO. */
  clientName?: string | undefined;
}

interface Conn {
  c: SMTPConnection;
  messages: number;
  dead: boolean;
  counted: boolean;
}

type Attempt =
  | { ok: true; response: string }
  | { ok: false; failure: SmtpFailure; dataStarted: boolean; dotWritten: boolean; reused: boolean };

/** Message bytes handed to the connection at a time (the stream's default high-water mark is 16 KB). */
const PIECE_BYTES = 64 * 1024;

function toFailure(e: unknown): SmtpFailure {
  const err = e as Partial<SmtpFailure> & { message?: string };
  return {
    code: typeof err.code === 'string' ? err.code : undefined,
    command: typeof err.command === 'string' ? err.command : undefined,
    responseCode: typeof err.responseCode === 'number' ? err.responseCode : undefined,
    response: typeof err.response === 'string' ? err.response : undefined,
    message: String(err.message ?? e),
  };
}

function describe(f: SmtpFailure): string {
  const said = f.response ? f.response.replace(/\s+/g, ' ').trim() : f.message.split('\n')[0];
  return f.command ? `${f.command}: ${said}` : (said ?? 'failed');
}

export class SmtpTransport implements Transport {
  readonly name = 'smtp';
  readonly concurrency: number;
  private readonly idle: Conn[] = [];
  private readonly waiters: Array<{ resolve: (c: Conn) => void; reject: (e: unknown) => void }> = [];
  private opened = 0;
  private readonly limiter: RateLimiter;
  private closed = false;

  constructor(private readonly opts: SmtpTransportOptions) {
    this.concurrency = opts.smtp.pool ? opts.smtp.maxConnections : 1;
    this.limiter = new RateLimiter(opts.smtp.rateLimit);
  }

  async send(msg: OutgoingMessage, onPhase?: (phase: SendPhase) => void): Promise<SendResult> {
    const raw = await buildEml(msg, this.opts.dkim);
    const envelope = { from: msg.returnPath ?? addressOf(msg.from), to: [addressOf(msg.to)] };
    const retries = this.opts.smtp.retries;
    const sleep = this.opts.sleep ?? ((ms: number) => delay(ms).then(() => undefined));
    let staleRetried = false;
    for (let attempt = 0; ; ) {
      await this.rateSlot(sleep);
      const r = await this.attempt(envelope, raw, onPhase);
      if (r.ok) return { messageId: msg.messageId, response: r.response };
      const kind = classifySmtpFailure(r.failure, r.dotWritten);
      // A pooled connection the server had closed while idle: try once more at once.
      if (kind === 'temporary' && r.reused && !r.dataStarted && r.failure.responseCode === undefined && !staleRetried) {
        staleRetried = true;
        continue;
      }
      if (kind !== 'temporary' || attempt >= retries) {
        throw new TransportError(kind, describe(r.failure), {
          responseCode: r.failure.responseCode,
          recipientRejected: (r.failure.command ?? '').toUpperCase().startsWith('RCPT'),
          hardBounce: isHardBounce(r.failure),
        });
      }
      await sleep(backoffMs(attempt, this.opts.backoffMs ?? 1000, this.opts.maxBackoffMs ?? 30_000, Math.random()));
      attempt++;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiters.splice(0)) w.reject(new Error('transport closed'));
    for (const conn of this.idle.splice(0)) this.discard(conn, true);
  }

  /** At most smtp.rateLimit transactions per second across all connections. */
  private async rateSlot(sleep: (ms: number) => Promise<void>): Promise<void> {
    const wait = this.limiter.reserve(Date.now());
    if (wait > 0) await sleep(wait);
  }

  private async attempt(
    envelope: { from: string; to: string[] },
    raw: Buffer,
    onPhase: ((phase: SendPhase) => void) | undefined,
  ): Promise<Attempt> {
    let conn: Conn;
    try {
      conn = await this.acquire();
    } catch (e) {
      return { ok: false, failure: toFailure(e), dataStarted: false, dotWritten: false, reused: false };
    }
    const reused = conn.messages > 0;
    let dataStarted = false;
    let dotWritten = false;
    // Read only once the server has answered DATA with 354, a piece at a time, so the
    // socket's backpressure holds the rest back. The message ends (and nodemailer writes
    // the final dot) only once every piece has left for the kernel (the socket's own
    // buffer is empty), so 'dot' is reported, and recorded by the caller, just before the
    // dot goes out: a row recorded 'dot' is one the server has, or gets within microseconds.
    let offset = 0;
    const body = new Readable({
      read() {
        if (!dataStarted) {
          dataStarted = true;
          onPhase?.('data');
        }
        if (offset < raw.length) {
          const end = Math.min(raw.length, offset + PIECE_BYTES);
          this.push(raw.subarray(offset, end));
          offset = end;
          return;
        }
        const finish = (): void => {
          const socket = conn.c._socket;
          if (socket && !socket.destroyed && socket.writableLength > 0) {
            socket.once('drain', finish);
            return;
          }
          dotWritten = true;
          onPhase?.('dot');
          this.push(null);
        };
        finish();
      },
    });
    onPhase?.('connected');
    return new Promise<Attempt>((resolve) => {
      conn.c.send(envelope, body, (err, info) => {
        if (err) {
          const failure = toFailure(err);
          if (
            (failure.code === 'EENVELOPE' || failure.code === 'EMESSAGE') &&
            failure.responseCode !== 421 &&
            !conn.dead
          ) {
            // The server refused this recipient or message; the session stays usable after RSET.
            conn.c.reset((resetErr) => (resetErr ? this.discard(conn) : this.release(conn)));
          } else {
            this.discard(conn);
          }
          resolve({ ok: false, failure, dataStarted, dotWritten, reused });
          return;
        }
        conn.messages++;
        this.release(conn);
        resolve({ ok: true, response: info?.response ?? '' });
      });
    });
  }

  private async acquire(): Promise<Conn> {
    if (this.closed) throw new Error('transport closed');
    for (let c = this.idle.pop(); c; c = this.idle.pop()) if (!c.dead) return c;
    if (this.opened < this.concurrency) {
      this.opened++;
      return this.connect();
    }
    return new Promise<Conn>((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private release(conn: Conn): void {
    if (conn.dead || this.closed || conn.messages >= (this.opts.maxMessagesPerConnection ?? 100)) {
      this.discard(conn, true);
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(conn);
    else this.idle.push(conn);
  }

  /** Drop a connection (QUIT when it is healthy) and let a waiter open a new one. */
  private discard(conn: Conn, quit = false): void {
    if (!conn.dead) {
      conn.dead = true;
      if (quit) conn.c.quit();
      else conn.c.close();
    }
    const idx = this.idle.indexOf(conn);
    if (idx >= 0) this.idle.splice(idx, 1);
    if (conn.counted) {
      conn.counted = false;
      this.opened--;
      const waiter = this.waiters.shift();
      if (waiter) {
        this.opened++;
        this.connect().then(waiter.resolve, waiter.reject);
      }
    }
  }

  // On failure the slot is given back (discard) before rejecting.
  private connect(): Promise<Conn> {
    const { smtp } = this.opts;
    const t = this.opts.timeouts ?? {};
    const c = new SMTPConnection({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      name: this.opts.clientName,
      connectionTimeout: t.connection ?? 15_000,
      greetingTimeout: t.greeting ?? 15_000,
      socketTimeout: t.socket ?? 60_000,
    });
    const conn: Conn = { c, messages: 0, dead: false, counted: true };
    return new Promise<Conn>((resolve, reject) => {
      // nodemailer reports a failed connect as an 'error' or 'end' event, not through the callback.
      let settled = false;
      const fail = (e: unknown): void => {
        const first = !settled;
        settled = true; // before discard: closing emits 'end' synchronously
        this.discard(conn);
        if (first) reject(e);
      };
      c.on('error', fail);
      c.on('end', () =>
        fail(
          Object.assign(new Error('connection closed before it was ready'), { code: 'ECONNECTION', command: 'CONN' }),
        ),
      );
      c.connect((err) => {
        if (err) return fail(err);
        const ready = (): void => {
          if (settled) return;
          settled = true;
          resolve(conn);
        };
        if (!smtp.user) return ready();
        c.login({ user: smtp.user, pass: this.opts.password ?? '' }, (loginErr) =>
          loginErr ? fail(loginErr) : ready(),
        );
      });
    });
  }
}
