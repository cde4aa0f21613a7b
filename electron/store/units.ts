import { touch } from './after-images.js';
import type { Db } from './db.js';
import type { K9Details, Unit, UnitKind, UnitStatus } from '../../shared/domain.js';
import { isPositionStale } from '../../shared/position-age.js';
import { CONTACT_JOIN, parseContact, writeContactRow } from './unit-contacts.js';

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
  k9_rest_due: string | null;
  notes: string | null;
  version: number;
  contact: string | null;
}

/**
 * When a position is stale: "now" on the operation clock and the threshold from the settings.
 * The store has no clock, so callers that hand units to a desk pass it (services/units.ts
 * `staleRule`); without one no position is flagged.
 */
export interface StaleRule {
  nowMs: number;
  minutes: number;
}

const SELECT = `SELECT u.*, c.country, c.agency, uc.value AS contact
  FROM units u JOIN contingents c ON c.id = u.contingent_id ${CONTACT_JOIN}`;

const toUnit = (r: Row, stale: StaleRule | undefined): Unit => ({
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
  positionStale: stale ? isPositionStale(r.position_at, stale.nowMs, stale.minutes) : false,
  k9:
    r.k9_handler || r.k9_dog || r.k9_detection || r.k9_rest_due
      ? { handler: r.k9_handler, dog: r.k9_dog, detection: r.k9_detection, restDue: r.k9_rest_due }
      : null,
  notes: r.notes,
  ...parseContact(r.contact),
  version: r.version,
});

type K9Input = Omit<K9Details, 'restDue'> & { restDue?: string | null };
export type NewUnit = Omit<
  Unit,
  'country' | 'agency' | 'version' | 'positionStale' | 'k9' | 'radio' | 'phone'
> & {
  k9: K9Input | null;
  radio?: string | null;
  phone?: string | null;
};

