// The zone being drawn (map-tools/ZonesPanel): its outline so far, a faint fill once it has three
// points, and a dot at each vertex; red while shared/zones.ts finds a problem with the polygon.
import type { Geometry } from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';
import { THEME } from '../palette';
import { geojsonSource, type Collection, type MapLayerModule } from './types';

const color: ExpressionSpecification = ['case', ['==', ['get', 'ok'], true], '#38bdf8', '#f43f5e'];

export const zoneDraftLayer: MapLayerModule = {
  sources: { 'zone-draft': geojsonSource() },
  layers: [
    {
      id: 'zone-draft-fill',
      type: 'fill',
      source: 'zone-draft',
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': color, 'fill-opacity': 0.18 },
    },
    {
      id: 'zone-draft-line',
      type: 'line',
      source: 'zone-draft',
      filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'LineString']]],
      paint: { 'line-color': color, 'line-width': 2.5 },
    },
    {
      id: 'zone-draft-vertices',
      type: 'circle',
      source: 'zone-draft',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 5,
        'circle-color': color,
        'circle-stroke-color': THEME.halo,
        'circle-stroke-width': 1.5,
      },
    },
  ],
};

export function zoneDraftFeatures(points: readonly [number, number][], ok: boolean): Collection {
  const features: Collection<Geometry>['features'] = points.map((p, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: p },
    properties: { id: `v${i}`, ok },
  }));
  const first = points[0];
  if (points.length >= 3 && first) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [[...points, first]] },
      properties: { id: 'ring', ok },
    });
  } else if (points.length === 2) {
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [...points] },
      properties: { id: 'line', ok },
    });
  }
  return { type: 'FeatureCollection', features };
}
