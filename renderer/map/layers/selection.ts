// The selected unit or incident: a white ring over a dark one, so it stands out on any colour.
import type { Point } from 'geojson';
import { THEME } from '../palette';
import { geojsonSource, type Collection, type MapLayerModule } from './types';

export const selectionLayer: MapLayerModule = {
  sources: { selection: geojsonSource() },
  layers: [
    {
      id: 'selected-ring-shadow',
      type: 'circle',
      source: 'selection',
      paint: {
        'circle-radius': 20,
        'circle-opacity': 0,
        'circle-stroke-color': THEME.halo,
        'circle-stroke-width': 6,
      },
    },
    {
      id: 'selected-ring',
      type: 'circle',
      source: 'selection',
      paint: {
        'circle-radius': 20,
        'circle-opacity': 0,
        'circle-stroke-color': THEME.selected,
        'circle-stroke-width': 3,
      },
    },
  ],
};

export function selectionFeatures(
  selected: { id: string; kind: string; lon: number; lat: number } | null,
): Collection<Point> {
  return {
    type: 'FeatureCollection',
    features: selected
      ? [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [selected.lon, selected.lat] },
            properties: { id: selected.id, kind: selected.kind },
          },
        ]
      : [],
  };
}
