// Clusters that tell status (issue 15.3), in Chromium against `vigie serve`: at city zoom each
// cluster is a ring split by the status colours of its units (checked against listUnits and against
// the pixels on screen) with its count in the middle; the parade head, with units gathered under it,
// never shares its place with a cluster's count (the collision engine's own boxes); at route zoom no
// two callsign labels overlap, a unit on an incident keeps its label among units piled on it, and
// the country code is drawn. Screenshots at 1920×1080 in test-artifacts/:
// map-clusters-{city,route}-{dark,light}-{en,fr}.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ParadeView } from '../../shared/api/map.js';
import type { Unit } from '../../shared/domain.js';
import {
  artifact,
  hostApi,
  mapIdle,
  openConsole,
  serve,
  signInFromPage,
  type Console,
  type HostApi,
  type Served,
} from './harness.js';
import { drawnUnits, jump, setMapTheme, type TestMap } from './map-helpers.js';

const FULL_HD = { width: 1920, height: 1080 };
const ON_INCIDENT = ['assigned', 'en_route', 'on_scene'];
type Box = [number, number, number, number];

let served: Served;
let api: HostApi;
let colors: Record<string, string>;
/** Where the parade head is, and the unit on an incident with others piled on it. */
let head: [number, number];
let engaged: Unit;

beforeAll(async () => {
  served = await serve();
  api = hostApi(served.url, 'supervisor', 'CLU-API');
  const palette = '../../renderer/map/palette.ts';
  colors = ((await import(/* @vite-ignore */ palette)) as { UNIT_STATUS_COLOR: Record<string, string> })
    .UNIT_STATUS_COLOR;
  // The parade started half an hour ago: its head is on the route.
  const parade = await api<ParadeView>('getParade', {});
  if (!parade.plan) throw new Error('no parade plan');
  const view = await api<ParadeView>('setParadePlan', {
    version: parade.plan.version,
    start: new Date(Date.parse(parade.at) - 30 * 60_000).toISOString(),
    speedKmh: parade.plan.speedKmh,
    boats: parade.plan.boats,
    spacingM: parade.plan.spacingM,
  });
  if (!view.state) throw new Error('no parade state');
  head = [view.state.head.lon, view.state.head.lat];
  // Units gathered under the head (a cluster there at city zoom), and five units piled on one unit
  // on an incident (their labels collide at route zoom).
  const units = await api<Unit[]>('listUnits', {});
  const placed = units.filter((u) => u.lat !== null && u.lon !== null);
  const first = placed.find((u) => ON_INCIDENT.includes(u.status));
  if (!first) throw new Error('no unit on an incident');
  engaged = first;
  const free = placed.filter((u) => u.status === 'available');
  const move = (u: Unit, lon: number, lat: number) =>
    api('moveUnit', { id: u.id, version: u.version, lat, lon, source: 'typed' });
  for (const u of free.slice(0, 4)) await move(u, head[0] + 0.0004, head[1]);
  for (const u of free.slice(4, 9)) await move(u, engaged.lon ?? 0, engaged.lat ?? 0);
});
afterAll(() => served.stop());

/** The boxes the collision engine placed for these layers (map pixels), read from its index. */
function placedBoxes(page: Page, layers: string[]): Promise<Record<string, Box[]>> {
  return page.evaluate((layers) => {
    interface Grid {
      boxKeys: { bucketInstanceId: number }[];
      bboxes: number[];
    }
    interface Placement {
      collisionIndex: { grid: Grid };
      retainedQueryData: Record<
        number,
        { bucketIndex: number; featureIndex: { bucketLayerIDs: string[][] } } | undefined
      >;
    }
    const map = window.__vigieMap as { style: { placement: Placement } };
    const { collisionIndex, retainedQueryData } = map.style.placement;
    const out: Record<string, Box[]> = Object.fromEntries(layers.map((l) => [l, []]));
    const { boxKeys, bboxes } = collisionIndex.grid;
    boxKeys.forEach((key, i) => {
      const data = retainedQueryData[key.bucketInstanceId];
      const ids = data?.featureIndex.bucketLayerIDs[data.bucketIndex] ?? [];
      // The index is offset by its 100 px viewport padding.
      const box = bboxes.slice(i * 4, i * 4 + 4).map((v) => v - 100) as Box;
      for (const id of ids) out[id]?.push(box);
    });
    return out;
  }, layers);
}

