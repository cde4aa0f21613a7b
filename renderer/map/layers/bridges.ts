// Bridges along the route (from each route's bridge list): small markers (the base map names them).
import type { Point } from 'geojson';
import type { Route } from '../../../shared/domain';
import { THEME } from '../palette';
import { geojsonSource, type Collection, type MapLayerModule } from './types';

export const bridgesLayer: MapLayerModule = {
  group: 'route',
  sources: { bridges: geojsonSource() },
  layers: [
    {
      id: 'bridges',
      type: 'circle',
      source: 'bridges',
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 2, 14, 3.5, 17, 5],
        'circle-color': THEME.bridge,
        'circle-stroke-color': THEME.halo,
        'circle-stroke-width': 1.5,
      },
    },
  ],
};

export function bridgeFeatures(routes: readonly Route[]): Collection<Point> {
  return {
    type: 'FeatureCollection',
    features: routes.flatMap((r) =>
      r.bridges.map((b, i) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [b.lon, b.lat] },
        properties: { id: `${r.id}:${i}`, name: b.name, chainageKm: b.chainageKm },
      })),
    ),
  };
}
