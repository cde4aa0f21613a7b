// The map: venues, routes, zones (with GeoJSON import/export), the operator's base map, and the
// ceremony parade tracker.
import { z } from 'zod';
import { call, id, line, none, shortText, version } from './call.js';
import type { Route, Unit, Venue, Zone } from '../domain.js';
import { COLOR_PATTERN, ZONE_KINDS, ZONE_LIMITS, polygonProblems, type ZoneKind } from '../zones.js';
import type { ZoneCollection } from '../zone-geojson.js';
import type { ParadeState } from '../parade.js';
import { markingSchema } from '../releasability.js';
import type { PlaceName } from '../place-name.js';

const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);
// Bounded: a date-time is at most 35 characters (fractions and offset included); 40 leaves room.
const instant = z.iso.datetime({ offset: true }).max(40);

/** A zone polygon: GeoJSON Polygon coordinates, checked by shared/zones.ts (closed, simple, in range). */
const polygon = z.array(z.array(z.tuple([z.number(), z.number()]))).superRefine((rings, ctx) => {
  for (const p of polygonProblems(rings)) {
    ctx.addIssue({ code: 'custom', message: p.message, path: p.path ? p.path.split('.').map(Number) : [] });
  }
});

/** The text of a zone file an officer picked: at most ZONE_LIMITS.bytes of UTF-8. */
export const zoneFileText = z
  .string()
  .min(1)
  .max(ZONE_LIMITS.bytes)
  .refine((s) => new TextEncoder().encode(s).byteLength <= ZONE_LIMITS.bytes, 'larger than 5 MB');

export const createZoneInput = z
  .object({
    name: shortText,
    kind: z.enum(ZONE_KINDS),
    color: z.string().regex(COLOR_PATTERN, 'a colour as #rrggbb'),
    polygon,
    /** Absent: releasable to all partners. */
    marking: markingSchema.optional(),
  })
  .strict();

export const updateZoneInput = z
  .object({
    id,
    version,
    name: shortText.optional(),
    kind: z.enum(ZONE_KINDS).optional(),
    color: z.string().regex(COLOR_PATTERN, 'a colour as #rrggbb').optional(),
    polygon: polygon.optional(),
    marking: markingSchema.optional(),
  })
  .strict();

export interface ZoneImportResult {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  /** One line per feature, in file order. */
  zones: {
    index: number;
    id: string;
    name: string;
    kind: ZoneKind;
    action: 'create' | 'update' | 'unchanged';
  }[];
}

/** The vector tile schemas Vigie draws as a full street map. */
export const VECTOR_TILE_SCHEMAS = ['protomaps', 'openmaptiles'] as const;
export type VectorTileSchema = (typeof VECTOR_TILE_SCHEMAS)[number];

/** The operator-supplied base map in use (null: the built-in map of Paris). */
export interface BasemapInfo {
  format: 'mbtiles' | 'pmtiles';
  /** The file's name (not its folder). */
  file: string;
  name: string | null;
  /** pbf (vector) or png/jpg/webp/avif (raster). */
  tileType: 'pbf' | 'png' | 'jpg' | 'webp' | 'avif' | 'unknown';
  kind: 'vector' | 'raster';
  minzoom: number;
  maxzoom: number;
  /** [west, south, east, north], when the file says. */
  bounds: [number, number, number, number] | null;
  center: [number, number, number] | null;
  vectorLayers: {
    id: string;
    description?: string;
    minzoom?: number;
    maxzoom?: number;
    fields?: Record<string, string>;
  }[];
  attribution: string | null;
  /**
   * Which layer names a vector file uses, told by its vector_layers (electron/tiles/schema.ts):
   * the Protomaps basemap or OpenMapTiles, each drawn as a street map; null draws a generic look.
   */
  schema: VectorTileSchema | null;
  /** TileJSON for a maplibre source `url`, relative to the app's origin ("tiles/meta.json?v=3"). */
  tilejson: string;
  /** Tile URL template relative to the app's origin ("tiles/{z}/{x}/{y}?v=3"). */
  tiles: string;
  /** Changes whenever another file is loaded, so maps drop cached tiles. */
  generation: number;
}

export interface ParadePlan {
  routeId: string;
  start: string;
  speedKmh: number;
  boats: number;
  spacingM: number;
  version: number;
}

