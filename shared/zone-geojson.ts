// Zones as GeoJSON: reading a FeatureCollection of zone polygons (every problem named by feature
// index and reason) and writing zones back in the same shape. Pure, like ./zones.ts.
import type { Zone } from './domain.js';
import { bannerLine, markingSchema, type Marking } from './releasability.js';
import { LINE_CONTROL } from './control-chars.js';
import { pointProblem, pointZonePolygon } from './exchange/points.js';
import {
  COLOR_PATTERN,
  DEFAULT_ZONE_COLOR,
  ZONE_ID_PATTERN,
  ZONE_KINDS,
  ZONE_LIMITS,
  isZoneKind,
  normalizePolygon,
  polygonProblems,
  type PolygonRings,
  type Position,
  type ZoneKind,
} from './zones.js';

/** A zone read from GeoJSON, ready to be created or to update the zone with the same id. */
export interface ZoneDraft {
  /** The feature's position in the file. */
  index: number;
  id: string | null;
  name: string;
  kind: ZoneKind;
  color: string;
  polygon: PolygonRings;
  /** Absent when the file does not say: a new zone is then releasable to all partners. */
  marking?: Marking;
  /** Read from a Point (shared/exchange/points.ts). */
  point?: true;
}

/** What is wrong with a file: `index` is the feature (null for the file itself); `path` is dotted from the file's root. */
export interface ZoneFileProblem {
  index: number | null;
  path: string;
  message: string;
}

export type ZoneFileResult = { ok: true; zones: ZoneDraft[] } | { ok: false; problems: ZoneFileProblem[] };

