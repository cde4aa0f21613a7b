// The place files of a scenario package, in the shapes an event's planners have them: venues as
// JSON (the built-in format), GeoJSON or CSV; routes as JSON or GeoJSON; zones as GeoJSON. Each
// reader returns what it read and every problem, named by file, feature or line, field and reason.
import Papa from 'papaparse';
import type { z } from 'zod';
import { parseZonesGeoJson } from '../../shared/zone-geojson.js';
import { normalizePolygon, polygonProblems, type PolygonRings, type Position } from '../../shared/zones.js';
import * as schema from './scenario-schema.js';

export type VenueData = z.output<typeof schema.venue> & { polygon: PolygonRings | null };
export interface RouteData {
  id: string;
  name: string;
  coordinates: [number, number][];
  bridges: { name: string; lat: number; lon: number }[];
}
export interface ZoneData {
  id: string;
  name: string;
  kind: string;
  color: string;
  polygon: PolygonRings;
}

/** Problems go here, each already worded "file: where: field: reason". */
export type Problems = string[];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);

export function parseJson(file: string, text: string, problems: Problems): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    problems.push(`${file}: not JSON: ${(err as Error).message}`);
    return undefined;
  }
}

/** Zod's issues as problems: the record's index and the field, dotted. */
export function zodProblems(file: string, error: z.ZodError, problems: Problems): void {
  for (const i of error.issues.slice(0, 20)) {
    const [first, ...rest] = i.path;
    const where =
      typeof first === 'number' ? `record ${first}: ${rest.join('.') || '(record)'}` : i.path.join('.');
    problems.push(`${file}: ${where || '(file)'}: ${i.message}`);
  }
}

/** The centre of a polygon's outer ring (vertex mean: fine for a venue's footprint). */
function centreOf(rings: PolygonRings): { lat: number; lon: number } {
  const ring = (rings[0] ?? []).slice(0, -1);
  const n = ring.length || 1;
  return {
    lon: Math.round((ring.reduce((s, p) => s + p[0], 0) / n) * 1e5) / 1e5,
    lat: Math.round((ring.reduce((s, p) => s + p[1], 0) / n) * 1e5) / 1e5,
  };
}

/** One venue from loose properties plus a point or polygon; problems named by `where`. */
function venueOf(
  where: string,
  props: Obj,
  geometry: { type: string; coordinates: unknown } | null,
  problems: Problems,
): VenueData | null {
  const name = typeof props.name === 'string' ? props.name.trim() : '';
  const aliases =
    typeof props.aliases === 'string'
      ? props.aliases.split(/[;|]/).map((a) => a.trim())
      : Array.isArray(props.aliases)
        ? props.aliases.map((a) => (typeof a === 'string' ? a.trim() : ''))
        : [];
  let point: { lat: number; lon: number } | null = null;
  let polygon: PolygonRings | null = null;
  if (!geometry) {
    problems.push(`${where}: geometry: a venue needs a point (lat, lon) or a polygon`);
    return null;
  }
  if (geometry.type === 'Point') {
    const c = geometry.coordinates;
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number')
      point = { lon: c[0], lat: c[1] };
    else problems.push(`${where}: geometry.coordinates: a Point is [lon, lat]`);
  } else if (geometry.type === 'Polygon') {
    const bad = polygonProblems(geometry.coordinates);
    for (const p of bad)
      problems.push(`${where}: geometry.coordinates${p.path ? `.${p.path}` : ''}: ${p.message}`);
    if (!bad.length) {
      polygon = normalizePolygon(geometry.coordinates as Position[][]);
      point = centreOf(polygon);
    }
  } else {
    problems.push(`${where}: geometry.type: ${geometry.type} is not a Point or a Polygon`);
  }
  const parsed = schema.venue.safeParse({
    id: typeof props.id === 'string' && props.id ? props.id : slug(name),
    name,
    kind: typeof props.kind === 'string' && props.kind ? props.kind : 'venue',
    lat: point?.lat ?? 0,
    lon: point?.lon ?? 0,
    note: typeof props.note === 'string' && props.note ? props.note : null,
    aliases: aliases.filter(Boolean),
  });
  if (!parsed.success) {
    for (const i of parsed.error.issues)
      problems.push(`${where}: ${i.path.join('.') || '(record)'}: ${i.message}`);
    return null;
  }
  return point ? { ...parsed.data, polygon } : null;
}

