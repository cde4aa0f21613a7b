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

const RAD = Math.PI / 180;
/** turf's sphere, in metres. */
const EARTH_M = 6371008.8;

/**
 * The haversine term of turf's distance formula from a point to landmark i of the index (on its
 * sphere, without making two GeoJSON points per call): it grows with the distance, so it finds the
 * nearest among dozens for each of a board's thousands of rows; turf then measures that one.
 */
function haversine(at: Float64Array, i: number, lonR: number, latR: number, cosLat: number): number {
  const dLat = (at[3 * i + 1] as number) - latR;
  const dLon = (at[3 * i] as number) - lonR;
  return Math.sin(dLat / 2) ** 2 + Math.sin(dLon / 2) ** 2 * cosLat * (at[3 * i + 2] as number);
}
const metresOf = (a: number): number => 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * EARTH_M;
const haversineOf = (m: number): number => Math.sin(m / EARTH_M / 2) ** 2;

type Box = [west: number, south: number, east: number, north: number];
type Pointed = PlaceCandidate & { point: LonLat };
type Lined = PlaceCandidate & { line: LonLat[] };
type Area = PlaceCandidate & { polygon: LonLat[][] };

/** The candidates sorted by what they are, each area with its box: built once per candidate list. */
interface PlaceIndex {
  landmarks: Pointed[];
  /** Each landmark's longitude and latitude in radians and the cosine of its latitude. */
  at: Float64Array;
  streets: Lined[];
  /** Zones, then districts, each in the order given. */
  areas: { zone: { c: Area; box: Box }[]; district: { c: Area; box: Box }[] };
}

const boxOf = (polygon: LonLat[][]): Box => {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of polygon[0] ?? []) {
    box[0] = Math.min(box[0], x);
    box[1] = Math.min(box[1], y);
    box[2] = Math.max(box[2], x);
    box[3] = Math.max(box[3], y);
  }
  return box;
};

function buildIndex(candidates: readonly PlaceCandidate[]): PlaceIndex {
  const index: PlaceIndex = {
    landmarks: [],
    at: new Float64Array(0),
    streets: [],
    areas: { zone: [], district: [] },
  };
  for (const c of candidates) {
    if ('point' in c) {
      if (LANDMARK.has(c.kind)) index.landmarks.push(c);
    } else if ('line' in c) {
      if (c.kind === 'street' && c.line.length > 1) index.streets.push(c);
    } else if (c.kind === 'zone' || c.kind === 'district') {
      index.areas[c.kind].push({ c, box: boxOf(c.polygon) });
    }
  }
  index.at = new Float64Array(
    index.landmarks.flatMap((c) => [c.point[0] * RAD, c.point[1] * RAD, Math.cos(c.point[1] * RAD)]),
  );
  return index;
}

// Callers keep their candidate lists (electron/services/place-names.ts), so the index is built
// once per list, not once per point of a board of thousands.
const indexes = new WeakMap<readonly PlaceCandidate[], PlaceIndex>();

function indexOf(candidates: readonly PlaceCandidate[]): PlaceIndex {
  let index = indexes.get(candidates);
  if (!index) {
    index = buildIndex(candidates);
    indexes.set(candidates, index);
  }
  return index;
}

const NONE: PlaceIndex = buildIndex([]);

/**
 * The place that describes (lon, lat) best: the nearest landmark within NEAR_M, else the nearest
 * street within NEAR_M, else the zone, then the district, the point is in, else the nearest
 * landmark within FAR_M; null when nothing is known nearby. `more`: candidates of this point only
 * (the streets near it), taken after `candidates`.
 */
export function nameOfPoint(
  lon: number,
  lat: number,
  candidates: readonly PlaceCandidate[],
  more: readonly PlaceCandidate[] = [],
): PlaceName | null {
  const lists = more.length ? [indexOf(candidates), buildIndex(more)] : [indexOf(candidates), NONE];
  // The nearest landmark within FAR_M, found on the haversine term, then measured by turf (with
  // any other within a metre of it, so that ties go to the first given, as turf's figures decide).
  const lonR = lon * RAD;
  const latR = lat * RAD;
  const cosLat = Math.cos(latR);
  let least = haversineOf(FAR_M);
  for (const { at, landmarks } of lists)
    for (let i = 0; i < landmarks.length; i++) least = Math.min(least, haversine(at, i, lonR, latR, cosLat));
  const limit = haversineOf(metresOf(least) + 1);
  let landmark: PlaceName | null = null;
  for (const { at, landmarks } of lists)
    for (let i = 0; i < landmarks.length; i++) {
      if (haversine(at, i, lonR, latR, cosLat) > limit) continue;
      const c = landmarks[i] as Pointed;
      const d = distance(point([lon, lat]), point(c.point), { units: 'kilometers' }) * 1000;
      if (!landmark || d < landmark.distanceM) landmark = found(c, d);
    }
  if (landmark && landmark.distanceM <= NEAR_M) return landmark;
  let street: PlaceName | null = null;
  for (const index of lists)
    for (const c of index.streets) {
      const d = distanceToLineM(c.line, lon, lat);
      if (Number.isFinite(d) && (!street || d < street.distanceM)) street = found(c, d);
    }
  if (street && street.distanceM <= NEAR_M) return street;
  // The areas are tested only when no landmark or street is near: a point-in-polygon test of a
  // district is the dearest step, and most points on a board are near a venue or a bridge.
  for (const kind of ['zone', 'district'] as const)
    for (const index of lists)
      for (const { c, box } of index.areas[kind])
        if (
          lon >= box[0] &&
          lon <= box[2] &&
          lat >= box[1] &&
          lat <= box[3] &&
          pointInPolygon(lon, lat, c.polygon)
        )
          return found(c, 0);
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
