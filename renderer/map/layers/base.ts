// The built-in base map of Paris (resources/geo/paris-base.json, fetched once by static-geo.ts): one
// GeoJSON source per layer of the file's `order`. Paris is lighter land on the darker country around
// it; parks, the Seine and its islands; arrondissements as faint dashed lines with their number; the
// Périphérique in amber; the main axes and quays as streets; bridges named from close zoom, those on
// the ceremony route emphasised. Everything here belongs to the `base` group of the layers panel
// (labels to the `labels` group).
import type { ExpressionSpecification } from 'maplibre-gl';
import { FONT_REGULAR, FONT_SEMIBOLD } from '../glyphs';
import { THEME } from '../palette';
import { emptyCollection, type MapLayerModule } from './types';

/** The layers of paris-base.json, bottom to top (its `order`). */
export const BASE_LAYERS = [
  'outline',
  'arrondissements',
  'parks',
  'water',
  'islands',
  'peripherique',
  'axes',
  'bridges',
  'arrondissementLabels',
] as const;
export type BaseLayerName = (typeof BASE_LAYERS)[number];

/** The style source of a base-map layer. */
export const baseSource = (name: string): string => `paris-${name}`;

const src = (name: BaseLayerName) => baseSource(name);
const major: ExpressionSpecification = ['==', ['get', 'kind'], 'major'];
const onRoute: ExpressionSpecification = ['==', ['get', 'onRoute'], true];

export const baseLayer: MapLayerModule = {
  group: 'base',
  sources: Object.fromEntries(
    BASE_LAYERS.map((n) => [src(n), { type: 'geojson' as const, data: emptyCollection() }]),
  ),
  layers: [
    { id: 'base-paris', type: 'fill', source: src('outline'), paint: { 'fill-color': THEME.paris } },
    {
      id: 'base-parks',
      type: 'fill',
      source: src('parks'),
      paint: {
        'fill-color': ['match', ['get', 'kind'], 'wood', THEME.wood, THEME.garden],
        'fill-opacity': 0.95,
      },
    },
    {
      id: 'base-water',
      type: 'fill',
      source: src('water'),
      paint: { 'fill-color': THEME.water, 'fill-antialias': true },
    },
    {
      id: 'base-water-edge',
      type: 'line',
      source: src('water'),
      paint: { 'line-color': THEME.waterEdge, 'line-width': 1.2 },
    },
    { id: 'base-islands', type: 'fill', source: src('islands'), paint: { 'fill-color': THEME.island } },
    {
      id: 'base-islands-edge',
      type: 'line',
      source: src('islands'),
      paint: { 'line-color': THEME.waterEdge, 'line-width': 1 },
    },
    {
      id: 'base-axes-quay',
      type: 'line',
      source: src('axes'),
      filter: ['!', major],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': THEME.axisQuay,
        'line-width': ['interpolate', ['exponential', 1.6], ['zoom'], 11, 1, 14, 3, 17, 9],
      },
    },
    {
      id: 'base-axes-major',
      type: 'line',
      source: src('axes'),
      filter: major,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': THEME.axisMajor,
        'line-width': ['interpolate', ['exponential', 1.6], ['zoom'], 11, 1.6, 14, 5, 17, 14],
      },
    },
    {
      id: 'base-arrondissements',
      type: 'line',
      source: src('arrondissements'),
      paint: {
        'line-color': THEME.arrondissement,
        'line-width': ['interpolate', ['linear'], ['zoom'], 11, 0.8, 15, 1.6],
        'line-dasharray': [4, 3],
        'line-opacity': 0.8,
      },
    },
    {
      id: 'base-peripherique',
      type: 'line',
      source: src('peripherique'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': THEME.periph,
        'line-width': ['interpolate', ['exponential', 1.5], ['zoom'], 10, 2, 13, 4, 16, 10],
        'line-opacity': 0.85,
      },
    },
    {
      id: 'base-outline',
      type: 'line',
      source: src('outline'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': THEME.outline,
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, 2.5, 14, 4],
        'line-opacity': 0.9,
      },
    },
    {
      id: 'base-bridges',
      type: 'circle',
      source: src('bridges'),
      minzoom: 12,
      paint: {
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          12,
          ['case', onRoute, 2.5, 1.5],
          16,
          ['case', onRoute, 5, 3],
        ],
        'circle-color': THEME.bridge,
        'circle-opacity': ['case', onRoute, 1, 0.6],
        'circle-stroke-color': THEME.halo,
        'circle-stroke-width': 1,
      },
    },
  ],
  labels: [
    {
      id: 'base-arrondissement-labels',
      type: 'symbol',
      source: src('arrondissementLabels'),
      minzoom: 10,
      maxzoom: 14.5,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': FONT_SEMIBOLD,
        'text-size': ['interpolate', ['linear'], ['zoom'], 10, 13, 13, 20, 14.5, 24],
        'text-allow-overlap': false,
        'text-padding': 2,
      },
      paint: {
        'text-color': THEME.arrondissementLabel,
        'text-opacity': 0.7,
        'text-halo-color': THEME.halo,
        'text-halo-width': 1.2,
      },
    },
    {
      id: 'base-park-labels',
      type: 'symbol',
      source: src('parks'),
      minzoom: 13,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT_REGULAR,
        'text-size': 12,
        'text-max-width': 7,
      },
      paint: { 'text-color': THEME.parkLabel, 'text-halo-color': THEME.halo, 'text-halo-width': 1.4 },
    },
    {
      id: 'base-axis-labels',
      type: 'symbol',
      source: src('axes'),
      minzoom: 14,
      layout: {
        'symbol-placement': 'line',
        'text-field': ['get', 'name'],
        'text-font': FONT_REGULAR,
        'text-size': ['interpolate', ['linear'], ['zoom'], 14, 11.5, 17, 14],
        'text-padding': 8,
        'symbol-spacing': 400,
      },
      paint: { 'text-color': THEME.axisLabel, 'text-halo-color': THEME.halo, 'text-halo-width': 1.6 },
    },
    {
      id: 'base-bridge-labels',
      type: 'symbol',
      source: src('bridges'),
      minzoom: 13.5,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': ['case', onRoute, ['literal', FONT_SEMIBOLD], ['literal', FONT_REGULAR]],
        'text-size': [
          'interpolate',
          ['linear'],
          ['zoom'],
          13.5,
          ['case', onRoute, 12.5, 11],
          16,
          ['case', onRoute, 15, 12.5],
        ],
        'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
        'text-radial-offset': 0.7,
        'text-max-width': 8,
        'text-padding': 3,
        'symbol-sort-key': ['case', onRoute, 0, 1],
      },
      paint: {
        'text-color': ['case', onRoute, THEME.label, THEME.labelMuted],
        'text-halo-color': THEME.halo,
        'text-halo-width': 1.6,
      },
    },
  ],
};
