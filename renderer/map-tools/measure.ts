// Distances for the measure tool: the sum of the legs between clicked points (@turf/distance, on the
// sphere), written in metres below 1 km and in km above.
import distance from '@turf/distance';

export function pathKm(points: readonly [number, number][]): number {
  let km = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a && b) km += distance(a, b, { units: 'kilometers' });
  }
  return km;
}

export const formatKm = (km: number): string =>
  km < 1 ? `${Math.round(km * 1000)} m` : `${km.toFixed(2)} km`;
