// Units (from listUnits), as APP-6 / 2525 symbols (unit-icons.ts) filled with the status colour,
// the callsign and country code beside each once zoomed in (≥ 15; where labels collide, units on an
// incident keep theirs); a stale position is faded in a dashed ring. From CLUSTER_UNTIL they are
// drawn outside the WebGL map, by the units overlay (unit-overlay.ts, overlay-list.ts), so that a
// batch of moves repaints no map; above DOTS_ABOVE units as plain status-coloured dots until street
// zoom (DOTS_UNTIL). At city zoom (below CLUSTER_UNTIL) the map itself draws them clustered: a ring
// split by status with the count in the middle (cluster-ring.ts; a click zooms in), from a
// clustered copy of the data, built only while zoomed out (source-push.ts); a view that moves
// only when the camera does, so the map's own layers serve. Units without a position are not drawn.
import type { Point } from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Unit, UnitStatus } from '../../../shared/domain';
import { FONT_SEMIBOLD } from '../glyphs';
import { THEME } from '../palette';
import { clusterIconExpression, clusterProperties } from '../cluster-ring';
import { emptyCollection, type Collection, type MapLayerModule } from './types';

/** Below this zoom units are clustered; from it, each unit is drawn on its own. */
export const CLUSTER_UNTIL = 12.5;
export const CLUSTER_SOURCE = 'unit-clusters';
/** Above this many units, dots below street zoom; symbols from DOTS_UNTIL. */
export const DOTS_ABOVE = 3000;
export const DOTS_UNTIL = 15;

/** Statuses of a unit engaged on an incident: its callsign wins where labels collide. */
export const ON_INCIDENT: readonly UnitStatus[] = ['assigned', 'en_route', 'on_scene'];

const icon: ExpressionSpecification = ['concat', 'unit-', ['get', 'kind'], '-', ['get', 'status']];
/** The symbols' scale by zoom, [zoom, scale] (the map's unit-singles and the overlay's). */
export const ICON_SCALE: readonly (readonly [number, number])[] = [
  [10, 0.45],
  [13, 0.5],
  [14, 0.62],
  [15, 0.8],
  [17, 1.05],
];
const iconSize = ['interpolate', ['linear'], ['zoom'], ...ICON_SCALE.flat()] as ExpressionSpecification;
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
      // The units the clusters leave alone at city zoom.
      id: 'unit-singles',
      type: 'symbol',
      source: CLUSTER_SOURCE,
      filter: ['!', clustered],
      maxzoom: CLUSTER_UNTIL,
      layout: symbolLayout,
      paint: { 'icon-opacity': staleFade },
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
};

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
