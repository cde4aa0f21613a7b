// Names picked points (incidents' positions) after the nearest named place (shared/place-name.ts).
// The names are worked out when read, never stored: they follow the reference data (a venue moved,
// a zone drawn, a base map loaded) without a write, a journal entry or a schema change, and the
// operator's own location text stays theirs. Candidates: the stored venues, the routes' bridges
// and named points, the zones the desk may see, the built-in map's bridges and districts, and the
// streets of the operator's vector base map near the point (electron/services/street-names.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../store/db.js';
import type { Incident, Zone } from '../../shared/domain.js';
import { hostCountry } from '../store/meta.js';
import { referenceGeneration } from '../store/reference-generation.js';
import { nameOfPoint, type PlaceCandidate, type PlaceName } from '../../shared/place-name.js';
import { foldPlace } from '../../shared/place-match.js';
import { listVenues } from '../store/venues.js';
import { listRoutes } from '../store/routes.js';
import { listZones } from '../store/zones.js';
import { defaultResourcesDir } from './handover-resources.js';
import type { Ctx } from './context.js';
import type { Desk } from './desk.js';
import { audienceOf } from './audience.js';
import { scopeOf } from './releasability.js';
import { streetCandidates } from './street-names.js';
import { basemapSlot } from '../tiles/slot.js';

type LonLat = [number, number];

const builtIn = new Map<string, PlaceCandidate[]>();

interface BaseFeature {
  properties?: { name?: unknown; nameEn?: unknown };
  geometry?: { type?: unknown; coordinates?: unknown };
}

/** Bridges and districts of the built-in base map (resources/geo/paris-base.json); none if absent. */
export function builtInPlaces(resourcesDir = defaultResourcesDir()): PlaceCandidate[] {
  const file = join(resourcesDir, 'geo', 'paris-base.json');
  let found = builtIn.get(file);
  if (found) return found;
  found = [];
  try {
    if (existsSync(file)) {
      const base = JSON.parse(readFileSync(file, 'utf8')) as {
        layers?: Record<string, { features?: BaseFeature[] }>;
      };
      for (const f of base.layers?.bridges?.features ?? []) {
        const name = f.properties?.name;
        if (typeof name === 'string' && f.geometry?.type === 'Point')
          found.push({ kind: 'bridge', name, point: f.geometry.coordinates as LonLat });
      }
      for (const f of base.layers?.arrondissements?.features ?? []) {
        const { name, nameEn } = f.properties ?? {};
        if (typeof name === 'string' && f.geometry?.type === 'Polygon')
          found.push({
            kind: 'district',
            name,
            ...(typeof nameEn === 'string' ? { nameEn } : {}),
            polygon: f.geometry.coordinates as LonLat[][],
          });
      }
    }
  } catch {
    found = []; // a damaged resource names nothing; points are then shown as coordinates
  }
  builtIn.set(file, found);
  return found;
}

/** A route's named point is a bridge when its name says so ("Pont …", "… Bridge"). */
const isBridgeName = (name: string): boolean =>
  /^(pont|passerelle)\b|\bpont$|\bbridge\b/.test(foldPlace(name));

/** The venues and the routes' named points: the candidates every desk shares. */
function landmarksOf(db: Db): PlaceCandidate[] {
  const out: PlaceCandidate[] = [];
  for (const v of listVenues(db)) out.push({ kind: 'venue', name: v.name, point: [v.lon, v.lat] });
  for (const r of listRoutes(db))
    for (const b of r.bridges)
      out.push({
        kind: isBridgeName(b.name) ? 'bridge' : 'route_point',
        name: b.name,
        point: [b.lon, b.lat],
      });
  return out;
}

/**
 * What the candidates are built from, kept per database while its reference counter (raised by
 * the database's triggers, store/reference-generation.ts) stands still: most reads then cost one
 * small read instead of the venues, routes, zones and host nation, on a room as on a file.
 */
interface Reference {
  generation: number | null;
  host: string;
  landmarks: PlaceCandidate[];
  /** Every candidate, per release scope of the zones ('all': every zone). */
  byScope: Map<string, PlaceCandidate[]>;
  /**
   * Points already named, per release scope and loaded base map: a board read again (after every
   * change, on every desk) names each incident once per counter, not once per read.
   */
  names: Map<string, PointNames>;
}

/**
 * Names by point, under one number made of both coordinates (no string, no map per point); points
 * that share it are chained and told apart by their exact coordinates.
 */
interface PointNames {
  byKey: Map<number, Named>;
  size: number;
}
interface Named {
  lat: number;
  lon: number;
  place: PlaceName | null;
  next: Named | null;
}

/** Points named per scope before that scope's names are dropped (a day's incidents fit many times). */
const NAMES_KEPT = 100_000;

const references = new WeakMap<Db, Reference>();

/**
 * The counter as a write's transaction read it last (store/reference-generation.ts,
 * referenceGenerationAhead): the write's answer is named after the commit without a read of its own.
 */
export type KnownGeneration = number | null | undefined;

