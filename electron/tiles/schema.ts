// Which schema a vector tile file follows, told by the layer names in its metadata (vector_layers):
// the Protomaps basemap (roads, earth, water, landuse, buildings, places, pois…) or OpenMapTiles
// (transportation, transportation_name, water, park, building, housenumber, place…). A file needs the
// schema's road layer and one more of its own layers: a single shared name such as "water" says
// nothing. Anything else is drawn with the generic look.
import type { VectorTileSchema } from '../../shared/api/map.js';

const SIGNS: Record<VectorTileSchema, { roads: string; others: readonly string[] }> = {
  protomaps: {
    roads: 'roads',
    others: [
      'earth',
      'landuse',
      'landcover',
      'buildings',
      'places',
      'pois',
      'boundaries',
      'natural',
      'transit',
    ],
  },
  openmaptiles: {
    roads: 'transportation',
    others: [
      'transportation_name',
      'building',
      'housenumber',
      'place',
      'park',
      'landcover',
      'waterway',
      'water_name',
      'boundary',
      'poi',
      'aeroway',
      'mountain_peak',
    ],
  },
};

/** The schema of a file's vector_layers (entries without a string id, as a damaged file may hold, count for nothing). */
export function detectSchema(layers: readonly unknown[]): VectorTileSchema | null {
  const ids = new Set(
    layers.flatMap((l) =>
      typeof l === 'object' && l !== null && typeof (l as { id?: unknown }).id === 'string'
        ? [(l as { id: string }).id]
        : [],
    ),
  );
  for (const [schema, sign] of Object.entries(SIGNS) as [
    VectorTileSchema,
    (typeof SIGNS)[VectorTileSchema],
  ][]) {
    if (ids.has(sign.roads) && sign.others.some((o) => ids.has(o))) return schema;
  }
  return null;
}
