// The journal: batched appends, then building and verifying a long chain.
import { statSync } from 'node:fs';
import { openDatabase } from '../../../electron/store/db.js';
import { verifyChain } from '../../../electron/store/journal.js';
import { realTime } from '../../../shared/clock.js';
import { buildJournal } from './fixture-journal.js';
import { PlainStore, verifyPlain } from './plain.js';
import { open, type Driver } from './sql.js';
import { log, scale } from './section.js';
import { num, perSecond, timed } from './stats.js';
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
  removeDb(chainPath);
  return out;
}
