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
import { nameOfPoint, type PlaceCandidate, type PlaceName } from '../../shared/place-name.js';
import { foldPlace } from '../../shared/place-match.js';
import { listVenues } from '../store/venues.js';
import { listRoutes } from '../store/routes.js';
import { listZones } from '../store/zones.js';
import { defaultResourcesDir } from './handover-resources.js';
import type { Ctx } from './context.js';
import type { Desk } from './desk.js';
import { listZonesFor } from './zones.js';
import { streetCandidates } from './street-names.js';

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

/** Every named place a point can be described by, with the zones given (those the reader may see). */
export function placeCandidates(db: Db, zones: readonly Zone[]): PlaceCandidate[] {
  const out: PlaceCandidate[] = [];
  for (const v of listVenues(db)) out.push({ kind: 'venue', name: v.name, point: [v.lon, v.lat] });
  for (const r of listRoutes(db))
    for (const b of r.bridges)
      out.push({
        kind: isBridgeName(b.name) ? 'bridge' : 'route_point',
        name: b.name,
        point: [b.lon, b.lat],
      });
  for (const z of zones) out.push({ kind: 'zone', name: z.name, polygon: z.polygon });
  out.push(...builtInPlaces());
  return out;
}

/** The candidates as this desk may see them (zones released to it only). */
export const placeCandidatesFor = (ctx: Ctx, desk: Desk): PlaceCandidate[] =>
  placeCandidates(ctx.db, listZonesFor(ctx, desk));

/** Every candidate, all zones included: for the host's handover report. */
export const allPlaceCandidates = (db: Db): PlaceCandidate[] => placeCandidates(db, listZones(db));

/** The point in words: the candidates given, and the loaded base map's streets near the point. */
export const nameOf = (
  db: Db,
  candidates: readonly PlaceCandidate[],
  lat: number,
  lon: number,
): PlaceName | null => nameOfPoint(lon, lat, [...candidates, ...streetCandidates(db, lat, lon)]);

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

/** The incidents, each with the place its point is nearest (null without a point). */
export function withPlaces<T extends Incident>(ctx: Ctx, desk: Desk, incidents: T[]): T[] {
  let candidates: PlaceCandidate[] | null = null;
  return incidents.map((i) => {
    if (i.lat === null || i.lon === null) return { ...i, place: null };
    candidates ??= placeCandidatesFor(ctx, desk);
    return { ...i, place: nameOf(ctx.db, candidates, i.lat, i.lon) };
  });
}