const intersects = (a: Box, b: Box, slack = 0.5) =>
  a[0] < b[2] - slack && b[0] < a[2] - slack && a[1] < b[3] - slack && b[1] < a[3] - slack;

interface ClusterSeen {
  id: number;
  count: number;
  label: string;
  props: Record<string, number>;
  leaves: string[];
  at: { x: number; y: number };
}

/** The clusters rendered now, their status counts, the ids of the units in each, where on the page. */
function clusters(page: Page, layer: string): Promise<ClusterSeen[]> {
  return page.evaluate(async (layer) => {
    const map = window.__vigieMap as TestMap & {
      getSource(id: string): {
        getClusterLeaves(
          id: number,
          limit: number,
          offset: number,
        ): Promise<{ properties: { id: string } }[]>;
      };
    };
    const rect = map.getCanvas().getBoundingClientRect();
    const seen = new Map<number, ClusterSeen>();
    for (const f of map.queryRenderedFeatures({ layers: [layer] })) {
      const id = Number(f.properties.cluster_id);
      if (seen.has(id)) continue;
      const leaves = await map.getSource('unit-clusters').getClusterLeaves(id, Infinity, 0);
      const props: Record<string, number> = {};
      for (const [k, v] of Object.entries(f.properties))
        if (k.startsWith('n_')) props[k.slice(2)] = Number(v);
      seen.set(id, {
        id,
        count: Number(f.properties.point_count),
        label: String(f.properties.point_count_abbreviated),
        props,
        leaves: leaves.map((l) => l.properties.id),
        at: {
          x: rect.left + map.project(f.geometry.coordinates).x,
          y: rect.top + map.project(f.geometry.coordinates).y,
        },
      });
    }
    return [...seen.values()];
  }, layer);
}

/** The colour of the screenshot's pixels at these points (CSS pixels, device ratio 1). */
async function pixels(page: Page, points: { x: number; y: number }[]): Promise<string[]> {
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, points }) => {
      // Decoded here (the page's content policy refuses a data: fetch).
      const blob = new Blob([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], { type: 'image/png' });
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) return [];
      ctx.drawImage(bitmap, 0, 0);
      return points.map(({ x, y }) => {
        const [r = 0, g = 0, b = 0] = ctx.getImageData(Math.round(x), Math.round(y), 1, 1).data;
        return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
      });
    },
    { png, points },
  );
}

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const near = (a: string, b: string) =>
  Math.max(...channels(a).map((v, i) => Math.abs(v - (channels(b)[i] ?? 0)))) < 48;

