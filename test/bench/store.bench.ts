// Store: durable writes against the disk's own fsync rate, bulk roster import, the board's queries
// over 50,000 incidents, and the journal (append, and verification of a 1,000,000-entry chain).
// Vigie goes through its real code (openVigie + dispatch, or the store module for the journal);
// the peer runs the same SQL on node:sqlite, and on better-sqlite3 to tell driver from layers.
import { sqliteHandle } from '../../electron/store/sqlite.js';
import { closeSync, fsyncSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../electron/store/db.js';
import { referenceDay } from '../../shared/reference.js';
import { appendEntry, verifyChain } from '../../electron/store/journal.js';
import { realTime, iso } from '../../shared/clock.js';
import { UNIT_KINDS, type IncidentStatus } from '../../shared/domain.js';
import {
  addAssignments,
  addIncidents,
  addUnits,
  BulkJournal,
  buildJournal,
  PARIS,
  inBox,
  rng,
} from './lib/fixture.js';
import {
  benchIncident,
  PlainStore,
  verifyPlain,
  type BoardFilter,
  type NewIncidentInput,
} from './lib/plain.js';
import { durability, open, type Driver } from './lib/sql.js';
import { log, runBench, scale, type Table } from './lib/section.js';
import { fig, num, perSecond, ratio, stat, timed, times, x, type Stat } from './lib/stats.js';
import { openClient } from './lib/vigie.js';
import { interleave } from './lib/interleave.js';
import { tempDir } from './lib/temp.js';

const RUNS = scale(5, 3);
/** Each durable contestant runs for this long, ROUNDS times per run. */
const SLICE_MS = scale(120, 40);
const BATCH_APPENDS = scale(10_000, 5_000);
const IMPORT_UNITS = 5_000;
const BOARD_INCIDENTS = scale(50_000, 10_000);
const QUERY_RUNS = scale(7, 3);
const CHAIN = scale(1_000_000, 100_000);
const CHAIN_RUNS = 3;
const DRIVERS: Driver[] = ['better-sqlite3', 'node:sqlite'];

const dir = tempDir('vigie-bench-store-');
const file = (name: string) => join(dir, name);
const removeDb = (path: string) => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
};

// ---- the disk's own limit ------------------------------------------------------------------

/**
 * One write + fsync in a file on the bench's filesystem. The writes cycle through 4 MB of the file,
 * as a WAL is rewritten from its start after each checkpoint.
 */
const DISK_SPAN = 4 * 1024 * 1024;
const diskFiles = new Map<number, { fd: number; offset: number }>();

function diskWrite(buf: Buffer): void {
  let f = diskFiles.get(buf.length);
  if (!f) {
    f = { fd: openSync(file(`fsync-${buf.length}.bin`), 'w+'), offset: 0 };
    diskFiles.set(buf.length, f);
  }
  writeSync(f.fd, buf, 0, buf.length, f.offset);
  fsyncSync(f.fd);
  f.offset = f.offset + 2 * buf.length > DISK_SPAN ? 0 : f.offset + buf.length;
}

function closeDiskFiles(): void {
  for (const f of diskFiles.values()) closeSync(f.fd);
  diskFiles.clear();
}

// ---- inputs ---------------------------------------------------------------------------------

const r = rng(7);
const incidentInput = (i: number): NewIncidentInput => benchIncident(r, i);

const moveData = (i: number) => ({
  callsign: `FR-${i % 5000}`,
  source: 'report',
  from: { lat: 48.8583, lon: 2.2945, at: '2024-07-26T19:30:00.000Z', venueId: null },
  to: { lat: 48.8586 + i / 1e6, lon: 2.2951, venueId: null },
});

