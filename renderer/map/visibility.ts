// Which style layers are shown: those of no group the layers panel hides, and no built-in layer the
// operator's base map stands in for (operator-basemap.ts). Run after either changes.
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { BasemapInfo } from '../../shared/api/map';
import type { LayerGroup } from './layers/types';
import { basemapLayerGroups, hiddenBuiltIn } from './operator-basemap';

export function applyVisibility(
  map: MaplibreMap,
  groups: ReadonlyMap<string, LayerGroup[]>,
  hiddenGroups: readonly LayerGroup[],
  basemap: BasemapInfo | null,
): void {
  const replaced = hiddenBuiltIn(basemap);
  for (const [id, of] of [...groups, ...basemapLayerGroups(map)]) {
    if (!map.getLayer(id)) continue;
    const visible = !replaced.has(id) && !of.some((g) => hiddenGroups.includes(g));
    if ((map.getLayoutProperty(id, 'visibility') ?? 'visible') !== (visible ? 'visible' : 'none'))
      map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
  }
}