export function readVenuesJson(file: string, text: string, problems: Problems): VenueData[] {
  const raw = parseJson(file, text, problems);
  if (raw === undefined) return [];
  const parsed = schema.venuesFile.safeParse(raw);
  if (!parsed.success) {
    zodProblems(file, parsed.error, problems);
    return [];
  }
  return parsed.data.map((v) => ({ ...v, polygon: null }));
}

/** The features of a GeoJSON FeatureCollection file; none (and a problem) for anything else. */
function featuresOf(file: string, text: string, problems: Problems): unknown[] {
  const raw = parseJson(file, text, problems);
  if (raw === undefined) return [];
  if (isObj(raw) && raw.type === 'FeatureCollection' && Array.isArray(raw.features)) return raw.features;
  problems.push(`${file}: type: expected a GeoJSON FeatureCollection`);
  return [];
}

export function readVenuesGeoJson(file: string, text: string, problems: Problems): VenueData[] {
  const out: VenueData[] = [];
  featuresOf(file, text, problems).forEach((f: unknown, i) => {
    const where = `${file}: feature ${i}`;
    if (!isObj(f) || f.type !== 'Feature') return problems.push(`${where}: type: not a GeoJSON Feature`);
    const g = isObj(f.geometry)
      ? { type: String(f.geometry.type), coordinates: f.geometry.coordinates }
      : null;
    const v = venueOf(where, isObj(f.properties) ? f.properties : {}, g, problems);
    if (v) out.push(v);
  });
  return out;
}

/** "POLYGON((lon lat, lon lat, ...))" as the CSV's polygon cell. */
function wktPolygon(cell: string): unknown {
  const m = /^\s*POLYGON\s*\(\s*(\(.*\))\s*\)\s*$/i.exec(cell);
  if (!m?.[1]) return null;
  return m[1].split(/\)\s*,\s*\(/).map((ring) =>
    ring
      .replace(/[()]/g, '')
      .split(',')
      .map((pair) => pair.trim().split(/\s+/).map(Number)),
  );
}

/** Columns: name, aliases (";"-separated), kind, lat, lon or polygon (WKT), and optionally id, note. */
export function readVenuesCsv(file: string, text: string, problems: Problems): VenueData[] {
  const res = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = res.meta.fields ?? [];
  if (!fields.includes('name')) problems.push(`${file}: line 1: name: the header has no "name" column`);
  if (!fields.includes('polygon') && !(fields.includes('lat') && fields.includes('lon')))
    problems.push(`${file}: line 1: lat, lon: the header needs "lat" and "lon" (or "polygon") columns`);
  if (problems.length) return [];
  const out: VenueData[] = [];
  res.data.forEach((row, i) => {
    const where = `${file}: line ${i + 2}`;
    const cell = (k: string) => (row[k] ?? '').trim();
    let geometry: { type: string; coordinates: unknown } | null = null;
    if (cell('polygon')) {
      const rings = wktPolygon(cell('polygon'));
      if (!rings) return problems.push(`${where}: polygon: expected POLYGON((lon lat, lon lat, ...))`);
      geometry = { type: 'Polygon', coordinates: rings };
    } else if (cell('lat') || cell('lon')) {
      const [lat, lon] = [Number(cell('lat')), Number(cell('lon'))];
      if (!cell('lat') || !Number.isFinite(lat) || Math.abs(lat) > 90)
        return problems.push(`${where}: lat: "${cell('lat')}" is not a latitude (-90 to 90)`);
      if (!cell('lon') || !Number.isFinite(lon) || Math.abs(lon) > 180)
        return problems.push(`${where}: lon: "${cell('lon')}" is not a longitude (-180 to 180)`);
      geometry = { type: 'Point', coordinates: [lon, lat] };
    }
    const v = venueOf(where, row, geometry, problems);
    if (v) out.push(v);
  });
  return out;
}

