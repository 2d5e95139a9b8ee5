/** A real SMTP server on 127.0.0.1 (random port) that keeps what it receives. */
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface Received {
  from: string;
  to: string[];
  raw: Buffer;
}

/** What the server answers; undefined = accept. */
export interface Behaviour {
  /** Called for each RCPT TO. Return an SMTP code + text to refuse it. */
  rcpt?: (address: string, attempt: number) => { code: number; message: string } | undefined;
  /** Called once a message is fully received, before the reply. */
  data?: (msg: Received, attempt: number) => { code: number; message: string } | 'drop' | 'hold' | undefined;
  /**
   * Called on the first chunk of a message's data, before its final dot. Return 'drop'
   * to break the connection while the message is still being written.
   */
  dataStart?: (to: string[], attempt: number) => 'drop' | undefined;
  /** Wait this long before answering each message (a slow server, so sends overlap). */
  delayMs?: number;
  /** Require AUTH with this user and password. */
  auth?: { user: string; pass: string };
}

export interface TestSmtpServer {
  port: number;
  received: Received[];
  /** Attempts per recipient (RCPT TO), counting refused ones. */
  rcptAttempts: Map<string, number>;
  behaviour: Behaviour;
  close(): Promise<void>;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

export async function startSmtpServer(behaviour: Behaviour = {}): Promise<TestSmtpServer> {
  const received: Received[] = [];
  const rcptAttempts = new Map<string, number>();
  const dataAttempts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const state = { behaviour };
  const server = new SMTPServer({
    logger: false,
    disabledCommands: state.behaviour.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !state.behaviour.auth,
    allowInsecureAuth: true,
    size: 10 * 1024 * 1024,
    onAuth(auth, _session, cb) {
      const want = state.behaviour.auth;
      if (want && auth.username === want.user && auth.password === want.pass) return cb(null, { user: auth.username });
      return cb(smtpError(535, 'Authentication failed'));
    },
    onRcptTo(address, _session, cb) {
      const n = (rcptAttempts.get(address.address) ?? 0) + 1;
      rcptAttempts.set(address.address, n);
      const r = state.behaviour.rcpt?.(address.address, n);
      if (r) return cb(smtpError(r.code, r.message));
      cb();
    },
    onData(stream, session: SMTPServerSession, cb) {
      const chunks: Buffer[] = [];
      const to = session.envelope.rcptTo.map((r) => r.address);
      const startKey = `start:${to.join(',')}`;
      stream.on('data', (c: Buffer) => {
        if (chunks.length === 0) {
          const n = (dataAttempts.get(startKey) ?? 0) + 1;
          dataAttempts.set(startKey, n);
          if (state.behaviour.dataStart?.(to, n) === 'drop') {
            for (const s of sockets) s.destroy();
            return;
          }
        }
        chunks.push(c);
      });
      stream.on('end', () => {
        const env = session.envelope;
        const msg: Received = {
          from: env.mailFrom ? env.mailFrom.address : '',
          to: env.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        };
        const key = msg.to.join(',');
        const n = (dataAttempts.get(key) ?? 0) + 1;
        dataAttempts.set(key, n);
        const r = state.behaviour.data?.(msg, n);
        if (r === 'drop') {
          // The server got the whole message, then the connection breaks before the reply.
          received.push(msg);
          for (const s of sockets) s.destroy();
          return;
        }
        if (r === 'hold') {
          received.push(msg);
          return; // never answer
        }
        if (r) return cb(smtpError(r.code, r.message));
        received.push(msg);
        const reply = () => cb(null, `queued as ${received.length}`);
        if (state.behaviour.delayMs) setTimeout(reply, state.behaviour.delayMs);
        else reply();
      });
    },
  });
  // A client killed mid-session resets its connections; that is expected here.
  server.on('error', () => {});
  server.server.on('connection', (s: Socket) => {
    s.on('error', () => {});
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    rcptAttempts,
    get behaviour() {
      return state.behaviour;
    },
    set behaviour(b: Behaviour) {
      state.behaviour = b;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
