// The map bench's scenarios, its run counts, and the scenarios' databases: a copy of the seeded exercise with the bench's
// units (and, for one scenario, incidents) added by the store's own functions.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../electron/store/db.js';
import type { Unit } from '../../../shared/domain.js';
import { addIncidents, addUnits, type Bbox } from './fixture.js';
import { BulkJournal } from './fixture-journal.js';
import { scale } from './section.js';
import { openClient } from './vigie.js';

export const LOAD_RUNS = scale(3, 2);
export const FRAME_MS = scale(10_000, 5_000);
export const MOVERS = 1_000;
const PREFIX = 'MB';
/** The scenario whose units move while frames are recorded (each of its loads goes on to it). */
export const MOVING = 'u1k';

export interface Scenario {
  id: string;
  label: string;
  units: number;
  incidents: number;
}

export const SCENARIOS: Scenario[] = [
  { id: 'u1k', label: '1,000 units', units: 1_000, incidents: 0 },
  { id: 'u5k', label: '5,000 units', units: 5_000, incidents: 0 },
  { id: 'u10k', label: '10,000 units', units: scale(10_000, 10_000), incidents: 0 },
  { id: 'i50k', label: '1,000 units + 50,000 incidents', units: 1_000, incidents: scale(50_000, 20_000) },
];

// ---- fixtures -------------------------------------------------------------------------------

export interface Built extends Scenario {
  db: string;
  /** Incidents still open (not closed or cancelled) among those added. */
  open: number;
  movers: { id: string; version: number; lat: number; lon: number }[];
}

/** The scenario's database, in `dir`: a copy of `base` with the scenario's units and incidents. */
export function build(s: Scenario, base: string, bbox: Bbox, dir: string): Built {
  const path = join(dir, `${s.id}.db`);
  copyFileSync(base, path);
  const db = openDatabase(path);
  let open = 0;
  try {
    db.transaction(() => {
      const journal = new BulkJournal(db);
      addUnits(db, journal, {
        count: s.units,
        bbox,
        at: '2024-07-26T16:00:00.000Z',
        seed: 11,
        prefix: PREFIX,
      });
      if (s.incidents) {
        const added = addIncidents(db, journal, {
          count: s.incidents,
          bbox,
          from: '2024-07-26T06:00:00.000Z',
          to: '2024-07-26T18:00:00.000Z',
          seed: 13,
        });
        open = added.filter((i) => i.status !== 'closed' && i.status !== 'cancelled').length;
      }
    })();
  } finally {
    db.close();
  }
  const c = openClient(path);
  try {
    const units = c.call('listUnits', {});
    const movers = units
      .filter((u: Unit) => u.callsign.startsWith(`${PREFIX}-`) && u.lat !== null && u.lon !== null)
      .slice(0, MOVERS)
      .map((u) => ({ id: u.id, version: u.version, lat: u.lat as number, lon: u.lon as number }));
    return {
      ...s,
      db: path,
      open,
      movers,
    };
  } finally {
    c.app.close();
  }
}
