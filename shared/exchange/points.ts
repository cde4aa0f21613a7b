// A point from a partner's file (a checkpoint, a rally point, a camera) becomes a small round zone:
// named, marked, drawn on the map and listed with the zones, editable and journaled like them, with
// no new kind of record. The radius is an estimate of "here", not a perimeter.
import type { PolygonRings, Position } from '../zones.js';

export const POINT_ZONE_RADIUS_M = 25;
const CORNERS = 16;
const M_PER_DEG_LAT = 111_320;

/** Why a point cannot become a zone, or null. */
export function pointProblem(coordinates: unknown): string | null {
  if (
    !Array.isArray(coordinates) ||
    coordinates.length < 2 ||
    typeof coordinates[0] !== 'number' ||
    typeof coordinates[1] !== 'number' ||
    !Number.isFinite(coordinates[0]) ||
    !Number.isFinite(coordinates[1])
  )
    return 'a Point needs [lon, lat] numbers';
  const [lon, lat] = coordinates as [number, number];
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90)
    return `point [${lon}, ${lat}] is out of range (lon -180..180, lat -90..90; GeoJSON is [lon, lat])`;
  if (Math.abs(lat) > 85) return `point [${lon}, ${lat}] is too near a pole to draw as a zone`;
  return null;
}

/** A 16-cornered circle of POINT_ZONE_RADIUS_M around the point, counter-clockwise and closed. */
export function pointZonePolygon(lon: number, lat: number): PolygonRings {
  const dLat = POINT_ZONE_RADIUS_M / M_PER_DEG_LAT;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  const ring: Position[] = [];
  for (let k = 0; k < CORNERS; k++) {
    const a = (2 * Math.PI * k) / CORNERS;
    ring.push([lon + dLon * Math.cos(a), lat + dLat * Math.sin(a)]);
  }
  ring.push(ring[0] as Position);
  return [ring];
}