export function readRouteJson(file: string, text: string, problems: Problems): RouteData[] {
  const raw = parseJson(file, text, problems);
  if (raw === undefined) return [];
  const parsed = schema.routeFile.safeParse(raw);
  if (!parsed.success) {
    zodProblems(file, parsed.error, problems);
    return [];
  }
  const { id, name, coordinates, bridges } = parsed.data;
  return [{ id, name, coordinates, bridges }];
}

const isLonLat = (p: unknown): p is [number, number] =>
  Array.isArray(p) &&
  typeof p[0] === 'number' &&
  typeof p[1] === 'number' &&
  Math.abs(p[0]) <= 180 &&
  Math.abs(p[1]) <= 90;

/**
 * Routes as GeoJSON: each LineString feature a route (properties id, name), each Point feature a
 * named point of the route its `route` property names (or of the only route), in file order.
 */
export function readRoutesGeoJson(file: string, text: string, problems: Problems): RouteData[] {
  const routes: RouteData[] = [];
  const points: { i: number; route: unknown; name: string; lon: number; lat: number }[] = [];
  featuresOf(file, text, problems).forEach((f: unknown, i) => {
    const where = `${file}: feature ${i}`;
    if (!isObj(f) || f.type !== 'Feature' || !isObj(f.geometry))
      return problems.push(`${where}: type: not a GeoJSON Feature with a geometry`);
    const props = isObj(f.properties) ? f.properties : {};
    const name = typeof props.name === 'string' ? props.name.trim() : '';
    if (!name) return problems.push(`${where}: properties.name: required`);
    const { type, coordinates: c } = f.geometry;
    if (type === 'LineString') {
      if (!Array.isArray(c) || c.length < 2)
        return problems.push(`${where}: geometry.coordinates: at least 2 positions`);
      const bad = c.findIndex((p) => !isLonLat(p));
      if (bad >= 0) return problems.push(`${where}: geometry.coordinates.${bad}: not a [lon, lat] position`);
      const id = typeof props.id === 'string' && props.id ? props.id : slug(name);
      if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
        return problems.push(`${where}: properties.id: lower-case kebab id`);
      if (routes.some((r) => r.id === id))
        return problems.push(`${where}: properties.id: duplicate route "${id}"`);
      routes.push({ id, name, coordinates: (c as [number, number][]).map(([x, y]) => [x, y]), bridges: [] });
    } else if (type === 'Point') {
      if (!isLonLat(c)) return problems.push(`${where}: geometry.coordinates: a Point is [lon, lat]`);
      points.push({ i, route: props.route, name, lon: c[0], lat: c[1] });
    } else {
      problems.push(`${where}: geometry.type: ${String(type)} is not a LineString or a Point`);
    }
  });
  if (!routes.length && !problems.length) problems.push(`${file}: features: no LineString (a route)`);
  for (const p of points) {
    const route =
      p.route === undefined && routes.length === 1 ? routes[0] : routes.find((r) => r.id === p.route);
    if (!route) {
      problems.push(
        `${file}: feature ${p.i}: properties.route: no route "${String(p.route ?? '')}" in the file`,
      );
      continue;
    }
    route.bridges.push({ name: p.name, lat: p.lat, lon: p.lon });
  }
  return routes;
}

export function readZonesGeoJson(file: string, text: string, problems: Problems): ZoneData[] {
  const res = parseZonesGeoJson(text);
  if (!res.ok) {
    for (const p of res.problems) problems.push(`${file}: ${p.path}: ${p.message}`);
    return [];
  }
  return res.zones.map((z) => ({
    id: z.id ?? slug(z.name),
    name: z.name,
    kind: z.kind,
    color: z.color,
    polygon: z.polygon,
  }));
}
