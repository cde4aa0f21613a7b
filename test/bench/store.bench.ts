// Store: durable writes against the disk's own fsync rate, bulk roster import, the board's queries
// over 50,000 incidents, and the journal (append, and verification of a 1,000,000-entry chain).
// Vigie goes through its real code (openVigie + dispatch, or the store module for the journal);
// the peer runs the same SQL on node:sqlite, and on better-sqlite3 to tell driver from layers.
import { createRequire } from 'node:module';
import { durability, open } from './lib/sql.js';
import { runBench, type Table } from './lib/section.js';
import { fig, num, perSecond, ratio, stat, times, x, type Stat } from './lib/stats.js';
import { dir, file, removeDb, RUNS } from './lib/store-setup.js';
import { durableWrites, ROUNDS, SLICE_MS } from './lib/store-durable.js';
import { bulkImport, IMPORT_UNITS } from './lib/store-import.js';
import { BOARD_INCIDENTS, boardQueries, QUERY_RUNS } from './lib/store-board.js';
import { BATCH_APPENDS, CHAIN, CHAIN_RUNS, journalBench } from './lib/store-journal.js';

const VIGIE = 'Vigie (service, better-sqlite3)';
const PLAIN_B = 'Plain SQL, better-sqlite3';
const PLAIN_N = 'Plain SQL, node:sqlite';
const VS_NODE = 'Vigie ÷ node:sqlite (>1: Vigie faster)';
const VS_SAME = 'Vigie ÷ better-sqlite3 (same driver)';

/** For durations: how many times faster Vigie is (node time ÷ Vigie time), run by run. */
const speedup = (vigieMs: number[], peerMs: number[]): Stat => ratio(peerMs, vigieMs);

function versions(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const bsqlVersion = (require('better-sqlite3/package.json') as { version: string }).version;
  const path = file('versions.db');
  const b = open('better-sqlite3', path);
  const n = open('node:sqlite', path);
  try {
    return {
      'better-sqlite3': `${bsqlVersion} (SQLite ${b.version()}; ${durability(b)})`,
      'node:sqlite': `Node ${process.versions.node} built-in (SQLite ${n.version()}; ${durability(n)})`,
    };
  } finally {
    b.close();
    n.close();
    removeDb(path);
  }
}

