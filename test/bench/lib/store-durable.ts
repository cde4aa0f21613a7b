// Durable creates and appends against the disk's own write+fsync rate, with where a create's time goes.
import { closeSync, fsyncSync, openSync, statSync, writeSync } from 'node:fs';
import { sqliteHandle } from '../../../electron/store/sqlite.js';
import { referenceDay } from '../../../shared/reference.js';
import { realTime } from '../../../shared/clock.js';
import { PlainStore } from './plain.js';
import { open, type Driver } from './sql.js';
import { log, scale } from './section.js';
import { num, timed } from './stats.js';
import { openClient } from './vigie.js';
import { interleave } from './interleave.js';
import { appendVia, DRIVERS, file, incidentInput, moveData, removeDb, RUNS } from './store-setup.js';

/** Each durable contestant runs for this long, ROUNDS times per run. */
export const SLICE_MS = scale(120, 40);

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

export interface DurableResult {
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
  statementsPerCreate: number;
  preparesPerCreate: number;
  prepareUs: number;
  referenceDayUs: number;
}

export const ROUNDS = 10;

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

/**
 * Where a create's CPU goes: statements a create asks for, how many of them are really prepared
 * (the connection's cache misses) after the first create, what one preparation costs, and what
 * referenceDay costs.
 */
function createAnatomy(): {
  statementsPerCreate: number;
  preparesPerCreate: number;
  prepareUs: number;
  referenceDayUs: number;
} {
  const path = file('anatomy.db');
  const c = openClient(path);
  try {
    const db = c.app.db;
    const raw = sqliteHandle(db);
    c.call('createIncident', incidentInput(0));
    const prepare = db.prepare.bind(db);
    const rawPrepare = raw.prepare.bind(raw);
    let statements = 0;
    let prepares = 0;
    db.prepare = ((sql: string) => {
      statements++;
      return prepare(sql);
    }) as typeof db.prepare;
    raw.prepare = ((sql: string) => {
      prepares++;
      return rawPrepare(sql);
    }) as typeof raw.prepare;
    const n = 20;
    for (let i = 1; i <= n; i++) c.call('createIncident', incidentInput(i));
    db.prepare = prepare;
    raw.prepare = rawPrepare;
    const sql = `INSERT INTO journal (seq, at, recorded_at, operator, role, desk, action, entity_type, entity_id, data, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
    const k = 2000;
    const prepareUs =
      (timed(() => {
        for (let i = 0; i < k; i++) rawPrepare(sql);
      }) *
        1000) /
      k;
    const referenceDayUs =
      (timed(() => {
        for (let i = 0; i < k; i++) referenceDay(Date.now(), 'Europe/Paris');
      }) *
        1000) /
      k;
    return {
      statementsPerCreate: statements / n,
      preparesPerCreate: prepares / n,
      prepareUs,
      referenceDayUs,
    };
  } finally {
    c.app.close();
    removeDb(path);
  }
}

export async function durableWrites(): Promise<DurableResult> {
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
    const rate = await interleave(
      RUNS,
      ROUNDS,
      SLICE_MS,
      {
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
      },
      { shuffle: true },
    );
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
