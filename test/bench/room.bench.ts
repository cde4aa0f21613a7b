// Room: Vigie on PostgreSQL. Durable createIncident through Vigie's services against the bare
// postgres.js client sending the same statements; 20 desks (processes) writing to one room at
// once; a change's way from desk A to desk B's event stream (room and file); the console's load on
// a room against a file. The cluster is a throwaway one with fsync on (test/support/pg-cluster.ts).
import { closeSync, copyFileSync, existsSync, fdatasyncSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openVigie } from '../../electron/services/app.js';
import { openDatabase } from '../../electron/store/db.js';
import { verifyChain } from '../../electron/store/journal.js';
import { startPgCluster, type PgCluster } from '../support/pg-cluster.js';
import { launch, serveTracked } from './lib/browser.js';
import { launchConsole, type Launch } from './lib/console-launch.js';
import { rng } from './lib/fixture.js';
import { paths } from './lib/paths.js';
import { benchIncident, type NewIncidentInput } from './lib/plain.js';
import { checkRoom, DESK_ENV, deskMain, runDesks, type DeskReport } from './lib/room-desks.js';
import { interleave } from './lib/interleave.js';
import { capture, createStatements, PgPeer } from './lib/room-durable.js';
import { propagation, type Propagation } from './lib/room-feed.js';
import { roomSection, type RoomResults } from './lib/room-section.js';
import { log, runBench, scale } from './lib/section.js';
import { seededExercise } from './lib/seeded.js';
import { num, percentile } from './lib/stats.js';
import { onExit, tempDir } from './lib/temp.js';
import { openClient } from './lib/vigie.js';

const RUNS = scale(5, 3);
const ROUNDS = scale(10, 4);
const SLICE_MS = scale(120, 60);
const DESKS = scale(20, 4);
const DESK_SECONDS = scale(8, 3);
const DESK_RUNS = scale(3, 2);
const FEED_WRITES = scale(100, 30);
const FEED_RUNS = scale(3, 2);
const CONSOLE_RUNS = scale(3, 2);

// The bridge finds the PostgreSQL worker beside the bundle that imports it: this one.
const workerCopy = join(dirname(fileURLToPath(import.meta.url)), 'pg-worker.mjs');
if (!existsSync(workerCopy)) copyFileSync(join(paths.root, 'dist', 'node', 'pg-worker.mjs'), workerCopy);

const r = rng(11);
const incident = (i: number): NewIncidentInput => benchIncident(r, i);

async function cluster(durable: boolean): Promise<PgCluster> {
  const c = await startPgCluster({ durable });
  onExit(() => c.close());
  return c;
}

/** A room with the seeded exercise, as a console finds it after its first start. */
function seededRoom(c: PgCluster, prefix: string): string {
  const url = c.createDatabase(prefix);
  openVigie({ dbPath: url, resourcesDir: paths.resources }).close();
  return url;
}

function checkChain(url: string): number {
  const db = openDatabase(url);
  try {
    const chain = verifyChain(db);
    if (!chain.ok) throw new Error(`room chain broken: ${chain.reason}`);
    return chain.entries;
  } finally {
    db.close();
  }
}

/** The disk's own pace for a commit: one 8 kB WAL page written and fdatasync'ed (PostgreSQL's method). */
function diskLoop(dir: string): { write: () => void; close: () => void } {
  const fd = openSync(join(dir, 'wal-like.bin'), 'w+');
  const page = Buffer.alloc(8192, 7);
  let offset = 0;
  return {
    write() {
      writeSync(fd, page, 0, page.length, offset);
      fdatasyncSync(fd);
      offset = (offset + page.length) % (16 * 1024 * 1024);
    },
    close: () => closeSync(fd),
  };
}

/** Vigie and the bare client on a new database of `c`, the statements captured, both warmed up. */
async function contestants(c: PgCluster) {
  const url = c.createDatabase('creates');
  const vigie = openClient(url);
  // Captured after one create, as every later one runs: the place names' candidates already kept.
  vigie.call('createIncident', incident(0));
  const statements = createStatements(capture(vigie, () => vigie.call('createIncident', incident(1))));
  const peer = new PgPeer(url, statements);
  for (let i = 2; i <= 20; i++) {
    vigie.call('createIncident', incident(i));
    await peer.createIncident(incident(i));
  }
  return {
    statements: statements.length,
    posted: statements.filter((st) => st.posted).length,
    vigie: (i: number) => void vigie.call('createIncident', incident(i)),
    peer: (i: number) => peer.createIncident(incident(i)),
    async close() {
      // Both wrote into one chain, under the same lock: it must still verify.
      checkChain(url);
      vigie.app.close();
      await peer.close();
    },
  };
}

/**
 * 1. createIncident, Vigie against the bare client, on the durable cluster and on the fsync-off one,
 * with the disk's own flush: all five in one rotation, so that their figures are comparable run by run.
 */