const MAX_PROBLEMS = 50;
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads zones from GeoJSON text: a FeatureCollection (or one Feature) of Polygons; a MultiPolygon
 * with one polygon is taken as that polygon. Each feature's `properties` may give `name`, `kind`
 * (one of ZONE_KINDS; default `other`), `color` (#rrggbb; default by kind), `marking` (null or a
 * list of ISO country codes, as exported) and `id` (also read from the feature's own `id`). Every problem is reported with its feature index; nothing is partially valid.
 */
export function parseZonesGeoJson(text: string): ZoneFileResult {
  const fail = (message: string, path = '(file)'): ZoneFileResult => ({
    ok: false,
    problems: [{ index: null, path, message }],
  });
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (err) {
    return fail(`not JSON: ${(err as Error).message}`);
  }
  return parseZoneFeatures(root);
}

/** parseZonesGeoJson on an already parsed file (a KML file converted to GeoJSON, for one). */
export function parseZoneFeatures(root: unknown, opts: { points?: boolean } = {}): ZoneFileResult {
  const fail = (message: string, path = '(file)'): ZoneFileResult => ({
    ok: false,
    problems: [{ index: null, path, message }],
  });
  if (!isObj(root)) return fail('expected a GeoJSON FeatureCollection');
  const features: unknown[] | null =
    root.type === 'FeatureCollection' && Array.isArray(root.features)
      ? root.features
      : root.type === 'Feature'
        ? [root]
        : null;
  if (!features)
    return fail(`expected a GeoJSON FeatureCollection, got ${JSON.stringify(root.type ?? null)}`, 'type');
  if (features.length === 0) return fail('the FeatureCollection has no features', 'features');
  if (features.length > ZONE_LIMITS.features)
    return fail(`more than ${ZONE_LIMITS.features} features`, 'features');
  const problems: ZoneFileProblem[] = [];
  const zones: ZoneDraft[] = [];
  const seen = new Map<string, number>();
  features.forEach((f, index) => {
    if (problems.length >= MAX_PROBLEMS) return;
    const at = `features.${index}`;
    const add = (path: string, message: string, label?: string) =>
      problems.push({
        index,
        path: path ? `${at}.${path}` : at,
        message: `feature ${index}${label ? ` ("${label}")` : ''}: ${message}`,
      });
    if (!isObj(f) || f.type !== 'Feature') return add('type', 'not a GeoJSON Feature');
    const props = isObj(f.properties) ? f.properties : {};
    const name =
      typeof props.name === 'string' && props.name.trim() ? props.name.trim() : `Imported zone ${index + 1}`;
    if (name.length > 200) return add('properties.name', 'name longer than 200 characters');
    // The file is JSON inside the call: an escaped control character passes the call's guard.
    if (LINE_CONTROL.test(name))
      return add('properties.name', 'name has a tab, line break or control character');
    const kind = props.kind ?? 'other';
    if (!isZoneKind(kind))
      return add(
        'properties.kind',
        `kind ${JSON.stringify(kind)} is not one of ${ZONE_KINDS.join(', ')}`,
        name,
      );
    const color = props.color ?? DEFAULT_ZONE_COLOR[kind];
    if (typeof color !== 'string' || !COLOR_PATTERN.test(color))
      return add('properties.color', `color ${JSON.stringify(color)} is not #rrggbb`, name);
    const marking = props.marking === undefined ? undefined : markingSchema.safeParse(props.marking);
    if (marking && !marking.success)
      return add(
        'properties.marking',
        'marking must be null (all partners) or a list of ISO country codes such as ["ES", "DE"]',
        name,
      );
    const rawId = props.id ?? f.id ?? null;
    if (rawId !== null && (typeof rawId !== 'string' || !ZONE_ID_PATTERN.test(rawId)))
      return add(
        'properties.id',
        `id ${JSON.stringify(rawId)} must be 1-64 letters, digits, "-" or "_"`,
        name,
      );
    if (rawId !== null) {
      const other = seen.get(rawId);
      if (other !== undefined)
        return add('properties.id', `id "${rawId}" is also used by feature ${other}`, name);
      seen.set(rawId, index);
    }
    const g = f.geometry;
    if (!isObj(g)) return add('geometry', 'has no geometry', name);
    let coordinates = g.coordinates;
    let base = 'geometry.coordinates';
    const layer = props.layer;
    if (opts.points && (layer === 'unit' || layer === 'incident'))
      return add(
        'properties.layer',
        `a Vigie ${layer}: units come from the roster import and incidents are opened on the board, not imported as map features`,
        name,
      );
    if (opts.points && g.type === 'Point') {
      const problem = pointProblem(coordinates);
      if (problem) return add(base, problem, name);
      const [lon, lat] = coordinates as Position;
      coordinates = pointZonePolygon(lon, lat);
    } else if (g.type === 'MultiPolygon' && Array.isArray(coordinates) && coordinates.length === 1) {
      coordinates = coordinates[0];
      base = 'geometry.coordinates.0';
    } else if (g.type === 'MultiPolygon') {
      return add(
        'geometry',
        `a MultiPolygon of ${Array.isArray(coordinates) ? coordinates.length : '?'} polygons: a zone is one polygon, split it into one feature per part`,
        name,
      );
    } else if (g.type !== 'Polygon') {
      return add(
        'geometry.type',
        `geometry is a ${String(g.type)}; zones are Polygons${opts.points ? ' (or Points)' : ''}`,
        name,
      );
    }
    const geometryProblems = polygonProblems(coordinates);
    for (const p of geometryProblems) add(p.path ? `${base}.${p.path}` : base, p.message, name);
    if (geometryProblems.length) return;
    zones.push({
      index,
      id: rawId,
      name,
      kind,
      color: color.toLowerCase(),
      polygon: normalizePolygon(coordinates as Position[][]),
      ...(g.type === 'Point' ? { point: true } : {}),
      ...(marking ? { marking: marking.data } : {}),
    });
  });
  return problems.length ? { ok: false, problems: problems.slice(0, MAX_PROBLEMS) } : { ok: true, zones };
}

export interface ZoneFeature {
  type: 'Feature';
  id: string;
  properties: {
    id: string;
    name: string;
    kind: string;
    color: string;
    marking: Marking;
    /** The banner line printed with the zone: "RELEASABLE TO FR, ES". */
    releasability: string;
  };
  geometry: { type: 'Polygon'; coordinates: [number, number][][] };
}
export interface ZoneCollection {
  type: 'FeatureCollection';
  features: ZoneFeature[];
}

/** Zones as a GeoJSON FeatureCollection that parseZonesGeoJson reads back to the same zones. */
export function zonesToGeoJson(zones: readonly Zone[], hostCountry: string): ZoneCollection {
  return {
    type: 'FeatureCollection',
    features: zones.map((z) => ({
      type: 'Feature',
      id: z.id,
      properties: {
        id: z.id,
        name: z.name,
        kind: z.kind,
        color: z.color,
        marking: z.marking,
        releasability: bannerLine(z.marking, hostCountry),
      },
      geometry: { type: 'Polygon', coordinates: z.polygon },
    })),
  };
}
