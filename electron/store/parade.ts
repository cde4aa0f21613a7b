// The parade plan of a route and the reports of where its head actually was.
import { touch } from './after-images.js';
import type { Db } from './db.js';
import type { ParadeActual, ParadePlan } from '../../shared/api/map.js';

interface PlanRow {
  route_id: string;
  start: string;
  speed_kmh: number;
  boats: number;
  spacing_m: number;
  version: number;
}

const toPlan = (r: PlanRow): ParadePlan => ({
  routeId: r.route_id,
  start: r.start,
  speedKmh: r.speed_kmh,
  boats: r.boats,
  spacingM: r.spacing_m,
  version: r.version,
});

/** The plan of one route, or of the only (first) planned route when no id is given. */
export function getParadePlan(db: Db, routeId?: string): ParadePlan | null {
  const row = (
    routeId
      ? db.prepare('SELECT * FROM parade_plans WHERE route_id = ?').get(routeId)
      : db.prepare('SELECT * FROM parade_plans ORDER BY route_id LIMIT 1').get()
  ) as PlanRow | undefined;
  return row ? toPlan(row) : null;
}

export function insertParadePlan(db: Db, p: Omit<ParadePlan, 'version'>): void {
  db.prepare(
    `INSERT INTO parade_plans (route_id, start, speed_kmh, boats, spacing_m)
     VALUES (@routeId, @start, @speedKmh, @boats, @spacingM)`,
  ).run(p);
  touch(db, 'parade_plans', p.routeId);
}

/** Optimistic update: false when the plan is missing or its version moved on. */
export function updateParadePlan(db: Db, p: Omit<ParadePlan, 'version'>, expectedVersion: number): boolean {
  const r = db
    .prepare(
      `UPDATE parade_plans SET start = @start, speed_kmh = @speedKmh, boats = @boats, spacing_m = @spacingM,
         version = version + 1
       WHERE route_id = @routeId AND version = @expectedVersion`,
    )
    .run({ ...p, expectedVersion });
  touch(db, 'parade_plans', p.routeId);
  return r.changes === 1;
}

interface ActualRow {
  id: string;
  route_id: string;
  chainage_km: number;
  bridge: string | null;
  at: string;
  recorded_at: string;
  operator: string;
  desk: string;
  note: string | null;
  retracted_at: string | null;
  retracted_by: string | null;
}

const toActual = (r: ActualRow): ParadeActual => ({
  id: r.id,
  routeId: r.route_id,
  chainageKm: r.chainage_km,
  bridge: r.bridge,
  at: r.at,
  recordedAt: r.recorded_at,
  operator: r.operator,
  desk: r.desk,
  note: r.note,
  retractedAt: r.retracted_at,
  retractedBy: r.retracted_by,
});

export function insertParadeActual(db: Db, a: Omit<ParadeActual, 'retractedAt' | 'retractedBy'>): void {
  db.prepare(
    `INSERT INTO parade_actuals (id, route_id, chainage_km, bridge, at, recorded_at, operator, desk, note)
     VALUES (@id, @routeId, @chainageKm, @bridge, @at, @recordedAt, @operator, @desk, @note)`,
  ).run(a);
  touch(db, 'parade_actuals', a.id);
}

/** Reports of a route in time order; retracted ones only when asked. */
export function listParadeActuals(db: Db, routeId: string, includeRetracted = false): ParadeActual[] {
  const rows = db
    .prepare(
      `SELECT * FROM parade_actuals WHERE route_id = ? AND (? = 1 OR retracted_at IS NULL) ORDER BY at, id`,
    )
    .all(routeId, includeRetracted ? 1 : 0) as ActualRow[];
  return rows.map(toActual);
}

export function getParadeActual(db: Db, id: string): ParadeActual | null {
  const row = db.prepare('SELECT * FROM parade_actuals WHERE id = ?').get(id) as ActualRow | undefined;
  return row ? toActual(row) : null;
}

/** Marks a report retracted; false when it is missing or already retracted. */
export function retractParadeActual(db: Db, id: string, at: string, by: string): boolean {
  const r = db
    .prepare(
      'UPDATE parade_actuals SET retracted_at = ?, retracted_by = ? WHERE id = ? AND retracted_at IS NULL',
    )
    .run(at, by, id);
  touch(db, 'parade_actuals', id);
  return r.changes === 1;
}
