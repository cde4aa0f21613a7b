// The room bench's section of BENCHMARKS.md: its tables, and the sentences that say why each
// figure is what it is, written from the figures themselves.
import { cpus } from 'node:os';
import type { Launch } from './console-launch.js';
import type { DeskReport } from './room-desks.js';
import type { Propagation } from './room-feed.js';
import type { Section, Table } from './section.js';
import { fig, num, percentile, ratio, stat, times, x, type Stat } from './stats.js';

interface Creates {
  vigie: number[];
  peer: number[];
  /** 8 kB write + fdatasync on the cluster's filesystem, in the same rotation. */
  disk: number[];
  statements: number;
  /** Of those, how many Vigie's bridge posts without waiting for their answer. */
  posted: number;
}

export interface RoomResults {
  creates: Creates;
  cpu: Creates;
  desks: { alone: DeskReport[][]; together: DeskReport[][]; chainEntries: number };
  feed: Record<'room' | 'file', Propagation[]>;
  consoles: Record<'room' | 'file', Launch[]>;
  settings: { runs: number; rounds: number; sliceMs: number; desks: number; deskSeconds: number };
}

interface Counts {
  deskRuns: number;
  feedWrites: number;
  feedRuns: number;
  consoleRuns: number;
}

/** One run of desks: total acknowledged writes per second, latency percentiles, errors. */
function deskRun(reports: DeskReport[], seconds: number) {
  const latencies = reports.flatMap((d) => d.latencies);
  return {
    writes: latencies.length,
    rate: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    errors: reports.reduce((n, d) => n + d.errors.length, 0),
  };
}

const ms = (s: Stat) => fig(s, 'ms');

/** A row of two series measured side by side, and their run-by-run ratio b ÷ a. */
const side = (label: string, a: number[], b: number[], unit: string): string[] => [
  label,
  fig(stat(a), unit),
  fig(stat(b), unit),
  times(ratio(b, a)),
];

