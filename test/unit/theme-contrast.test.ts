// WCAG 2.x contrast of the shipped colours, in both themes: the incident references on the map
// (text against its halo and against the map's ground) and the console's text pairs, read from the
// CSS files themselves (base.css for dark, theme-light.css over it for light). AA: 4.5:1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LayerSpecification, StyleSpecification } from '@maplibre/maplibre-gl-style-spec';

type Theme = 'dark' | 'light';
const THEMES: readonly Theme[] = ['dark', 'light'];
const AA = 4.5;

/** Relative luminance of an sRGB colour written #rgb or #rrggbb (WCAG 2.x). */
export function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const STYLES = join(__dirname, '../../renderer/styles');

/** The `--name: #hex;` declarations of the block that `selector` opens in a CSS file. */
function cssVars(file: string, selector: string): Record<string, string> {
  const css = readFileSync(join(STYLES, file), 'utf8');
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`${selector} not found in ${file}`);
  const block = css.slice(start, css.indexOf('}', start));
  const out: Record<string, string> = {};
  for (const m of block.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;/g))
    out[m[1] as string] = m[2] as string;
  return out;
}

const DARK = cssVars('base.css', ':root');
const VARS: Record<Theme, Record<string, string>> = {
  dark: DARK,
  light: { ...DARK, ...cssVars('theme-light.css', ":root[data-theme='light']") },
};

const USES = ['available', 'assigned', 'en_route', 'on_scene', 'off_duty', 'out_of_service'];

/** [text, background, minimum]: how the console uses its colours as text. */
const PAIRS: [string, string, number][] = [
  ...['bg', 'surface', 'surface-2', 'surface-3'].flatMap((bg): [string, string, number][] => [
    ['text', bg, AA],
    ['muted', bg, AA],
  ]),
  ['faint', 'bg', AA],
  ['faint', 'surface', AA],
  ['accent', 'surface', AA],
  ['accent', 'surface-2', AA],
  ['text', 'accent-bg', AA],
  ['text', 'accent-bg-hover', AA],
  ['danger-text', 'danger-bg', AA],
  ['danger-text', 'surface', AA],
  ['ok-text', 'ok-bg', AA],
  ['warn-text', 'warn-bg', AA],
  ['info-text', 'surface', AA],
  ['inverse-text', 'inverse-bg', AA],
  ['danger', 'surface', AA],
  ['warning', 'surface', AA],
  ['ok', 'surface', AA],
  ['p1', 'surface', AA],
  ['mark', 'surface', AA],
  ['measure', 'surface', AA],
  ...['surface', 'surface-2'].flatMap((bg): [string, string, number][] => [
    ...USES.map((s): [string, string, number] => [`us-${s}`, bg, AA]),
    ...[1, 2, 3, 4].map((p): [string, string, number] => [`pr-${p}`, bg, AA]),
    ...['acknowledged', 'dispatched', 'on_scene', 'resolved'].map((s): [string, string, number] => [
      `is-${s}`,
      bg,
      AA,
    ]),
  ]),
];

interface MapModules {
  buildStyle: (glyphs: string, theme: Theme) => StyleSpecification;
  STREET_COLORS: Record<Theme, { land: string; landuse: string; building: string }>;
  PRIORITY_COLOR: Record<number, string>;
  UNIT_STATUS_COLOR: Record<string, string>;
}

/** Imported by computed paths: the renderer is type-checked by its own tsconfig, not the tests'. */
async function load(): Promise<MapModules> {
  const [style, street, palette] = ['style', 'basemap/colors', 'palette'].map(
    (m) => `../../renderer/map/${m}.ts`,
  ) as [string, string, string];
  return {
    ...((await import(/* @vite-ignore */ style)) as Pick<MapModules, 'buildStyle'>),
    ...((await import(/* @vite-ignore */ street)) as Pick<MapModules, 'STREET_COLORS'>),
    ...((await import(/* @vite-ignore */ palette)) as Pick<
      MapModules,
      'PRIORITY_COLOR' | 'UNIT_STATUS_COLOR'
    >),
  };
}

/** The colour a paint value gives each priority: a plain colour or ['match', ['get', 'priority'], …]. */
function byPriority(value: unknown, priority: number): string {
  if (typeof value === 'string') return value;
  const expr = value as unknown[];
  if (expr[0] !== 'match') throw new Error(`unexpected expression ${JSON.stringify(value)}`);
  for (let i = 2; i < expr.length - 1; i += 2) if (expr[i] === priority) return expr[i + 1] as string;
  return expr[expr.length - 1] as string;
}

function layer(style: StyleSpecification, id: string): LayerSpecification {
  const l = style.layers.find((x) => x.id === id);
  if (!l) throw new Error(`no layer ${id}`);
  return l;
}

const paint = (l: LayerSpecification) => ('paint' in l ? (l.paint as Record<string, unknown>) : {});

describe('WCAG AA contrast', () => {
  it.each(THEMES)(
    'incident references on the %s map read against their halo and the ground',
    async (theme) => {
      const m = await load();
      const style = m.buildStyle('http://127.0.0.1/{fontstack}/{range}.pbf', theme);
      const labels = paint(layer(style, 'incident-labels'));
      const halo = labels['text-halo-color'] as string;
      const ground = [
        paint(layer(style, 'background'))['background-color'] as string,
        paint(layer(style, 'base-paris'))['fill-color'] as string,
        m.STREET_COLORS[theme].land,
        m.STREET_COLORS[theme].landuse,
        m.STREET_COLORS[theme].building,
      ];
      const fails: string[] = [];
      for (const p of [1, 2, 3, 4]) {
        const text = byPriority(labels['text-color'], p);
        for (const bg of [halo, ...ground]) {
          const ratio = contrast(text, bg);
          if (ratio < AA) fails.push(`P${p} ${text} on ${bg}: ${ratio.toFixed(2)}`);
        }
      }
      expect(fails).toEqual([]);
    },
  );

  it.each(THEMES)('the console text in the %s theme', (theme) => {
    const v = VARS[theme];
    const fails: string[] = [];
    for (const [fg, bg, min] of PAIRS) {
      const [a, b] = [v[fg], v[bg]];
      if (!a || !b) throw new Error(`--${fg} or --${bg} not declared as a hex colour`);
      const ratio = contrast(a, b);
      if (ratio < min) fails.push(`--${fg} ${a} on --${bg} ${b}: ${ratio.toFixed(2)}`);
    }
    expect(fails).toEqual([]);
  });

  it('the dark console shows the map palette’s own status and priority colours', async () => {
    const m = await load();
    // Out of service is a shade lighter in the console: AA on the raised surface.
    for (const s of USES.filter((x) => x !== 'out_of_service'))
      expect(DARK[`us-${s}`]).toBe(m.UNIT_STATUS_COLOR[s]);
    for (const p of [1, 2, 3, 4]) expect(DARK[`pr-${p}`]).toBe(m.PRIORITY_COLOR[p]);
  });

  it('computes the reference ratios of the WCAG definition', () => {
    expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
