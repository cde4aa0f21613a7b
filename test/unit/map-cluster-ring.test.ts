// The unit cluster ring (renderer/map/cluster-ring.ts): segments in the legend's status order,
// proportional to the counts with a smallest visible share, image names that round-trip, and the
// style's clustered source summing one count per status; both themes' styles pass the validator.
import { describe, expect, it } from 'vitest';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';

type Counts = Record<string, number>;
interface Segment {
  status: string;
  count: number;
  start: number;
  end: number;
}
interface RingModule {
  ringSegments(c: Counts): Segment[];
  clusterImageId(theme: string, c: Counts): string;
  parseClusterImageId(id: string): { theme: string; counts: Counts } | null;
  clusterProperties: Record<string, unknown>;
  MIN_SHARE: number;
}
interface StyleModule {
  buildStyle(glyphs?: string, theme?: string): StyleSpecification;
}

/** Imported by a computed path: the renderer is type-checked by its own tsconfig, not the tests'. */
const load = <T>(path: string): Promise<T> => import(/* @vite-ignore */ path) as Promise<T>;
const ring = () => load<RingModule>('../../renderer/map/cluster-ring.ts');

const STATUSES = ['available', 'assigned', 'en_route', 'on_scene', 'off_duty', 'out_of_service'];
const counts = (c: Partial<Counts>): Counts => Object.fromEntries(STATUSES.map((s) => [s, c[s] ?? 0]));

describe('the cluster ring', () => {
  it('splits the turn by status, in the legend order, proportional to the counts', async () => {
    const { ringSegments } = await ring();
    const segs = ringSegments(counts({ on_scene: 2, available: 6, en_route: 2 }));
    expect(segs.map((s) => [s.status, s.count])).toEqual([
      ['available', 6],
      ['en_route', 2],
      ['on_scene', 2],
    ]);
    expect(segs.map((s) => [s.start, s.end])).toEqual([
      [0, 0.6],
      [0.6, 0.8],
      [0.8, 1],
    ]);
    expect(ringSegments(counts({}))).toEqual([]);
    expect(ringSegments(counts({ off_duty: 3 }))).toEqual([
      { status: 'off_duty', count: 3, start: 0, end: 1 },
    ]);
  });

  it('gives one unit among hundreds a share that shows, the others shrinking to make room', async () => {
    const { ringSegments, MIN_SHARE } = await ring();
    const segs = ringSegments(counts({ available: 499, out_of_service: 1 }));
    const oos = segs.find((s) => s.status === 'out_of_service');
    expect(oos && oos.end - oos.start).toBeCloseTo(MIN_SHARE, 9);
    expect(segs[0]?.end).toBeCloseTo(1 - MIN_SHARE, 9);
    expect(segs.at(-1)?.end).toBe(1);
    for (let i = 1; i < segs.length; i++) expect(segs[i]?.start).toBe(segs[i - 1]?.end);
  });

  it('names one image per theme and mix of counts, and reads the name back', async () => {
    const { clusterImageId, parseClusterImageId } = await ring();
    const c = counts({ available: 3, assigned: 1, out_of_service: 12 });
    const id = clusterImageId('light', c);
    expect(id).toBe('cluster:light:3-1-0-0-0-12');
    expect(parseClusterImageId(id)).toEqual({ theme: 'light', counts: c });
    expect(parseClusterImageId('unit-patrol-available')).toBeNull();
    expect(parseClusterImageId('cluster:dusk:1-1-1-1-1-1')).toBeNull();
    expect(parseClusterImageId('cluster:dark:1-1')).toBeNull();
  });

  it('is drawn from a clustered source summing each status, in both themes, valid', async () => {
    const { clusterProperties } = await ring();
    expect(Object.keys(clusterProperties)).toHaveLength(6);
    const { buildStyle } = await load<StyleModule>('../../renderer/map/style.ts');
    for (const theme of ['dark', 'light']) {
      const style = buildStyle('http://127.0.0.1:5173/resources/glyphs/{fontstack}/{range}.pbf', theme);
      expect(validateStyleMin(style).map((e) => e.message)).toEqual([]);
      const source = style.sources['unit-clusters'] as { clusterProperties?: unknown };
      expect(source.clusterProperties).toEqual(clusterProperties);
      const layer = style.layers.find((l) => l.id === 'unit-clusters') as { layout: Record<string, unknown> };
      expect(JSON.stringify(layer.layout['icon-image'])).toContain(`cluster:${theme}:`);
      // The rings, counts and parade head sit above every label, the head on top (placed first).
      const ids = style.layers.map((l) => l.id);
      expect(ids.slice(-4)).toEqual(['unit-clusters', 'unit-cluster-count', 'parade-labels', 'parade-head']);
    }
  });
});
