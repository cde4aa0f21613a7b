import { touch } from './after-images.js';
import type { Db } from './db.js';
import type { Zone } from '../../shared/domain.js';
import { markingColumn, markingOf } from './marking-column.js';
import { releasedParams, releasedSql, type ReleaseScope } from './incidents.js';

interface Row {
  id: string;
  name: string;
  kind: string;
  color: string;
  polygon: string;
  marking: string | null;
  version: number;
}

const toZone = (r: Row): Zone => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  color: r.color,
  polygon: JSON.parse(r.polygon) as Zone['polygon'],
  marking: markingOf(r.marking),
  version: r.version,
});

export type NewZone = Omit<Zone, 'version' | 'marking'> & Partial<Pick<Zone, 'marking'>>;

export function insertZone(db: Db, z: NewZone): void {
  db.prepare(
    `INSERT INTO zones (id, name, kind, color, polygon, marking)
     VALUES (@id, @name, @kind, @color, @polygon, @marking)`,
  ).run({
    id: z.id,
    name: z.name,
    kind: z.kind,
    color: z.color,
    polygon: JSON.stringify(z.polygon),
    marking: markingColumn(z.marking),
  });
  touch(db, 'zones', z.id);
}

/** Every zone by name; with a scope, only those its reader may see. */
export function listZones(db: Db, scope?: ReleaseScope): Zone[] {
  const rows = db
    .prepare(`SELECT * FROM zones WHERE ${releasedSql(db, 'marking')} ORDER BY name, id`)
    .all(releasedParams(scope)) as Row[];
  return rows.map(toZone);
}

export function getZone(db: Db, id: string): Zone | null {
  const row = db.prepare('SELECT * FROM zones WHERE id = ?').get(id) as Row | undefined;
  return row ? toZone(row) : null;
}

export type ZonePatch = Partial<Pick<Zone, 'name' | 'kind' | 'color' | 'polygon' | 'marking'>>;

/** Optimistic update: false when the row is missing or its version moved on. */
export function updateZone(db: Db, id: string, expectedVersion: number, patch: ZonePatch): boolean {
  const r = db
    .prepare(
      `UPDATE zones SET name = coalesce(@name, name), kind = coalesce(@kind, kind), color = coalesce(@color, color),
         polygon = coalesce(@polygon, polygon),
         marking = CASE WHEN CAST(@setMarking AS integer) = 1 THEN CAST(@marking AS text) ELSE marking END, version = version + 1
       WHERE id = @id AND version = @expectedVersion`,
    )
    .run({
      id,
      expectedVersion,
      name: patch.name ?? null,
      kind: patch.kind ?? null,
      color: patch.color ?? null,
      polygon: patch.polygon ? JSON.stringify(patch.polygon) : null,
      // null is a marking (all partners), so "not given" needs its own flag.
      setMarking: patch.marking !== undefined ? 1 : 0,
      marking: markingColumn(patch.marking),
    });
  touch(db, 'zones', id);
  return r.changes === 1;
}

/** Optimistic delete: false when the row is missing or its version moved on. */
export function deleteZone(db: Db, id: string, expectedVersion: number): boolean {
  const r = db.prepare('DELETE FROM zones WHERE id = ? AND version = ?').run(id, expectedVersion);
  touch(db, 'zones', id);
  return r.changes === 1;
}
