// The units overlay's pure part (renderer/map/overlay-list.ts): how units are drawn by zoom and
// count, which are in the draw list, where callsigns go, and which unit a point hits.
import { describe, expect, it } from 'vitest';
// Loaded by path, as the other map tests do: the renderer is typechecked by its own tsconfig.
interface OverlayUnit {
  id: string;
  callsign: string;
  kind: string;
  status: string;
  country: string;
  stale: boolean;
  lon: number;
  lat: number;
  mx: number;
  my: number;
}
type Project = (u: OverlayUnit) => { x: number; y: number };
type Box = [number, number, number, number];
interface DrawList {
  mode: 'none' | 'dots' | 'symbols';
  zoom: number;
  items: { unit: OverlayUnit; x: number; y: number }[];
  labels: { unit: OverlayUnit; x: number; y: number; box: Box }[];
}
interface View {
  zoom: number;
  width: number;
  height: number;
  labels: boolean;
}
interface OverlayModule {
  buildDrawList(units: OverlayUnit[], project: Project, view: View, measure: () => number): DrawList;
  dotRadius(zoom: number): number;
  drawMode(zoom: number, units: number): DrawList['mode'];
  hitTest(list: DrawList, x: number, y: number, tolerance: number): DrawList['items'][number] | null;
  iconScale(zoom: number): number;
  inView(list: DrawList, width: number, height: number): number;
  mercator(lon: number, lat: number): { mx: number; my: number };
  SYMBOL_RADIUS: number;
}
const overlayPath = '../../renderer/map/overlay-list.ts';
const { buildDrawList, dotRadius, drawMode, hitTest, iconScale, inView, mercator, SYMBOL_RADIUS } =
  (await import(/* @vite-ignore */ overlayPath)) as OverlayModule;

function unit(id: string, lon: number, lat: number, over: Partial<OverlayUnit> = {}): OverlayUnit {
  return {
    id,
    callsign: `CS-${id}`,
    kind: 'patrol',
    status: 'available',
    country: 'FR',
    stale: false,
    lon,
    lat,
    ...mercator(lon, lat),
    ...over,
  };
}

/** A screen where one degree is 1,000 pixels, (0, 0) at lon 0 / lat 0 (lat grows upwards). */
const flat: Project = (u) => ({ x: u.lon * 1000, y: -u.lat * 1000 });
const view = { zoom: 16, width: 800, height: 600, labels: true };
const measure = () => 60;

describe('the units overlay: draw list', () => {
  it('draws nothing at city zoom (the clusters do), dots below street zoom above 3,000 units, else symbols', () => {
    expect(drawMode(12, 10)).toBe('none');
    expect(drawMode(12.5, 10)).toBe('symbols');
    expect(drawMode(14, 3000)).toBe('symbols');
    expect(drawMode(14, 3001)).toBe('dots');
    expect(drawMode(15, 3001)).toBe('symbols');
    expect(buildDrawList([unit('a', 0.1, -0.1)], flat, { ...view, zoom: 11 }, measure).items).toEqual([]);
  });

  it('keeps the units in view (and a margin), in their order, at their projected points', () => {
    const units = [unit('a', 0.1, -0.1), unit('far', 5, -5), unit('b', 0.7, -0.5), unit('edge', -0.02, -0.1)];
    const list = buildDrawList(units, flat, view, measure);
    expect(list.items.map((p) => p.unit.id)).toEqual(['a', 'b', 'edge']);
    expect(list.items[1]).toMatchObject({ x: 700, y: 500 });
    // The one just off the edge is drawn (its symbol shows), not counted as in view.
    expect(inView(list, view.width, view.height)).toBe(2);
  });

  it('projects with Web Mercator as MapLibre does', () => {
    expect(mercator(0, 0)).toEqual({ mx: 0.5, my: 0.5 });
    const paris = mercator(2.35, 48.85);
    expect(paris.mx).toBeCloseTo((2.35 + 180) / 360, 12);
    // y = (180 − 180/π · ln(tan(π/4 + φ/2))) / 360
    const phi = (48.85 * Math.PI) / 180;
    expect(paris.my).toBeCloseTo(
      (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + phi / 2))) / 360,
      12,
    );
  });

  it('sizes symbols and dots with the zoom', () => {
    expect(iconScale(10)).toBeCloseTo(0.45);
    expect(iconScale(14.5)).toBeCloseTo(0.71);
    expect(iconScale(18)).toBeCloseTo(1.05);
    expect(dotRadius(12.5)).toBeCloseTo(3.5);
    expect(dotRadius(15)).toBeCloseTo(6);
  });
});

