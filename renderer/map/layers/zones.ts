// Security zones and sectors (from listZones): a faint fill, a dashed outline in the zone's colour
// and the zone's name.
import type { Polygon } from 'geojson';
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Zone } from '../../../shared/domain';
import { FONT_SEMIBOLD } from '../glyphs';
import { THEME } from '../palette';
import { lighten } from '../color';
import { geojsonSource, type Collection, type MapLayerModule } from './types';

const zoneColor: ExpressionSpecification = ['to-color', ['get', 'color'], '#8b949e'];

export const zonesLayer: MapLayerModule = {
  group: 'zones',
  sources: { zones: geojsonSource() },
  layers: [
    {
      id: 'zones-fill',
      type: 'fill',
      source: 'zones',
      paint: { 'fill-color': zoneColor, 'fill-opacity': 0.1 },
    },
    {
      id: 'zones-outline',
      type: 'line',
      source: 'zones',
      paint: {
        'line-color': zoneColor,
        'line-width': 1.5,
        'line-opacity': 0.85,
        'line-dasharray': [3, 2],
      },
    },
  ],
  labels: [
    {
      id: 'zone-labels',
      type: 'symbol',
      source: 'zones',
      minzoom: 13.5,
      layout: {
        'text-field': ['upcase', ['get', 'name']],
        'text-font': FONT_SEMIBOLD,
        'text-size': 11,
        'text-letter-spacing': 0.08,
        'symbol-placement': 'point',
      },
      paint: {
        'text-color': ['to-color', ['get', 'labelColor'], THEME.labelMuted],
        'text-halo-color': THEME.halo,
        'text-halo-width': 1.5,
        'text-opacity': 0.9,
      },
    },
  ],
};

export function zoneFeatures(zones: readonly Zone[]): Collection<Polygon> {
  return {
    type: 'FeatureCollection',
    features: zones.map((z) => ({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: z.polygon },
      properties: {
        id: z.id,
        name: z.name,
        kind: z.kind,
        color: z.color,
        labelColor: lighten(z.color, 0.55),
      },
    })),
  };
}