async function durableCreates(durable: PgCluster, fast: PgCluster, dir: string) {
  const d = await contestants(durable);
  const f = await contestants(fast);
  const disk = diskLoop(dir);
  try {
    const rates = await interleave(RUNS, ROUNDS, SLICE_MS, {
      vigie: d.vigie,
      peer: d.peer,
      vigieFast: f.vigie,
      peerFast: f.peer,
      disk: () => disk.write(),
    });
    return {
      creates: {
        vigie: rates.vigie,
        peer: rates.peer,
        disk: rates.disk,
        statements: d.statements,
        posted: d.posted,
      },
      cpu: {
        vigie: rates.vigieFast,
        peer: rates.peerFast,
        disk: rates.disk,
        statements: f.statements,
        posted: f.posted,
      },
    };
  } finally {
    disk.close();
    await d.close();
    await f.close();
  }
}

/** 2. One desk alone, then DESKS desks together, each run on the same seeded room. */
async function desksTogether(c: PgCluster) {
  const url = seededRoom(c, 'desks');
  const alone: DeskReport[][] = [];
  const together: DeskReport[][] = [];
  for (let run = 1; run <= DESK_RUNS; run++) {
    for (const [n, into] of [
      [1, alone],
      [DESKS, together],
    ] as const) {
      const tag = `r${run}n${n}`;
      const reports = await runDesks(url, tag, n, DESK_SECONDS);
      checkRoom(url, tag, reports);
      into.push(reports);
      const writes = reports.reduce((k, d) => k + d.creates + d.moves, 0);
      const p95 = percentile(
        reports.flatMap((d) => d.latencies),
        95,
      );
      log(`  run ${run}, ${n} desk(s): ${num(writes / DESK_SECONDS, 0)} writes/s, p95 ${num(p95, 1)} ms`);
    }
  }
  return { alone, together, chainEntries: checkChain(url) };
}

/** 3. Desk A → desk B's /events, on a room and on one SQLite file, run by run. */
async function propagationBoth(c: PgCluster, dir: string) {
  const roomUrl = seededRoom(c, 'feed');
  const file = seededExercise(dir).path;
  const hosts = {
    room: [await serveTracked(roomUrl), await serveTracked(roomUrl)] as const,
    file: [await serveTracked(file), await serveTracked(file)] as const,
  };
  const out: Record<'room' | 'file', Propagation[]> = { room: [], file: [] };
  try {
    for (let run = 0; run < FEED_RUNS; run++) {
      for (const k of ['room', 'file'] as const) {
        const [a, b] = hosts[k];
        out[k].push(await propagation(a, b, FEED_WRITES, 100 + run));
        const d = out[k][run]?.delays ?? [];
        log(
          `  run ${run + 1}, ${k}: p50 ${num(percentile(d, 50), 1)} ms, p95 ${num(percentile(d, 95), 1)} ms`,
        );
      }
    }
  } finally {
    for (const h of [...hosts.room, ...hosts.file]) await h.stop();
  }
  return out;
}

/** 4. The console's load on the seeded exercise, from a file and from a room, alternately. */
async function consoleLoads(c: PgCluster, dir: string) {
  const file = seededExercise(dir).path;
  const room = seededRoom(c, 'console');
  const browser = await launch();
  const offMachine: string[] = [];
  const out: Record<'room' | 'file', Launch[]> = { room: [], file: [] };
  try {
    for (let run = 0; run < CONSOLE_RUNS; run++) {
      out.file.push(await launchConsole(browser, file, offMachine));
      out.room.push(await launchConsole(browser, room, offMachine));
      log(
        `  run ${run + 1}: interactive file ${num(out.file[run]?.interactive ?? NaN, 0)} ms, room ${num(out.room[run]?.interactive ?? NaN, 0)} ms`,
      );
    }
  } finally {
    await browser.close();
  }
  if (offMachine.length) throw new Error(`requests left the machine: ${offMachine.slice(0, 5).join(', ')}`);
  return out;
}

async function main() {
  const dir = tempDir('vigie-bench-room-');
  log('room: a durable PostgreSQL cluster (fsync on), and one with fsync off for the CPU figures');
  const durable = await cluster(true);
  const fast = await cluster(false);
  const setting = (name: string) => durable.psql('postgres', `SHOW ${name}`).trim();
  const facts = {
    PostgreSQL: `${durable.psql('postgres', 'SHOW server_version').trim()} (fsync=${setting('fsync')}, synchronous_commit=${setting('synchronous_commit')}, wal_sync_method=${setting('wal_sync_method')}, full_page_writes=${setting('full_page_writes')}; data in ${durable.dir.replace(/[^/]+$/, '')})`,
  };

  log('room: durable createIncident, Vigie and the bare client');
  const { creates, cpu } = await durableCreates(durable, fast, dir);
  fast.stop();

  log(`room: ${DESKS} desks writing together for ${DESK_SECONDS} s`);
  const desks = await desksTogether(durable);

  log('room: desk A → desk B propagation, room and file');
  const feed = await propagationBoth(durable, dir);

  log('room: console load, file and room');
  const consoles = await consoleLoads(durable, dir);

  const results: RoomResults = {
    creates,
    cpu,
    desks,
    feed,
    consoles,
    settings: { runs: RUNS, rounds: ROUNDS, sliceMs: SLICE_MS, desks: DESKS, deskSeconds: DESK_SECONDS },
  };
  return roomSection(results, facts, {
    deskRuns: DESK_RUNS,
    feedWrites: FEED_WRITES,
    feedRuns: FEED_RUNS,
    consoleRuns: CONSOLE_RUNS,
  });
}

if (process.env[DESK_ENV])
  deskMain().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
else runBench(main);
