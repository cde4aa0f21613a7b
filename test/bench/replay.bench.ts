// Replay of a 12-hour day: 1,000 units moving every minute (720,000 moves, each its own journal
// entry with its after-images), 5,000 incidents created and acknowledged along the day, zones drawn
// and the alert level changed, all through the real services (dispatch, a signed-in supervisor) with
// the exercise clock stepped a minute at a time. Then replayAt reaches random moments of the day,
// against the live calls reading the same picture from the tables, side by side in the same run.
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { openVigie, type VigieApp } from '../../electron/services/app.js';
import { createDesk } from '../../electron/services/desk.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { replayIndexOf } from '../../electron/services/replay.js';
import { ReplayPicture } from '../../electron/store/replay.js';
import { sqliteHandle } from '../../electron/store/sqlite.js';
import type { CallInput, CallName, CallOutput } from '../../shared/api.js';
import { fixedClock, iso } from '../../shared/clock.js';
import { INCIDENT_CATEGORIES } from '../../shared/domain.js';
import { inBox, PARIS, pick, rng } from './lib/fixture.js';
import { log, runBench, scale } from './lib/section.js';
import { fig, num, ratio, stat, timed, times } from './lib/stats.js';
import { tempDir } from './lib/temp.js';
import { paths } from './lib/paths.js';
import { benchAccount, BENCH_OPERATOR } from './lib/vigie.js';

const HOURS = scale(12, 1);
const UNITS = 1000;
const INCIDENTS = scale(5000, 420);
const MOMENTS = scale(15, 5);
const MINUTE = 60_000;

const roster = (n: number) =>
  'callsign,country,agency,kind,personnel,status,languages,lat,lon\n' +
  Array.from(
    { length: n },
    (_, i) =>
      `RP-${String(i).padStart(4, '0')},FR,Gendarmerie,patrol,4,available,fr,${(48.85 + (i % 40) / 2000).toFixed(5)},${(2.3 + Math.floor(i / 40) / 2000).toFixed(5)}`,
  ).join('\n') +
  '\n';

function open(dbPath: string) {
  const real = fixedClock(Date.parse('2026-11-24T08:00:00Z'));
  const app: VigieApp = openVigie({ dbPath, resourcesDir: paths.resources, seed: true, real });
  const desk = createDesk();
  const call = <K extends CallName>(name: K, input: CallInput<K>): CallOutput<K> => {
    const r = dispatch(app.handlers, name, input, desk);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    return r.value as CallOutput<K>;
  };
  call('signIn', { ...benchAccount(app, BENCH_OPERATOR), desk: 'bench' });
  return { app, real, call };
}

/** The day, a minute at a time; each minute one transaction (the fixture is built, not measured). */
function buildDay(c: ReturnType<typeof open>): { moments: string[]; entries: number } {
  const r = rng(19);
  const imported = c.call('importRoster', { csv: roster(UNITS), dryRun: false });
  if (imported.rejected.length) throw new Error(`roster: ${JSON.stringify(imported.rejected[0])}`);
  const units = c.call('listUnits', {}).filter((u) => u.callsign.startsWith('RP-'));
  // Durability is not what is measured here: the day is written without an fsync per minute.
  sqliteHandle(c.app.db).pragma('synchronous = OFF');
  const minutes = HOURS * 60;
  const perMinute = Math.ceil(INCIDENTS / minutes);
  const created: { id: string; version: number }[] = [];
  const moments: string[] = [];
  const zones: { id: string; version: number }[] = [];
  let acked = 0;
  const started = performance.now();
  for (let m = 0; m < minutes; m++) {
    c.real.advance(MINUTE);
    c.app.db.transaction(() => {
      c.call('moveUnits', {
        source: 'tracker',
        moves: units.map((u) => ({ id: u.id, ...inBox(r, PARIS) })),
      });
      for (let k = 0; k < perMinute && created.length < INCIDENTS; k++) {
        const i = c.call('createIncident', {
          category: pick(r, INCIDENT_CATEGORIES),
          priority: (1 + Math.floor(r() * 4)) as 1 | 2 | 3 | 4,
          title: `Replay bench incident ${created.length}`,
          source: 'radio',
          ...inBox(r, PARIS),
        });
        created.push({ id: i.id, version: i.version });
      }
      // The incidents of ten minutes ago are acknowledged: statuses change along the day too.
      for (; acked < created.length - perMinute * 10; acked++) {
        const i = created[acked] as { id: string; version: number };
        c.call('transitionIncident', { id: i.id, version: i.version, action: 'acknowledge' });
      }
      if (m % 60 === 30) {
        const lon = 2.3 + (m / minutes) * 0.05;
        const polygon: [number, number][][] = [
          [
            [lon, 48.855],
            [lon + 0.004, 48.855],
            [lon + 0.004, 48.858],
            [lon, 48.855],
          ],
        ];
        const z = c.call('createZone', { name: `Cordon ${m}`, kind: 'sector', color: '#1f77b4', polygon });
        zones.push({ id: z.id, version: z.version });
        const old = zones.length > 3 ? zones.shift() : undefined;
        if (old) c.call('deleteZone', old);
      }
      if (m % 240 === 120) {
        const level = c.call('getAlertLevel', {});
        const next = level.level === 'urgence_attentat' ? 'securite_renforcee' : 'urgence_attentat';
        c.call('setAlertLevel', { level: next, reason: `Reassessed at minute ${m}`, version: level.version });
      }
    })();
    moments.push(iso(c.app.ctx.clock.now()));
    if (m % 60 === 59)
      log(
        `replay: hour ${(m + 1) / 60} of ${HOURS} built (${num((performance.now() - started) / 1000, 0)} s)`,
      );
  }
  sqliteHandle(c.app.db).pragma('synchronous = FULL');
  const head = c.call('listJournal', { limit: 1 })[0]?.seq ?? 0;
  return { moments, entries: head };
}

