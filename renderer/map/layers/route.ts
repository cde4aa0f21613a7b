// The ceremony route on the Seine (from listRoutes): a bright line over a soft glow, drawn above the
// water and zones so it reads first.
import type { LineString } from 'geojson';
import type { Route } from '../../../shared/domain';
import { THEME } from '../palette';
import { geojsonSource, type Collection, type MapLayerModule } from './types';

export const routeLayer: MapLayerModule = {
  group: 'route',
  sources: { route: geojsonSource() },
  layers: [
    {
      id: 'route-glow',
      type: 'line',
      source: 'route',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': THEME.routeGlow,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 8, 14, 16, 17, 28],
        'line-opacity': 0.35,
        'line-blur': 6,
      },
    },
    {
      id: 'route',
      type: 'line',
      source: 'route',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': THEME.route,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 2.5, 14, 4, 17, 7],
      },
    },
  ],
};

export function routeFeatures(routes: readonly Route[]): Collection<LineString> {
  return {
    type: 'FeatureCollection',
    features: routes.map((r) => ({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: r.coordinates },
      properties: { id: r.id, name: r.name },
    })),
  };
}
