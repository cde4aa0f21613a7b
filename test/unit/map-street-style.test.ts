// The street map drawn from an operator's vector tile file (renderer/map/operator-basemap.ts): for
// each schema, theme and language the layers pass maplibre's style validator, use only the bundled
// fonts and no icon (no sprite is shipped), read the schema's own source layers, name streets in
// the UI language, and stay under every built-in layer of the operation.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  validateStyleMin,
  type LayerSpecification,
  type StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { BasemapInfo, VectorTileSchema } from '../../shared/api/map.js';
import { paths } from '../support/temp.js';
import { vectorLayers } from '../support/vector-tiles.js';

interface Module {
  basemapLayers(b: BasemapInfo, look: { theme: 'dark' | 'light'; lang: string }): LayerSpecification[];
  hiddenBuiltIn(b: BasemapInfo | null): ReadonlySet<string>;
  BASEMAP_LAYER_PREFIX: string;
}

/** Imported by a computed path: the renderer is type-checked by its own tsconfig, not the tests'. */
const load = async (): Promise<Module> => {
  const path = '../../renderer/map/operator-basemap.ts';
  return (await import(/* @vite-ignore */ path)) as Module;
};

const info = (schema: VectorTileSchema | null, kind: 'vector' | 'raster' = 'vector'): BasemapInfo => ({
  format: 'pmtiles',
  file: 'paris.pmtiles',
  name: null,
  tileType: kind === 'vector' ? 'pbf' : 'png',
  kind,
  minzoom: 0,
  maxzoom: 15,
  bounds: null,
  center: null,
  vectorLayers: vectorLayers(schema ?? 'openmaptiles'),
  schema,
  attribution: null,
  tilejson: 'tiles/meta.json?v=1',
  tiles: 'tiles/{z}/{x}/{y}?v=1',
  generation: 1,
});

function style(layers: LayerSpecification[]): StyleSpecification {
  return {
    version: 8,
    glyphs: 'http://127.0.0.1/resources/glyphs/{fontstack}/{range}.pbf',
    sources: { 'operator-basemap': { type: 'vector', tiles: ['http://127.0.0.1/tiles/{z}/{x}/{y}'] } },
    layers,
  };
}

/** Every font name a layer may ask for: plain stacks, and those inside format expressions. */
function fonts(value: unknown, out = new Set<string>(), key = ''): Set<string> {
  if (key === 'text-font' && Array.isArray(value)) {
    for (const v of value.flat(4)) if (typeof v === 'string' && / /.test(v)) out.add(v);
  }
  if (Array.isArray(value)) for (const v of value) fonts(v, out, key === 'text-font' ? '' : '');
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) fonts(v, out, k);
  return out;
}

const BUNDLED = readdirSync(join(paths.root, 'resources/glyphs'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const SOURCE_LAYERS: Record<VectorTileSchema, string[]> = {
  protomaps: ['earth', 'water', 'landuse', 'landcover', 'roads', 'buildings', 'places', 'pois', 'boundaries'],
  openmaptiles: [
    'water',
    'waterway',
    'water_name',
    'park',
    'landcover',
    'landuse',
    'building',
    'transportation',
    'transportation_name',
    'housenumber',
    'place',
  ],
};

describe.each(['protomaps', 'openmaptiles'] as const)('the %s street map', (schema) => {
  it.each([
    ['dark', 'en'],
    ['light', 'fr'],
    ['light', 'en'],
    ['dark', 'fr'],
  ] as const)('in the %s theme and %s is valid, offline, with street names', async (theme, lang) => {
    const { basemapLayers, BASEMAP_LAYER_PREFIX } = await load();
    const layers = basemapLayers(info(schema), { theme, lang });
    expect(validateStyleMin(style(layers)).map((e) => e.message)).toEqual([]);
    expect(layers.every((l) => l.id.startsWith(BASEMAP_LAYER_PREFIX))).toBe(true);
    expect(new Set(layers.map((l) => l.id)).size).toBe(layers.length);
    // Fonts: only the bundled ones, which the glyph folder has.
    expect(BUNDLED).toEqual(expect.arrayContaining(['Inter Regular', 'Inter SemiBold']));
    const used = fonts(layers);
    expect(used.size).toBeGreaterThan(0);
    for (const f of used) expect(BUNDLED).toContain(f);
    // No sprite: no icon anywhere.
    expect(JSON.stringify(layers)).not.toMatch(/icon-image|fill-pattern|line-pattern/);
    for (const l of layers)
      if ('source-layer' in l) expect(SOURCE_LAYERS[schema]).toContain(l['source-layer']);
    // Streets, water, parks, buildings and house numbers are all drawn, streets named in the language.
    const sourceLayers = new Set(layers.map((l) => ('source-layer' in l ? l['source-layer'] : '')));
    const needed =
      schema === 'protomaps'
        ? ['roads', 'water', 'landuse', 'buildings']
        : ['transportation', 'transportation_name', 'water', 'park', 'building', 'housenumber'];
    for (const n of needed) expect(sourceLayers).toContain(n);
    const streetLabels = layers.filter(
      (l) =>
        l.type === 'symbol' &&
        'source-layer' in l &&
        l['source-layer'] === (schema === 'protomaps' ? 'roads' : 'transportation_name'),
    );
    expect(streetLabels.length).toBeGreaterThan(0);
    expect(JSON.stringify(streetLabels)).toContain(`"name:${lang}"`);
    const numbers = layers.filter((l) => JSON.stringify(l).includes('housenumber'));
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers.every((l) => (l.minzoom ?? 0) <= 17)).toBe(true);
  });

  it('draws the themes apart: a light map is lighter than a dark one', async () => {
    const { basemapLayers } = await load();
    const land = (theme: 'dark' | 'light') => {
      const l = basemapLayers(info(schema), { theme, lang: 'en' })[0];
      return l?.type === 'background' ? String(l.paint?.['background-color']) : '';
    };
    const lum = (hex: string) => [1, 3, 5].reduce((n, i) => n + parseInt(hex.slice(i, i + 2), 16), 0);
    expect(lum(land('light'))).toBeGreaterThan(lum(land('dark')) + 300);
  });
});

describe('other files', () => {
  it('a vector file of no known schema gets the generic look, a raster file its tiles', async () => {
    const { basemapLayers, hiddenBuiltIn } = await load();
    const generic = basemapLayers(info(null), { theme: 'dark', lang: 'en' });
    expect(generic.map((l) => l.type)).toEqual(expect.arrayContaining(['fill', 'line']));
    expect(generic.some((l) => l.type === 'symbol' || l.type === 'background')).toBe(false);
    expect(basemapLayers(info(null, 'raster'), { theme: 'dark', lang: 'en' }).map((l) => l.type)).toEqual([
      'raster',
    ]);
    // Only a street map stands in for the built-in streets and their names.
    expect(hiddenBuiltIn(info('protomaps')).has('base-axis-labels')).toBe(true);
    expect(hiddenBuiltIn(info(null)).has('base-axis-labels')).toBe(false);
    expect(hiddenBuiltIn(info(null)).has('base-water')).toBe(true);
    expect(hiddenBuiltIn(null).size).toBe(0);
  });
});
