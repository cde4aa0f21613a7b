import { touch } from './after-images.js';
import type { Db } from './db.js';
import type { UnitPosition } from '../../shared/domain.js';

export interface PositionFix extends UnitPosition {
  unitId: string;
}

export function insertPosition(db: Db, p: PositionFix): void {
  const row = db
    .prepare('INSERT INTO unit_positions (unit_id, at, lat, lon, source) VALUES (?, ?, ?, ?, ?) RETURNING id')
    .get(p.unitId, p.at, p.lat, p.lon, p.source) as { id: number };
  touch(db, 'unit_positions', row.id);
}

/** Newest first; rows written at the same moment keep the order they were written in. */
export function listPositions(db: Db, unitId: string, limit = 500): PositionFix[] {
  return db
    .prepare(
      `SELECT unit_id AS unitId, at, lat, lon, source FROM unit_positions
       WHERE unit_id = ? ORDER BY at DESC, id DESC LIMIT ?`,
    )
    .all(unitId, limit) as PositionFix[];
}
