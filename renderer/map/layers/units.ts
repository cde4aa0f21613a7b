// Units (from listUnits), as APP-6 / 2525 symbols (unit-icons.ts) filled with the status colour,
// the callsign and country code beside each once zoomed in (≥ 15; where labels collide, units on an
// incident keep theirs); a stale position is faded in a dashed ring. At city zoom (below
// CLUSTER_UNTIL) the units are clustered: a ring split by status with the count in the middle
// (cluster-ring.ts; a click zooms in), drawn from a second, clustered copy of the data; the `units`
// layer (unclustered points, what the tests and the pointer pick) takes over from CLUSTER_UNTIL.
// Above DOTS_ABOVE units, plain status-coloured dots (`unit-dots`, a circle layer: no icon placement
// on the CPU) stand in for the symbols until street zoom (DOTS_UNTIL), where the symbols return
// (drawUnitsAs). Units without a position are not drawn.
import type { Point } from 'geojson';
import type { ExpressionSpecification, Map as MaplibreMap } from 'maplibre-gl';
import type { Unit, UnitStatus } from '../../../shared/domain';
import { FONT_SEMIBOLD } from '../glyphs';
import { THEME } from '../palette';
import { STALE_RING } from '../unit-icons';
import { clusterIconExpression, clusterProperties } from '../cluster-ring';
import { unitStatusColor } from './colors';
import { emptyCollection, geojsonSource, type Collection, type MapLayerModule } from './types';

/** Below this zoom units are clustered; from it, each unit is drawn on its own. */
export const CLUSTER_UNTIL = 12.5;
export const CLUSTER_SOURCE = 'unit-clusters';
/** Above this many units, dots below street zoom; symbols from DOTS_UNTIL. */
export const DOTS_ABOVE = 3000;
export const DOTS_UNTIL = 15;
/** Every layer that draws a unit on its own (what the pointer and the tests pick). */
export const UNIT_LAYERS = ['units', 'unit-dots'] as const;
/** A zoom range no map zoom reaches (maxZoom is 18): the layer is never drawn. */
const NEVER = [24, 24] as const;

/** Statuses of a unit engaged on an incident: its callsign wins where labels collide. */
export const ON_INCIDENT: readonly UnitStatus[] = ['assigned', 'en_route', 'on_scene'];

const icon: ExpressionSpecification = ['concat', 'unit-', ['get', 'kind'], '-', ['get', 'status']];
const iconSize: ExpressionSpecification = [
  'interpolate',
  ['linear'],
  ['zoom'],
  10,
  0.45,
  13,
  0.5,
  14,
  0.62,
  15,
  0.8,
  17,
  1.05,
];
const clustered: ExpressionSpecification = ['has', 'point_count'];
/** A stale position is drawn faded inside its dashed ring: seen, but not to be trusted. */
const staleFade: ExpressionSpecification = ['case', ['==', ['get', 'stale'], true], 0.45, 1];

const symbolLayout = {
  'icon-image': icon,
  'icon-size': iconSize,
  'icon-allow-overlap': true,
  'icon-ignore-placement': true,
} as const;

