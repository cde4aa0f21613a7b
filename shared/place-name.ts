// A map point in words: the nearest named place and how far it is ("Pont Alexandre III, 40 m"), so
// an officer can direct someone without reading coordinates. Pure: the candidates (venues, bridges,
// zones, districts, streets) are gathered by the caller (electron/services/place-names.ts).
import distance from '@turf/distance';
import { point } from '@turf/helpers';
import { distanceToLineM } from './geo.js';
import { pointInPolygon } from './zones.js';

export const PLACE_KINDS = ['venue', 'bridge', 'route_point', 'street', 'zone', 'district'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

type LonLat = [number, number];

/** A named place: a point (venue, bridge), a line (street) or an area (zone, district). */
export type PlaceCandidate = { kind: PlaceKind; name: string; nameEn?: string } & (
  { point: LonLat } | { line: LonLat[] } | { polygon: LonLat[][] }
);

export interface PlaceName {
  name: string;
  /** The English name where the place has its own (Paris arrondissements); else `name`. */
  nameEn?: string;
  kind: PlaceKind;
  /** Metres from the point to the place; 0 when the point is inside it. */
  distanceM: number;
}

/** How near a named place must be to describe the point before zones and districts are used. */
export const NEAR_M = 300;
/** Past this, a landmark is too far to help; the point is left as coordinates. */
export const FAR_M = 3000;

/** Landmarks an officer names before a street: venues, bridges and the route's named points. */
const LANDMARK: ReadonlySet<PlaceKind> = new Set(['venue', 'bridge', 'route_point']);

function distanceTo(c: PlaceCandidate, lon: number, lat: number): number {
  if ('point' in c) return distance(point([lon, lat]), point(c.point), { units: 'kilometers' }) * 1000;
  if ('line' in c) return c.line.length > 1 ? distanceToLineM(c.line, lon, lat) : Infinity;
  return pointInPolygon(lon, lat, c.polygon) ? 0 : Infinity;
}

/**
 * The place that describes (lon, lat) best: the nearest landmark within NEAR_M, else the nearest
 * street within NEAR_M, else the zone, then the district, the point is in, else the nearest
 * landmark within FAR_M; null when nothing is known nearby.
 */
export function nameOfPoint(
  lon: number,
  lat: number,
  candidates: readonly PlaceCandidate[],
): PlaceName | null {
  let landmark: PlaceName | null = null;
  let street: PlaceName | null = null;
  let zone: PlaceName | null = null;
  let district: PlaceName | null = null;
  for (const c of candidates) {
    const d = distanceTo(c, lon, lat);
    if (!Number.isFinite(d)) continue;
    const found: PlaceName = {
      name: c.name,
      kind: c.kind,
      distanceM: d,
      ...(c.nameEn ? { nameEn: c.nameEn } : {}),
    };
    if (LANDMARK.has(c.kind)) {
      if (!landmark || d < landmark.distanceM) landmark = found;
    } else if (c.kind === 'street') {
      if (!street || d < street.distanceM) street = found;
    } else if (c.kind === 'zone') zone ??= found;
    else district ??= found;
  }
  if (landmark && landmark.distanceM <= NEAR_M) return landmark;
  if (street && street.distanceM <= NEAR_M) return street;
  if (zone) return zone;
  if (district) return district;
  return landmark && landmark.distanceM <= FAR_M ? landmark : null;
}

/** "40 m" below 1 km (to the nearest 10 m), "1.2 km" (fr: "1,2 km") above. */
export function formatDistanceM(m: number, lang: 'en' | 'fr'): string {
  if (m < 995) return `${Math.max(10, Math.round(m / 10) * 10)} m`;
  const km = (m / 1000).toFixed(1);
  return `${lang === 'fr' ? km.replace('.', ',') : km} km`;
}

/** "Pont Alexandre III, 40 m"; the name alone when the point is on or in the place (under 10 m). */
export function placeText(p: PlaceName, lang: 'en' | 'fr'): string {
  const name = lang === 'en' && p.nameEn ? p.nameEn : p.name;
  return p.distanceM < 10 ? name : `${name}, ${formatDistanceM(p.distanceM, lang)}`;
}