function rosterCsv(count: number): string {
  const lines = [
    'callsign,country,agency,kind,personnel,armed,languages,liaison,status,lat,lon,sector,notes',
  ];
  const countries = ['FR', 'DE', 'ES', 'IT', 'BE', 'NL', 'PT', 'PL', 'GB', 'US'];
  for (let i = 1; i <= count; i++) {
    const c = i % 40;
    const p = inBox(r, PARIS);
    lines.push(
      [
        `IMP-${String(i).padStart(5, '0')}`,
        countries[c % countries.length],
        `Agency ${c}`,
        UNIT_KINDS[i % UNIT_KINDS.length],
        String(2 + (i % 5)),
        i % 3 ? 'yes' : 'no',
        'en|fr',
        `Liaison ${c}`,
        'available',
        p.lat.toFixed(6),
        p.lon.toFixed(6),
        `S${(i % 12) + 1}`,
        i % 10 ? '' : 'Relève à 22h',
      ].join(','),
    );
  }
  return lines.join('\n') + '\n';
}

// ---- 1. durable creates against the disk ------------------------------------------------------

interface DurableResult {
  /** Rates per second, one per run. */
  disk: number[];
  diskCommit: number[];
  vigie: number[];
  plain: Record<Driver, number[]>;
  appendVigie: number[];
  appendPlain: Record<Driver, number[]>;
  /** The same creates with synchronous=OFF: CPU cost only, not durable. */
  cpuVigie: number[];
  cpuPlain: Record<Driver, number[]>;
  commitBytes: number;
  commitPages: number;
  incidentIndexes: number;
  journalIndexes: number;
  preparesPerCreate: number;
  prepareUs: number;
  referenceDayUs: number;
}

const ROUNDS = 10;

/** WAL bytes one createIncident commit appends (autocheckpoint off while measuring). */
function walBytesPerCreate(): {
  bytes: number;
  pages: number;
  incidentIndexes: number;
  journalIndexes: number;
} {
  const path = file('wal-size.db');
  const c = openClient(path);
  try {
    const pageSize = sqliteHandle(c.app.db).pragma('page_size', { simple: true }) as number;
    sqliteHandle(c.app.db).pragma('wal_checkpoint(TRUNCATE)');
    sqliteHandle(c.app.db).pragma('wal_autocheckpoint = 0');
    const n = 50;
    for (let i = 0; i < n; i++) c.call('createIncident', incidentInput(i));
    const walSize = statSync(`${path}-wal`).size;
    const pages = (walSize - 32) / (pageSize + 24) / n;
    const indexes = (table: string) =>
      (
        c.app.db
          .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND tbl_name = ?")
          .get(table) as { n: number }
      ).n;
    return {
      bytes: Math.round(walSize / n),
      pages,
      incidentIndexes: indexes('incidents'),
      journalIndexes: indexes('journal'),
    };
  } finally {
    c.app.close();
    removeDb(path);
  }
}

/** Where a create's CPU goes: statements prepared per call, and what one preparation costs. */
function createAnatomy(): { preparesPerCreate: number; prepareUs: number; referenceDayUs: number } {
  const path = file('anatomy.db');
  const c = openClient(path);
  try {
    const db = c.app.db;
    const prepare = db.prepare.bind(db);
    let prepares = 0;
    db.prepare = ((sql: string) => {
      prepares++;
      return prepare(sql);
    }) as typeof db.prepare;
    const n = 20;
    for (let i = 0; i < n; i++) c.call('createIncident', incidentInput(i));
    db.prepare = prepare;
    const sql = `INSERT INTO journal (seq, at, recorded_at, operator, desk, action, entity_type, entity_id, data, prev_hash, hash)
     VALUES (@seq, @at, @recorded_at, @operator, @desk, @action, @entity_type, @entity_id, @data, @prev_hash, @hash)`;
    const k = 2000;
    const prepareUs =
      (timed(() => {
        for (let i = 0; i < k; i++) prepare(sql);
      }) *
        1000) /
      k;
    const referenceDayUs =
      (timed(() => {
        for (let i = 0; i < k; i++) referenceDay(Date.now(), 'Europe/Paris');
      }) *
        1000) /
      k;
    return { preparesPerCreate: prepares / n, prepareUs, referenceDayUs };
  } finally {
    c.app.close();
    removeDb(path);
  }
}

const appendVia = (db: Db, i: number) => {
  const at = iso(Date.now());
  appendEntry(db, {
    at,
    recordedAt: at,
    operator: 'Bench Operator',
    desk: 'bench',
    action: 'unit.moved',
    entityType: 'unit',
    entityId: null,
    data: moveData(i),
  });
};

