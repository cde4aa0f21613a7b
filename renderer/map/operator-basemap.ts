// The operator's base map (an MBTiles or PMTiles file served by the host as TileJSON): a source and
// its layers added under every built-in layer, so the operation (zones, route, units, incidents)
// always draws above it. Raster tiles are drawn as they are. Vector tiles of a known schema (the
// host says which, from the file's vector_layers) become a full street map in the map theme and the
// UI language (basemap/protomaps.ts, basemap/openmaptiles.ts); others get a plain, generic look
// (faint fills and lines per source layer). While a file is in use the built-in map's opaque fills
// (Paris, parks, water, islands) are hidden so it shows through; under a street map its streets and
// their names too (the file has them all), while the arrondissements, the Périphérique and the
// bridges stay on top.
import type { LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';
import type { BasemapInfo } from '../../shared/api/map';
import type { LayerGroup } from './layers/types';
import type { MapTheme } from './palette';
import { STREET_COLORS } from './basemap/colors';
import { openMapTilesStreetLayers } from './basemap/openmaptiles';
import { protomapsStreetLayers } from './basemap/protomaps';

const SOURCE = 'operator-basemap';
/** Every layer drawn from the operator's file starts with this. */
export const BASEMAP_LAYER_PREFIX = `${SOURCE}-`;
const BUILT_IN_FILLS = ['base-paris', 'base-parks', 'base-water', 'base-islands'];
const BUILT_IN_STREETS = [
  'base-water-edge',
  'base-islands-edge',
  'base-axes-quay',
  'base-axes-major',
  'base-axis-labels',
  'base-park-labels',
];

export interface BasemapLook {
  theme: MapTheme;
  /** The UI language ('en', 'fr'): street names in it where the file has them. */
  lang: string;
}

/** The built-in layers hidden while this base map is in use. */
export function hiddenBuiltIn(basemap: BasemapInfo | null): ReadonlySet<string> {
  if (!basemap) return new Set();
  const street = basemap.kind === 'vector' && basemap.schema !== null;
  return new Set(street ? [...BUILT_IN_FILLS, ...BUILT_IN_STREETS] : BUILT_IN_FILLS);
}

/** The layers-panel groups of the operator's layers on the map: the base map (names also labels). */
export function basemapLayerGroups(map: MaplibreMap): Map<string, LayerGroup[]> {
  const out = new Map<string, LayerGroup[]>();
  for (const l of map.getStyle().layers) {
    if (l.id.startsWith(BASEMAP_LAYER_PREFIX))
      out.set(l.id, l.type === 'symbol' ? ['base', 'labels'] : ['base']);
  }
  return out;
}

function genericLayers(basemap: BasemapInfo): LayerSpecification[] {
  return basemap.vectorLayers.flatMap((vl): LayerSpecification[] => [
    {
      id: `${BASEMAP_LAYER_PREFIX}${vl.id}-fill`,
      type: 'fill',
      source: SOURCE,
      'source-layer': vl.id,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': '#64748b', 'fill-opacity': 0.12 },
    },
    {
      id: `${BASEMAP_LAYER_PREFIX}${vl.id}-line`,
      type: 'line',
      source: SOURCE,
      'source-layer': vl.id,
      paint: { 'line-color': '#94a3b8', 'line-width': 0.8, 'line-opacity': 0.6 },
    },
  ]);
}

/** The style layers for this file in this look, bottom to top. */
export function basemapLayers(basemap: BasemapInfo, look: BasemapLook): LayerSpecification[] {
  if (basemap.kind === 'raster')
    return [{ id: `${BASEMAP_LAYER_PREFIX}raster`, type: 'raster', source: SOURCE }];
  if (basemap.schema === null) return genericLayers(basemap);
  const land: LayerSpecification = {
    id: `${BASEMAP_LAYER_PREFIX}land`,
    type: 'background',
    paint: { 'background-color': STREET_COLORS[look.theme].land },
  };
  const build = basemap.schema === 'protomaps' ? protomapsStreetLayers : openMapTilesStreetLayers;
  return [land, ...build(SOURCE, BASEMAP_LAYER_PREFIX, look.theme, look.lang)];
}

/**
 * Puts the file's layers on the map (replacing any earlier ones). The source is kept when the file
 * is the same, so a change of theme or language redraws without fetching the tiles again.
 */
export function applyBasemap(map: MaplibreMap, basemap: BasemapInfo | null, look: BasemapLook): void {
  for (const layer of map.getStyle().layers) {
    if (layer.id.startsWith(BASEMAP_LAYER_PREFIX)) map.removeLayer(layer.id);
  }
  const url = basemap ? new URL(basemap.tilejson, document.baseURI).href : null;
  const type = basemap?.kind === 'raster' ? 'raster' : 'vector';
  const current = map.getStyle().sources[SOURCE];
  if (current && (current.type !== type || !('url' in current) || current.url !== url))
    map.removeSource(SOURCE);
  if (!basemap || !url) return;
  if (!map.getSource(SOURCE))
    map.addSource(SOURCE, type === 'raster' ? { type, url, tileSize: 256 } : { type, url });
  // Under the first built-in layer above the background.
  const below = map.getStyle().layers[1]?.id;
  for (const layer of basemapLayers(basemap, look)) map.addLayer(layer, below);
}
