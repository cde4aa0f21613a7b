// The journal: batched appends, then building and verifying a long chain.
import { statSync } from 'node:fs';
import { openVigie, type VigieApp } from '../../../electron/services/app.js';
import { openDatabase } from '../../../electron/store/db.js';
import { verifyChain } from '../../../electron/store/journal.js';
import { realTime } from '../../../shared/clock.js';
import { buildJournal } from './fixture-journal.js';
import { PlainStore, verifyPlain } from './plain.js';
import { open, type Driver } from './sql.js';
import { log, scale } from './section.js';
import { num, perSecond, timed } from './stats.js';
import { paths } from './paths.js';
import { appendVia, DRIVERS, file, moveData, removeDb, RUNS } from './store-setup.js';

export const BATCH_APPENDS = scale(10_000, 5_000);
export const CHAIN = scale(1_000_000, 100_000);
export const CHAIN_RUNS = 3;

export interface JournalResult {
  batchVigie: number[];
  batchPlain: Record<Driver, number[]>;
  buildMs: number;
  fileMb: number;
  verifyVigie: number[];
  verifyNode: number[];
  /** openVigie on the long chain with no checkpoint yet (the whole chain checked): one run. */
  openFirstMs: number;
  /** openVigie on the long chain again, from the checkpoint the first open left. */
  openLong: number[];
  /** The peer: openVigie on a journal of SHORT_CHAIN entries, from its checkpoint. */
  openShort: number[];
}

export const SHORT_CHAIN = 1_000;

/** How long openVigie takes to hand back its handlers (the console waits that long); closed untimed. */
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

export function journalBench(): JournalResult {
  log(`journal: ${RUNS} batches of ${BATCH_APPENDS} appends, then a chain of ${CHAIN} entries`);
  const out: JournalResult = {
    batchVigie: [],
    batchPlain: { 'better-sqlite3': [], 'node:sqlite': [] },
    buildMs: 0,
    fileMb: 0,
    verifyVigie: [],
    verifyNode: [],
    openFirstMs: 0,
    openLong: [],
    openShort: [],
  };
  const vPath = file('append-vigie.db');
  const db = openDatabase(vPath);
  const plain = Object.fromEntries(
    DRIVERS.map((d) => [d, new PlainStore(open(d, file(`append-${d}.db`)), realTime)]),
  ) as Record<Driver, PlainStore>;
  try {
    for (let run = 0; run < RUNS; run++) {
      out.batchVigie.push(
        perSecond(
          BATCH_APPENDS,
          timed(() => {
            db.transaction(() => {
              for (let i = 0; i < BATCH_APPENDS; i++) appendVia(db, i);
            })();
          }),
        ),
      );
      for (const d of DRIVERS) {
        out.batchPlain[d].push(
          perSecond(
            BATCH_APPENDS,
            timed(() => plain[d].appendBatch(BATCH_APPENDS, moveData)),
          ),
        );
      }
    }
  } finally {
    db.close();
    removeDb(vPath);
    for (const d of DRIVERS) {
      plain[d].sql.close();
      removeDb(file(`append-${d}.db`));
    }
  }

  const chainPath = file('chain.db');
  log(`  building the ${CHAIN}-entry chain (fast path, real hashes)`);
  out.buildMs = timed(() => buildJournal(chainPath, CHAIN));
  out.fileMb = statSync(chainPath).size / (1024 * 1024);
  for (let run = 0; run < CHAIN_RUNS; run++) {
    const v = openDatabase(chainPath, { mustExist: true });
    try {
      let entries = 0;
      out.verifyVigie.push(
        timed(() => {
          const result = verifyChain(v);
          if (!result.ok) throw new Error(`chain broken: ${result.reason}`);
          entries = result.entries;
        }),
      );
      if (entries !== CHAIN) throw new Error(`verified ${entries} of ${CHAIN} entries`);
    } finally {
      v.close();
    }
    const n = open('node:sqlite', chainPath);
    try {
      out.verifyNode.push(
        timed(() => {
          const result = verifyPlain(n);
          if (!result.ok || result.entries !== CHAIN) throw new Error(`node:sqlite verify: ${result.reason}`);
        }),
      );
    } finally {
      n.close();
    }
    log(
      `  verify run ${run + 1}: Vigie ${num((out.verifyVigie[run] ?? 0) / 1000)} s, node:sqlite ${num((out.verifyNode[run] ?? 0) / 1000)} s`,
    );
  }
  const shortPath = file('short-chain.db');
  buildJournal(shortPath, SHORT_CHAIN);
  log('  start-up: the first open checks the whole chain and leaves a checkpoint; the next ones start there');
  out.openFirstMs = timedOpen(chainPath);
  timedOpen(shortPath);
  for (let run = 0; run < CHAIN_RUNS * 2; run++) {
    out.openLong.push(timedOpen(chainPath));
    out.openShort.push(timedOpen(shortPath));
  }
  log(
    `  open from the checkpoint: ${num(out.openLong.at(-1) ?? 0)} ms, short journal ${num(out.openShort.at(-1) ?? 0)} ms`,
  );
  removeDb(shortPath);
  removeDb(chainPath);
  return out;
}
