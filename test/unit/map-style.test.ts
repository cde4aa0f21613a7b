// The renderer's map style (renderer/map/style.ts), built here in Node with a fake base URL and
// checked with maplibre's own style validator: zero errors, and nothing it loads leaves the app.
import { describe, expect, it } from 'vitest';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';

const BASE = 'http://127.0.0.1:5173/';
const GLYPHS = `${BASE}resources/glyphs/{fontstack}/{range}.pbf`;

interface StyleModule {
  buildStyle: (glyphs?: string) => StyleSpecification;
}

/** Imported by a computed path: the renderer is type-checked by its own tsconfig, not the tests'. */
async function loadBuilder(): Promise<StyleModule['buildStyle']> {
  const path = '../../renderer/map/style.ts';
  const mod = (await import(/* @vite-ignore */ path)) as StyleModule;
  return mod.buildStyle;
}

/** Every string in the style that looks like a URL. */
function urls(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) out.push(value);
  else if (Array.isArray(value)) for (const v of value) urls(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) urls(v, out);
  return out;
}

describe('the map style', () => {
  it('passes the maplibre style-spec validator with zero errors', async () => {
    const style = (await loadBuilder())(GLYPHS);
    const errors = validateStyleMin(style).map((e) => e.message);
    expect(errors).toEqual([]);
    // ...and the validator is not vacuous: a broken layer is reported.
    const broken = {
      ...style,
      layers: [
        ...style.layers,
        { id: 'broken', type: 'line', source: 'nowhere', paint: { 'line-width': 'wide' } },
      ],
    };
    expect(validateStyleMin(broken as StyleSpecification).length).toBeGreaterThan(0);
  });

  it('has unique layer ids, and every layer draws from a source the style defines', async () => {
    const style = (await loadBuilder())(GLYPHS);
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const layer of style.layers) {
      if ('source' in layer && typeof layer.source === 'string')
        expect(style.sources, layer.id).toHaveProperty(layer.source);
    }
  });

  it('loads nothing from outside the app: every URL is under the base it was given', async () => {
    const style = (await loadBuilder())(GLYPHS);
    const foreign = urls(style).filter((u) => !u.startsWith(BASE));
    expect(foreign).toEqual([]);
    if (style.layers.some((l) => l.type === 'symbol')) expect(style.glyphs).toBe(GLYPHS);
  });
});
