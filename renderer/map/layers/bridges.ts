// Bridges along the route (from each route's bridge list): small markers and their names.
import type { Point } from 'geojson';
import type { Route } from '../../../shared/domain';
import { FONT_REGULAR } from '../glyphs';
import { THEME } from '../palette';
import { geojsonSource, type Collection, type MapLayerModule } from './types';

export const bridgesLayer: MapLayerModule = {
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
  labels: [
    {
      id: 'bridge-labels',
      type: 'symbol',
      source: 'bridges',
      minzoom: 12.5,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT_REGULAR,
        'text-size': ['interpolate', ['linear'], ['zoom'], 12.5, 12, 15, 14],
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.7,
        'text-max-width': 8,
        'text-padding': 3,
      },
      paint: {
        'text-color': THEME.labelMuted,
        'text-halo-color': THEME.halo,
        'text-halo-width': 1.6,
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
