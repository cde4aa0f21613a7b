// The operation's area: scenario.json's `area`, else the box round its routes, else round the
// middle of its venues. A place more than 200 km outside it is a typing error (a swapped lat/lon,
// a sign lost: Los Angeles at +118° is in China), refused by name before anything is written.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Problems, RouteData, VenueData, ZoneData } from './scenario-files.js';

/** What of a package the check reads (scenario-load's Scenario has it all). */
interface Placed {
  dir: string;
  scenario: { area?: Box | undefined };
  venues: readonly VenueData[];
  routes: readonly RouteData[];
  zones: readonly ZoneData[];
  units: readonly { callsign: string; lat: number; lon: number }[];
  incidents: readonly { lat: number | null; lon: number | null }[];
}

export const MAX_OUTSIDE_KM = 200;

interface Box {
  west: number;
  south: number;
  east: number;
  north: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

function boxOf(points: readonly (readonly [number, number])[]): Box | null {
  if (!points.length) return null;
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return {
    west: Math.min(...lons),
    east: Math.max(...lons),
    south: Math.min(...lats),
    north: Math.max(...lats),
  };
}

export function operationArea(s: Pick<Placed, 'scenario' | 'routes' | 'venues'>): Box | null {
  if (s.scenario.area) return s.scenario.area;
  const route = boxOf(s.routes.flatMap((r) => r.coordinates));
  if (route) return route;
  // The middle venue, not the box of all: one wrong venue must not stretch the area to reach it.
  if (!s.venues.length) return null;
  const lon = median(s.venues.map((v) => v.lon));
  const lat = median(s.venues.map((v) => v.lat));
  return { west: lon, east: lon, south: lat, north: lat };
}

/** Great-circle km from a point to the nearest point of the box. */
export function kmOutside(box: Box, lon: number, lat: number): number {
  const cLon = Math.min(Math.max(lon, box.west), box.east);
  const cLat = Math.min(Math.max(lat, box.south), box.north);
  const rad = Math.PI / 180;
  const dLat = (lat - cLat) * rad;
  const dLon = (lon - cLon) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat * rad) * Math.cos(cLat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

const VENUE_FILES = ['venues.json', 'venues.geojson', 'venues.csv'];
const ROUTE_FILES = ['route.json', 'routes.geojson'];

export function checkArea(s: Placed, problems: Problems): void {
  const box = operationArea(s);
  if (!box) return;
  const far = (lon: number, lat: number) => {
    const km = kmOutside(box, lon, lat);
    return km > MAX_OUTSIDE_KM
      ? `${Math.round(km)} km outside the operation's area (more than ${MAX_OUTSIDE_KM})`
      : null;
  };
  // The one venues file the package has (the reader refused two), named as the operator wrote it.
  const venuesFile = VENUE_FILES.map((n) => join(s.dir, n)).find((f) => existsSync(f)) ?? s.dir;
  const routesFile = ROUTE_FILES.map((n) => join(s.dir, n)).find((f) => existsSync(f)) ?? s.dir;
  s.venues.forEach((v, i) => {
    const why = far(v.lon, v.lat);
    if (why) problems.push(`${venuesFile}: venue ${i} ("${v.name}"): lat, lon: ${why}`);
  });
  s.routes.forEach((r) =>
    r.bridges.forEach((b) => {
      const why = far(b.lon, b.lat);
      if (why) problems.push(`${routesFile}: route "${r.id}" point "${b.name}": coordinates: ${why}`);
    }),
  );
  s.zones.forEach((z, i) => {
    const p = z.polygon[0]?.[0];
    const why = p ? far(p[0], p[1]) : null;
    if (why) problems.push(`${join(s.dir, 'zones.geojson')}: feature ${i} ("${z.name}"): geometry: ${why}`);
  });
  s.incidents.forEach((inc, i) => {
    const why = inc.lat !== null && inc.lon !== null ? far(inc.lon, inc.lat) : null;
    if (why) problems.push(`${join(s.dir, 'incidents.json')}: record ${i}: lat, lon: ${why}`);
  });
  s.units.forEach((u, i) => {
    const why = far(u.lon, u.lat);
    if (why) problems.push(`${join(s.dir, 'units.json')}: record ${i} (${u.callsign}): lat, lon: ${why}`);
  });
}