export function roomSection(res: RoomResults, facts: Record<string, string>, n: Counts): Section {
  const { creates, cpu, settings } = res;
  const createRatio = ratio(creates.vigie, creates.peer);
  const cpuRatio = ratio(cpu.vigie, cpu.peer);
  const durableTable: Table = {
    title: `Durable createIncident on a room, one transaction each (${settings.runs} runs)`,
    head: ['Figure', 'Durable (fsync on, synchronous_commit on)', 'fsync off: CPU and round trips only'],
    rows: [
      [
        'Vigie (service): createIncident through dispatch, journaled, statements via the worker thread',
        fig(stat(creates.vigie), '/s'),
        fig(stat(cpu.vigie), '/s'),
      ],
      [
        `Bare postgres.js (async, one connection): the same ${creates.statements} statements, same SQL text`,
        fig(stat(creates.peer), '/s'),
        fig(stat(cpu.peer), '/s'),
      ],
      ['Vigie ÷ bare client (target ≥ 0.8)', times(createRatio), times(cpuRatio)],
      [
        "Disk: 8 kB write + fdatasync, same filesystem (a commit's WAL flush)",
        fig(stat(creates.disk), '/s'),
        '',
      ],
    ],
  };

  const alone = res.desks.alone.map((r) => deskRun(r, settings.deskSeconds));
  const together = res.desks.together.map((r) => deskRun(r, settings.deskSeconds));
  type DeskFigure = 'rate' | 'p50' | 'p95' | 'writes' | 'errors';
  const d = (runs: typeof alone, k: DeskFigure) => runs.map((r) => r[k]);
  const col = (runs: typeof alone, k: DeskFigure) => stat(d(runs, k));
  const scaling = ratio(d(together, 'rate'), d(alone, 'rate'));
  const desksTable: Table = {
    title: `${settings.desks} desks writing to one room at once: createIncident and moveUnit alternately, durable, ${settings.deskSeconds} s per run (${n.deskRuns} runs)`,
    head: [
      'Figure',
      '1 desk alone',
      `${settings.desks} desks together (one process each)`,
      'together ÷ alone',
    ],
    rows: [
      side('Acknowledged writes, all desks', d(alone, 'rate'), d(together, 'rate'), 'writes/s'),
      side('Latency per write, median', d(alone, 'p50'), d(together, 'p50'), 'ms'),
      side('Latency per write, 95th percentile', d(alone, 'p95'), d(together, 'p95'), 'ms'),
      ['Writes acknowledged per run', fig(col(alone, 'writes')), fig(col(together, 'writes')), ''],
      ['Writes that failed', fig(col(alone, 'errors')), fig(col(together, 'errors')), ''],
      [
        'Check afterwards',
        '',
        `chain unbroken (${num(res.desks.chainEntries, 0)} entries); one journal entry per acknowledged write, each run`,
        '',
      ],
    ],
  };

  const p = (k: 'room' | 'file', q: number, of: 'delays' | 'writes' = 'delays') =>
    res.feed[k].map((run) => percentile(run[of], q));
  const feedTable: Table = {
    title: `Desk A's write → desk B's event stream, ${n.feedWrites} writes per run (${n.feedRuns} runs)`,
    head: [
      'Figure (per run, then median over runs)',
      'Peer: one SQLite file, two hosts (B reads the head every 250 ms)',
      'Room: two hosts, LISTEN/NOTIFY',
      'room ÷ file (<1: room faster)',
    ],
    rows: [
      side("From A's answer to B's event, median", p('file', 50), p('room', 50), 'ms'),
      side(
        "From A's answer to B's event, 95th percentile (target on a room < 250 ms)",
        p('file', 95),
        p('room', 95),
        'ms',
      ),
      side("From A's answer to B's event, slowest", p('file', 100), p('room', 100), 'ms'),
      side(
        "A's createIncident over HTTP, median round trip",
        p('file', 50, 'writes'),
        p('room', 50, 'writes'),
        'ms',
      ),
    ],
  };

  const launch = (k: 'room' | 'file', m: keyof Launch) => res.consoles[k].map((l) => l[m]);
  const consoleRow = (label: string, m: keyof Launch) =>
    side(label, launch('file', m), launch('room', m), 'ms');
  const consoleTable: Table = {
    title: `The console on the seeded exercise, from spawning \`vigie serve\` (${n.consoleRuns} runs each)`,
    head: ['Milestone (from spawn)', '--db FILE', '--db postgres://…', 'room ÷ file (>1: slower)'],
    rows: [
      consoleRow('Host listening (URL printed)', 'listening'),
      consoleRow('First contentful paint', 'firstPaint'),
      consoleRow('Interactive board (unit row visible, click selects it)', 'interactive'),
    ],
  };

  // ---- why --------------------------------------------------------------------------------
  const notes: string[] = [];
  const perCreate = (rates: number[]) => 1e6 / stat(rates).median;
  const usV = perCreate(creates.vigie);
  const usP = perCreate(creates.peer);
  const usDisk = perCreate(creates.disk);
  const usVc = perCreate(cpu.vigie);
  const usPc = perCreate(cpu.peer);
  const flushUs = usV - usVc;
  const flushBound = flushUs > 0.5 * usV;
  const waited = creates.statements - creates.posted;
  const extra = (us: number) => (us >= 0 ? `${num(us, 0)} µs more` : `${num(-us, 0)} µs less`);
  notes.push(
    `**Durable create: Vigie runs at ${x(createRatio)} of the bare client** (target ≥ 0.8: ${createRatio.median >= 0.8 ? 'met' : 'not met'}): ` +
      `${num(usV / 1000, 2)} ms per create against ${num(usP / 1000, 2)} ms. Both send the same ${creates.statements} statements (the ` +
      `signed-in account's check; the operation's time zone read from meta; BEGIN; the day's reference counter raised; the ` +
      `journal's advisory lock and chain head; the incident insert, which makes the reference from the counter and returns the row ` +
      `as stored (RETURNING *: the answer, and the journal entry's after-image, with no read-back); the journal insert; pg_notify; ` +
      `COMMIT; then, for the answer's place name, the reference data's counter read: it has not moved since the first create, so ` +
      `the named places Vigie gathered then still serve), and both wait at COMMIT for ` +
      `PostgreSQL to flush its WAL. The bare client awaits each answer before sending the next statement: ${creates.statements} ` +
      `round trips. Vigie's bridge posts the ${creates.posted} statements of the transaction whose answer the service does not ` +
      `need yet (BEGIN, the counter, the lock, the chain head's read, whose rows it keeps, the journal insert, pg_notify) to the ` +
      `worker thread without waiting, and the worker sends each at once behind those in flight (postgres.js pipelines them on its ` +
      `one connection), so that they share the round trip of the next statement the main thread waits for: ${waited} waits (the ` +
      `account, the time zone, the insert, COMMIT and the counter's read after it). A posted statement that fails fails the ` +
      `transaction at the next wait or at COMMIT, with its own error ` +
      `(test/integration/room-pipeline.test.ts). In the same rotation on the cluster with fsync off (the commit waits for no disk) ` +
      `a create takes ${num(usVc / 1000, 2)} ms in Vigie and ${num(usPc / 1000, 2)} ms bare (${times(cpuRatio)}): the wait for ` +
      `the disk is about ${num(flushUs / 1000, 2)} ms of Vigie's create, ${flushBound ? 'most of it' : 'the smaller part'}, where ` +
      `the disk alone writes and fdatasyncs an 8 kB page in ${num(usDisk, 0)} µs: a commit flushes the transaction's whole WAL ` +
      `(the incident row, the journal row and their indexes, with full-page images after each checkpoint), and PostgreSQL's WAL ` +
      `writer and checkpointer can compete for the same disk and cores. Vigie takes ${extra(usV - usP)} per create than the bare ` +
      `client (${extra(usVc - usPc)} with fsync off), on ${cpus().length} cores shared by the client, PostgreSQL's backend and ` +
      `its WAL writer: the round trips it saves against its layers (zod validation, the row mapped into an Incident, the journal ` +
      `entry built as an object, the place name worked out, as on SQLite) and its synchronous bridge, where each waited statement ` +
      `is posted from the main thread to the worker and its answer posted back while the main thread sleeps on a shared flag: ` +
      `two thread hops and a structured clone each way, which the bare client does not pay, and which weigh more the busier the ` +
      `machine (each hop waits for a core). What is left to save: the counter's read after COMMIT, which could travel with ` +
      `the COMMIT (read ahead in the transaction); and the time zone's read, which needs a round trip of its own only because ` +
      `the day it gives is needed before the insert.`,
  );
  const rate = (runs: typeof alone) => stat(d(runs, 'rate')).median;
  const together95 = ms(col(together, 'p95'));
  notes.push(
    `**${settings.desks} desks together: ${num(rate(together), 0)} writes/s, ${x(scaling)} of one desk alone ` +
      `(${num(rate(alone), 0)} writes/s), p95 ${together95} per write against ${ms(col(alone, 'p95'))} alone.** Every write ` +
      `appends to the one journal chain, and appends are serialised by the advisory lock each takes (pg_advisory_xact_lock, held to ` +
      `the end of the transaction): from the lock to the end of COMMIT a desk holds every other desk's append, for two round trips ` +
      `in a createIncident (the lock sent with the chain head's read and the insert, which the bridge waits for; the journal ` +
      `insert and pg_notify sent with the COMMIT; a moveUnit has a third, reading the changed rows for the entry's after-images) ` +
      `and the commit's WAL flush, besides the main thread's work between them (the entry built and hashed). No two appends ever wait for the flush ` +
      `together, so PostgreSQL cannot group their commits, and the room's write rate is bounded by one lock holder at a time. ` +
      `The rest of each transaction runs in parallel, but on ${cpus().length} cores shared by ${settings.desks} Node processes, ` +
      `their worker threads and as many PostgreSQL backends, so a single desk already keeps the machine ` +
      `${scaling.median < 1.5 ? 'nearly busy: more desks add queueing (the latency) rather than throughput' : 'partly idle, and more desks fill it'}. ` +
      `What would let a room scale with its desks: a shorter critical section (the chain head kept in a one-row table updated in the ` +
      `same statement as the insert, and the lock taken as the last thing before COMMIT), and, past that, a chain that does not ` +
      `serialise commits (entries sequenced and hashed by one writer after commit, so that several desks' transactions share one ` +
      `flush). No acknowledged write was lost or doubled: after every run the chain verified and each desk's journal entries ` +
      `matched what it had been told.`,
  );
  const roomP95 = stat(p('room', 95)).median;
  const fileP50 = stat(p('file', 50)).median;
  notes.push(
    `**Propagation: p95 ${num(roomP95, 1)} ms on a room (target < 250 ms: ${roomP95 < 250 ? 'met' : 'not met'}), ` +
      `${num(stat(p('file', 95)).median, 0)} ms on a file.** On a room A's commit sends NOTIFY, which PostgreSQL delivers to B's ` +
      `LISTEN connection when the transaction commits, before A has even answered its client; B reads the new entries (one query ` +
      `through its worker) and writes the event, so B's event is often out within a millisecond of A's answer (a median of ` +
      `${num(stat(p('room', 50)).median, 2)} ms). On a file B cannot be told: it reads the journal's head every 250 ms, so a change ` +
      `waits for B's next read, ${num(fileP50, 0)} ms at the median and up to the whole period. A wake-up between hosts on one file ` +
      `(a watch on the WAL file, or a local socket) would bring a file close to the room's figure. A's own write takes longer on ` +
      `a room (${x(ratio(p('room', 50, 'writes'), p('file', 50, 'writes')))} of the file's round trip), as in the first table.`,
  );
  const consoleRatio = ratio(launch('room', 'interactive'), launch('file', 'interactive'));
  const listenGap = stat(launch('room', 'listening')).median - stat(launch('file', 'listening')).median;
  const consoleVerdict =
    consoleRatio.median > 1.1
      ? `**The console becomes interactive later on a room (${times(consoleRatio)}).**`
      : consoleRatio.median < 0.9
        ? `**The console becomes interactive sooner on a room (${times(consoleRatio)}), within the runs' spread.**`
        : `**The console becomes interactive as soon on a room as on a file (${times(consoleRatio)}).**`;
  notes.push(
    `${consoleVerdict} The host listens ${num(Math.abs(listenGap), 0)} ms ${listenGap >= 0 ? 'later' : 'sooner'} on a room, ` +
      `a difference of the machine's load only: \`vigie serve\` listens and serves the page before it opens the database ` +
      `(host/early.ts). Then, on a room, it starts the worker thread and connects, checks the schema and the journal from its ` +
      `checkpoint through the bridge, and opens a second connection for LISTEN; on a file it opens the file, runs SQLite's ` +
      `optimize and checks the journal in-process; the console's calls wait for that. The console's first calls (getSession, ` +
      `listUnits, listIncidentPage, …) ` +
      `then answer over the bridge on a room, a round trip per statement, but they are few; most of the time to an interactive ` +
      `board is the same on both: fetching and running the renderer's JavaScript and the map's WebGL start on SwiftShader, on ` +
      `the same ${cpus().length} cores.`,
  );

  return {
    order: 5,
    title: '5. Room (PostgreSQL)',
    intro: [
      `A throwaway PostgreSQL cluster (test/support/pg-cluster.ts with \`durable: true\`: fsync on, synchronous_commit on; ` +
        `settings read back in the header) on loopback, its data on the same filesystem as the store's files. Vigie runs its ` +
        `real code: \`openVigie(...).handlers\` through \`dispatch\`, its statements sent by the worker thread's postgres.js ` +
        `connection (electron/store/pg/bridge.ts). Durable creates: the peer is postgres.js used directly (async, one connection) ` +
        `sending the statements captured from Vigie's bridge during one createIncident, with the same SQL text and $n ` +
        `parameters, in a transaction; both write into the same database and chain, in rotation, ${settings.rounds} turns of ` +
        `${settings.sliceMs} ms each per run, ${settings.runs} runs; the same again on a second cluster with fsync off. Desks: ` +
        `each desk is its own Node process (this bench's bundle run as a desk) opening the seeded room with openVigie and its own ` +
        `connection, signed in as its desk; once every desk is open (four at a time), all write createIncident and moveUnit (of ` +
        `its own units) alternately for ${settings.deskSeconds} s; the peer is one desk alone for as long, just before. Propagation: two \`vigie serve\` on one database (the e2e ` +
        `harness's \`serve\`), a client reading B's /events, ${n.feedWrites} incidents created through A's POST /api/createIncident ` +
        `with a random 20–270 ms between them (so that on a file they fall anywhere in the 250 ms polling cycle), each timed from A's answer to the journal event naming it on B's stream; on a room and, ` +
        `alternately, on one SQLite file. Console: the console bench's launch (spawn \`vigie serve\`, first paint, a click ` +
        `selecting the first unit row) on the seeded exercise, from a file and from a room, alternately.`,
    ],
    tables: [durableTable, desksTable, feedTable, consoleTable],
    notes,
    facts,
    raw: res,
  };
}
