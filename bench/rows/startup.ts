/**
 * Row 6, Startup: `briefing --help` from the built CLI in a fresh process, wall time.
 * Peer: the same with every stage imported before the CLI starts (what eager imports of
 * MJML, nodemailer and the rest would cost); the bare `node` start is in the note.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD, CLI, rowMain } from '../lib/child.js';
import { ms, row, speedup, type Row } from '../lib/table.js';
import { cold } from '../lib/timing.js';

rowMain(async (opts): Promise<Row[]> => {
  const runs = opts.quick ? 5 : 11;
  cold([CLI, '--help'], { runs: 1 }); // warm the file cache
  const ours = cold([CLI, '--help'], { runs });
  if (!ours.stdout.includes('Usage: briefing')) throw new Error('--help printed no usage');
  const eager = cold(['--import', pathToFileURL(join(BUILD, 'src/index.js')).href, CLI, '--help'], { runs });
  const bare = cold(['-e', '0'], { runs });
  return [
    row({
      id: '6',
      work: `Startup: \`briefing --help\`, built CLI, fresh process (median of ${runs})`,
      ours: ms(ours.median),
      peer: `all stages imported first: ${ms(eager.median)}`,
      ratio: speedup(eager.median, ours.median),
      target: '≤ 300 ms',
      pass: ours.median <= 300,
      note: `min ${ms(ours.min)}, max ${ms(ours.max)}; a bare \`node -e 0\` takes ${ms(bare.median)} on this machine.`,
    }),
  ];
});