function reference(db: Db, known?: KnownGeneration): Reference {
  // Inside a transaction a write may not have raised the counter yet (a room raises it at COMMIT)
  // or may be rolled back with it: read afresh there, and keep nothing.
  const inTransaction = db.touched.inTransaction;
  // Read before the data it guards, so that data is never older than the counter it is kept under
  // (a known reading was taken before its transaction's commit, so before any read made here).
  const generation = known !== undefined && !inTransaction ? known : referenceGeneration(db);
  const kept = references.get(db);
  if (kept && kept.generation === generation && !inTransaction) return kept;
  const fresh: Reference = {
    generation,
    host: hostCountry(db),
    landmarks: landmarksOf(db),
    byScope: new Map(),
    names: new Map(),
  };
  if (!inTransaction && generation !== null) references.set(db, fresh);
  return fresh;
}

function candidatesIn(ref: Reference, scopeKey: string, zones: () => Zone[]): PlaceCandidate[] {
  let found = ref.byScope.get(scopeKey);
  if (!found) {
    found = [
      ...ref.landmarks,
      ...zones().map((z): PlaceCandidate => ({ kind: 'zone', name: z.name, polygon: z.polygon })),
      ...builtInPlaces(),
    ];
    ref.byScope.set(scopeKey, found);
  }
  return found;
}

interface DeskPlaces {
  candidates: PlaceCandidate[];
  /** This desk's scope's names of points under the loaded base map. */
  names: PointNames;
}

function deskPlaces(ctx: Ctx, desk: Desk, known?: KnownGeneration): DeskPlaces {
  const ref = reference(ctx.db, known);
  const scope = scopeOf(audienceOf(desk, ref.host));
  const key = scope === undefined ? 'all' : `to:${scope.country ?? ''}`;
  const candidates = candidatesIn(ref, key, () => listZones(ctx.db, scope));
  // The streets come from the loaded base map, which a load replaces without touching the counter.
  const map = basemapSlot(ctx.db).info();
  const namesKey = `${key}|${map?.kind === 'vector' ? map.generation : '-'}`;
  let names = ref.names.get(namesKey);
  if (!names || names.size >= NAMES_KEPT) ref.names.set(namesKey, (names = { byKey: new Map(), size: 0 }));
  return { candidates, names };
}

/** The candidates as this desk may see them (zones released to it only). */
export const placeCandidatesFor = (ctx: Ctx, desk: Desk): PlaceCandidate[] =>
  deskPlaces(ctx, desk).candidates;

/** Every candidate, all zones included: for the host's handover report. */
export const allPlaceCandidates = (db: Db): PlaceCandidate[] =>
  candidatesIn(reference(db), 'all', () => listZones(db));

/** The point in words: the candidates given, and the loaded base map's streets near the point. */
export const nameOf = (
  db: Db,
  candidates: readonly PlaceCandidate[],
  lat: number,
  lon: number,
): PlaceName | null => nameOfPoint(lon, lat, candidates, streetCandidates(db, lat, lon));

/** The streets near each point, once each: for a report, whose incidents' points are known ahead. */
export function streetsNear(db: Db, points: readonly { lat: number; lon: number }[]): PlaceCandidate[] {
  const seen = new Set<string>();
  const out: PlaceCandidate[] = [];
  for (const p of points)
    for (const c of streetCandidates(db, p.lat, p.lon)) {
      const key = 'line' in c ? `${c.name}|${JSON.stringify(c.line)}` : c.name;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(c);
      }
    }
  return out;
}

/**
 * The point's name, worked out once per point under the reference counter; `keep`: remember it (a
 * board's rows, read again and again) or not (a write's answer: keeping every create's new point
 * grew the heap at each create, which cost more than the board naming it once later).
 */
function placeOf(ctx: Ctx, places: DeskPlaces, lat: number, lon: number, keep: boolean): PlaceName | null {
  const { names } = places;
  const key = lat * 1000 + lon;
  const first = names.byKey.get(key) ?? null;
  for (let n = first; n; n = n.next) if (n.lat === lat && n.lon === lon) return n.place;
  const place = nameOf(ctx.db, places.candidates, lat, lon);
  if (keep) {
    names.byKey.set(key, { lat, lon, place, next: first });
    names.size++;
  }
  return place;
}

/** The incidents, each copied with the place its point is nearest (null without a point). */
export function withPlaces<T extends Incident>(
  ctx: Ctx,
  desk: Desk,
  incidents: T[],
  known?: KnownGeneration,
): T[] {
  let places: DeskPlaces | null = null;
  return incidents.map((i) => {
    if (i.lat === null || i.lon === null) return { ...i, place: null };
    places ??= deskPlaces(ctx, desk, known);
    return { ...i, place: placeOf(ctx, places, i.lat, i.lon, false) };
  });
}

/**
 * The same, set on the rows themselves: for rows the store has just made for this answer (the
 * board's), which nothing else holds, so a copy of each would be wasted.
 */
export function placeRows<T extends Incident>(ctx: Ctx, desk: Desk, rows: T[]): T[] {
  let places: DeskPlaces | null = null;
  for (const r of rows) {
    if (r.lat === null || r.lon === null) r.place = null;
    else r.place = placeOf(ctx, (places ??= deskPlaces(ctx, desk)), r.lat, r.lon, true);
  }
  return rows;
}