runBench(async () => {
  const facts = versions();
  const durable = await durableWrites();
  const imports = bulkImport();
  const queries = boardQueries();
  const journal = journalBench();

  const createVsDisk = ratio(durable.vigie, durable.disk);
  const createVsCommit = ratio(durable.vigie, durable.diskCommit);
  const createVsNode = ratio(durable.vigie, durable.plain['node:sqlite']);
  const driverRatio = ratio(durable.plain['better-sqlite3'], durable.plain['node:sqlite']);
  const nodeVsCommit = ratio(durable.plain['node:sqlite'], durable.diskCommit);
  const importVsNode = speedup(imports.vigie, imports.plain['node:sqlite']);
  const importVsPlainB = speedup(imports.vigie, imports.plain['better-sqlite3']);
  const appendVsNode = ratio(durable.appendVigie, durable.appendPlain['node:sqlite']);
  const appendBatchVsPlainB = ratio(journal.batchVigie, journal.batchPlain['better-sqlite3']);
  const appendBatchVsNode = ratio(journal.batchVigie, journal.batchPlain['node:sqlite']);
  const verifyVsNode = speedup(journal.verifyVigie, journal.verifyNode);
  const verifyRate = stat(journal.verifyVigie.map((ms) => perSecond(CHAIN, ms)));

  const disk: Table = {
    title: 'Durable single-incident create against the disk (one transaction each)',
    head: ['Figure', 'Median (min–max)'],
    rows: [
      [
        'Disk: 256-byte write + fsync, same filesystem (cycling through 4 MB, as a WAL does)',
        fig(stat(durable.disk), '/s'),
      ],
      [
        `Disk: ${num(durable.commitBytes / 1024, 1)} KB write + fsync (what one create appends to the WAL: ${num(durable.commitPages, 1)} pages)`,
        fig(stat(durable.diskCommit), '/s'),
      ],
      [`${VIGIE}: createIncident through dispatch, journaled`, fig(stat(durable.vigie), '/s')],
      [`${PLAIN_B}: the same statements`, fig(stat(durable.plain['better-sqlite3']), '/s')],
      [`${PLAIN_N}: the same statements`, fig(stat(durable.plain['node:sqlite']), '/s')],
      [`${VIGIE}, synchronous=OFF: CPU cost only, not durable`, fig(stat(durable.cpuVigie), '/s')],
      [
        `${PLAIN_N}, synchronous=OFF: CPU cost only, not durable`,
        fig(stat(durable.cpuPlain['node:sqlite']), '/s'),
      ],
      ['Vigie ÷ disk (256-byte writes)', times(createVsDisk)],
      ['Vigie ÷ disk (commit-sized writes)', times(createVsCommit)],
      ['node:sqlite ÷ disk (commit-sized writes)', times(nodeVsCommit)],
    ],
  };

  const createVsB = ratio(durable.vigie, durable.plain['better-sqlite3']);
  const appendVsB = ratio(durable.appendVigie, durable.appendPlain['better-sqlite3']);
  const writes: Table = {
    title: 'Writes: Vigie beside its peers, and the disk beside each durable figure',
    head: ['Operation', VIGIE, PLAIN_B, PLAIN_N, VS_SAME, VS_NODE, "Disk's own write+fsync rate, same runs"],
    rows: [
      [
        'createIncident, durable',
        fig(stat(durable.vigie), '/s'),
        fig(stat(durable.plain['better-sqlite3']), '/s'),
        fig(stat(durable.plain['node:sqlite']), '/s'),
        times(createVsB),
        times(createVsNode),
        `${fig(stat(durable.diskCommit), '/s')} (commit-sized)`,
      ],
      [
        'Journal append, one durable transaction each',
        fig(stat(durable.appendVigie), '/s'),
        fig(stat(durable.appendPlain['better-sqlite3']), '/s'),
        fig(stat(durable.appendPlain['node:sqlite']), '/s'),
        times(appendVsB),
        times(appendVsNode),
        `${fig(stat(durable.disk), '/s')} (256 bytes)`,
      ],
      [
        `Journal append, ${num(BATCH_APPENDS, 0)} in one transaction`,
        fig(stat(journal.batchVigie), '/s'),
        fig(stat(journal.batchPlain['better-sqlite3']), '/s'),
        fig(stat(journal.batchPlain['node:sqlite']), '/s'),
        times(appendBatchVsPlainB),
        times(appendBatchVsNode),
        '',
      ],
      [
        `Roster import, ${num(IMPORT_UNITS, 0)} units (CSV parse, contingents, units, positions, journal; one transaction)`,
        fig(stat(imports.vigie), 'ms'),
        fig(stat(imports.plain['better-sqlite3']), 'ms'),
        fig(stat(imports.plain['node:sqlite']), 'ms'),
        times(importVsPlainB),
        times(importVsNode),
        '',
      ],
    ],
  };

  const board: Table = {
    title: `Board queries over ${num(BOARD_INCIDENTS, 0)} incidents (ms per query)`,
    head: ['Query', 'Rows', VIGIE, PLAIN_B, PLAIN_N, VS_SAME, VS_NODE],
    rows: queries.map((q) => [
      q.label,
      q.paged ? `${num(q.rows, 0)} of ${num(q.total, 0)}` : num(q.rows, 0),
      fig(stat(q.vigie), 'ms'),
      fig(stat(q.plain['better-sqlite3']), 'ms'),
      fig(stat(q.plain['node:sqlite']), 'ms'),
      times(speedup(q.vigie, q.plain['better-sqlite3'])),
      times(speedup(q.vigie, q.plain['node:sqlite'])),
    ]),
  };

  const chain: Table = {
    title: `Journal chain of ${num(CHAIN, 0)} entries`,
    head: ['Figure', 'Vigie (verifyChain, better-sqlite3)', 'Same loop on node:sqlite', VS_NODE],
    rows: [
      [
        `Full chain verification (${CHAIN_RUNS} runs)`,
        fig(stat(journal.verifyVigie.map((ms) => ms / 1000)), 's'),
        fig(stat(journal.verifyNode.map((ms) => ms / 1000)), 's'),
        times(verifyVsNode),
      ],
      [
        'Verification rate',
        fig(verifyRate, 'entries/s'),
        fig(stat(journal.verifyNode.map((ms) => perSecond(CHAIN, ms))), 'entries/s'),
        '',
      ],
      [
        'Building the chain (fixture fast path: real hashes, one statement, 50,000 per transaction, named indexes built at the end; one run)',
        `${num(journal.buildMs / 1000, 1)} s (${num(perSecond(CHAIN, journal.buildMs), 0)} entries/s; file ${num(journal.fileMb, 0)} MB)`,
        '',
        '',
      ],
    ],
  };

  const notes: string[] = [];
  const commitKb = durable.commitBytes / 1024;
  const cpuUs = 1e6 / stat(durable.cpuVigie).median;
  const sqlUs = 1e6 / stat(durable.cpuPlain['better-sqlite3']).median;
  const diskUs = 1e6 / stat(durable.diskCommit).median;
  const pages =
    `A create writes the incident row and its ${durable.incidentIndexes} indexes, the FTS5 index, the daily ` +
    `reference counter and a journal row with its ${durable.journalIndexes} indexes: ${num(durable.commitPages, 1)} ` +
    `pages (${num(commitKb, 1)} KB) appended to the WAL, then one fsync; every ~1,000 WAL pages SQLite also ` +
    `checkpoints into the main file.`;
  const anatomy =
    `Without the fsync (synchronous=OFF: ${fig(stat(durable.cpuVigie), '/s')}) a create costs ${num(cpuUs, 0)} µs of CPU in Vigie, against ` +
    `${num(sqlUs, 0)} µs for the same statements on the same driver. Both pay SQLite's own work and referenceDay ` +
    `(${num(durable.referenceDayUs, 1)} µs a call, one date formatter kept per time zone). Vigie's ${num(durable.statementsPerCreate, 0)} ` +
    `statements a create come from the connection's cache (${num(durable.preparesPerCreate, 1)} prepared per create once the first ` +
    `has run; a preparation costs ${num(durable.prepareUs, 0)} µs here) and the inserts bind by position. The ` +
    `${num(Math.max(0, cpuUs - sqlUs), 0)} µs more are Vigie's layers: the call's validation (zod) and permission check (the ` +
    `account's role and state read at every call, so that a supervisor's change takes effect at once), the operation's time zone ` +
    `read in the transaction, the created row (as the insert returned it) mapped, its journal entry with the row's after-image, and ` +
    `the nearest named place worked out for the answer (under the reference data's counter, read at the end of the create's ` +
    `transaction rather than by a read of its own after it: the named places kept since the counter last moved, the nearest found).`;
  if (cpuUs > 2 * diskUs) {
    notes.push(
      `**Durable create runs at ${x(createVsCommit)} of the disk's write+fsync rate for a commit of the same size, ` +
        `and the disk is not what holds it back: the CPU is.** ${pages} The disk takes such a write and its fsync ` +
        `in ${num(diskUs, 0)} µs. ${anatomy} Past that, group commit (creates arriving within a few milliseconds written in one ` +
        `transaction, each caller answered after the shared fsync) would spread the fsync over several creates.`,
    );
  } else if (nodeVsCommit.median >= 0.8) {
    notes.push(
      `Durable create runs at ${x(createVsCommit)} of the disk's own write+fsync rate for a commit of the same ` +
        `size: the fsync per transaction is the limit, as it should be with synchronous=FULL. ${pages} Against ` +
        `256-byte writes the ratio is ${x(createVsDisk)}: a create appends many pages, not a few bytes. ${anatomy} ` +
        `Only group commit (several creates per transaction, each caller answered after the shared fsync) could go ` +
        `faster without giving up synchronous=FULL.`,
    );
  } else {
    notes.push(
      `Durable create runs at ${x(createVsCommit)} of the disk's own write+fsync rate for a commit of the same ` +
        `size, and the same statements on node:sqlite at ${x(nodeVsCommit)}: neither reaches the bare disk. Vigie ` +
        (createVsB.median >= 0.9 ? 'keeps up with' : 'runs at a fraction of') +
        ` the same statements on its driver (${times(createVsB)}). Each create pays its CPU and then its write and ` +
        `fsync (${num(diskUs, 0)} µs for the bare disk) one after the other, and the checkpoints below add fsyncs of ` +
        `their own. ${pages} ` +
        `${anatomy} Only group commit (several creates per transaction, each caller answered after the shared fsync) ` +
        `could go faster without giving up synchronous=FULL.`,
    );
  }
  if (createVsNode.median < 0.9) {
    notes.push(
      `**createIncident is slower than the same statements on node:sqlite (${times(createVsNode)}).** ` +
        (driverRatio.median > 0.8 && driverRatio.median < 1.25
          ? `The driver is not the cause (plain SQL on better-sqlite3 ÷ node:sqlite: ${times(driverRatio)}); ` +
            `Vigie's layers are, as above.`
          : `Part of it is the driver (plain SQL on better-sqlite3 ÷ node:sqlite: ${times(driverRatio)}), the rest ` +
            `Vigie's layers, as above.`),
    );
  }
  if (importVsNode.median < 0.9) {
    notes.push(
      `**Roster import is ${x(importVsNode)} of node:sqlite's speed (${times(importVsPlainB)} of the same statements on ` +
        `better-sqlite3).** The statements are prepared once per connection and the inserts bind by position; the ` +
        `${num(IMPORT_UNITS, 0)} callsigns are looked up ${num(200, 0)} to a statement, and a full Unit is read only for those ` +
        `already there (an update). What remains is Vigie's work per unit beyond the peer's: the import's own ` +
        `bookkeeping (contingent plan, K9, notes and contacts columns, the entry's data), and after-images read back through ` +
        `the generic path (every touched row deduplicated by key, digested columns checked) rather than the peer's one ` +
        `read per table.`,
    );
  }
  if (appendBatchVsPlainB.median < 0.9) {
    notes.push(
      `**Batched journal append is ${x(appendBatchVsPlainB)} of the same statements on better-sqlite3.** appendEntry ` +
        `runs the peer's statements (the chain head read under the journal lock, the insert), cached per connection and ` +
        `bound by position; what remains is its bookkeeping: the touched-row log, the journal lock and commit hooks that ` +
        `PostgreSQL needs, and the entry it returns. In a durable transaction this hides behind the fsync.`,
    );
  }
  const slowQueries = queries.filter((q) => speedup(q.vigie, q.plain['node:sqlite']).median < 0.9);
  const pagedQs = queries.filter((q) => q.paged);
  const sameDriver = pagedQs.map((q) => speedup(q.vigie, q.plain['better-sqlite3']).median);
  const driverQ = pagedQs.map((q) => speedup(q.plain['better-sqlite3'], q.plain['node:sqlite']).median);
  if (slowQueries.length) {
    const slowest = slowQueries[0];
    notes.push(
      `**Board queries through Vigie are slower than the bare statement on node:sqlite** on ${slowQueries.length} of ` +
        `${queries.length} queries (e.g. ${slowest?.label}: ${times(speedup(slowest?.vigie ?? [], slowest?.plain['node:sqlite'] ?? []))}); ` +
        `against the same statements on its own driver, a page runs at ${num(Math.min(...sameDriver), 2)}–` +
        `${num(Math.max(...sameDriver), 2)}× (medians), and the bare page on better-sqlite3 at ` +
        `${num(Math.min(...driverQ), 2)}–${num(Math.max(...driverQ), 2)}× of node:sqlite's speed: most of a page's time ` +
        `is SQLite walking the incidents twice (the page, sorted, and the count of all), which node:sqlite's build of ` +
        `SQLite does faster. The statements are the same; Vigie also validates the filter and checks the account, reads the rows as ` +
        `the Incidents themselves (the columns named as their fields: only the marking's text is parsed), reads the active ` +
        `assignments of the returned incidents (a page's through the assignments' incident index) to attach the units ` +
        `working them, and names each incident's point in words, once per point while the reference data's counter and ` +
        `the loaded base map stand still (kept per release scope), so a board read again names nothing anew. The board ` +
        `asks for ${num(queries.find((q) => q.paged)?.rows ?? 0, 0)} rows at a time, so that work is per page; ` +
        (slowQueries.some((q) => !q.paged)
          ? `the whole open set of full rows (listIncidents, which the console no longer reads: the map has its own ` +
            `points, listIncidentPoints) pays it on every row.`
          : `what remains is per call, not per row.`),
    );
  }
  notes.push(
    `Verifying ${num(CHAIN, 0)} entries takes ${fig(stat(journal.verifyVigie.map((ms) => ms / 1000)), 's')} ` +
      `(${num(verifyRate.median, 0)} entries/s): that is what \`vigie verify\` (always the whole chain) and the very first ` +
      `open of a database take; every later open starts from the journal's checkpoint (section 8).` +
      (verifyVsNode.median > 1.1
        ? ` node:sqlite is slower here (${times(verifyVsNode)} in Vigie's favour): its iterate() builds each row with more overhead than better-sqlite3's.`
        : ''),
  );

  return {
    order: 1,
    title: '1. Store',
    intro: [
      `Real files in ${dir.replace(/[^/]+$/, '')} (the bench's temp folder, same filesystem as the disk figures), ` +
        `WAL and synchronous=FULL on both drivers (read back: see the header). Vigie runs its real code: ` +
        `\`openVigie(...).handlers\` through \`dispatch\` as both transports do, with a signed-in desk; the journal ` +
        `figures call \`appendEntry\` and \`verifyChain\` from electron/store/journal.ts. The peer is the same SQL ` +
        `(the migrations' schema, the statements the store runs, prepared once) on node:sqlite, and on better-sqlite3 ` +
        `to separate the driver from Vigie's layers. ${RUNS} runs per figure unless said. Durable writes: each run gives ` +
        `every contestant (the disk loops included) ${ROUNDS} turns of ${SLICE_MS} ms, in an order drawn anew ` +
        `each round (seeded), so that no contestant always follows the disk's fsync loops, and counts what it did; ` +
        `queries ${QUERY_RUNS} runs after a warm-up; ` +
        `the chain ${CHAIN_RUNS} runs. Ratios are taken run by run between measurements made side by side.`,
    ],
    tables: [disk, writes, board, chain],
    notes,
    facts,
    raw: { durable, imports, queries, journal },
  };
});
