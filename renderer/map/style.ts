// The map style, built in code: no remote tiles, sprites or fonts. Land is the background; every
// other layer comes from a layer module, stacked in the order below, with all labels on top and, above
// them, the cluster rings and counts and the parade head. The modules are written in the dark theme's
// colours; the light theme swaps each of them for its light counterpart (palette.ts), so both themes
// always have the same layers.
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { clusterIconExpression } from './cluster-ring';
import { glyphsUrl } from './glyphs';
import { baseLayer } from './layers/base';
import { bridgesLayer } from './layers/bridges';
import { priorityColor, priorityText } from './layers/colors';
import { draftLayer } from './layers/draft';
import { incidentsLayer } from './layers/incidents';
import { measureLayer } from './layers/measure';
import { paradeLayer } from './layers/parade';
import { routeLayer } from './layers/route';
import { selectionLayer } from './layers/selection';
import { dragLayer, trailLayer } from './layers/trail';
import type { LayerGroup, MapLayerModule } from './layers/types';
import { unitsLayer } from './layers/units';
import { venuesLayer } from './layers/venues';
import { zoneDraftLayer } from './layers/zone-draft';
import { zoneShapeLayer } from './layers/zone-shape';
import { zonesLayer } from './layers/zones';
import { LIGHT_THEME, THEME, type MapTheme } from './palette';

/** Bottom to top. */
export const LAYER_MODULES: readonly MapLayerModule[] = [
  baseLayer,
  zonesLayer,
  routeLayer,
  bridgesLayer,
  paradeLayer,
  venuesLayer,
  incidentsLayer,
  trailLayer,
  unitsLayer,
  selectionLayer,
  draftLayer,
  dragLayer,
  zoneDraftLayer,
  zoneShapeLayer,
  measureLayer,
];

/**
 * Bottom to top above all labels: the cluster counts, then the parade head. The topmost layer is
 * placed first, so the counts give way to the head, and every other label to the counts.
 */
const TOPMOST_MODULES: readonly MapLayerModule[] = [unitsLayer, paradeLayer];

const LIGHT_SWAP = new Map<string, string>(
  (Object.keys(THEME) as (keyof typeof THEME)[]).map((k) => [THEME[k].toLowerCase(), LIGHT_THEME[k]]),
);

/** A copy of a style fragment with every dark-theme colour replaced by its light counterpart. */
function toLight<T>(value: T): T {
  if (typeof value === 'string') return (LIGHT_SWAP.get(value.toLowerCase()) ?? value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => toLight(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toLight(v)])) as T;
  }
  return value;
}

/** Light-theme paint that is not a plain colour swap: labels drawn in a data colour read on white. */
const PARADE_LIGHT_TEXT = '#92400e';
const LIGHT_PAINT: Record<string, Record<string, unknown>> = {
  'zone-labels': { 'text-color': ['to-color', ['get', 'color'], LIGHT_THEME.labelMuted] },
  'incident-labels': { 'text-color': priorityText.light },
  // A dark edge round each incident dot: a pale priority (P3 yellow) would melt into light land.
  incidents: {
    'circle-stroke-color': ['match', ['get', 'status'], 'resolved', priorityColor, LIGHT_THEME.label],
  },
  // Gold on white is too faint: the parade's names in a deep amber.
  'parade-head': { 'text-color': PARADE_LIGHT_TEXT },
  'parade-labels': { 'text-color': PARADE_LIGHT_TEXT },
};

/** Light-theme layout: the cluster rings' images are drawn per theme. */
const LIGHT_LAYOUT: Record<string, Record<string, unknown>> = {
  'unit-clusters': { 'icon-image': clusterIconExpression('light') },
};

function lightLayers(layers: LayerSpecification[]): LayerSpecification[] {
  return toLight(layers).map((l) => {
    const paint = LIGHT_PAINT[l.id];
    const layout = LIGHT_LAYOUT[l.id];
    let out = l;
    if (paint && 'paint' in out) out = { ...out, paint: { ...out.paint, ...paint } } as LayerSpecification;
    if (layout && 'layout' in out)
      out = { ...out, layout: { ...out.layout, ...layout } } as LayerSpecification;
    return out;
  });
}

export function buildStyle(glyphs: string = glyphsUrl(), theme: MapTheme = 'dark'): StyleSpecification {
  // Labels of later modules are placed first by the collision engine, so venues win over bridges.
  const labels = LAYER_MODULES.flatMap((m) => m.labels ?? []);
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': THEME.land } },
    ...LAYER_MODULES.flatMap((m) => m.layers),
    ...labels,
    ...TOPMOST_MODULES.flatMap((m) => m.topmost ?? []),
  ];
  return {
    version: 8,
    name: `Vigie operations (${theme})`,
    glyphs,
    sources: Object.assign({}, ...LAYER_MODULES.map((m) => m.sources)),
    layers: theme === 'light' ? lightLayers(layers) : layers,
  };
}

/** The layers-panel groups each style layer belongs to (a label layer also to `labels`). */
export function layerGroups(): Map<string, LayerGroup[]> {
  const out = new Map<string, LayerGroup[]>();
  for (const m of LAYER_MODULES) {
    for (const l of m.layers) if (m.group) out.set(l.id, [m.group]);
    for (const l of m.labels ?? []) out.set(l.id, m.group ? [m.group, 'labels'] : ['labels']);
    for (const l of m.topmost ?? []) if (m.group) out.set(l.id, [m.group]);
  }
  return out;
}
