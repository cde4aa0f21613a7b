// Small vector tile files the tests make themselves (no binary fixture is committed): a few features
// around the Tuileries (Rue de Rivoli, a side street, the Seine, the garden, a building and its house
// number, a quarter's name), cut into Mapbox Vector Tiles with geojson-vt and vt-pbf for every tile
// from z12 to z16 that they touch, and written as an MBTiles file (gzip tiles, TMS rows, metadata
// with `json` vector_layers, as tippecanoe and planetiler write them) or a PMTiles v3 archive. Each
// file follows one schema's layer and attribute names: Protomaps basemap (v4) or OpenMapTiles.
import { gzipSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { zxyToTileId } from 'pmtiles';
import { writeMbtiles, writePmtiles, type DirEntry, type FixtureTile } from '../fixtures/tiles/write.js';

export type TileSchemaName = 'protomaps' | 'openmaptiles';
type Position = [number, number];
type Props = Record<string, string | number | boolean>;

/** What the fixture holds, so tests can look for it (names, and where things are). */
export const STREET = {
  name: 'Rue de Rivoli',
  /** Its line, west to east, from the Concorde to the Louvre. */
  line: [
    [2.323, 48.8663],
    [2.331, 48.8643],
    [2.34, 48.8617],
  ] as Position[],
  /** A point on it, for the camera. */
  middle: [2.331, 48.8643] as Position,
};
export const SIDE_STREET = {
  name: 'Rue de Castiglione',
  line: [
    [2.3297, 48.8647],
    [2.329, 48.8675],
  ] as Position[],
};
export const QUAY = {
  name: 'Quai des Tuileries',
  line: [
    [2.3215, 48.8632],
    [2.3335, 48.8603],
  ] as Position[],
};
export const RIVER = { name: 'La Seine', nameEn: 'Seine' };
export const PARK = {
  name: 'Jardin des Tuileries',
  nameEn: 'Tuileries Garden',
  at: [2.3272, 48.8631] as Position,
};
export const HOUSE = { number: '202', at: [2.3335, 48.86445] as Position };
export const QUARTER = { name: 'Palais-Royal', at: [2.3365, 48.8655] as Position };

const WATER: Position[] = [
  [2.319, 48.8623],
  [2.342, 48.8577],
  [2.3415, 48.8561],
  [2.3185, 48.8606],
];
const GARDEN: Position[] = [
  [2.3242, 48.8652],
  [2.3318, 48.8633],
  [2.3305, 48.8609],
  [2.3225, 48.8628],
];
const BUILDING: Position[] = [
  [2.3328, 48.8646],
  [2.3342, 48.8643],
  [2.3345, 48.865],
  [2.3331, 48.8653],
];
/** Land under all of it (Protomaps' `earth`). */
export const BOUNDS: [number, number, number, number] = [2.315, 48.854, 2.345, 48.869];
const LAND: Position[] = [
  [BOUNDS[0], BOUNDS[1]],
  [BOUNDS[2], BOUNDS[1]],
  [BOUNDS[2], BOUNDS[3]],
  [BOUNDS[0], BOUNDS[3]],
];

export const MIN_ZOOM = 12;
export const MAX_ZOOM = 16;

type Feature = GeoJSON.Feature<GeoJSON.Geometry, Props>;
const ring = (p: Position[]): Position[][] => [[...p, p[0] as Position]];
const line = (coordinates: Position[], properties: Props): Feature => ({
  type: 'Feature',
  geometry: { type: 'LineString', coordinates },
  properties,
});
const area = (p: Position[], properties: Props): Feature => ({
  type: 'Feature',
  geometry: { type: 'Polygon', coordinates: ring(p) },
  properties,
});
const point = (coordinates: Position, properties: Props): Feature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties,
});

/** The features of each source layer, in the schema's own names and attributes. */
export function schemaLayers(schema: TileSchemaName): Record<string, Feature[]> {
  const names = (name: string, en?: string): Props => ({
    name,
    'name:fr': name,
    ...(en ? { 'name:en': en } : {}),
  });
  if (schema === 'protomaps')
    return {
      earth: [area(LAND, { kind: 'earth' })],
      water: [area(WATER, { kind: 'water', ...names(RIVER.name, RIVER.nameEn) })],
      landuse: [area(GARDEN, { kind: 'park', ...names(PARK.name, PARK.nameEn) })],
      roads: [
        line(STREET.line, {
          kind: 'major_road',
          kind_detail: 'primary',
          min_zoom: 11,
          ...names(STREET.name),
        }),
        line(SIDE_STREET.line, {
          kind: 'minor_road',
          kind_detail: 'residential',
          min_zoom: 13,
          ...names(SIDE_STREET.name),
        }),
        line(QUAY.line, { kind: 'major_road', kind_detail: 'secondary', min_zoom: 12, ...names(QUAY.name) }),
      ],
      buildings: [
        area(BUILDING, { kind: 'building', height: 24 }),
        point(HOUSE.at, { kind: 'address', addr_housenumber: HOUSE.number }),
      ],
      places: [point(QUARTER.at, { kind: 'neighbourhood', min_zoom: 12, ...names(QUARTER.name) })],
      // The schema names parks by a point of interest, not on the landuse polygon.
      pois: [point(PARK.at, { kind: 'park', min_zoom: 14, ...names(PARK.name, PARK.nameEn) })],
    };
  return {
    water: [area(WATER, { class: 'river' })],
    water_name: [point([2.3305, 48.8595], { class: 'river', ...names(RIVER.name, RIVER.nameEn) })],
    waterway: [
      line(
        [
          [2.3188, 48.8614],
          [2.3418, 48.8569],
        ],
        { class: 'river', ...names(RIVER.name, RIVER.nameEn) },
      ),
    ],
    park: [area(GARDEN, { class: 'park', ...names(PARK.name, PARK.nameEn) })],
    landcover: [area(GARDEN, { class: 'grass', subclass: 'park' })],
    landuse: [area(BUILDING, { class: 'commercial' })],
    transportation: [
      line(STREET.line, { class: 'primary' }),
      line(SIDE_STREET.line, { class: 'minor' }),
      line(QUAY.line, { class: 'secondary' }),
    ],
    transportation_name: [
      line(STREET.line, { class: 'primary', ...names(STREET.name) }),
      line(SIDE_STREET.line, { class: 'minor', ...names(SIDE_STREET.name) }),
      line(QUAY.line, { class: 'secondary', ...names(QUAY.name) }),
    ],
    building: [area(BUILDING, { render_height: 24, render_min_height: 0 })],
    housenumber: [point(HOUSE.at, { housenumber: HOUSE.number })],
    place: [point(QUARTER.at, { class: 'quarter', rank: 10, ...names(QUARTER.name) })],
  };
}