describe.each([
  ['en', 'en-GB'],
  ['fr', 'fr-FR'],
] as const)('clusters and labels that tell status (%s)', (lang, locale) => {
  let ui: Console;
  beforeAll(async () => {
    ui = await openConsole(served.url, { debug: true, locale, viewport: FULL_HD });
    await signInFromPage(ui.page, 'supervisor', `CLU-${lang}`);
    await mapIdle(ui.page, 20);
    await ui.page.getByTestId('parade-toggle').click();
    await ui.page.getByTestId('parade-head').waitFor({ state: 'visible', timeout: 15_000 });
  });
  afterAll(async () => {
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
    await ui.close();
  });

  it.each(['dark', 'light'] as const)(
    'at city zoom in the %s theme: rings by status, counts, the parade head apart',
    async (theme) => {
      const { page } = ui;
      await setMapTheme(page, theme);
      await jump(page, head, 12);
      await page.screenshot({ path: artifact(`map-clusters-city-${theme}-${lang}.png`) });
      const units = new Map((await api<Unit[]>('listUnits', {})).map((u) => [u.id, u]));
      const rings = await clusters(page, 'unit-clusters');
      expect(rings.length).toBeGreaterThan(3);
      for (const c of rings) {
        // The ring's counts are the statuses of the units in it, as the API gives them.
        const byStatus: Record<string, number> = {};
        for (const id of c.leaves) {
          const s = units.get(id)?.status ?? 'unknown';
          byStatus[s] = (byStatus[s] ?? 0) + 1;
        }
        expect(Object.fromEntries(Object.entries(c.props).filter(([, n]) => n > 0))).toEqual(byStatus);
        expect(c.leaves).toHaveLength(c.count);
      }
      // On screen: at the middle of each segment the ring has its status colour.
      const ringPath = '../../renderer/map/cluster-ring.ts';
      const ring: unknown = await import(/* @vite-ignore */ ringPath);
      const { ringSegments, ringRadius } = ring as {
        ringSegments(c: Record<string, number>): { status: string; start: number; end: number }[];
        ringRadius(n: number): number;
      };
      const inside = rings.filter((c) => c.at.x > 550 && c.at.x < 1300 && c.at.y > 300 && c.at.y < 850);
      const samples = inside.flatMap((c) =>
        ringSegments(c.props)
          .filter((s) => s.end - s.start > 0.08)
          .map((s) => {
            const a = ((s.start + s.end) / 2) * Math.PI * 2 - Math.PI / 2;
            const r = ringRadius(c.count) - 3;
            return { status: s.status, x: c.at.x + Math.cos(a) * r, y: c.at.y + Math.sin(a) * r };
          }),
      );
      expect(samples.length).toBeGreaterThan(3);
      const seen = await pixels(page, samples);
      const matching = samples.filter((s, i) => near(seen[i] ?? '', colors[s.status] ?? ''));
      // A few may sit under the parade head or a map control.
      expect(matching.length / samples.length).toBeGreaterThan(0.85);

      // The count in the middle of the rings that are not under the parade head.
      const counted = await clusters(page, 'unit-cluster-count');
      expect(counted.length).toBeGreaterThan(rings.length / 2);
      for (const c of counted) expect(c.label).toBe(String(c.count));

      // The parade head (marker and label) and the cluster counts never share a pixel; a ring is under it.
      const boxes = await placedBoxes(page, [
        'parade-head',
        'parade-labels',
        'unit-cluster-count',
        'unit-clusters',
      ]);
      const headBoxes = boxes['parade-head'] ?? [];
      expect(headBoxes.length).toBeGreaterThanOrEqual(2);
      // The tail's name too.
      for (const h of [...headBoxes, ...(boxes['parade-labels'] ?? [])])
        for (const b of boxes['unit-cluster-count'] ?? []) expect(intersects(h, b)).toBe(false);
      expect((boxes['unit-clusters'] ?? []).some((r) => headBoxes.some((h) => intersects(h, r)))).toBe(true);
    },
  );

  it.each(['dark', 'light'] as const)(
    'at route zoom in the %s theme: callsigns apart, the engaged unit first, the country drawn',
    async (theme) => {
      const { page } = ui;
      await setMapTheme(page, theme);
      await jump(page, [engaged.lon ?? 0, engaged.lat ?? 0], 16);
      await page.screenshot({ path: artifact(`map-clusters-route-${theme}-${lang}.png`) });
      // The callsigns are the units overlay's (unit-overlay.ts), placed as the map placed its own.
      const drawn = await drawnUnits(page);
      const boxes = drawn.labels.map((l) => l.box);
      expect(boxes.length).toBeGreaterThan(3);
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++)
          expect(intersects(boxes[i] as Box, boxes[j] as Box)).toBe(false);
      const ids = new Set(drawn.labels.map((l) => l.unit.id));
      // Six units on one spot, four places around it: some labels give way, never the engaged unit's.
      expect(ids.size).toBeLessThan(new Set(drawn.units.map((u) => u.id)).size);
      expect(ids.has(engaged.id)).toBe(true);
      // The country code is drawn with the callsign (unit-overlay.ts writes both).
      expect(drawn.labels.every((l) => /^[A-Z]{2}$/.test(l.unit.country))).toBe(true);
      if (theme === 'light') await setMapTheme(page, 'dark');
    },
  );
});
