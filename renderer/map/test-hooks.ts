// Attributes the end-to-end tests read on the map container: after each `idle`, how many units,
// incidents, venues and route features are actually rendered, and data-idle="true" once the first
// data has been drawn (an idle on the still-empty map does not count); data-idle="false" while the
// camera moves or a source is being updated. The counts (queryRenderedFeatures over thousands of
// features) are taken only under automation (navigator.webdriver, as Playwright runs) or with
// localStorage vigie.debug = '1'; with the latter the map is also exposed as window.__vigieMap
// (never otherwise). An officer's console only keeps data-idle.
import type { Map as MaplibreMap } from 'maplibre-gl';

const COUNTED = {
  renderedUnits: 'units',
  renderedIncidents: 'incidents',
  renderedVenues: 'venues',
  renderedRoute: 'route',
} as const;

function countRendered(map: MaplibreMap, layer: string): number {
  if (!map.getLayer(layer)) return 0;
  // A feature near a tile edge can be returned once per tile: count distinct ids.
  const ids = new Set<unknown>();
  for (const f of map.queryRenderedFeatures({ layers: [layer] })) {
    ids.add(f.id ?? f.properties.id);
  }
  return ids.size;
}

export function markBusy(map: MaplibreMap): void {
  map.getContainer().dataset.idle = 'false';
}

function debugEnabled(): boolean {
  try {
    return localStorage.getItem('vigie.debug') === '1';
  } catch {
    return false;
  }
}

export function installTestHooks(map: MaplibreMap, isSettled: () => boolean): () => void {
  const el = map.getContainer();
  el.dataset.idle = 'false';
  const exposed = debugEnabled();
  const counting = exposed || navigator.webdriver;
  const onIdle = () => {
    // Nothing was marked busy since the last count (an idle after an animation frame, such as the
    // P1 pulse): the rendered features are the same, skip the costly count.
    if (el.dataset.idle === 'true') return;
    if (counting) {
      for (const [attr, layer] of Object.entries(COUNTED)) {
        el.dataset[attr] = String(countRendered(map, layer));
      }
    }
    el.dataset.idle = isSettled() ? 'true' : 'false';
  };
  const onMoveStart = () => markBusy(map);
  map.on('idle', onIdle);
  map.on('movestart', onMoveStart);
  map.on('resize', onMoveStart); // a resized canvas shows other features
  if (exposed) window.__vigieMap = map;
  return () => {
    map.off('idle', onIdle);
    map.off('movestart', onMoveStart);
    map.off('resize', onMoveStart);
    if (exposed && window.__vigieMap === map) delete window.__vigieMap;
  };
}
