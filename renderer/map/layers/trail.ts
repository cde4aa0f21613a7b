// The selected unit's position history (listUnitPositions): a dashed line through its fixes, oldest
// first, and a dot at each fix; plus a dashed ring around every unit whose position is stale.
import type { LineString, Point } from 'geojson';
import type { UnitPosition } from '../../../shared/domain';
import { THEME } from '../palette';
import { geojsonSource, type Collection, type MapLayerModule } from './types';

export const trailLayer: MapLayerModule = {
  group: 'units',
  sources: { 'unit-trail': geojsonSource() },
  layers: [
    {
      id: 'unit-trail-line',
      type: 'line',
      source: 'unit-trail',
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': THEME.selected,
        'line-width': 2.5,
        'line-dasharray': [2, 1.5],
        'line-opacity': 0.85,
      },
    },
    {
      id: 'unit-trail-dots',
      type: 'circle',
      source: 'unit-trail',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': 3.5,
        'circle-color': THEME.selected,
        'circle-stroke-color': THEME.halo,
        'circle-stroke-width': 1.5,
      },
    },
  ],
};

export function trailFeatures(positions: readonly UnitPosition[]): Collection<LineString | Point> {
  // listUnitPositions answers newest first: draw oldest → newest.
  const fixes = [...positions].sort((a, b) => a.at.localeCompare(b.at));
  const features: Collection<LineString | Point>['features'] = fixes.map((p, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    properties: { id: `fix-${i}`, at: p.at, source: p.source },
  }));
  if (fixes.length > 1) {
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: fixes.map((p) => [p.lon, p.lat]) },
      properties: { id: 'trail' },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** The unit being dragged: a ghost of its symbol at the pointer, a line from where it was. */
export const DRAG_SOURCE = 'unit-drag';

export const dragLayer: MapLayerModule = {
  sources: { [DRAG_SOURCE]: geojsonSource() },
  layers: [
    {
      id: 'unit-drag-line',
      type: 'line',
      source: DRAG_SOURCE,
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': THEME.selected, 'line-width': 2, 'line-dasharray': [1, 1] },
    },
    {
      id: 'unit-drag-ghost',
      type: 'symbol',
      source: DRAG_SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      layout: {
        'icon-image': ['concat', 'unit-', ['get', 'kind'], '-', ['get', 'status']],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
      paint: { 'icon-opacity': 0.75 },
    },
  ],
};

export function dragFeatures(
  unit: { id: string; kind: string; status: string; from: [number, number] } | null,
  to: [number, number] | null,
): Collection<LineString | Point> {
  if (!unit || !to) return { type: 'FeatureCollection', features: [] };
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: [unit.from, to] },
        properties: { id: 'drag-line' },
      },
      {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: to },
        properties: { id: unit.id, kind: unit.kind, status: unit.status },
      },
    ],
  };
}
