// The map style, built in code: no remote tiles, sprites or fonts. Land is the background; every
// other layer comes from a layer module, stacked in the order below, with all labels on top.
import type { StyleSpecification } from 'maplibre-gl';
import { glyphsUrl } from './glyphs';
import { bridgesLayer } from './layers/bridges';
import { incidentsLayer } from './layers/incidents';
import { islandsLayer } from './layers/islands';
import { routeLayer } from './layers/route';
import { seineLayer } from './layers/seine';
import { selectionLayer } from './layers/selection';
import type { MapLayerModule } from './layers/types';
import { unitsLayer } from './layers/units';
import { venuesLayer } from './layers/venues';
import { zonesLayer } from './layers/zones';
import { THEME } from './palette';

/** Bottom to top. */
export const LAYER_MODULES: readonly MapLayerModule[] = [
  seineLayer,
  islandsLayer,
  zonesLayer,
  routeLayer,
  bridgesLayer,
  venuesLayer,
  incidentsLayer,
  unitsLayer,
  selectionLayer,
];

export function buildStyle(glyphs: string = glyphsUrl()): StyleSpecification {
  // Labels of later modules are placed first by the collision engine, so venues win over bridges.
  const labels = LAYER_MODULES.flatMap((m) => m.labels ?? []);
  return {
    version: 8,
    name: 'Vigie operations (dark)',
    glyphs,
    sources: Object.assign({}, ...LAYER_MODULES.map((m) => m.sources)),
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': THEME.land } },
      ...LAYER_MODULES.flatMap((m) => m.layers),
      ...labels,
    ],
  };
}
