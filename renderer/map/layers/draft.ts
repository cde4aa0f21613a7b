// Where the incident being created or edited will be placed (picked on the map, or a bridge):
// a white crosshair over a dark one, distinct from every incident and unit marker.
import type { Point } from 'geojson';
import { THEME } from '../palette';
import { geojsonSource, type Collection, type MapLayerModule } from './types';

export const draftLayer: MapLayerModule = {
  sources: { draft: geojsonSource() },
  layers: [
    {
      id: 'draft-halo',
      type: 'circle',
      source: 'draft',
      paint: {
        'circle-radius': 14,
        'circle-color': THEME.selected,
        'circle-opacity': 0.15,
        'circle-stroke-color': THEME.halo,
        'circle-stroke-width': 6,
      },
    },
    {
      id: 'draft',
      type: 'circle',
      source: 'draft',
      paint: {
        'circle-radius': 14,
        'circle-opacity': 0,
        'circle-stroke-color': THEME.selected,
        'circle-stroke-width': 3,
      },
    },
    {
      id: 'draft-centre',
      type: 'circle',
      source: 'draft',
      paint: { 'circle-radius': 3.5, 'circle-color': THEME.selected },
    },
  ],
};

export function draftFeatures(point: { lat: number; lon: number } | null): Collection<Point> {
  return {
    type: 'FeatureCollection',
    features: point
      ? [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [point.lon, point.lat] },
            properties: { id: 'draft' },
          },
        ]
      : [],
  };
}
