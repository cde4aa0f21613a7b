// Start-up with a long journal: openVigie (what the desktop app and `vigie serve` run before they
// serve) on a chain of 1,000,000 entries, the first time (no checkpoint yet: the whole chain is
// checked) and then from the checkpoint that open left, against the same open of a short journal,
// alternately in one run. Each open is timed until openVigie hands back its handlers; the close
// (which moves the checkpoint) is not timed.
import { openVigie, type VigieApp } from '../../electron/services/app.js';
import { buildJournal } from './lib/fixture-journal.js';
import { paths } from './lib/paths.js';
import { log, runBench, scale } from './lib/section.js';
import { fig, num, ratio, stat, timed, times } from './lib/stats.js';
import { file, removeDb } from './lib/store-setup.js';

const LONG = scale(1_000_000, 100_000);
const SHORT = 1_000;
const RUNS = scale(7, 3);
const TARGET_MS = 1000;

function timedOpen(dbPath: string): number {
  let app: VigieApp | undefined;
  const ms = timed(() => {
    app = openVigie({
      dbPath,
      resourcesDir: paths.resources,
      seed: false,
      headFile: null,
      background: false,
    });
  });
  app?.close();
  return ms;
}

runBench(() => {
  const longPath = file('startup-long.db');
  const shortPath = file('startup-short.db');
  log(`startup: building journals of ${num(LONG, 0)} and ${num(SHORT, 0)} entries`);
  buildJournal(longPath, LONG);
  buildJournal(shortPath, SHORT);
  const firstMs = timedOpen(longPath);
  log(`  first open (whole chain): ${num(firstMs / 1000, 2)} s`);
  timedOpen(shortPath);
  const long: number[] = [];
  const short: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    long.push(timedOpen(longPath));
    short.push(timedOpen(shortPath));
  }
  log(`  from the checkpoint: ${num(long.at(-1) ?? 0)} ms; short journal ${num(short.at(-1) ?? 0)} ms`);
  removeDb(longPath);
  removeDb(shortPath);
  const target = long.map(() => TARGET_MS);
  return {
    order: 8,
    title: '8. Start-up with a long journal',
    intro: [
      `A journal of ${num(LONG, 0)} entries (the store section's fixture: real hashes) and one of ${num(SHORT, 0)}, ` +
        `each in its own file. openVigie is timed until its handlers are ready (the desktop app and \`vigie serve\` ` +
        `serve from then on): once on the long journal with no checkpoint yet, then ${RUNS} times on each, alternately, ` +
        `from the checkpoint the previous open left. The background check of the older entries is off here: it runs ` +
        `after opening, between requests, and is not part of the wait.`,
    ],
    tables: [
      {
        title: 'Opening a database (openVigie, until its handlers are ready)',
        head: ['Figure', 'Median (min–max)', 'Ratio'],
        rows: [
          [
            `${num(LONG, 0)} entries, first open: no checkpoint, the whole chain checked (one run)`,
            `${num(firstMs, 0)} ms`,
            '',
          ],
          [
            `${num(LONG, 0)} entries, from the checkpoint`,
            fig(stat(long), 'ms'),
            `÷ target ${num(TARGET_MS, 0)} ms: ${times(ratio(long, target))}`,
          ],
          [`${num(SHORT, 0)} entries, from the checkpoint (peer)`, fig(stat(short), 'ms'), ''],
          ['Long ÷ short journal (1.00× = independent of the length)', '', times(ratio(long, short))],
        ],
      },
    ],
    notes: [
      `Opening from the checkpoint checks the checkpointed entry's hash and the entries after it (none here), then ` +
        `serves: ${fig(stat(long), 'ms')} for ${num(LONG, 0)} entries against ${fig(stat(short), 'ms')} for ${num(SHORT, 0)}. ` +
        `The first open of a database, \`vigie verify\` and the background check after each open still read every ` +
        `entry (the store section's verification rate); the background check goes 2,000 entries at a time with a ` +
        `pause between, so requests are served meanwhile, and a break it finds turns on every desk's alarm.`,
    ],
    raw: { firstMs, long, short },
  };
});
