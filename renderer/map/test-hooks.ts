// Attributes the end-to-end tests and the benchmark read on the map container: data-idle="true"
// once the first data has been drawn and the map is idle (an idle on the still-empty map does not
// count), "false" while the camera moves or a source is being updated; and how many units,
// incidents, venues and route features are actually rendered (data-rendered-*). Counting runs
// queryRenderedFeatures over thousands of features, so it happens only when asked: after every idle
// when localStorage vigie.count or vigie.debug is '1' (the e2e harness sets the former), or once
// when a `vigie:count` event is dispatched on the container (the benchmark asks once the map
// settled, so the console it times does not count). The units are drawn by the overlay
// (unit-overlay.ts), which knows what it drew: data-rendered-units is the units it has in view, and
// while counting it is written again after each of its redraws (a pushed move repaints no map, so
// no idle follows it). With vigie.debug the map is also exposed as window.__vigieMap and the
// overlay's draw list as window.__vigieUnits (never otherwise). An officer's console only keeps
// data-idle.
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { UnitOverlay } from './unit-overlay';
import { startMark } from './start-marks';

const COUNTED = {
  renderedIncidents: ['incidents'],
  renderedVenues: ['venues'],
  renderedRoute: ['route'],
} as const;

/** The event that asks for one count now. */
export const COUNT_EVENT = 'vigie:count';

function countRendered(map: MaplibreMap, layers: readonly string[]): number {
  const present = layers.filter((l) => map.getLayer(l));
  if (present.length === 0) return 0;
  // A feature near a tile edge can be returned once per tile: count distinct ids.
  const ids = new Set<unknown>();
  for (const f of map.queryRenderedFeatures({ layers: present })) {
    ids.add(f.id ?? f.properties.id);
  }
  return ids.size;
}

export function markBusy(map: MaplibreMap): void {
  map.getContainer().dataset.idle = 'false';
}

function flag(name: string): boolean {
  try {
    return localStorage.getItem(name) === '1';
  } catch {
    return false;
  }
}

export function installTestHooks(map: MaplibreMap, isSettled: () => boolean, units: UnitOverlay): () => void {
  const el = map.getContainer();
  el.dataset.idle = 'false';
  const exposed = flag('vigie.debug');
  const counting = exposed || flag('vigie.count');
  const countUnits = () => {
    el.dataset.renderedUnits = String(units.count());
  };
  const count = () => {
    countUnits();
    for (const [attr, layers] of Object.entries(COUNTED)) {
      el.dataset[attr] = String(countRendered(map, layers));
    }
  };
  const offDraw = counting ? units.onDraw(countUnits) : () => {};
  const onIdle = () => {
    // The overlay's pending redraw first, so a settled map has its units drawn too.
    units.list();
    // Nothing was marked busy since the last idle (an idle after an animation frame): the rendered
    // features are the same, skip the costly count.
    if (el.dataset.idle === 'true') return;
    if (counting) count();
    el.dataset.idle = isSettled() ? 'true' : 'false';
    if (el.dataset.idle === 'true') startMark('settled');
  };
  const onMoveStart = () => markBusy(map);
  map.on('idle', onIdle);
  map.on('movestart', onMoveStart);
  map.on('resize', onMoveStart); // a resized canvas shows other features
  el.addEventListener(COUNT_EVENT, count);
  if (exposed) {
    window.__vigieMap = map;
    window.__vigieUnits = units;
  }
  return () => {
    offDraw();
    map.off('idle', onIdle);
    map.off('movestart', onMoveStart);
    map.off('resize', onMoveStart);
    el.removeEventListener(COUNT_EVENT, count);
    if (exposed && window.__vigieMap === map) delete window.__vigieMap;
    if (exposed && window.__vigieUnits === units) delete window.__vigieUnits;
  };
}
