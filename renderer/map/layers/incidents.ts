// Incidents (from listIncidents): a dot in the priority's colour inside a ring of the same colour,
// P1 drawn above P4. Incidents without coordinates are not drawn (they still show in the list).
import type { Point } from 'geojson';
import type { Incident } from '../../../shared/domain';
import { THEME } from '../palette';
import { priorityColor } from './colors';
import { geojsonSource, type Collection, type MapLayerModule } from './types';

const sortKey: ['-', number, ['get', string]] = ['-', 0, ['get', 'priority']];

export const incidentsLayer: MapLayerModule = {
  sources: { incidents: geojsonSource() },
  layers: [
    {
      id: 'incident-rings',
      type: 'circle',
      source: 'incidents',
      layout: { 'circle-sort-key': sortKey },
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 9, 14, 13, 17, 17],
        'circle-opacity': 0,
        'circle-stroke-color': priorityColor,
        'circle-stroke-width': 2.5,
      },
    },
    {
      id: 'incidents',
      type: 'circle',
      source: 'incidents',
      layout: { 'circle-sort-key': sortKey },
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 4.5, 14, 6.5, 17, 8.5],
        'circle-color': priorityColor,
        'circle-stroke-color': THEME.halo,
        'circle-stroke-width': 1.5,
      },
    },
  ],
};

export function incidentFeatures(incidents: readonly Incident[]): Collection<Point> {
  const features: Collection<Point>['features'] = [];
  for (const i of incidents) {
    if (i.lat === null || i.lon === null) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [i.lon, i.lat] },
      properties: { id: i.id, reference: i.reference, priority: i.priority, status: i.status },
    });
  }
  return { type: 'FeatureCollection', features };
}
