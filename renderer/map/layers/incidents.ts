// Incidents (from the board's query): colour is the priority, the shape tells the status.
//   new           solid dot with a white edge inside a thick ring: nobody has taken it yet
//   acknowledged,
//   dispatched    solid dot inside a ring
//   on scene      solid dot inside a ring filled with the priority colour (units are there)
//   resolved      hollow dot, faded ring
//   closed,
//   cancelled     small grey dot (drawn only when the board shows closed incidents)
// Open P1 incidents also get a ring (`incident-pulse`, still; map/pulse.ts lays a moving one over it). The
// reference is written beside each incident once zoomed in. Incidents without coordinates are not
// drawn (they still show on the board).
import type { Point } from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { IncidentPoint } from '../../../shared/incident-points';
import { isOpen } from '../../../shared/incident-lifecycle';
import { FONT_SEMIBOLD } from '../glyphs';
import { THEME } from '../palette';
import { priorityColor, priorityText } from './colors';
import { geojsonSource, type Collection, type MapLayerModule } from './types';

const sortKey: ExpressionSpecification = ['-', 0, ['get', 'priority']];
const status = ['get', 'status'] as ExpressionSpecification;
const finished: ExpressionSpecification = ['in', status, ['literal', ['closed', 'cancelled']]];

/** The P1's still ring; map/pulse.ts lays rings growing from `from` to `to` over it. */
export const PULSE_LAYER = 'incident-pulse';
export const PULSE_RADIUS = { from: 10, to: 30 } as const;
/** The still ring: part way out. */
const STILL_RADIUS = PULSE_RADIUS.from + 0.4 * (PULSE_RADIUS.to - PULSE_RADIUS.from);

export const incidentsLayer: MapLayerModule = {
  group: 'incidents',
  sources: { incidents: geojsonSource() },
  layers: [
    {
      id: PULSE_LAYER,
      type: 'circle',
      source: 'incidents',
      filter: ['==', ['get', 'pulse'], true],
      paint: {
        'circle-radius': STILL_RADIUS,
        'circle-opacity': 0,
        'circle-stroke-color': priorityColor,
        'circle-stroke-width': 3,
        'circle-stroke-opacity': 0.9,
      },
    },
    {
      id: 'incident-rings',
      type: 'circle',
      source: 'incidents',
      filter: ['!', finished],
      layout: { 'circle-sort-key': sortKey },
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 9, 14, 13, 17, 17],
        'circle-color': priorityColor,
        'circle-opacity': ['match', status, 'on_scene', 0.35, 0],
        'circle-stroke-color': priorityColor,
        'circle-stroke-width': ['match', status, 'new', 4, 2.5],
        'circle-stroke-opacity': ['match', status, 'resolved', 0.5, 1],
      },
    },
    {
      id: 'incidents',
      type: 'circle',
      source: 'incidents',
      layout: { 'circle-sort-key': sortKey },
      paint: {
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          11,
          ['case', finished, 3, 4.5],
          14,
          ['case', finished, 4.5, 6.5],
          17,
          ['case', finished, 6, 8.5],
        ],
        'circle-color': [
          'match',
          status,
          'resolved',
          THEME.halo,
          'closed',
          '#6b7685',
          'cancelled',
          '#6b7685',
          priorityColor,
        ],
        'circle-stroke-color': [
          'match',
          status,
          'new',
          THEME.selected,
          'resolved',
          priorityColor,
          THEME.halo,
        ],
        'circle-stroke-width': ['match', status, 'new', 2, 'resolved', 2, 1.5],
        'circle-opacity': ['case', finished, 0.7, 1],
        'circle-stroke-opacity': ['case', finished, 0.7, 1],
      },
    },
  ],
  labels: [
    {
      id: 'incident-labels',
      type: 'symbol',
      source: 'incidents',
      minzoom: 14.5,
      layout: {
        'text-field': ['get', 'reference'],
        'text-font': FONT_SEMIBOLD,
        'text-size': 13,
        'text-variable-anchor': ['top', 'bottom', 'right', 'left'],
        'text-radial-offset': 1.5,
        'text-padding': 2,
        'symbol-sort-key': ['get', 'priority'],
      },
      paint: {
        'text-color': priorityText.dark,
        'text-halo-color': THEME.halo,
        'text-halo-width': 1.8,
        'text-opacity': ['case', finished, 0.6, 1],
      },
    },
  ],
};

export function incidentFeatures(incidents: readonly IncidentPoint[]): Collection<Point> {
  const features: Collection<Point>['features'] = [];
  for (const i of incidents) {
    if (i.lat === null || i.lon === null) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [i.lon, i.lat] },
      properties: {
        id: i.id,
        reference: i.reference,
        priority: i.priority,
        status: i.status,
        pulse: i.priority === 1 && isOpen(i.status),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

/** Where the drawn incidents that pulse are ([lon, lat]). */
export const pulsePoints = (fc: Collection<Point>): [number, number][] =>
  fc.features.flatMap((f) => {
    const [lon, lat] = f.geometry.coordinates;
    return f.properties?.pulse && lon !== undefined && lat !== undefined
      ? [[lon, lat] as [number, number]]
      : [];
  });
