/**
 * Is the SMTP server there? Connect, read the greeting, say EHLO, read the answer, QUIT,
 * all within a timeout. No login and no message: what `doctor` checks before a run.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

export interface SmtpProbe {
  host: string;
  port: number;
  /** TLS from the first byte (port 465). */
  secure: boolean;
  timeoutMs: number;
  /** Name said in EHLO. */
  clientName?: string;
}

export type SmtpProbeResult =
  | { ok: true; greeting: string; extensions: string[]; ms: number }
  | { ok: false; reason: string };

/** One SMTP reply: the lines up to the one with a space after the code. */
function readReply(socket: Socket, timeoutMs: number): Promise<{ code: number; lines: string[] }> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => done(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('latin1');
      const lines = buffer.split(/\r?\n/);
      const last = lines.findIndex((l) => /^\d{3} /.test(l) || /^\d{3}$/.test(l));
      if (last >= 0) done(undefined, lines.slice(0, last + 1));
    };
    const onClose = (): void => done(new Error('the server closed the connection'));
    const onError = (e: Error): void => done(e);
    function done(e: Error | undefined, lines?: string[]): void {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
      socket.off('error', onError);
      if (e || !lines) reject(e ?? new Error('no reply'));
      else resolve({ code: Number(lines[lines.length - 1]?.slice(0, 3)), lines: lines.map((l) => l.slice(4)) });
    }
    socket.on('data', onData);
    socket.on('close', onClose);
    socket.on('error', onError);
  });
}

export async function probeSmtp(p: SmtpProbe): Promise<SmtpProbeResult> {
  const t0 = performance.now();
  const where = `${p.host}:${p.port}`;
  let socket: Socket | undefined;
  try {
    socket = await new Promise<Socket>((resolve, reject) => {
      const s = p.secure
        ? tlsConnect({ host: p.host, port: p.port, servername: p.host })
        : netConnect({ host: p.host, port: p.port });
      const timer = setTimeout(() => {
        s.destroy();
        reject(new Error(`connect timeout after ${p.timeoutMs / 1000} s`));
      }, p.timeoutMs);
      s.once(p.secure ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        resolve(s);
      });
      s.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    const greeting = await readReply(socket, p.timeoutMs);
    if (greeting.code !== 220) {
      return { ok: false, reason: `${where} greeted with ${greeting.code} ${greeting.lines.join(' ')}`.trim() };
    }
    socket.write(`EHLO ${p.clientName ?? 'briefing.doctor'}\r\n`);
    const ehlo = await readReply(socket, p.timeoutMs);
    if (ehlo.code !== 250) {
      return { ok: false, reason: `${where} answered EHLO with ${ehlo.code} ${ehlo.lines.join(' ')}`.trim() };
    }
    socket.write('QUIT\r\n');
    return {
      ok: true,
      greeting: greeting.lines.join(' '),
      extensions: ehlo.lines.slice(1).map((l) => l.split(' ')[0] ?? l),
      ms: Math.round(performance.now() - t0),
    };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why =
      err.code === 'ECONNREFUSED' ? 'connection refused' : err.code === 'ENOTFOUND' ? 'host not found' : err.message;
    return { ok: false, reason: `${where}: ${why}` };
  } finally {
    socket?.destroy();
  }
}
