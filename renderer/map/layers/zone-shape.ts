// The zone whose shape is being edited (map-tools/ZoneShapeEditor): its fill and outline, a handle on
// each corner (drag to move, Alt-click or right-click to remove) and a smaller hollow one on each
// edge's midpoint (drag to add a corner); red while shared/zones.ts finds a problem with the shape.
import type { Point, Polygon } from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';
import { THEME } from '../palette';
import { closeRings, edgeMidpoint, type Ring } from '../../map-tools/zone-shape';
import { geojsonSource, type Collection, type MapLayerModule } from './types';

export const SHAPE_SOURCE = 'zone-shape';
export const CORNER_LAYER = 'zone-shape-corners';
export const MIDPOINT_LAYER = 'zone-shape-midpoints';

const color: ExpressionSpecification = ['case', ['==', ['get', 'ok'], true], '#38bdf8', '#f43f5e'];
const handle = (kind: string): ExpressionSpecification => ['==', ['get', 'handle'], kind];

export const zoneShapeLayer: MapLayerModule = {
  sources: { [SHAPE_SOURCE]: geojsonSource() },
  layers: [
    {
      id: 'zone-shape-fill',
      type: 'fill',
      source: SHAPE_SOURCE,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': color, 'fill-opacity': 0.15 },
    },
    {
      id: 'zone-shape-line',
      type: 'line',
      source: SHAPE_SOURCE,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'line-color': color, 'line-width': 2.5 },
    },
    {
      id: MIDPOINT_LAYER,
      type: 'circle',
      source: SHAPE_SOURCE,
      filter: handle('midpoint'),
      paint: {
        'circle-radius': 4.5,
        'circle-color': THEME.halo,
        'circle-stroke-color': color,
        'circle-stroke-width': 2,
      },
    },
    {
      id: CORNER_LAYER,
      type: 'circle',
      source: SHAPE_SOURCE,
      filter: handle('corner'),
      paint: {
        'circle-radius': 6.5,
        'circle-color': color,
        'circle-stroke-color': THEME.halo,
        'circle-stroke-width': 2,
      },
    },
  ],
};

export function zoneShapeFeatures(rings: readonly Ring[] | null, ok: boolean): Collection<Point | Polygon> {
  if (!rings?.length) return { type: 'FeatureCollection', features: [] };
  const features: Collection<Point | Polygon>['features'] = [
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: closeRings(rings) },
      properties: { id: 'shape', ok },
    },
  ];
  rings.forEach((ring, r) =>
    ring.forEach((corner, index) => {
      const mid = edgeMidpoint(rings, { ring: r, index });
      if (mid)
        features.push({
          type: 'Feature',
          geometry: { type: 'Point', coordinates: mid },
          properties: { id: `m${r}.${index}`, handle: 'midpoint', ring: r, index, ok },
        });
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: corner },
        properties: { id: `c${r}.${index}`, handle: 'corner', ring: r, index, ok },
      });
    }),
  );
  return { type: 'FeatureCollection', features };
}
