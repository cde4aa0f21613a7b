import type { Db } from './db.js';
import type { Zone } from '../../shared/domain.js';

interface Row {
  id: string;
  name: string;
  kind: string;
  color: string;
  polygon: string;
  version: number;
}

const toZone = (r: Row): Zone => ({ ...r, polygon: JSON.parse(r.polygon) as Zone['polygon'] });

export function insertZone(db: Db, z: Omit<Zone, 'version'>): void {
  db.prepare(
    'INSERT INTO zones (id, name, kind, color, polygon) VALUES (@id, @name, @kind, @color, @polygon)',
  ).run({
    ...z,
    polygon: JSON.stringify(z.polygon),
  });
}

export function listZones(db: Db): Zone[] {
  return (db.prepare('SELECT * FROM zones ORDER BY name, id').all() as Row[]).map(toZone);
}

export function getZone(db: Db, id: string): Zone | null {
  const row = db.prepare('SELECT * FROM zones WHERE id = ?').get(id) as Row | undefined;
  return row ? toZone(row) : null;
}

export type ZonePatch = Partial<Pick<Zone, 'name' | 'kind' | 'color' | 'polygon'>>;

/** Optimistic update: false when the row is missing or its version moved on. */
export function updateZone(db: Db, id: string, expectedVersion: number, patch: ZonePatch): boolean {
  const r = db
    .prepare(
      `UPDATE zones SET name = coalesce(@name, name), kind = coalesce(@kind, kind), color = coalesce(@color, color),
         polygon = coalesce(@polygon, polygon), version = version + 1
       WHERE id = @id AND version = @expectedVersion`,
    )
    .run({
      id,
      expectedVersion,
      name: patch.name ?? null,
      kind: patch.kind ?? null,
      color: patch.color ?? null,
      polygon: patch.polygon ? JSON.stringify(patch.polygon) : null,
    });
  return r.changes === 1;
}

/** Optimistic delete: false when the row is missing or its version moved on. */
export function deleteZone(db: Db, id: string, expectedVersion: number): boolean {
  return db.prepare('DELETE FROM zones WHERE id = ? AND version = ?').run(id, expectedVersion).changes === 1;
}
