// The Seine: water polygons from resources/geo/seine.geojson (a LineString, if the file has one,
// is drawn as a wide water line so the river still shows).
import { THEME } from '../palette';
import { geojsonSource, type MapLayerModule } from './types';

export const seineLayer: MapLayerModule = {
  sources: { seine: geojsonSource() },
  layers: [
    {
      id: 'seine',
      type: 'fill',
      source: 'seine',
      filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]],
      paint: { 'fill-color': THEME.water, 'fill-antialias': true },
    },
    {
      id: 'seine-edge',
      type: 'line',
      source: 'seine',
      filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]],
      paint: { 'line-color': THEME.waterEdge, 'line-width': 1 },
    },
    {
      id: 'seine-line',
      type: 'line',
      source: 'seine',
      filter: ['in', ['geometry-type'], ['literal', ['LineString', 'MultiLineString']]],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': THEME.water,
        'line-width': ['interpolate', ['exponential', 2], ['zoom'], 11, 4, 13, 12, 16, 100],
      },
    },
  ],
};