async function durableWrites(): Promise<DurableResult> {
  log(
    `durable writes: ${RUNS} runs of ${ROUNDS} × ${SLICE_MS} ms slices each, interleaved with the disk's write+fsync`,
  );
  const commit = walBytesPerCreate();
  const anatomy = createAnatomy();
  const vigie = openClient(file('create-vigie.db'));
  const plain = Object.fromEntries(
    DRIVERS.map((d) => [d, new PlainStore(open(d, file(`create-${d}.db`)), realTime)]),
  ) as Record<Driver, PlainStore>;
  const cpuVigie = openClient(file('cpu-vigie.db'));
  sqliteHandle(cpuVigie.app.db).pragma('synchronous = OFF');
  const cpuPlain = Object.fromEntries(
    DRIVERS.map((d) => {
      const sql = open(d, file(`cpu-${d}.db`));
      sql.exec('PRAGMA synchronous = OFF');
      return [d, new PlainStore(sql, realTime)];
    }),
  ) as Record<Driver, PlainStore>;
  const db = vigie.app.db;
  const disk = (bytes: number) => {
    const buf = Buffer.alloc(bytes, 0x5a);
    return () => diskWrite(buf);
  };
  try {
    const rate = await interleave(RUNS, ROUNDS, SLICE_MS, {
      disk: disk(256),
      diskCommit: disk(commit.bytes),
      vigie: (i) => vigie.call('createIncident', incidentInput(i)),
      better: (i) => plain['better-sqlite3'].createIncident(incidentInput(i)),
      node: (i) => plain['node:sqlite'].createIncident(incidentInput(i)),
      appendVigie: (i) => db.transaction(() => appendVia(db, i))(),
      appendBetter: (i) => plain['better-sqlite3'].appendDurable('unit.moved', moveData(i)),
      appendNode: (i) => plain['node:sqlite'].appendDurable('unit.moved', moveData(i)),
      cpuVigie: (i) => cpuVigie.call('createIncident', incidentInput(i)),
      cpuBetter: (i) => cpuPlain['better-sqlite3'].createIncident(incidentInput(i)),
      cpuNode: (i) => cpuPlain['node:sqlite'].createIncident(incidentInput(i)),
    });
    const out: DurableResult = {
      disk: rate.disk,
      diskCommit: rate.diskCommit,
      vigie: rate.vigie,
      plain: { 'better-sqlite3': rate.better, 'node:sqlite': rate.node },
      appendVigie: rate.appendVigie,
      appendPlain: { 'better-sqlite3': rate.appendBetter, 'node:sqlite': rate.appendNode },
      cpuVigie: rate.cpuVigie,
      cpuPlain: { 'better-sqlite3': rate.cpuBetter, 'node:sqlite': rate.cpuNode },
      commitBytes: commit.bytes,
      commitPages: commit.pages,
      incidentIndexes: commit.incidentIndexes,
      journalIndexes: commit.journalIndexes,
      ...anatomy,
    };
    out.vigie.forEach((v, run) =>
      log(
        `  run ${run + 1}: disk ${num(out.disk[run] ?? 0)}/s, commit-sized ${num(out.diskCommit[run] ?? 0)}/s, ` +
          `Vigie ${num(v)}/s, node:sqlite ${num(out.plain['node:sqlite'][run] ?? 0)}/s`,
      ),
    );
    return out;
  } finally {
    closeDiskFiles();
    vigie.app.close();
    cpuVigie.app.close();
    for (const d of DRIVERS) {
      plain[d].sql.close();
      cpuPlain[d].sql.close();
    }
  }
}

// ---- 2. bulk import ---------------------------------------------------------------------------

interface ImportResult {
  vigie: number[];
  plain: Record<Driver, number[]>;
}

