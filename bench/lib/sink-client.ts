/** Start the SMTP sink in its own process and talk to it. */
import { forkBench, nextMessage } from './child.js';

export interface Sink {
  host: '127.0.0.1';
  port: number;
  /** Messages and bytes accepted so far. */
  count(): Promise<SinkCount>;
  /** The figures so far, then zero them. */
  reset(): Promise<SinkCount>;
  close(): Promise<void>;
}

export interface SinkCount {
  messages: number;
  bytes: number;
  /** CPU time the sink process spent since the last reset, in ms. */
  cpuMs: number;
}

interface Counted extends SinkCount {
  type: 'counted';
}

const isCounted = (m: unknown): m is Counted => (m as { type?: unknown } | null)?.type === 'counted';

export async function startSink(): Promise<Sink> {
  const child = forkBench('lib/smtp-sink.ts');
  const ready = await nextMessage(
    child,
    (m): m is { type: 'ready'; port: number } => (m as { type?: unknown } | null)?.type === 'ready',
    30_000,
  );
  const ask = async (type: 'count' | 'reset'): Promise<SinkCount> => {
    const answer = nextMessage(child, isCounted, 30_000);
    child.send({ type });
    const { messages, bytes, cpuMs } = await answer;
    return { messages, bytes, cpuMs };
  };
  return {
    host: '127.0.0.1',
    port: ready.port,
    count: () => ask('count'),
    reset: () => ask('reset'),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.send({ type: 'close' });
      await exited;
    },
  };
}
