// The map snapshot's data: the picture at the window's end in lon/lat. The view is framed on the
// river (where the operation is), the route and the open incidents; units and venues outside it are counted, not drawn.
import { isOpen } from '../incident-lifecycle.js';
import type { LonLat, MapSnapshot } from './model.js';
import type { ReportSource } from './source.js';
import type { IncidentAtEnd, UnitAtEnd } from './as-of.js';
import { by, round5 } from './order.js';

/** Nowhere in particular, when there is nothing at all to frame (no event's city is assumed). */
const FALLBACK: LonLat = [0, 0];
const MIN_SPAN_DEG = 0.01;
/** Water drawn only where the operation is: a ring farther than this (degrees) from its places is another city's. */
const WATER_REACH_DEG = 0.5;

const pt = (lon: number, lat: number): LonLat => [round5(lon), round5(lat)];

export function mapSnapshot(
  src: ReportSource,
  incidents: Map<string, IncidentAtEnd>,
  units: Map<string, UnitAtEnd>,
): MapSnapshot {
  const fixes = new Map(src.positions.map((p) => [p.unitId, p]));
  const near = nearOperation(src);
  const round = (lines: readonly LonLat[][]) =>
    lines.filter(near).map((l) => l.map(([lon, lat]) => pt(lon, lat)));
  const water = round(src.water);
  const base = src.base && {
    parks: round(src.base.parks),
    roads: round(src.base.roads),
    districts: round(src.base.districts),
  };
  const hasBase = base && (base.parks.length || base.roads.length || base.districts.length);
  const routes = src.routes.map((line) => line.map(([lon, lat]) => pt(lon, lat)));
  const openIncidents = [...incidents.values()]
    .filter((i) => i.createdAt <= src.window.to && isOpen(i.status) && i.lat !== null && i.lon !== null)
    .map((i) => ({ reference: i.reference, priority: i.priority, at: pt(i.lon ?? 0, i.lat ?? 0) }))
    .sort(by((i) => i.reference));
  const placed = [...units.values()].flatMap((u) => {
    const fix = fixes.get(u.id);
    return fix ? [{ callsign: u.callsign, status: u.status, at: pt(fix.lon, fix.lat) }] : [];
  });
  const venues = src.venues
    .map((v) => ({ name: v.name, at: pt(v.lon, v.lat) }))
    .sort(
      by(
        (v) => v.name,
        (v) => v.at[0],
      ),
    );
  const focus = [...water.flat(), ...routes.flat(), ...openIncidents.map((i) => i.at)];
  const frame = focus.length ? focus : placed.length ? placed.map((u) => u.at) : venues.map((v) => v.at);
  return {
    bounds: boundsOf(frame.length ? frame : [FALLBACK]),
    water,
    ...(hasBase ? { base } : {}),
    routes,
    venues,
    units: placed.sort(by((u) => u.callsign)),
    incidents: openIncidents,
  };
}

/** Whether a water ring lies by the operation's routes and venues (the built-in river is one city's). */
function nearOperation(src: ReportSource): (ring: readonly LonLat[]) => boolean {
  const places: LonLat[] = [...src.routes.flat(), ...src.venues.map((v): LonLat => [v.lon, v.lat])];
  if (!places.length) return () => false;
  const lons = places.map((p) => p[0]);
  const lats = places.map((p) => p[1]);
  const [w, e] = [Math.min(...lons) - WATER_REACH_DEG, Math.max(...lons) + WATER_REACH_DEG];
  const [s, n] = [Math.min(...lats) - WATER_REACH_DEG, Math.max(...lats) + WATER_REACH_DEG];
  return (ring) => ring.some(([lon, lat]) => lon >= w && lon <= e && lat >= s && lat <= n);
}

/** The box around the points, padded by 4 % and at least MIN_SPAN_DEG wide and tall. */
function boundsOf(points: readonly LonLat[]): MapSnapshot['bounds'] {
  let [west, south] = points[0] ?? FALLBACK;
  let [east, north] = [west, south];
  for (const [lon, lat] of points) {
    west = Math.min(west, lon);
    east = Math.max(east, lon);
    south = Math.min(south, lat);
    north = Math.max(north, lat);
  }
  const padX = Math.max((east - west) * 0.04, (MIN_SPAN_DEG - (east - west)) / 2, 0);
  const padY = Math.max((north - south) * 0.04, (MIN_SPAN_DEG - (north - south)) / 2, 0);
  return {
    west: round5(west - padX),
    south: round5(south - padY),
    east: round5(east + padX),
    north: round5(north + padY),
  };
}
