// Editing the shape of a stored zone: its rings without the closing position, whose corners are
// moved, inserted (on an edge's midpoint) or removed, never below three per ring. Pure, so the map
// drag, the zones panel and the unit tests share it; shared/zones.ts judges the result.
import { polygonProblems, type GeometryProblem } from '../../shared/zones';

export type Corner = [number, number];
export type Ring = Corner[];
/** A corner: `index` in ring `ring` (0 = the outer ring). For an edge, its first corner. */
export interface CornerRef {
  ring: number;
  index: number;
}

export const MIN_CORNERS = 3;

const same = (a: readonly number[], b: readonly number[]) => a[0] === b[0] && a[1] === b[1];

/** Stored rings (closed, GeoJSON) → editable rings (the closing position dropped). */
export function openRings(polygon: readonly (readonly Corner[])[]): Ring[] {
  return polygon.map((ring) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    const open = first && last && ring.length > 1 && same(first, last) ? ring.slice(0, -1) : ring.slice();
    return open.map(([lon, lat]) => [lon, lat]);
  });
}

/** Editable rings → GeoJSON Polygon coordinates (each ring closed again). */
export function closeRings(rings: readonly Ring[]): Corner[][] {
  return rings.map((ring) => (ring[0] ? [...ring, ring[0]] : []));
}

const valid = (rings: readonly Ring[], at: CornerRef) => {
  const ring = rings[at.ring];
  return ring !== undefined && Number.isInteger(at.index) && at.index >= 0 && at.index < ring.length;
};

const replaceRing = (rings: readonly Ring[], r: number, ring: Ring): Ring[] =>
  rings.map((old, i) => (i === r ? ring : old));

export function moveCorner(rings: readonly Ring[], at: CornerRef, to: Corner): Ring[] {
  if (!valid(rings, at)) return rings.slice();
  const ring = rings[at.ring] as Ring;
  return replaceRing(
    rings,
    at.ring,
    ring.map((c, i) => (i === at.index ? [to[0], to[1]] : c)),
  );
}

/** The middle of the edge from corner `at` to the next one (the last edge closes the ring). */
export function edgeMidpoint(rings: readonly Ring[], at: CornerRef): Corner | null {
  if (!valid(rings, at)) return null;
  const ring = rings[at.ring] as Ring;
  const a = ring[at.index] as Corner;
  const b = ring[(at.index + 1) % ring.length] as Corner;
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}

/** A new corner on the edge that starts at `at`; it becomes corner `at.index + 1`. */
export function insertCorner(rings: readonly Ring[], at: CornerRef, corner: Corner): Ring[] {
  if (!valid(rings, at)) return rings.slice();
  const ring = (rings[at.ring] as Ring).slice();
  ring.splice(at.index + 1, 0, [corner[0], corner[1]]);
  return replaceRing(rings, at.ring, ring);
}

export function canRemoveCorner(rings: readonly Ring[], at: CornerRef): boolean {
  return valid(rings, at) && (rings[at.ring] as Ring).length > MIN_CORNERS;
}

/** Removes a corner; a ring already at three corners is returned unchanged (the same array). */
export function removeCorner(rings: readonly Ring[], at: CornerRef): readonly Ring[] {
  if (!canRemoveCorner(rings, at)) return rings;
  return replaceRing(
    rings,
    at.ring,
    (rings[at.ring] as Ring).filter((_, i) => i !== at.index),
  );
}

export const cornerCount = (rings: readonly Ring[]): number => rings.reduce((n, r) => n + r.length, 0);

export function sameShape(a: readonly Ring[], b: readonly Ring[]): boolean {
  return a.length === b.length && a.every((r, i) => JSON.stringify(r) === JSON.stringify(b[i]));
}

/** What shared/zones.ts finds wrong with the edited shape (the server runs the same check). */
export function shapeProblems(rings: readonly Ring[]): GeometryProblem[] {
  return polygonProblems(closeRings(rings));
}
