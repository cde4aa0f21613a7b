// The ceremony parade (map-tools/ParadePanel): the column from tail to head drawn thick in gold
// over the route, a large marker at the head and a smaller one at the tail, each labelled. The head
// (marker and label) is a symbol above every label and placed first: cluster counts and other labels
// give way to it, so it never merges with them. The tail's name is drawn above the rings too.
import type { LineString, Point } from 'geojson';
import { PARADE_HEAD_IMAGE } from '../cluster-icons';
import { FONT_SEMIBOLD } from '../glyphs';
import { THEME } from '../palette';
import { geojsonSource, type Collection, type MapLayerModule } from './types';

const GOLD = '#fbbf24';

export interface ParadeDraw {
  column: [number, number][];
  head: [number, number];
  tail: [number, number];
  headLabel: string;
  tailLabel: string;
}

export const paradeLayer: MapLayerModule = {
  group: 'route',
  sources: { parade: geojsonSource() },
  layers: [
    {
      id: 'parade-column-casing',
      type: 'line',
      source: 'parade',
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': THEME.halo,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 8, 14, 13, 17, 20],
      },
    },
    {
      id: 'parade-column',
      type: 'line',
      source: 'parade',
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': GOLD,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 5, 14, 9, 17, 15],
      },
    },
    {
      id: 'parade-ends',
      type: 'circle',
      source: 'parade',
      filter: ['==', ['get', 'role'], 'tail'],
      paint: {
        'circle-radius': 7,
        'circle-color': THEME.halo,
        'circle-stroke-color': GOLD,
        'circle-stroke-width': 3,
      },
    },
  ],
  // Above the cluster rings, which would otherwise hide the tail's name.
  topmost: [
    {
      id: 'parade-labels',
      type: 'symbol',
      source: 'parade',
      filter: ['==', ['get', 'role'], 'tail'],
      layout: {
        'text-field': ['get', 'label'],
        'text-font': FONT_SEMIBOLD,
        'text-size': 14,
        'text-anchor': 'bottom',
        'text-offset': [0, -1.1],
        'text-allow-overlap': true,
      },
      paint: { 'text-color': GOLD, 'text-halo-color': THEME.halo, 'text-halo-width': 2 },
    },
    {
      id: 'parade-head',
      type: 'symbol',
      source: 'parade',
      filter: ['==', ['get', 'role'], 'head'],
      layout: {
        'icon-image': PARADE_HEAD_IMAGE,
        'icon-allow-overlap': true,
        'text-field': ['get', 'label'],
        'text-font': FONT_SEMIBOLD,
        'text-size': 15,
        'text-anchor': 'bottom',
        'text-offset': [0, -1.1],
        'text-allow-overlap': true,
      },
      paint: { 'text-color': GOLD, 'text-halo-color': THEME.halo, 'text-halo-width': 2 },
    },
  ],
};

export function paradeFeatures(d: ParadeDraw | null): Collection<LineString | Point> {
  if (!d) return { type: 'FeatureCollection', features: [] };
  const features: Collection<LineString | Point>['features'] = [];
  if (d.column.length > 1) {
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: d.column },
      properties: { id: 'column', role: 'column' },
    });
  }
  features.push(
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: d.tail },
      properties: { id: 'tail', role: 'tail', label: d.tailLabel },
    },
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: d.head },
      properties: { id: 'head', role: 'head', label: d.headLabel },
    },
  );
  return { type: 'FeatureCollection', features };
}