/** An officer's report of where the head of the parade was. */
export interface ParadeActual {
  id: string;
  routeId: string;
  chainageKm: number;
  /** The bridge named in the report, if it named one. */
  bridge: string | null;
  at: string;
  recordedAt: string;
  operator: string;
  desk: string;
  note: string | null;
  retractedAt: string | null;
  retractedBy: string | null;
}

export interface PostedUnit {
  id: string;
  callsign: string;
  country: string;
  kind: Unit['kind'];
  status: Unit['status'];
  distanceM: number;
}

/** A bridge of the route and the units posted on it (within POST_RADIUS_M, each unit at its nearest bridge). */
export interface BridgePost {
  name: string;
  chainageKm: number;
  lat: number;
  lon: number;
  units: PostedUnit[];
}

export interface ParadeView {
  /** Operation time the view was computed at ("now" unless `at` was given). */
  at: string;
  route: { id: string; name: string; lengthKm: number } | null;
  plan: ParadePlan | null;
  /** Null without a plan. */
  state: ParadeState | null;
  /** Reports in time order (retracted ones excluded). */
  actuals: ParadeActual[];
  posts: BridgePost[];
}

export const POST_RADIUS_M = 150;

const where = {
  bridge: line(200).optional(),
  chainageKm: z.number().min(0).max(1000).optional(),
  lat: lat.optional(),
  lon: lon.optional(),
};

export const recordParadeActualInput = z
  .object({
    ...where,
    routeId: id.optional(),
    at: instant.optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const given = [
      v.bridge !== undefined,
      v.chainageKm !== undefined,
      v.lat !== undefined || v.lon !== undefined,
    ];
    if (given.filter(Boolean).length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['bridge'],
        message: 'give one of: a bridge name, a chainageKm, or a point (lat, lon)',
      });
    } else if ((v.lat === undefined) !== (v.lon === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [v.lat === undefined ? 'lat' : 'lon'],
        message: 'lat and lon go together',
      });
    }
  });

export const setParadePlanInput = z
  .object({
    routeId: id.optional(),
    /** Required to change an existing plan; absent when creating one. */
    version: version.optional(),
    start: instant,
    speedKmh: z.number().positive().max(60),
    boats: z.number().int().min(1).max(1000),
    spacingM: z.number().min(0).max(5000),
  })
  .strict();

export const mapCalls = {
  /** Each venue with the other names it is known by (a scenario's aliases), for the place search. */
  listVenues: call<(Venue & { aliases: string[] })[]>()(none),
  /** A point in words: the nearest named place the desk may see, and how far (null: none near). */
  namePlace: call<{ place: PlaceName | null }>()(z.object({ lat, lon }).strict()),
  /** Streets of the loaded vector base map near a point (the map's view) whose name contains the text. */
  findStreets: call<{ name: string; lat: number; lon: number }[]>()(
    z.object({ text: line(100), lat, lon, limit: z.number().int().min(1).max(20).default(8) }).strict(),
  ),
  listRoutes: call<Route[]>()(none),
  listZones: call<Zone[]>()(none),
  createZone: call<Zone>()(createZoneInput),
  updateZone: call<Zone>()(updateZoneInput),
  deleteZone: call<{ id: string; deleted: true }>()(z.object({ id, version }).strict()),
  importZones: call<ZoneImportResult>()(
    z
      .object({
        geojson: zoneFileText,
        dryRun: z.boolean().default(false),
      })
      .strict(),
  ),
  exportZones: call<ZoneCollection>()(none),
  /** `basemap` is null while the built-in map of Paris is in use. */
  getBasemap: call<{ basemap: BasemapInfo | null }>()(none),
  /** A path on the machine running Vigie (from the desktop file picker); null returns to the built-in map. */
  setBasemap: call<{ basemap: BasemapInfo | null }>()(
    z.object({ path: z.string().trim().min(1).max(4096).nullable() }).strict(),
  ),
  getParade: call<ParadeView>()(z.object({ at: instant.optional(), routeId: id.optional() }).strict()),
  setParadePlan: call<ParadeView>()(setParadePlanInput),
  recordParadeActual: call<ParadeView>()(recordParadeActualInput),
  retractParadeActual: call<ParadeView>()(
    z.object({ id, reason: z.string().trim().max(500).optional() }).strict(),
  ),
};
