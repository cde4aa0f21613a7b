// Units (from listUnits): a dot coloured by status, the callsign beside it once zoomed in. Units
// without a position are not drawn (they still show in the list).
import type { Point } from 'geojson';
import type { Unit } from '../../../shared/domain';
import { FONT_SEMIBOLD } from '../glyphs';
import { THEME } from '../palette';
import { unitStatusColor } from './colors';
import { geojsonSource, type Collection, type MapLayerModule } from './types';

export const unitsLayer: MapLayerModule = {
  sources: { units: geojsonSource() },
  layers: [
    {
      id: 'units',
      type: 'circle',
      source: 'units',
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 4, 13, 5.5, 15, 7, 17, 9],
        'circle-color': unitStatusColor,
        'circle-stroke-color': THEME.halo,
        'circle-stroke-width': 1.5,
      },
    },
  ],
  labels: [
    {
      id: 'unit-labels',
      type: 'symbol',
      source: 'units',
      minzoom: 15,
      layout: {
        'text-field': ['get', 'callsign'],
        'text-font': FONT_SEMIBOLD,
        'text-size': 12,
        'text-variable-anchor': ['left', 'right'],
        'text-radial-offset': 0.8,
        'text-padding': 2,
      },
      paint: {
        'text-color': unitStatusColor,
        'text-halo-color': THEME.halo,
        'text-halo-width': 1.6,
      },
    },
  ],
};

export function unitFeatures(units: readonly Unit[]): Collection<Point> {
  const features: Collection<Point>['features'] = [];
  for (const u of units) {
    if (u.lat === null || u.lon === null) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [u.lon, u.lat] },
      properties: { id: u.id, callsign: u.callsign, status: u.status, kind: u.kind },
    });
  }
  return { type: 'FeatureCollection', features };
}
