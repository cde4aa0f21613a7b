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

/** Metres per degree of latitude on turf's sphere: a great circle is never shorter than its meridian part. */
const M_PER_DEG_LAT = (6371008.8 * Math.PI) / 180;

/** [west, south, east, north] of each area, worked out once per polygon array (candidates are kept). */
const boxes = new WeakMap<object, [number, number, number, number]>();

function boxOf(polygon: LonLat[][]): [number, number, number, number] {
  let box = boxes.get(polygon);
  if (!box) {
    box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of polygon[0] ?? [])
      box = [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)];
    boxes.set(polygon, box);
  }
  return box;
}

/** Metres from the point to the place; Infinity when it is surely farther than `within`. */
function distanceTo(c: PlaceCandidate, lon: number, lat: number, within = Infinity): number {
  if ('point' in c) {
    // Most landmarks of a city are ruled out by latitude alone, without the great-circle formula.
    if (Math.abs(c.point[1] - lat) * M_PER_DEG_LAT > within + 1) return Infinity;
    return distance(point([lon, lat]), point(c.point), { units: 'kilometers' }) * 1000;
  }
  if ('line' in c) return c.line.length > 1 ? distanceToLineM(c.line, lon, lat) : Infinity;
  const [w, s, e, n] = boxOf(c.polygon);
  if (lon < w || lon > e || lat < s || lat > n) return Infinity;
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
  // The areas are tested only when no landmark or street is near: a point-in-polygon test of a
  // district is the dearest step, and most points on a board are near a venue or a bridge.
  // Past `within` a place is of no use: a landmark farther than FAR_M, a street farther than NEAR_M.
  const nearest = (kinds: (k: PlaceKind) => boolean, within: number): PlaceName | null => {
    let best: PlaceName | null = null;
    for (const c of candidates) {
      if (!kinds(c.kind)) continue;
      const d = distanceTo(c, lon, lat, best ? best.distanceM : within);
      if (Number.isFinite(d) && (!best || d < best.distanceM)) best = found(c, d);
    }
    return best;
  };
  const landmark = nearest((k) => LANDMARK.has(k), FAR_M);
  if (landmark && landmark.distanceM <= NEAR_M) return landmark;
  const street = nearest((k) => k === 'street', NEAR_M);
  if (street && street.distanceM <= NEAR_M) return street;
  // The first zone the point is in (in the order given), then the first district.
  for (const kind of ['zone', 'district'] as const)
    for (const c of candidates)
      if (c.kind === kind && Number.isFinite(distanceTo(c, lon, lat))) return found(c, 0);
  return landmark && landmark.distanceM <= FAR_M ? landmark : null;
}

const found = (c: PlaceCandidate, distanceM: number): PlaceName => ({
  name: c.name,
  kind: c.kind,
  distanceM,
  ...(c.nameEn ? { nameEn: c.nameEn } : {}),
});

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