export const unitsLayer: MapLayerModule = {
  group: 'units',
  sources: {
    units: geojsonSource(),
    [CLUSTER_SOURCE]: {
      type: 'geojson',
      data: emptyCollection(),
      cluster: true,
      clusterProperties,
      clusterRadius: 42,
      clusterMaxZoom: 12,
    },
  },
  layers: [
    {
      id: 'unit-singles',
      type: 'symbol',
      source: CLUSTER_SOURCE,
      filter: ['!', clustered],
      maxzoom: CLUSTER_UNTIL,
      layout: symbolLayout,
      paint: { 'icon-opacity': staleFade },
    },
    {
      id: 'unit-stale',
      type: 'symbol',
      source: 'units',
      minzoom: CLUSTER_UNTIL,
      filter: ['==', ['get', 'stale'], true],
      layout: { ...symbolLayout, 'icon-image': STALE_RING },
    },
    {
      id: 'units',
      type: 'symbol',
      source: 'units',
      minzoom: CLUSTER_UNTIL,
      layout: { ...symbolLayout, 'symbol-sort-key': ['get', 'order'] },
      paint: { 'icon-opacity': staleFade },
    },
    {
      id: 'unit-dots',
      type: 'circle',
      source: 'units',
      minzoom: NEVER[0],
      maxzoom: NEVER[1],
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], CLUSTER_UNTIL, 3.5, DOTS_UNTIL, 6],
        'circle-color': unitStatusColor,
        'circle-opacity': staleFade,
        'circle-stroke-color': THEME.halo,
        'circle-stroke-width': 1,
      },
    },
  ],
  topmost: [
    {
      // The ring split by status: always drawn; the labels placed after it give way to it.
      id: 'unit-clusters',
      type: 'symbol',
      source: CLUSTER_SOURCE,
      filter: clustered,
      maxzoom: CLUSTER_UNTIL,
      layout: {
        'icon-image': clusterIconExpression('dark'),
        'icon-allow-overlap': true,
      },
    },
    {
      // The count, placed before every other label (they give way to it) and after the parade head
      // (the count gives way to the head, the ring stays).
      id: 'unit-cluster-count',
      type: 'symbol',
      source: CLUSTER_SOURCE,
      filter: clustered,
      maxzoom: CLUSTER_UNTIL,
      layout: {
        'text-field': ['get', 'point_count_abbreviated'],
        'text-font': FONT_SEMIBOLD,
        'text-size': ['step', ['get', 'point_count'], 13, 100, 12, 1000, 11],
        'text-padding': 0,
      },
      paint: { 'text-color': THEME.label },
    },
  ],
  labels: [
    {
      // Labels that collide give way, units on an incident first (lowest sort key placed first).
      id: 'unit-labels',
      type: 'symbol',
      source: 'units',
      minzoom: 15,
      layout: {
        'text-field': [
          'format',
          ['get', 'callsign'],
          {},
          ' ',
          {},
          ['get', 'country'],
          { 'font-scale': 0.85 },
        ],
        'text-font': FONT_SEMIBOLD,
        'text-size': 13,
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 1.6,
        'text-padding': 2,
        'text-allow-overlap': false,
        'text-optional': true,
        'symbol-sort-key': ['case', ['in', ['get', 'status'], ['literal', ON_INCIDENT]], 0, 1],
      },
      paint: {
        'text-color': unitStatusColor,
        'text-halo-color': THEME.halo,
        'text-halo-width': 1.8,
      },
    },
  ],
};

/**
 * Symbols from CLUSTER_UNTIL, or (`dots`) dots from CLUSTER_UNTIL and symbols from DOTS_UNTIL: the
 * zoom ranges of the unit layers (visibility stays the layers panel's).
 */
export function drawUnitsAs(map: MaplibreMap, dots: boolean): void {
  const from = dots ? DOTS_UNTIL : CLUSTER_UNTIL;
  for (const id of ['units', 'unit-stale']) if (map.getLayer(id)) map.setLayerZoomRange(id, from, 24);
  const [min, max] = dots ? [CLUSTER_UNTIL, DOTS_UNTIL] : NEVER;
  if (map.getLayer('unit-dots')) map.setLayerZoomRange('unit-dots', min, max);
}

type UnitFeature = Collection<Point>['features'][number];

// The feature made for each unit row, reused while the row (its identity kept across reads and
// pushed moves for a unit that did not change) keeps its place: the source diff then passes it by
// identity, and a batch of moves costs the features that moved.
const made = new WeakMap<Unit, UnitFeature>();

export function unitFeatures(units: readonly Unit[]): Collection<Point> {
  const features: Collection<Point>['features'] = [];
  for (const u of units) {
    if (u.lat === null || u.lon === null) continue;
    const order = features.length;
    const held = made.get(u);
    if (held && held.properties?.['order'] === order) {
      features.push(held);
      continue;
    }
    const f: UnitFeature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [u.lon, u.lat] },
      properties: {
        id: u.id,
        callsign: u.callsign,
        status: u.status,
        kind: u.kind,
        country: u.country,
        stale: u.positionStale,
        order,
      },
    };
    made.set(u, f);
    features.push(f);
  }
  return { type: 'FeatureCollection', features };
}
