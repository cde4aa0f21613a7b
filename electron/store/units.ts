import type { Db } from './db.js';
import type { Unit, UnitKind, UnitStatus } from '../../shared/domain.js';

interface Row {
  id: string;
  callsign: string;
  contingent_id: string;
  country: string;
  agency: string;
  kind: UnitKind;
  personnel: number;
  armed: number;
  status: UnitStatus;
  venue_id: string | null;
  sector: string | null;
  lat: number | null;
  lon: number | null;
  position_at: string | null;
  position_source: string | null;
  k9_handler: string | null;
  k9_dog: string | null;
  k9_detection: string | null;
  notes: string | null;
  version: number;
}

const SELECT = `SELECT u.*, c.country, c.agency FROM units u JOIN contingents c ON c.id = u.contingent_id`;

const toUnit = (r: Row): Unit => ({
  id: r.id,
  callsign: r.callsign,
  contingentId: r.contingent_id,
  country: r.country,
  agency: r.agency,
  kind: r.kind,
  personnel: r.personnel,
  armed: r.armed === 1,
  status: r.status,
  venueId: r.venue_id,
  sector: r.sector,
  lat: r.lat,
  lon: r.lon,
  positionAt: r.position_at,
  positionSource: r.position_source,
  k9:
    r.k9_handler || r.k9_dog || r.k9_detection
      ? { handler: r.k9_handler, dog: r.k9_dog, detection: r.k9_detection }
      : null,
  notes: r.notes,
  version: r.version,
});

export type NewUnit = Omit<Unit, 'country' | 'agency' | 'version'>;

export function insertUnit(db: Db, u: NewUnit): void {
  db.prepare(
    `INSERT INTO units (id, callsign, contingent_id, kind, personnel, armed, status, venue_id, sector, lat, lon,
       position_at, position_source, k9_handler, k9_dog, k9_detection, notes)
     VALUES (@id, @callsign, @contingentId, @kind, @personnel, @armed, @status, @venueId, @sector, @lat, @lon,
       @positionAt, @positionSource, @handler, @dog, @detection, @notes)`,
  ).run({
    ...u,
    armed: u.armed ? 1 : 0,
    handler: u.k9?.handler ?? null,
    dog: u.k9?.dog ?? null,
    detection: u.k9?.detection ?? null,
  });
}

export function listUnits(db: Db): Unit[] {
  return (db.prepare(`${SELECT} ORDER BY u.callsign`).all() as Row[]).map(toUnit);
}

export function getUnit(db: Db, id: string): Unit | null {
  const row = db.prepare(`${SELECT} WHERE u.id = ?`).get(id) as Row | undefined;
  return row ? toUnit(row) : null;
}

/** Optimistic update: false when the row is missing or its version moved on. */
export function updateUnitStatus(db: Db, id: string, status: UnitStatus, expectedVersion: number): boolean {
  const r = db
    .prepare('UPDATE units SET status = ?, version = version + 1 WHERE id = ? AND version = ?')
    .run(status, id, expectedVersion);
  return r.changes === 1;
}

export function countUnits(db: Db): { units: number; personnel: number } {
  return db
    .prepare('SELECT count(*) AS units, coalesce(sum(personnel), 0) AS personnel FROM units')
    .get() as {
    units: number;
    personnel: number;
  };
}