// Bound by position: a roster import inserts thousands of units, and named binding (an object
// spread, then each name looked up) cost more than the insert.
const INSERT_UNIT = `INSERT INTO units (id, callsign, contingent_id, kind, personnel, armed, status, venue_id,
    sector, lat, lon, position_at, position_source, k9_handler, k9_dog, k9_detection, k9_rest_due, notes)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export function insertUnit(db: Db, u: NewUnit): void {
  db.prepare(INSERT_UNIT).run(
    u.id,
    u.callsign,
    u.contingentId,
    u.kind,
    u.personnel,
    u.armed ? 1 : 0,
    u.status,
    u.venueId,
    u.sector,
    u.lat,
    u.lon,
    u.positionAt,
    u.positionSource,
    u.k9?.handler ?? null,
    u.k9?.dog ?? null,
    u.k9?.detection ?? null,
    u.k9?.restDue ?? null,
    u.notes,
  );
  touch(db, 'units', u.id);
  if (u.radio || u.phone) writeContactRow(db, u.id, { radio: u.radio ?? null, phone: u.phone ?? null });
}

export function listUnits(db: Db, stale?: StaleRule): Unit[] {
  return (db.prepare(`${SELECT} ORDER BY u.callsign`).all() as Row[]).map((r) => toUnit(r, stale));
}

export function getUnit(db: Db, id: string, stale?: StaleRule): Unit | null {
  const row = db.prepare(`${SELECT} WHERE u.id = ?`).get(id) as Row | undefined;
  return row ? toUnit(row, stale) : null;
}

export function findUnitByCallsign(db: Db, callsign: string, stale?: StaleRule): Unit | null {
  const row = db.prepare(`${SELECT} WHERE u.callsign = ?`).get(callsign) as Row | undefined;
  return row ? toUnit(row, stale) : null;
}

const CALLSIGN_CHUNK = 200;
const CALLSIGNS_PRESENT = `SELECT callsign FROM units WHERE callsign IN (${Array(CALLSIGN_CHUNK).fill('?').join(', ')})`;

/**
 * Which of the callsigns are taken, a chunk per statement: a roster import asks for thousands at
 * once. Every chunk is padded to the same size (with its first callsign), so one statement serves.
 */
export function callsignsPresent(db: Db, callsigns: readonly string[]): Set<string> {
  const found = new Set<string>();
  const statement = db.prepare(CALLSIGNS_PRESENT);
  for (let i = 0; i < callsigns.length; i += CALLSIGN_CHUNK) {
    const chunk = callsigns.slice(i, i + CALLSIGN_CHUNK);
    while (chunk.length < CALLSIGN_CHUNK) chunk.push(chunk[0] as string);
    for (const r of statement.all(...chunk) as { callsign: string }[]) found.add(r.callsign);
  }
  return found;
}

export function listUnitsOfContingent(db: Db, contingentId: string, stale?: StaleRule): Unit[] {
  const rows = db
    .prepare(`${SELECT} WHERE u.contingent_id = ? ORDER BY u.callsign`)
    .all(contingentId) as Row[];
  return rows.map((r) => toUnit(r, stale));
}

/** Units that could be sent now: available, with a known position; optionally of one kind and speaking one language. */
export function listAvailablePlaced(
  db: Db,
  filter: { kind?: UnitKind | undefined; language?: string | undefined },
  stale?: StaleRule,
): Unit[] {
  const rows = db
    .prepare(
      `${SELECT}
       WHERE u.status = 'available' AND u.lat IS NOT NULL AND u.lon IS NOT NULL
         AND (@kind IS NULL OR u.kind = @kind)
         AND (@language IS NULL OR ${db.dialect.jsonHas('c.languages', '@language')})
       ORDER BY u.callsign`,
    )
    .all({ kind: filter.kind ?? null, language: filter.language ?? null }) as Row[];
  return rows.map((r) => toUnit(r, stale));
}

/** Optimistic update: false when the row is missing or its version moved on. */
export function updateUnitStatus(db: Db, id: string, status: UnitStatus, expectedVersion: number): boolean {
  const r = db
    .prepare('UPDATE units SET status = ?, version = version + 1 WHERE id = ? AND version = ?')
    .run(status, id, expectedVersion);
  touch(db, 'units', id);
  return r.changes === 1;
}

/** Optimistic update of a dog team's rest time (null clears it). */
export function updateUnitRestDue(
  db: Db,
  id: string,
  restDue: string | null,
  expectedVersion: number,
): boolean {
  const r = db
    .prepare('UPDATE units SET k9_rest_due = ?, version = version + 1 WHERE id = ? AND version = ?')
    .run(restDue, id, expectedVersion);
  touch(db, 'units', id);
  return r.changes === 1;
}

export interface PositionUpdate {
  lat: number;
  lon: number;
  at: string;
  source: string;
  venueId: string | null;
}

/** Optimistic update of where the unit is (the history row is written by store/positions.ts). */
export function updateUnitPosition(db: Db, id: string, p: PositionUpdate, expectedVersion: number): boolean {
  const r = db
    .prepare(
      `UPDATE units SET lat = @lat, lon = @lon, position_at = @at, position_source = @source, venue_id = @venueId,
         version = version + 1
       WHERE id = @id AND version = @expectedVersion`,
    )
    .run({ ...p, id, expectedVersion });
  touch(db, 'units', id);
  return r.changes === 1;
}

/** The unit fields a roster may change (a roster never erases, so no value is null). */
export interface UnitChanges {
  contingentId: string;
  kind: UnitKind;
  personnel: number;
  armed: boolean;
  status: UnitStatus;
  venueId: string;
  sector: string;
  lat: number;
  lon: number;
  positionAt: string;
  positionSource: string;
  handler: string;
  dog: string;
  detection: string;
  restDue: string;
  notes: string;
}

const COLUMN: Record<keyof UnitChanges, string> = {
  contingentId: 'contingent_id',
  kind: 'kind',
  personnel: 'personnel',
  armed: 'armed',
  status: 'status',
  venueId: 'venue_id',
  sector: 'sector',
  lat: 'lat',
  lon: 'lon',
  positionAt: 'position_at',
  positionSource: 'position_source',
  handler: 'k9_handler',
  dog: 'k9_dog',
  detection: 'k9_detection',
  restDue: 'k9_rest_due',
  notes: 'notes',
};
const isChange = (key: string): key is keyof UnitChanges => Object.hasOwn(COLUMN, key);

/** Optimistic update of some fields; columns come from the fixed map above, never from the caller. */
export function updateUnitFields(
  db: Db,
  id: string,
  changes: Partial<UnitChanges>,
  expectedVersion: number,
): boolean {
  const keys = Object.keys(changes).filter(isChange);
  if (!keys.length) return true;
  const set = keys.map((k) => `${COLUMN[k]} = @${k}`).join(', ');
  const params: Record<string, unknown> = { id, expectedVersion };
  for (const k of keys) params[k] = k === 'armed' ? (changes.armed ? 1 : 0) : changes[k];
  const r = db
    .prepare(`UPDATE units SET ${set}, version = version + 1 WHERE id = @id AND version = @expectedVersion`)
    .run(params);
  touch(db, 'units', id);
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

/** How many units of a contingent are in each status (statuses with none are absent). */
export function countStatuses(db: Db, contingentId: string): { status: UnitStatus; n: number }[] {
  return db
    .prepare('SELECT status, count(*) AS n FROM units WHERE contingent_id = ? GROUP BY status')
    .all(contingentId) as { status: UnitStatus; n: number }[];
}
