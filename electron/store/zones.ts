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

export function insertZone(db: Db, z: Omit<Zone, 'version'>): void {
  db.prepare(
    'INSERT INTO zones (id, name, kind, color, polygon) VALUES (@id, @name, @kind, @color, @polygon)',
  ).run({
    ...z,
    polygon: JSON.stringify(z.polygon),
  });
}

export function listZones(db: Db): Zone[] {
  return (db.prepare('SELECT * FROM zones ORDER BY name').all() as Row[]).map((r) => ({
    ...r,
    polygon: JSON.parse(r.polygon) as Zone['polygon'],
  }));
}
