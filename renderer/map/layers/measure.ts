// The distance tool's path (map-tools/MeasurePanel): a dashed line through the clicked points, a
// dot at each, and the running total beside the last one.
import type { LineString, Point } from 'geojson';
import { FONT_SEMIBOLD } from '../glyphs';
import { THEME } from '../palette';
import { geojsonSource, type Collection, type MapLayerModule } from './types';

const CYAN = '#22d3ee';

export const measureLayer: MapLayerModule = {
  sources: { measure: geojsonSource() },
  layers: [
    {
      id: 'measure-line',
      type: 'line',
      source: 'measure',
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': CYAN, 'line-width': 3, 'line-dasharray': [2, 1] },
    },
    {
      id: 'measure-points',
      type: 'circle',
      source: 'measure',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 5,
        'circle-color': CYAN,
        'circle-stroke-color': THEME.halo,
        'circle-stroke-width': 1.5,
      },
    },
  ],
  labels: [
    {
      id: 'measure-label',
      type: 'symbol',
      source: 'measure',
      filter: ['has', 'label'],
      layout: {
        'text-field': ['get', 'label'],
        'text-font': FONT_SEMIBOLD,
        'text-size': 15,
        'text-anchor': 'left',
        'text-offset': [1, 0],
        'text-allow-overlap': true,
      },
      paint: { 'text-color': CYAN, 'text-halo-color': THEME.halo, 'text-halo-width': 2 },
    },
  ],
};

export function measureFeatures(
  points: readonly [number, number][],
  total: string,
): Collection<LineString | Point> {
  const features: Collection<LineString | Point>['features'] = points.map((p, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: p },
    properties:
      i === points.length - 1 && points.length > 1 ? { id: `m${i}`, label: total } : { id: `m${i}` },
  }));
  if (points.length > 1) {
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [...points] },
      properties: { id: 'measure-line' },
    });
  }
  return { type: 'FeatureCollection', features };
}
