// A tracking gateway's update: every unit that moved in the last second, sent as one moveUnits call
// (one durable transaction, a fix and a unit.moved entry per unit) against the same moves sent one
// moveUnit call each (a transaction and an fsync each), and the disk's own write+fsync rate, side by
// side in one run. Vigie runs its real code: openVigie's handlers through dispatch, on a file with
// synchronous=FULL, 1,000 units imported from a roster.
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Unit } from '../../shared/domain.js';
import { interleave } from './lib/interleave.js';
import { log, runBench, scale } from './lib/section.js';
import { fig, num, ratio, stat, x } from './lib/stats.js';
import { tempDir } from './lib/temp.js';
import { openClient } from './lib/vigie.js';

/** Units the batches move; as many again are moved by the single calls (never the same rows). */
const UNITS = 1000;
const BATCHES = [100, 1000] as const;
const RUNS = scale(5, 2);
const ROUNDS = scale(8, 3);
const SLICE_MS = scale(150, 50);
const TARGET = 2000;

const roster = (n: number) =>
  'callsign,country,agency,kind,personnel,status,languages,lat,lon\n' +
  Array.from(
    { length: n },
    (_, i) =>
      `GW-${String(i).padStart(4, '0')},FR,Gendarmerie,patrol,4,available,fr,${(48.85 + (i % 40) / 2000).toFixed(5)},${(2.3 + Math.floor(i / 40) / 2000).toFixed(5)}`,
  ).join('\n') +
  '\n';

runBench(async () => {
  const dir = tempDir('vigie-bench-moves-');
  const c = openClient(join(dir, 'moves.db'), { seed: true }); // the exercise: an operation to import into
  const imported = c.call('importRoster', { csv: roster(2 * UNITS), dryRun: false });
  if (imported.rejected.length) throw new Error(`roster: ${JSON.stringify(imported.rejected[0])}`);
  const all = c
    .call('listUnits', {})
    .filter((u) => u.callsign.startsWith('GW-'))
    .sort((a, b) => a.callsign.localeCompare(b.callsign));
  if (all.length !== 2 * UNITS) throw new Error(`expected ${2 * UNITS} units, found ${all.length}`);
  const units = all.slice(0, UNITS);
  const own = all.slice(UNITS);
  const versions = new Map(own.map((u) => [u.id, u.version]));
  // Each move nudges the unit a few metres: a walk, so every write changes the row.
  const spot = (u: Unit, i: number) => ({
    lat: (u.lat ?? 48.85) + ((i % 7) - 3) / 1e5,
    lon: (u.lon ?? 2.3) + ((i % 5) - 2) / 1e5,
  });
  const fd = openSync(join(dir, 'fsync.bin'), 'w+');
  const page = Buffer.alloc(4096, 0x5a);
  log(`moves: ${RUNS} runs of ${ROUNDS} × ${SLICE_MS} ms slices; ${UNITS} units`);
  const calls: Record<string, number[]> = await interleave(RUNS, ROUNDS, SLICE_MS, {
    disk: () => {
      writeSync(fd, page, 0, page.length, 0);
      fsyncSync(fd);
    },
    single: (i: number) => {
      const u = own[i % UNITS] as Unit;
      const moved = c.call('moveUnit', {
        id: u.id,
        version: versions.get(u.id) ?? 0,
        ...spot(u, i),
        source: 'report',
      });
      versions.set(u.id, moved.version);
    },
    ...Object.fromEntries(
      BATCHES.map((n) => [
        `batch${n}`,
        (i: number) => {
          const from = (i * n) % UNITS;
          const moves = Array.from({ length: n }, (_, k) => {
            const u = units[(from + k) % UNITS] as Unit;
            return { id: u.id, ...spot(u, i + k) };
          });
          c.call('moveUnits', { source: 'tracker', moves });
        },
      ]),
    ),
  });
  closeSync(fd);
  const moves: Record<string, number[]> = {
    single: calls.single ?? [],
    ...Object.fromEntries(BATCHES.map((n) => [`batch${n}`, (calls[`batch${n}`] ?? []).map((r) => r * n)])),
  };
  const verified = c.call('verify', {});
  if (!verified.ok) throw new Error('journal chain broken after the moves');
  c.app.close();
  const big = moves[`batch${BATCHES[BATCHES.length - 1]}`] ?? [];
  const target = big.map(() => TARGET);
  return {
    order: 6,
    title: '6. A tracking gateway’s update',
    intro: [
      `The seeded exercise in a file (WAL, synchronous=FULL) and ${num(2 * UNITS, 0)} more units imported from a roster: ${num(UNITS, 0)} moved by the batches, the other ${num(UNITS, 0)} by the single calls. Each run gives every contestant ` +
        `${ROUNDS} turns of ${SLICE_MS} ms in rotation (${RUNS} runs): one moveUnit call per move (its own transaction ` +
        `and fsync), moveUnits with ${BATCHES.map((n) => num(n, 0)).join(' and ')} moves per call (one transaction ` +
        `each), and the disk's own 4 KB write+fsync. Every call goes through dispatch as the transports do; each move ` +
        `writes the unit row, a fix in its history and its own unit.moved journal entry. The chain is verified after.`,
    ],
    tables: [
      {
        title: 'Durable unit moves',
        head: ['Contestant', 'Moves (or writes) per second', `÷ target ${num(TARGET, 0)}/s`],
        rows: [
          ['Disk: 4 KB write + fsync', fig(stat(calls.disk ?? []), '/s'), ''],
          [
            'moveUnit, one call (one transaction) per move',
            fig(stat(moves.single ?? []), '/s'),
            x(ratio(moves.single ?? [], target)),
          ],
          ...BATCHES.map((n) => [
            `moveUnits, ${num(n, 0)} moves per call`,
            fig(stat(moves[`batch${n}`] ?? []), '/s'),
            x(ratio(moves[`batch${n}`] ?? [], target)),
          ]),
        ],
      },
    ],
    notes: [
      `A batch of ${num(BATCHES[BATCHES.length - 1] ?? 0, 0)} moves runs at ${x(ratio(big, moves.single ?? []))} the rate of ` +
        `single calls: one fsync for the whole batch instead of one per move, so what is left is the CPU of each ` +
        `move (the unit read, its update, the fix, the journal entry with its SHA-256 link). One entry per unit, ` +
        `not one summarised entry, keeps each unit's track in the journal, which a replay and the after-action ` +
        `report read, and keeps a unit's history found by its id.`,
    ],
    raw: { calls, moves },
  };
});
