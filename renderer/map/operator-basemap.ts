// The operator's base map (an MBTiles or PMTiles file served by the host as TileJSON): a source and
// its layers added under every built-in layer. Raster tiles are drawn as they are; vector tiles get
// a plain, generic look (faint fills and lines per source layer, since their schema is unknown). While
// it is in use the built-in map's opaque fills (Paris, parks, water, islands) are hidden so it shows
// through; its lines and labels stay on top.
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { BasemapInfo } from '../../shared/api/map';

const SOURCE = 'operator-basemap';
const BUILT_IN_FILLS = ['base-paris', 'base-parks', 'base-water', 'base-islands'];

function removeBasemap(map: MaplibreMap): void {
  for (const layer of map.getStyle().layers) {
    if ('source' in layer && layer.source === SOURCE) map.removeLayer(layer.id);
  }
  if (map.getSource(SOURCE)) map.removeSource(SOURCE);
}

export function applyBasemap(map: MaplibreMap, basemap: BasemapInfo | null): void {
  removeBasemap(map);
  for (const id of BUILT_IN_FILLS) {
    if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', basemap ? 'none' : 'visible');
  }
  if (!basemap) return;
  const url = new URL(basemap.tilejson, document.baseURI).href;
  const below = map.getStyle().layers[1]?.id;
  if (basemap.kind === 'raster') {
    map.addSource(SOURCE, { type: 'raster', url, tileSize: 256 });
    map.addLayer({ id: `${SOURCE}-raster`, type: 'raster', source: SOURCE }, below);
    return;
  }
  map.addSource(SOURCE, { type: 'vector', url });
  for (const vl of basemap.vectorLayers) {
    map.addLayer(
      {
        id: `${SOURCE}-${vl.id}-fill`,
        type: 'fill',
        source: SOURCE,
        'source-layer': vl.id,
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': '#64748b', 'fill-opacity': 0.12 },
      },
      below,
    );
    map.addLayer(
      {
        id: `${SOURCE}-${vl.id}-line`,
        type: 'line',
        source: SOURCE,
        'source-layer': vl.id,
        paint: { 'line-color': '#94a3b8', 'line-width': 0.8, 'line-opacity': 0.6 },
      },
      below,
    );
  }
}