/** The live calls for the picture a replay rebuilds. */
function livePicture(c: ReturnType<typeof open>) {
  return {
    units: c.call('listUnits', {}),
    incidents: c.call('listIncidents', { includeClosed: true, limit: 100_000 }),
    zones: c.call('listZones', {}),
    routes: c.call('listRoutes', {}),
    parade: c.call('getParade', {}),
    alertLevel: c.call('getAlertLevel', {}),
  };
}

runBench(() => {
  const dir = tempDir('vigie-bench-replay-');
  const c = open(join(dir, 'replay.db'));
  let day = { moments: [] as string[], entries: 0 };
  const buildMs = timed(() => {
    day = buildDay(c);
  });
  log(`replay: ${num(day.entries, 0)} entries in ${num(buildMs / 1000, 0)} s`);
  const last = day.moments.at(-1) ?? '';
  // The replay's answer at the last moment must be the live picture: the bench fails otherwise.
  const live = livePicture(c);
  let first: CallOutput<'replayAt'> | null = null;
  const openMs = timed(() => {
    first = c.call('replayAt', { at: last });
  });
  const got = first as CallOutput<'replayAt'> | null;
  const replayed = got && {
    units: got.units,
    incidents: got.incidents,
    zones: got.zones,
    routes: got.routes,
    parade: got.parade,
    alertLevel: got.alertLevel,
  };
  if (!isDeepStrictEqual(replayed, live))
    throw new Error('replayAt at the end of the day differs from the live picture');
  const heapMb = process.memoryUsage().heapUsed / (1024 * 1024);
  const r = rng(7);
  const replay: number[] = [];
  const liveMs: number[] = [];
  const rows: number[] = [];
  const materialise: number[] = [];
  const index = replayIndexOf(c.app.db);
  for (let i = 0; i < MOMENTS; i++) {
    const at = pick(r, day.moments);
    replay.push(timed(() => c.call('replayAt', { at })));
    liveMs.push(timed(() => livePicture(c)));
    const seq = index.seqAt(at) ?? 0;
    let picked: ReturnType<typeof index.rowsAt> = new Map();
    rows.push(timed(() => (picked = index.rowsAt(seq))));
    const fresh = new ReplayPicture();
    materialise.push(timed(() => fresh.show(picked)));
    fresh.close();
  }
  c.app.close();
  const incidents = got?.incidents.length ?? 0;
  return {
    order: 7,
    title: '7. Replay of a 12-hour day',
    intro: [
      `The seeded exercise in a file and ${num(UNITS, 0)} more units, then ${HOURS} hours of operation a minute at a time ` +
        `through dispatch as a signed-in supervisor: every unit moved every minute (moveUnits, ${num(UNITS * HOURS * 60, 0)} moves), ` +
        `${num(INCIDENTS, 0)} incidents created and each acknowledged ten minutes later, a zone drawn every hour (the oldest ` +
        `deleted), the alert level changed every 4 hours: ${num(day.entries, 0)} journal entries, each with its after-images ` +
        `(${num(buildMs / 1000, 0)} s to build, synchronous=OFF while building). replayAt then reaches ${MOMENTS} moments picked ` +
        `at random in the day; beside each, the live calls read the picture of now (units, every incident, zones, routes, ` +
        `parade, alert level) from the tables. The replay at the end of the day is checked equal to the live picture.`,
    ],
    tables: [
      {
        title: 'Reaching a moment of the day',
        head: ['Figure', 'Median (min–max)'],
        rows: [
          [
            'First replay of the session: the whole journal read once, keyframes every 10,000 entries (one run)',
            `${num(openMs, 0)} ms`,
          ],
          [
            `replayAt a random moment (${num(incidents, 0)} incidents, ${num(UNITS, 0)}+ units), through dispatch`,
            fig(stat(replay), 'ms'),
          ],
          ['… of which: the rows at that entry from the nearest keyframe', fig(stat(rows), 'ms')],
          [
            'Writing those rows into a new in-memory database (the most a replay writes: every row differs)',
            fig(stat(materialise), 'ms'),
          ],
          ['Live calls for the same picture, from the tables', fig(stat(liveMs), 'ms')],
          ['replayAt ÷ live calls (>1: replay slower)', times(ratio(replay, liveMs))],
          ['Heap after the first replay (keyframes held)', `${num(heapMb, 0)} MB`],
        ],
      },
    ],
    notes: [
      'A replay rebuilds the journaled rows at the entry and reads them with the very services of the live picture, ' +
        'so it costs what the live read costs plus the rebuild: the copy of the nearest keyframe and at most 10,000 ' +
        'entries parsed forward, then the rows written into a private in-memory SQLite database. The first replay of ' +
        'a session pays the one reading of the whole journal that builds the keyframes.',
    ],
    raw: { replay, live: liveMs, rows, materialise, openMs, buildMs, heapMb, entries: day.entries },
  };
});
