// Venues (from listVenues): a lavender marker with the venue's name beside it.
import type { Point } from 'geojson';
import type { Venue } from '../../../shared/domain';
import { FONT_SEMIBOLD } from '../glyphs';
import { THEME } from '../palette';
import { geojsonSource, type Collection, type MapLayerModule } from './types';

export const venuesLayer: MapLayerModule = {
  group: 'venues',
  sources: { venues: geojsonSource() },
  layers: [
    {
      id: 'venues',
      type: 'circle',
      source: 'venues',
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, 4, 14, 6.5, 17, 9],
        'circle-color': THEME.halo,
        'circle-stroke-color': THEME.venue,
        'circle-stroke-width': ['interpolate', ['linear'], ['zoom'], 11, 2, 14, 3],
      },
    },
  ],
  labels: [
    {
      id: 'venue-labels',
      type: 'symbol',
      source: 'venues',
      minzoom: 11.5,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT_SEMIBOLD,
        'text-size': ['interpolate', ['linear'], ['zoom'], 11.5, 12, 14, 14.5, 17, 16],
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.9,
        'text-justify': 'auto',
        'text-max-width': 10,
        'text-padding': 4,
      },
      paint: {
        'text-color': THEME.venue,
        'text-halo-color': THEME.halo,
        'text-halo-width': 1.8,
      },
    },
  ],
};

export function venueFeatures(venues: readonly Venue[]): Collection<Point> {
  return {
    type: 'FeatureCollection',
    features: venues.map((v) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [v.lon, v.lat] },
      properties: { id: v.id, name: v.name, kind: v.kind },
    })),
  };
}
