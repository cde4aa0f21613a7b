import { touch } from './after-images.js';
import type { Db } from './db.js';
import type { Venue } from '../../shared/domain.js';
import { getMeta, setMeta } from './meta.js';

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

// Venues have no alias column (a schema change is the lead's): a scenario's aliases are kept as one
// meta row, { venueId: [alias, ...] }, journaled like any meta write.
const ALIASES_KEY = 'venue_aliases';

export function setVenueAliases(db: Db, aliases: Record<string, string[]>): void {
  if (Object.keys(aliases).length) setMeta(db, ALIASES_KEY, JSON.stringify(aliases));
}

export function venueAliases(db: Db): Record<string, string[]> {
  const raw = getMeta(db, ALIASES_KEY);
  return raw ? (JSON.parse(raw) as Record<string, string[]>) : {};
}

/** The venues with the other names they are known by, for matching a place named in free text. */
export function listNamedVenues(db: Db): (Venue & { aliases: string[] })[] {
  const aliases = venueAliases(db);
  return listVenues(db).map((v) => ({ ...v, aliases: aliases[v.id] ?? [] }));
}
