// What the store bench's measurements share: run counts, the drivers, the temp files, and the inputs.
// One seeded generator feeds every input, in the order the bench draws them, so each run gets the same data.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../../electron/store/db.js';
import { appendEntry } from '../../../electron/store/journal.js';
import { iso } from '../../../shared/clock.js';
import { rng } from './fixture.js';
import { benchIncident, type NewIncidentInput } from './plain.js';
import { scale } from './section.js';
import type { Driver } from './sql.js';
import { tempDir } from './temp.js';

export const RUNS = scale(5, 3);
export const DRIVERS: Driver[] = ['better-sqlite3', 'node:sqlite'];

export const dir = tempDir('vigie-bench-store-');
export const file = (name: string) => join(dir, name);
export const removeDb = (path: string) => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
};

export const r = rng(7);
export const incidentInput = (i: number): NewIncidentInput => benchIncident(r, i);

export const moveData = (i: number) => ({
  callsign: `FR-${i % 5000}`,
  source: 'report',
  from: { lat: 48.8583, lon: 2.2945, at: '2024-07-26T19:30:00.000Z', venueId: null },
  to: { lat: 48.8586 + i / 1e6, lon: 2.2951, venueId: null },
});

export const appendVia = (db: Db, i: number) => {
  const at = iso(Date.now());
  appendEntry(db, {
    at,
    recordedAt: at,
    operator: 'Bench Operator',
    role: 'supervisor',
    desk: 'bench',
    action: 'unit.moved',
    entityType: 'unit',
    entityId: null,
    data: moveData(i),
  });
};
