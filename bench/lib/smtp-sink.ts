/**
 * A loopback SMTP sink, run as its own process (`startSink` in sink-client.ts forks it; talk over IPC). It accepts
 * every message on 127.0.0.1 and only counts messages and bytes: no parsing, no storage,
 * so what the benchmark measures is the sender.
 *
 * IPC: it sends `{ type: 'ready', port }`; it answers `{ type: 'count' }` with
 * `{ type: 'counted', messages, bytes, cpuMs }` (CPU the sink used) and `{ type: 'reset' }` with `{ type: 'counted', … }`
 * (the figures before the reset).
 */
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

let messages = 0;
let bytes = 0;
let cpuMark = process.cpuUsage();

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  hideSTARTTLS: true,
  logger: false,
  disableReverseLookup: true,
  maxClients: 1000,
  banner: 'bench sink',
  onData(stream, _session, callback) {
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    stream.on('end', () => {
      messages++;
      callback();
    });
  },
});

server.on('error', (e) => {
  process.stderr.write(`smtp sink: ${e.message}\n`);
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.server.address() as AddressInfo;
  process.send?.({ type: 'ready', port });
});

process.on('message', (m: { type?: string }) => {
  if (m.type === 'count' || m.type === 'reset') {
    const cpu = process.cpuUsage(cpuMark);
    process.send?.({ type: 'counted', messages, bytes, cpuMs: (cpu.user + cpu.system) / 1000 });
    if (m.type === 'reset') {
      messages = 0;
      bytes = 0;
      cpuMark = process.cpuUsage();
    }
  } else if (m.type === 'close') {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  }
});
process.on('disconnect', () => process.exit(0));