function bulkImport(): ImportResult {
  log(`roster import of ${IMPORT_UNITS} units: ${RUNS} runs, each into a fresh database`);
  const csv = rosterCsv(IMPORT_UNITS);
  const out: ImportResult = { vigie: [], plain: { 'better-sqlite3': [], 'node:sqlite': [] } };
  for (let run = 0; run < RUNS; run++) {
    const vPath = file(`import-vigie-${run}.db`);
    const c = openClient(vPath);
    try {
      let imported = 0;
      out.vigie.push(
        timed(() => {
          const result = c.call('importRoster', { csv });
          if (result.rejected.length)
            throw new Error(`roster rejected: ${JSON.stringify(result.rejected[0])}`);
          imported = result.imported;
        }),
      );
      if (imported !== IMPORT_UNITS) throw new Error(`importRoster imported ${imported} of ${IMPORT_UNITS}`);
    } finally {
      c.app.close();
      removeDb(vPath);
    }
    for (const d of DRIVERS) {
      const path = file(`import-${d}-${run}.db`);
      const store = new PlainStore(open(d, path), realTime);
      try {
        out.plain[d].push(timed(() => store.importRoster(csv)));
      } finally {
        store.sql.close();
        removeDb(path);
      }
    }
  }
  return out;
}

// ---- 3. board queries -------------------------------------------------------------------------

interface Query {
  label: string;
  filter: BoardFilter;
}

const QUERIES: Query[] = [
  { label: 'Board as the console loads it: every open incident (limit 100,000)', filter: { limit: 100_000 } },
  {
    label: 'Filtered: priority 1–2, status new / acknowledged / dispatched',
    filter: { priorities: [1, 2], statuses: ['new', 'acknowledged', 'dispatched'] as IncidentStatus[] },
  },
  { label: 'Full-text: "colis"', filter: { text: 'colis' } },
  { label: 'Full-text, two words, accents folded: "pont iena"', filter: { text: 'pont iena' } },
];

interface QueryResult {
  label: string;
  rows: number;
  vigie: number[];
  plain: Record<Driver, number[]>;
}

function boardQueries(): QueryResult[] {
  log(`board queries over ${BOARD_INCIDENTS} incidents: building the fixture`);
  const path = file('board.db');
  const db = openDatabase(path);
  try {
    db.transaction(() => {
      const journal = new BulkJournal(db);
      const units = addUnits(db, journal, {
        count: 2_000,
        bbox: PARIS,
        at: '2024-07-26T10:00:00.000Z',
        seed: 3,
        prefix: 'BQ',
      });
      // The board reads incidents only: their journal entries would change nothing here.
      const incidents = addIncidents(db, null, {
        count: BOARD_INCIDENTS,
        bbox: PARIS,
        from: '2024-07-26T10:00:00.000Z',
        to: '2024-07-26T22:00:00.000Z',
        seed: 5,
      });
      const open = incidents.filter((i) => i.status === 'dispatched' || i.status === 'on_scene');
      addAssignments(
        db,
        journal,
        open
          .slice(0, 1_500)
          .map((inc, k) => ({ incidentId: inc.id, unitId: units[k] as string, at: inc.createdAt })),
      );
    })();
  } finally {
    db.close();
  }
  const vigie = openClient(path, { signIn: false });
  const plain = Object.fromEntries(
    DRIVERS.map((d) => [d, new PlainStore(open(d, path), realTime)]),
  ) as Record<Driver, PlainStore>;
  const results: QueryResult[] = [];
  try {
    for (const q of QUERIES) {
      const res: QueryResult = {
        label: q.label,
        rows: 0,
        vigie: [],
        plain: { 'better-sqlite3': [], 'node:sqlite': [] },
      };
      const vigieQuery = () => vigie.call('listIncidents', q.filter);
      // One warm-up each, and the row counts must agree.
      res.rows = vigieQuery().length;
      for (const d of DRIVERS) {
        const n = plain[d].board(q.filter).length;
        if (n !== res.rows) throw new Error(`${q.label}: Vigie ${res.rows} rows, ${d} ${n}`);
      }
      for (let run = 0; run < QUERY_RUNS; run++) {
        res.vigie.push(timed(() => void vigieQuery()));
        for (const d of DRIVERS) res.plain[d].push(timed(() => void plain[d].board(q.filter)));
      }
      log(`  ${q.label}: ${res.rows} rows, Vigie ${num(stat(res.vigie).median)} ms`);
      results.push(res);
    }
  } finally {
    vigie.app.close();
    for (const d of DRIVERS) plain[d].sql.close();
    removeDb(path);
  }
  return results;
}

