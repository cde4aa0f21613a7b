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
  statements: number;
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
    ],
  };

  const alone = res.desks.alone.map((r) => deskRun(r, settings.deskSeconds));
  const together = res.desks.together.map((r) => deskRun(r, settings.deskSeconds));
  const col = (runs: typeof alone, k: 'rate' | 'p50' | 'p95' | 'writes' | 'errors') =>
    stat(runs.map((r) => r[k]));
  const scaling = ratio(
    together.map((r) => r.rate),
    alone.map((r) => r.rate),
  );
  const desksTable: Table = {
    title: `${settings.desks} desks writing to one room at once: createIncident and moveUnit alternately, durable, ${settings.deskSeconds} s per run (${n.deskRuns} runs)`,
    head: [
      'Figure',
      '1 desk alone',
      `${settings.desks} desks together (one process each)`,
      'together ÷ alone',
    ],
    rows: [
      [
        'Acknowledged writes, all desks',
        fig(col(alone, 'rate'), 'writes/s'),
        fig(col(together, 'rate'), 'writes/s'),
        times(scaling),
      ],
      [
        'Latency per write, median',
        ms(col(alone, 'p50')),
        ms(col(together, 'p50')),
        times(
          ratio(
            together.map((r) => r.p50),
            alone.map((r) => r.p50),
          ),
        ),
      ],
      [
        'Latency per write, 95th percentile',
        ms(col(alone, 'p95')),
        ms(col(together, 'p95')),
        times(
          ratio(
            together.map((r) => r.p95),
            alone.map((r) => r.p95),
          ),
        ),
      ],
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
      'Room: two hosts, LISTEN/NOTIFY',
      'Peer: one SQLite file, two hosts (B reads the head every 250 ms)',
      'room ÷ file (<1: room faster)',
    ],
    rows: [
      [
        "From A's answer to B's event, median",
        ms(stat(p('room', 50))),
        ms(stat(p('file', 50))),
        times(ratio(p('room', 50), p('file', 50))),
      ],
      [
        "From A's answer to B's event, 95th percentile (target < 250 ms)",
        ms(stat(p('room', 95))),
        ms(stat(p('file', 95))),
        times(ratio(p('room', 95), p('file', 95))),
      ],
      ["From A's answer to B's event, slowest", ms(stat(p('room', 100))), ms(stat(p('file', 100))), ''],
      [
        "A's createIncident over HTTP, median round trip",
        ms(stat(p('room', 50, 'writes'))),
        ms(stat(p('file', 50, 'writes'))),
        times(ratio(p('room', 50, 'writes'), p('file', 50, 'writes'))),
      ],
    ],
  };

  const launch = (k: 'room' | 'file', m: keyof Launch) => res.consoles[k].map((l) => l[m]);
  const consoleRow = (label: string, m: keyof Launch) => [
    label,
    ms(stat(launch('file', m))),
    ms(stat(launch('room', m))),
    times(ratio(launch('room', m), launch('file', m))),
  ];
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
  const usV = 1e6 / stat(cpu.vigie).median;
  const usP = 1e6 / stat(cpu.peer).median;
  const usDurable = 1e6 / stat(creates.vigie).median;
  notes.push(
    `**Durable create: Vigie runs at ${x(createRatio)} of the bare client** (target ≥ 0.8: ${createRatio.median >= 0.8 ? 'met' : 'not met'}). ` +
      `Both send the same ${creates.statements} statements (the meta read of the time zone; BEGIN; the daily reference counter; the ` +
      `incident insert and its read-back; the journal's advisory lock, chain head and insert; pg_notify; COMMIT), each a round trip ` +
      `to the server, and both wait at COMMIT for PostgreSQL to flush its WAL (fsync on, synchronous_commit on): ` +
      `${num(usDurable / 1000, 2)} ms per create in Vigie. With fsync off the commit no longer waits for the disk and what is left is CPU and ` +
      `round trips: ${num(usV, 0)} µs per create in Vigie against ${num(usP, 0)} µs for the bare client (${x(cpuRatio)}). ` +
      `Vigie's extra ${num(Math.max(0, usV - usP), 0)} µs are its layers (zod validation, mapping the row into an Incident, the journal ` +
      `entry built as an object, as on SQLite) and its synchronous bridge: every statement is posted from the main thread to the worker ` +
      `thread, which hands it to postgres.js, and the answer is posted back while the main thread sleeps on a shared flag; the bare ` +
      `client skips both hops and can have its next statement written before the last answer is parsed. Sending the transaction's ` +
      `statements to the worker as one batch (one hop, the worker running them in order) would take most of the bridge's share off.`,
  );
  const aloneRate = stat(alone.map((r) => r.rate)).median;
  const togetherRate = stat(together.map((r) => r.rate)).median;
  notes.push(
    `**${settings.desks} desks together write ${num(togetherRate, 0)} writes/s, ${x(scaling)} of one desk alone ` +
      `(${num(aloneRate, 0)} writes/s).** Every write appends to the one journal chain, and the chain is serialised by the advisory lock ` +
      `(pg_advisory_xact_lock) each append takes: the lock is held from the chain-head read to the end of COMMIT, WAL flush included, ` +
      `so the desks' appends queue one behind the other, each waiting for the previous one's fsync; PostgreSQL's group commit cannot ` +
      `gather them, because no two journal appends are ever waiting for the flush together. What the desks do in parallel is the rest ` +
      `of each transaction (validation, the incident or unit row, the position fix), on the machine's ${cpus().length} cores shared by ` +
      `${settings.desks} Node processes and their PostgreSQL backends. Hence the latency: a desk's write waits its turn behind the ` +
      `others (p95 ${ms(stat(together.map((r) => r.p95)))} against ${ms(stat(alone.map((r) => r.p95)))} alone). ` +
      `Taking the lock later (the journal row written last, just before COMMIT, as now, but with the incident's own statements first) ` +
      `does not shorten the flush; a chain that tolerates group commit would: appends queued in one writer per room, or the hash ` +
      `chained at commit by a single sequencer, so that several desks' entries share one fsync. No acknowledged write was lost or ` +
      `doubled, and the chain verified after every run.`,
  );
  const roomP95 = stat(p('room', 95)).median;
  notes.push(
    `**Propagation: p95 ${num(roomP95, 1)} ms on a room (target < 250 ms: ${roomP95 < 250 ? 'met' : 'not met'}), ` +
      `${num(stat(p('file', 95)).median, 1)} ms on a file.** On a room the commit on A sends NOTIFY, which PostgreSQL delivers to B's ` +
      `LISTEN connection as the transaction commits; B reads the new entries (one query through its worker) and writes the event. ` +
      `Often B's event is out before A's HTTP answer has reached the client (a delay below zero). On a file, B has no way to ` +
      `be told: it reads the journal's head every 250 ms, so a change waits on average half that period, at worst all of it. ` +
      `A shared notification for files (a watch on the WAL file, or a local socket between hosts) would bring a file to the room's figure.`,
  );
  const consoleRatio = ratio(launch('room', 'interactive'), launch('file', 'interactive'));
  const listenGap = stat(launch('room', 'listening')).median - stat(launch('file', 'listening')).median;
  notes.push(
    `**The console is interactive ${x(consoleRatio)} as late on a room as on a file.** Host start-up takes ` +
      `${num(listenGap, 0)} ms more on a room: the PostgreSQL worker thread is started and connects, the schema check and the journal ` +
      `chain verification run statement by statement through it, and the host opens a second connection for LISTEN. After that the ` +
      `console's first calls (getSession, listUnits, listIncidents, …) each go through the bridge, a round trip per statement ` +
      `instead of a read from the file's pages in the same process; the rest (loading and running the renderer, the map's ` +
      `WebGL start on SwiftShader) is the same on both and most of the time.`,
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
        `each desk is its own Node process (this bench's bundle run as a desk), opening the seeded room with openVigie and its own ` +
        `connection, signed in as its desk, writing createIncident and moveUnit (its own units) alternately until a shared ` +
        `deadline; the peer is one desk alone for as long, just before. Propagation: two \`vigie serve\` on one database (the e2e ` +
        `harness's \`serve\`), a client reading B's /events, ${n.feedWrites} incidents created through A's POST /api/createIncident ` +
        `with 20–60 ms between them, each timed from A's answer to the journal event naming it on B's stream; on a room and, ` +
        `alternately, on one SQLite file. Console: the console bench's launch (spawn \`vigie serve\`, first paint, a click ` +
        `selecting the first unit row) on the seeded exercise, from a file and from a room, alternately.`,
    ],
    tables: [durableTable, desksTable, feedTable, consoleTable],
    notes,
    facts,
    raw: res,
  };
}
