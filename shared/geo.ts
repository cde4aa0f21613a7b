// Geometry helpers on WGS84 [lon, lat] coordinates (turf: pure JS, no Node or DOM).
import nearestPointOnLine from '@turf/nearest-point-on-line';
import { lineString, point } from '@turf/helpers';

/** Distance along a line (km from its first vertex) of the point on it nearest to (lon, lat). */
export function chainageKm(line: readonly (readonly [number, number])[], lon: number, lat: number): number {
  const snapped = nearestPointOnLine(lineString(line.map((c) => [c[0], c[1]])), point([lon, lat]), {
    units: 'kilometers',
  });
  return snapped.properties.location ?? 0;
}

/** Distance in metres from (lon, lat) to the nearest point of a line. */
export function distanceToLineM(
  line: readonly (readonly [number, number])[],
  lon: number,
  lat: number,
): number {
  const snapped = nearestPointOnLine(lineString(line.map((c) => [c[0], c[1]])), point([lon, lat]), {
    units: 'kilometers',
  });
  return (snapped.properties.dist ?? 0) * 1000;
}
