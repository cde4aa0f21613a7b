// Desks writing to one room together. A Vigie process makes one call at a time (each call waits
// for its statements synchronously), so desks that write at the same moment are separate processes,
// as separate `vigie serve` hosts would be: the bench re-runs its own bundle once per desk with
// VIGIE_ROOM_DESK set, each child opens the room with openVigie, signs in as its desk, and loops
// createIncident / moveUnit (through dispatch) until the shared deadline; it reports what was
// acknowledged and how long each write took. Afterwards the parent checks the room: the chain is
// unbroken and every acknowledged write has its journal entry, and no more than those.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../../electron/store/db.js';
import { verifyChain } from '../../../electron/store/journal.js';
import { INCIDENT_CATEGORIES, type Priority, type Unit } from '../../../shared/domain.js';
import { inBox, PARIS, rng } from './fixture.js';
import { onExit } from './temp.js';
import { openClient } from './vigie.js';

export const DESK_ENV = 'VIGIE_ROOM_DESK';

interface DeskOrder {
  url: string;
  desk: string;
  index: number;
  desks: number;
}

export interface DeskReport {
  desk: string;
  creates: number;
  moves: number;
  /** Milliseconds of each acknowledged write, in order. */
  latencies: number[];
  errors: string[];
}

const REPORT = '@@room-desk ';
const READY = '@@room-desk-ready';
/** Desks opening the room at once: more would wait past the bridge's 5 s deadline on a small machine. */
const OPENING = 4;

/** The child: one desk's writing loop. */
export async function deskMain(): Promise<void> {
  const o = JSON.parse(process.env[DESK_ENV] ?? '{}') as DeskOrder;
  const c = openClient(o.url, {
    as: { login: `desk-${o.desk.toLowerCase()}`, name: `Officer ${o.desk}`, role: 'watch_officer' },
    desk: o.desk,
  });
  // Each desk moves units of its own (every desks-th unit), so its moves never race another desk's.
  const units = new Map<string, Unit>(
    c
      .call('listUnits', {})
      .filter((_, i) => i % o.desks === o.index)
      .map((u) => [u.id, u]),
  );
  const ids = [...units.keys()];
  const r = rng(1000 + o.index);
  const out: DeskReport = { desk: o.desk, creates: 0, moves: 0, latencies: [], errors: [] };
  // Ready: the parent starts every desk at once, with the time to stop (epoch ms) on stdin.
  process.stdout.write(`${READY}\n`);
  const stopAt = await new Promise<number>((resolve) =>
    process.stdin.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))),
  );
  process.stdin.pause();
  for (let i = 0; Date.now() < stopAt; i++) {
    const t = performance.now();
    try {
      const unitId = ids[i % Math.max(1, ids.length)];
      if (i % 2 === 0 || !unitId) {
        c.call('createIncident', {
          category: INCIDENT_CATEGORIES[
            i % INCIDENT_CATEGORIES.length
          ] as (typeof INCIDENT_CATEGORIES)[number],
          priority: ((i % 4) + 1) as Priority,
          title: `${o.desk} signalement ${i}`,
          description: 'Écrit par le banc de la salle.',
          source: 'radio',
          ...inBox(r, PARIS),
        });
        out.creates++;
      } else {
        const u = units.get(unitId) as Unit;
        const moved = c.call('moveUnit', {
          id: u.id,
          version: u.version,
          source: 'report',
          ...inBox(r, PARIS),
        });
        units.set(u.id, moved);
        out.moves++;
      }
      out.latencies.push(performance.now() - t);
    } catch (err) {
      out.errors.push((err as Error).message);
      if (out.errors.length > 20) break;
    }
  }
  c.app.close();
  process.stdout.write(`${REPORT}${JSON.stringify(out)}\n`, () => process.exit(0));
}

interface Running {
  ready: Promise<void>;
  report: Promise<DeskReport>;
  go(stopAt: number): void;
}

function spawnDesk(order: DeskOrder): Running {
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', fileURLToPath(import.meta.url)],
    {
      env: { ...process.env, [DESK_ENV]: JSON.stringify(order) },
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const forget = onExit(() => child.kill());
  let out = '';
  let ready = () => {};
  const readyP = new Promise<void>((resolve) => (ready = resolve));
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes(READY)) ready();
  });
  const report = new Promise<DeskReport>((resolve, reject) => {
    child.once('exit', (code) => {
      forget();
      const line = out.split('\n').find((l) => l.startsWith(REPORT));
      if (code === 0 && line) resolve(JSON.parse(line.slice(REPORT.length)) as DeskReport);
      else reject(new Error(`desk ${order.desk} exited ${code}`));
    });
  });
  return {
    ready: Promise.race([readyP, report.then(() => undefined)]),
    report,
    go: (stopAt) => void child.stdin.end(`${stopAt}\n`),
  };
}

/**
 * Runs `desks` desk processes on the room: opened a few at a time, then all told to write for
 * `seconds` at once; their reports.
 */
export async function runDesks(
  url: string,
  tag: string,
  desks: number,
  seconds: number,
): Promise<DeskReport[]> {
  const running: Running[] = [];
  for (let index = 0; index < desks; index += OPENING) {
    const batch = Array.from({ length: Math.min(OPENING, desks - index) }, (_, k) =>
      spawnDesk({ url, desk: `${tag}-D${String(index + k + 1).padStart(2, '0')}`, index: index + k, desks }),
    );
    running.push(...batch);
    await Promise.all(batch.map((d) => d.ready));
  }
  const stopAt = Date.now() + seconds * 1000;
  for (const d of running) d.go(stopAt);
  return Promise.all(running.map((d) => d.report));
}

export interface RoomCheck {
  chainEntries: number;
  /** Journal entries written by the bench's desks, by action. */
  created: number;
  moved: number;
}

/** The room after the desks: chain verified, and each desk's entries counted. */
export function checkRoom(url: string, tag: string, reports: DeskReport[]): RoomCheck {
  const db = openDatabase(url);
  try {
    const chain = verifyChain(db);
    if (!chain.ok) throw new Error(`room chain broken after the desks wrote: ${chain.reason}`);
    const count = (action: string) =>
      Number(
        (
          db
            .prepare(`SELECT count(*) AS n FROM journal WHERE action = ? AND desk LIKE ?`)
            .get(action, `${tag}-D%`) as { n: number }
        ).n,
      );
    const check: RoomCheck = {
      chainEntries: chain.entries,
      created: count('incident.created'),
      moved: count('unit.moved'),
    };
    const creates = reports.reduce((n, d) => n + d.creates, 0);
    const moves = reports.reduce((n, d) => n + d.moves, 0);
    // A write that failed (e.g. past the bridge's deadline) may or may not have committed; an
    // acknowledged one must be there, and nothing may be there twice.
    const errors = reports.reduce((n, d) => n + d.errors.length, 0);
    const total = check.created + check.moved;
    if (check.created < creates || check.moved < moves || total > creates + moves + errors)
      throw new Error(
        `room has ${check.created} creates and ${check.moved} moves from the desks; they were told ${creates} and ${moves} (${errors} errors)`,
      );
    return check;
  } finally {
    db.close();
  }
}