/** The metadata's vector_layers: each layer with the fields its features carry. */
export function vectorLayers(schema: TileSchemaName) {
  return Object.entries(schemaLayers(schema)).map(([id, features]) => ({
    id,
    minzoom: MIN_ZOOM,
    maxzoom: MAX_ZOOM,
    fields: Object.fromEntries(
      features.flatMap((f) =>
        Object.entries(f.properties).map(([k, v]) => [k, typeof v === 'number' ? 'Number' : 'String']),
      ),
    ),
  }));
}

const lonToX = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
const latToY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

/** Every tile from MIN_ZOOM to MAX_ZOOM over BOUNDS that holds a feature, gzip-compressed pbf. */
export function makeVectorTiles(schema: TileSchemaName): FixtureTile[] {
  const indexes = Object.entries(schemaLayers(schema)).map(
    ([name, features]) =>
      [
        name,
        new GeoJSONVT(
          { type: 'FeatureCollection', features },
          { maxZoom: MAX_ZOOM, indexMaxZoom: MAX_ZOOM, indexMaxPoints: 0, tolerance: 1, buffer: 64 },
        ),
      ] as const,
  );
  const tiles: FixtureTile[] = [];
  for (let z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
    for (let x = lonToX(BOUNDS[0], z); x <= lonToX(BOUNDS[2], z); x++) {
      for (let y = latToY(BOUNDS[3], z); y <= latToY(BOUNDS[1], z); y++) {
        const layers = Object.fromEntries(
          indexes.flatMap(([name, index]) => {
            const tile = index.getTile(z, x, y);
            return tile && tile.features.length > 0 ? [[name, tile]] : [];
          }),
        );
        if (Object.keys(layers).length === 0) continue;
        tiles.push({ z, x, y, data: gzipSync(fromGeojsonVt(layers, { version: 2, extent: 4096 })) });
      }
    }
  }
  return tiles;
}

function metadata(schema: TileSchemaName) {
  return {
    name: `Test streets (${schema})`,
    attribution: '© OpenStreetMap contributors (test data)',
    vector_layers: vectorLayers(schema),
  };
}

/** An MBTiles file as tile makers write one: `format` pbf, `json` with vector_layers, gzip tiles. */
export function writeVectorMbtiles(file: string, schema: TileSchemaName): void {
  const m = metadata(schema);
  writeMbtiles(file, makeVectorTiles(schema), {
    name: m.name,
    format: 'pbf',
    type: 'baselayer',
    minzoom: String(MIN_ZOOM),
    maxzoom: String(MAX_ZOOM),
    bounds: BOUNDS.join(','),
    center: `${STREET.middle[0]},${STREET.middle[1]},15`,
    attribution: m.attribution,
    json: JSON.stringify({ vector_layers: m.vector_layers }),
  });
}

/** A PMTiles v3 archive: tiles in tile-id order (clustered), one root directory, gzip everywhere. */
export function writeVectorPmtiles(file: string, schema: TileSchemaName): void {
  const tiles = makeVectorTiles(schema)
    .map((t) => ({ ...t, id: zxyToTileId(t.z, t.x, t.y) }))
    .sort((a, b) => a.id - b.id);
  const root: DirEntry[] = [];
  let offset = 0;
  for (const t of tiles) {
    root.push({ tileId: t.id, offset, length: t.data.length, runLength: 1 });
    offset += t.data.length;
  }
  writePmtiles(file, {
    tileType: 1,
    tileCompression: 2,
    minZoom: MIN_ZOOM,
    maxZoom: MAX_ZOOM,
    bounds: BOUNDS,
    metadata: metadata(schema),
    tileData: Buffer.concat(tiles.map((t) => t.data)),
    root,
  });
}

/** Writes the file by its extension (.mbtiles or .pmtiles). */
export function writeVectorTileFile(file: string, schema: TileSchemaName): void {
  if (file.endsWith('.pmtiles')) writeVectorPmtiles(file, schema);
  else if (file.endsWith('.mbtiles')) writeVectorMbtiles(file, schema);
  else throw new Error(`${file}: name a .mbtiles or .pmtiles file`);
}
