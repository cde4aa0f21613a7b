import { touch } from './after-images.js';
import type { Db } from './db.js';
import type { Venue } from '../../shared/domain.js';

export function insertVenue(db: Db, v: Venue): void {
  db.prepare(
    'INSERT INTO venues (id, name, kind, lat, lon, note) VALUES (@id, @name, @kind, @lat, @lon, @note)',
  ).run(v);
  touch(db, 'venues', v.id);
}

export function listVenues(db: Db): Venue[] {
  return db.prepare('SELECT id, name, kind, lat, lon, note FROM venues ORDER BY name').all() as Venue[];
}

export function getVenue(db: Db, id: string): Venue | null {
  return (
    (db.prepare('SELECT id, name, kind, lat, lon, note FROM venues WHERE id = ?').get(id) as
      Venue | undefined) ?? null
  );
}
