/** A progress bar for collecting many sources on a terminal; nothing at all when the stream is not a TTY. */
import cliProgress from 'cli-progress';
import type { CollectDeps } from './types.js';

export function progressBar(stream: NodeJS.WriteStream): { onProgress: CollectDeps['onProgress']; stop(): void } {
  if (!stream.isTTY) return { onProgress: undefined, stop: () => {} };
  let bar: cliProgress.SingleBar | undefined;
  return {
    onProgress: (done, total, source) => {
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: 'collect [{bar}] {value}/{total} {source}',
            hideCursor: true,
            clearOnComplete: true,
            barsize: 24,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0, { source: '' });
      }
      bar.update(done, { source: source.length > 40 ? `${source.slice(0, 39)}…` : source });
    },
    stop: () => {
      bar?.stop();
      bar = undefined;
    },
  };
}