// ---- 4. the journal ---------------------------------------------------------------------------

interface JournalResult {
  batchVigie: number[];
  batchPlain: Record<Driver, number[]>;
  buildMs: number;
  fileMb: number;
  verifyVigie: number[];
  verifyNode: number[];
}

function journalBench(): JournalResult {
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

// ---- the section ------------------------------------------------------------------------------

const VIGIE = 'Vigie (service, better-sqlite3)';
const PLAIN_B = 'Plain SQL, better-sqlite3';
const PLAIN_N = 'Plain SQL, node:sqlite';
const VS_NODE = 'Vigie ÷ node:sqlite (>1: Vigie faster)';

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

  const writes: Table = {
    title: 'Writes: Vigie beside its peers',
    head: ['Operation', VIGIE, PLAIN_B, PLAIN_N, VS_NODE],
    rows: [
      [
        'createIncident, durable',
        fig(stat(durable.vigie), '/s'),
        fig(stat(durable.plain['better-sqlite3']), '/s'),
        fig(stat(durable.plain['node:sqlite']), '/s'),
        times(createVsNode),
      ],
      [
        'Journal append, one durable transaction each',
        fig(stat(durable.appendVigie), '/s'),
        fig(stat(durable.appendPlain['better-sqlite3']), '/s'),
        fig(stat(durable.appendPlain['node:sqlite']), '/s'),
        times(appendVsNode),
      ],
      [
        `Journal append, ${num(BATCH_APPENDS, 0)} in one transaction`,
        fig(stat(journal.batchVigie), '/s'),
        fig(stat(journal.batchPlain['better-sqlite3']), '/s'),
        fig(stat(journal.batchPlain['node:sqlite']), '/s'),
        times(appendBatchVsNode),
      ],
      [
        `Roster import, ${num(IMPORT_UNITS, 0)} units (CSV parse, contingents, units, positions, journal; one transaction)`,
        fig(stat(imports.vigie), 'ms'),
        fig(stat(imports.plain['better-sqlite3']), 'ms'),
        fig(stat(imports.plain['node:sqlite']), 'ms'),
        times(importVsNode),
      ],
    ],
  };

  const board: Table = {
    title: `Board queries over ${num(BOARD_INCIDENTS, 0)} incidents (ms per query)`,
    head: ['Query', 'Rows', VIGIE, PLAIN_B, PLAIN_N, VS_NODE],
    rows: queries.map((q) => [
      q.label,
      num(q.rows, 0),
      fig(stat(q.vigie), 'ms'),
      fig(stat(q.plain['better-sqlite3']), 'ms'),
      fig(stat(q.plain['node:sqlite']), 'ms'),
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
  const prepareShare = durable.preparesPerCreate * durable.prepareUs;
  const diskUs = 1e6 / stat(durable.diskCommit).median;
  const pages =
    `A create writes the incident row and its ${durable.incidentIndexes} indexes, the FTS5 index, the daily ` +
    `reference counter and a journal row with its ${durable.journalIndexes} indexes: ${num(durable.commitPages, 1)} ` +
    `pages (${num(commitKb, 1)} KB) appended to the WAL, then one fsync; every ~1,000 WAL pages SQLite also ` +
    `checkpoints into the main file.`;
  const anatomy =
    `Without the fsync (synchronous=OFF: ${fig(stat(durable.cpuVigie), '/s')}) a create costs ${num(cpuUs, 0)} µs of CPU in Vigie, against ` +
    `${num(sqlUs, 0)} µs for the same statements on the same driver: SQLite's own work, and referenceDay building ` +
    `a new Intl.DateTimeFormat on every call (${num(durable.referenceDayUs, 0)} µs), are paid by both. The ` +
    `${num(Math.max(0, cpuUs - sqlUs), 0)} µs more are Vigie's layers: ${num(durable.preparesPerCreate, 0)} ` +
    `statements prepared afresh on every call (the store functions call db.prepare each time; ` +
    `${num(durable.prepareUs, 0)} µs each here, ${num(prepareShare, 0)} µs in all), zod validation, the ` +
    `operation's time zone read from the meta table, the created row read back and mapped, and its journal entry ` +
    `bound by name and returned as an object. A per-connection statement cache and one date formatter per time ` +
    `zone would take roughly ${num(prepareShare + durable.referenceDayUs, 0)} µs off each create.`;
  if (cpuUs > 2 * diskUs) {
    notes.push(
      `**Durable create runs at ${x(createVsCommit)} of the disk's write+fsync rate for a commit of the same size, ` +
        `and the disk is not what holds it back: the CPU is.** ${pages} The disk takes such a write and its fsync ` +
        `in ${num(diskUs, 0)} µs. ${anatomy} Past that, group commit (creates arriving within a few milliseconds written in one ` +
        `transaction, each caller answered after the shared fsync) would spread the fsync over several creates.`,
    );
  } else {
    notes.push(
      `Durable create runs at ${x(createVsCommit)} of the disk's own write+fsync rate for a commit of the same ` +
        `size: the fsync per transaction is the limit, as it should be with synchronous=FULL. ${pages} Against ` +
        `256-byte writes the ratio is ${x(createVsDisk)}: a create appends many pages, not a few bytes. ${anatomy} ` +
        `Only group commit (several creates per transaction, each caller answered after the shared fsync) could go ` +
        `faster without giving up synchronous=FULL.`,
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
      `**Roster import is ${x(importVsNode)} of node:sqlite's speed.** Vigie's import looks every callsign up, ` +
        `builds a Unit view for each, and re-prepares the insert and journal statements for each of the ${num(IMPORT_UNITS, 0)} ` +
        `units (three statements per row, plus the chain-head read); the plain peer prepares each statement once. ` +
        `Preparing once per import (or caching statements per connection) would close most of the gap.`,
    );
  }
  if (appendBatchVsPlainB.median < 0.9) {
    notes.push(
      `**Batched journal append is ${x(appendBatchVsPlainB)} of the same statements with prepared-once statements on ` +
        `better-sqlite3.** appendEntry prepares its two statements (chain head, insert) on every call, about half of ` +
        `the difference; the rest is the insert bound by name rather than by position, and the JournalEntry built ` +
        `for the caller. In a durable transaction this hides behind the fsync; in a batch (roster import, seeding) ` +
        `it is most of the cost. A per-connection statement cache in store/journal.ts would close most of it.`,
    );
  }
  const slowQueries = queries.filter((q) => speedup(q.vigie, q.plain['node:sqlite']).median < 0.9);
  if (slowQueries.length) {
    notes.push(
      `**Board queries through Vigie are slower than the bare statement** on ${slowQueries.length} of ${queries.length} queries ` +
        `(e.g. ${slowQueries[0]?.label}: ${times(speedup(slowQueries[0]?.vigie ?? [], slowQueries[0]?.plain['node:sqlite'] ?? []))}). ` +
        `The statement is the same; Vigie also validates the filter, maps each row into an Incident object, reads every ` +
        `active assignment to attach the units working each incident, and builds IncidentRow objects. The cost grows ` +
        `with the rows returned (every open incident for the unfiltered board, as the console loads it). Paging the board (a few hundred rows, more on scroll) ` +
        `and fetching assignments only for the returned incidents would close it.`,
    );
  }
  notes.push(
    `Verifying ${num(CHAIN, 0)} entries takes ${fig(stat(journal.verifyVigie.map((ms) => ms / 1000)), 's')} ` +
      `(${num(verifyRate.median, 0)} entries/s). openVigie verifies the whole chain before it serves, so a console ` +
      `opening a journal this long waits that long at start-up; verifying from a signed checkpoint (the hash at a ` +
      `known sequence, stored when the console closes cleanly) would make the start-up check incremental.` +
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
        `every contestant (the disk loops included) ${ROUNDS} turns of ${SLICE_MS} ms in rotation, and counts what it did; ` +
        `queries ${QUERY_RUNS} runs after a warm-up; ` +
        `the chain ${CHAIN_RUNS} runs. Ratios are taken run by run between measurements made side by side.`,
    ],
    tables: [disk, writes, board, chain],
    notes,
    facts,
    raw: { durable, imports, queries, journal },
  };
});
