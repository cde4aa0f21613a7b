// The zone being drawn, checked as it grows with shared/zones.ts (the server applies the same
// check): fewer than three points is not yet a polygon.
import { polygonProblems, type GeometryProblem } from '../../shared/zones';

export function closedRing(points: readonly [number, number][]): [number, number][][] {
  const first = points[0];
  return first ? [[...points, first]] : [];
}

export function draftProblems(points: readonly [number, number][]): GeometryProblem[] {
  if (points.length < 3) return [{ path: '0', message: 'at least three points' }];
  return polygonProblems(closedRing(points));
}

/** Drops a point repeated by the clicks of a double-click. */
export function withoutRepeats(points: readonly [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || Math.abs(last[0] - p[0]) > 1e-7 || Math.abs(last[1] - p[1]) > 1e-7) out.push(p);
  }
  return out;
}
