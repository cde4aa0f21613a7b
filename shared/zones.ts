// Zones and sectors: their vocabulary and the rules a zone polygon must follow (./zone-geojson.ts
// reads and writes them as GeoJSON). Pure: the same checks run in the renderer (while an officer
// draws) and in the main process (before anything is written).
import { kinks } from '@turf/kinks';

export const ZONE_KINDS = ['security_perimeter', 'sector', 'red_zone', 'blue_zone', 'other'] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];
export const isZoneKind = (v: unknown): v is ZoneKind => ZONE_KINDS.includes(v as ZoneKind);

/** The colour a zone gets when an import does not give one. */
export const DEFAULT_ZONE_COLOR: Record<ZoneKind, string> = {
  security_perimeter: '#f59e0b',
  sector: '#1e88e5',
  red_zone: '#d32f2f',
  blue_zone: '#1565c0',
  other: '#8b949e',
};

export const ZONE_LIMITS = {
  rings: 50,
  positionsPerRing: 10_000,
  features: 1000,
  bytes: 5 * 1024 * 1024,
} as const;
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
/** Ids an import may carry (seeded zones use kebab ids, new ones ULIDs). */
export const ZONE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export type Position = [lon: number, lat: number];
export type PolygonRings = Position[][];

/** One thing wrong with a geometry; `path` is relative to the polygon's coordinates ("0.3" = ring 0, position 3). */
export interface GeometryProblem {
  path: string;
  message: string;
}

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number';
const samePosition = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Twice the signed planar area of a ring (positive when counter-clockwise). */
function signedArea2(ring: readonly Position[]): number {
  let s = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [a, b] = [ring[i] as Position, ring[i + 1] as Position];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s;
}

/** A ring without repeated consecutive positions (the closing position is kept). */
function dedupe(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) if (!out.length || !samePosition(out[out.length - 1] as Position, p)) out.push(p);
  return out;
}

/** Point in a ring by ray casting (planar lon/lat; fine at city scale). */
export function pointInRing(lon: number, lat: number, ring: readonly Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Position;
    const [xj, yj] = ring[j] as Position;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole. */
export function pointInPolygon(lon: number, lat: number, rings: readonly (readonly Position[])[]): boolean {
  const [outer, ...holes] = rings;
  return !!outer && pointInRing(lon, lat, outer) && !holes.some((h) => pointInRing(lon, lat, h));
}

/**
 * Everything wrong with a Polygon's coordinates: not an array of rings, too many rings or
 * positions, a position that is not [lon, lat] in range, a ring with fewer than 4 positions (3
 * distinct corners) or not closed, no area, a ring that crosses itself or another ring, a hole
 * outside the outer ring. Empty when the polygon is valid.
 */
export function polygonProblems(coordinates: unknown): GeometryProblem[] {
  if (!Array.isArray(coordinates) || coordinates.length === 0)
    return [{ path: '', message: 'a Polygon needs an array of rings ([[[lon, lat], ...]])' }];
  if (coordinates.length > ZONE_LIMITS.rings)
    return [{ path: '', message: `more than ${ZONE_LIMITS.rings} rings` }];
  const problems: GeometryProblem[] = [];
  const rings: Position[][] = [];
  coordinates.forEach((ring: unknown, r) => {
    const where = `${r}`;
    if (!Array.isArray(ring))
      return problems.push({ path: where, message: `ring ${r} is not an array of positions` });
    if (ring.length > ZONE_LIMITS.positionsPerRing)
      return problems.push({
        path: where,
        message: `ring ${r} has more than ${ZONE_LIMITS.positionsPerRing} positions`,
      });
    const bad = ring.findIndex((p) => !isPosition(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1]));
    if (bad >= 0)
      return problems.push({
        path: `${r}.${bad}`,
        message: `ring ${r}, position ${bad} is not [lon, lat] numbers`,
      });
    const out = (ring as Position[]).findIndex(
      ([lon, lat]) => lon < -180 || lon > 180 || lat < -90 || lat > 90,
    );
    if (out >= 0) {
      const [lon, lat] = ring[out] as Position;
      return problems.push({
        path: `${r}.${out}`,
        message: `ring ${r}, position ${out}: [${lon}, ${lat}] is out of range (lon -180..180, lat -90..90; GeoJSON is [lon, lat])`,
      });
    }
    const positions = ring as Position[];
    if (positions.length < 4)
      return problems.push({
        path: where,
        message: `ring ${r} has ${positions.length} positions; a ring needs at least 4 (3 corners and the closing one)`,
      });
    if (!samePosition(positions[0] as Position, positions[positions.length - 1] as Position))
      return problems.push({
        path: where,
        message: `ring ${r} is not closed: its last position must repeat the first`,
      });
    const distinct = dedupe(positions);
    if (distinct.length < 4)
      return problems.push({ path: where, message: `ring ${r} has fewer than 3 distinct corners` });
    rings.push(distinct);
  });
  if (problems.length) return problems;
  const crossings = kinks({ type: 'Polygon', coordinates: rings }).features;
  const first = crossings[0];
  if (first) {
    const [lon, lat] = first.geometry.coordinates as Position;
    const where = `near [${lon.toFixed(6)}, ${lat.toFixed(6)}]`;
    problems.push({
      path: '',
      message: `the polygon crosses itself ${where}${crossings.length > 1 ? ` (and at ${crossings.length - 1} more places)` : ''}`,
    });
    return problems;
  }
  rings.forEach((ring, r) => {
    if (signedArea2(ring) === 0) problems.push({ path: `${r}`, message: `ring ${r} has no area` });
  });
  if (problems.length) return problems;
  const outer = rings[0] as Position[];
  rings.slice(1).forEach((hole, h) => {
    const [lon, lat] = hole[0] as Position;
    if (!pointInRing(lon, lat, outer))
      problems.push({ path: `${h + 1}`, message: `hole ${h + 1} lies outside the outer ring` });
  });
  return problems;
}

const round7 = (n: number) => Math.round(n * 1e7) / 1e7;

/**
 * The stored form of a valid polygon: repeated positions dropped, 7 decimals (1 cm), outer ring
 * counter-clockwise and holes clockwise (RFC 7946).
 */
export function normalizePolygon(rings: readonly (readonly Position[])[]): PolygonRings {
  return rings.map((ring, i) => {
    const r = dedupe(ring.map(([lon, lat]) => [round7(lon), round7(lat)] as Position));
    const ccw = signedArea2(r) > 0;
    return (i === 0) === ccw ? r : r.reverse();
  });
}