describe('the units overlay: callsigns', () => {
  it('places each on the first free side, never two overlapping, units on an incident first', () => {
    // Five units on one spot: four sides, so one label gives way, and it is not the engaged unit's.
    const spot = (id: string, over: Partial<OverlayUnit> = {}) => unit(id, 0.4, -0.3, over);
    const units = [spot('a'), spot('b'), spot('c'), spot('d'), spot('engaged', { status: 'on_scene' })];
    const { labels } = buildDrawList(units, flat, view, measure);
    expect(labels).toHaveLength(4);
    expect(labels[0]?.unit.id).toBe('engaged');
    // Text right of the point, at the radial offset.
    expect(labels[0]?.x).toBeCloseTo(400 + 1.6 * 13);
    for (const [i, a] of labels.entries())
      for (const b of labels.slice(i + 1)) {
        const apart =
          a.box[2] <= b.box[0] || b.box[2] <= a.box[0] || a.box[3] <= b.box[1] || b.box[3] <= a.box[1];
        expect(apart).toBe(true);
      }
  });

  it('writes none below street zoom, in dots, or with the labels group hidden', () => {
    const units = [unit('a', 0.1, -0.1)];
    expect(buildDrawList(units, flat, { ...view, zoom: 14.5 }, measure).labels).toEqual([]);
    expect(buildDrawList(units, flat, { ...view, labels: false }, measure).labels).toEqual([]);
    expect(buildDrawList(units, flat, view, measure).labels).toHaveLength(1);
  });
});

describe('the units overlay: hit test', () => {
  const list = buildDrawList(
    [unit('a', 0.1, -0.1), unit('b', 0.11, -0.1), unit('c', 0.3, -0.3)],
    flat,
    view,
    measure,
  );

  it('finds the nearest unit whose symbol, widened by the tolerance, holds the point', () => {
    expect(hitTest(list, 101, 100, 6)?.unit.id).toBe('a');
    expect(hitTest(list, 108, 100, 6)?.unit.id).toBe('b');
    expect(hitTest(list, 300, 300 + SYMBOL_RADIUS * iconScale(16) + 5, 6)?.unit.id).toBe('c');
    expect(hitTest(list, 300, 300 + SYMBOL_RADIUS * iconScale(16) + 7, 6)).toBeNull();
    expect(hitTest(list, 500, 500, 6)).toBeNull();
  });

  it('takes the one drawn on top when two are as near', () => {
    const pile = buildDrawList([unit('under', 0.2, -0.2), unit('over', 0.2, -0.2)], flat, view, measure);
    expect(hitTest(pile, 200, 200, 6)?.unit.id).toBe('over');
  });

  it('hits a dot only within its radius and the tolerance, and nothing when zoomed out', () => {
    const many = Array.from({ length: 3001 }, (_, i) => unit(`u${i}`, 0.5, -0.5));
    const dots = buildDrawList(many, flat, { ...view, zoom: 13 }, measure);
    expect(dots.mode).toBe('dots');
    const r = dotRadius(13);
    expect(hitTest(dots, 500 + r + 6, 500, 6)).not.toBeNull();
    expect(hitTest(dots, 500 + r + 7, 500, 6)).toBeNull();
    expect(hitTest(buildDrawList(many, flat, { ...view, zoom: 11 }, measure), 500, 500, 6)).toBeNull();
  });
});
