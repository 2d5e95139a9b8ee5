/**
 * Peers of the fan-out row, built on plain nodemailer (its own SMTP pool):
 * - the ceiling: one identical, pre-built message sent N times (no rendering, no ledger);
 * - the naive way: for every recipient, render the whole issue (Handlebars + MJML
 *   compile), then let nodemailer build and send the message.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Recipient } from '../../src/types.js';

export interface PoolOptions {
  host: string;
  port: number;
  /** Same as ours (delivery.smtp.maxConnections). */
  maxConnections: number;
  /** Messages per connection before it is replaced (nodemailer's default and ours: 100). */
  maxMessages: number;
}

export function plainPool(opts: PoolOptions): Transporter {
  return nodemailer.createTransport({
    host: opts.host,
    port: opts.port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: opts.maxConnections,
    maxMessages: opts.maxMessages,
    logger: false,
  });
}

/**
 * The ceiling: `count` copies of one pre-built message through a nodemailer pool, all
 * queued at once (the pool decides the pace). Returns how many were accepted.
 */
export async function sendPrebuilt(pool: Transporter, raw: Buffer, from: string, count: number): Promise<number> {
  const sends: Array<Promise<unknown>> = [];
  for (let i = 0; i < count; i++) {
    sends.push(pool.sendMail({ envelope: { from, to: [`reader${i}@example.org`] }, raw }));
  }
  const results = await Promise.allSettled(sends);
  return results.filter((r) => r.status === 'fulfilled').length;
}

export interface NaiveMessage {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
}

/**
 * The naive way: `build(recipient)` renders the issue for one recipient from scratch;
 * `inFlight` recipients at a time, like our sender's workers.
 */
export async function sendNaive(
  pool: Transporter,
  recipients: readonly Recipient[],
  build: (r: Recipient) => Promise<NaiveMessage>,
  inFlight: number,
): Promise<number> {
  let next = 0;
  let accepted = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < recipients.length; i = next++) {
      const m = await build(recipients[i]!);
      await pool.sendMail({
        from: m.from,
        to: m.to,
        subject: m.subject,
        html: m.html,
        text: m.text,
        headers: m.headers,
      });
      accepted++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return accepted;
}
