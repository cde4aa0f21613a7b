import type { Db } from './db.js';

export interface PositionFix {
  unitId: string;
  at: string;
  lat: number;
  lon: number;
  source: string;
}

export function insertPosition(db: Db, p: PositionFix): void {
  db.prepare(
    'INSERT INTO unit_positions (unit_id, at, lat, lon, source) VALUES (@unitId, @at, @lat, @lon, @source)',
  ).run(p);
}

export function listPositions(db: Db, unitId: string, limit = 500): PositionFix[] {
  return db
    .prepare(
      `SELECT unit_id AS unitId, at, lat, lon, source FROM unit_positions
       WHERE unit_id = ? ORDER BY at DESC, id DESC LIMIT ?`,
    )
    .all(unitId, limit) as PositionFix[];
}
