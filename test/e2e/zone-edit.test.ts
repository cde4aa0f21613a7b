// Editing a zone's shape on the map, in Chromium against `vigie serve`, with real mouse events: a
// corner dragged across the outline is refused (the shared geometry rules' message, Save off) and
// Esc restores the stored shape; then a midpoint dragged out adds a corner, an Alt-click and a
// right-click remove one each (never below three), a corner is dragged, and Save stores the new
// polygon (updateZone, journaled), which the map still draws after a reload. Screenshots of the editing state go to test-artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { JournalEntry, Zone } from '../../shared/domain.js';
import {
  artifact,
  ensureSignedIn,
  hostApi,
  mapIdle,
  openConsole,
  serve,
  type Console,
  type Served,
} from './harness.js';
import { DEMO } from '../support/sign-in.js';

type LonLat = [number, number];
interface Pixel {
  x: number;
  y: number;
}
interface TestMap {
  queryRenderedFeatures(q: unknown): {
    properties: Record<string, unknown>;
    geometry: { type: string; coordinates: unknown };
  }[];
  project(c: LonLat): Pixel;
  unproject(p: [number, number]): { lng: number; lat: number };
  jumpTo(o: { center: LonLat; zoom: number }): void;
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  getCanvas(): HTMLCanvasElement;
}
declare global {
  interface Window {
    __vigieMap?: unknown;
  }
}

let served: Served;
let ui: Console;
let api: ReturnType<typeof hostApi>;
let zone: Zone;

const CENTER: LonLat = [2.3405, 48.8215];
const NAME = 'Shape test sector';

/** Moves the camera and waits until the map has settled there. */
async function jump(page: Page, center: LonLat, zoom: number): Promise<void> {
  await page.evaluate(({ center, zoom }) => (window.__vigieMap as TestMap).jumpTo({ center, zoom }), {
    center,
    zoom,
  });
  await mapIdle(page, 0);
}

/** A point of the map in page pixels (whole pixels, so the pointer lands exactly there). */
function toPage(page: Page, at: LonLat): Promise<Pixel> {
  return page.evaluate((at) => {
    const map = window.__vigieMap as TestMap;
    const rect = map.getCanvas().getBoundingClientRect();
    const p = map.project(at);
    return { x: Math.round(rect.left + p.x), y: Math.round(rect.top + p.y) };
  }, at);
}

/** The map position under a page pixel. */
function toMap(page: Page, px: Pixel): Promise<LonLat> {
  return page.evaluate((px) => {
    const map = window.__vigieMap as TestMap;
    const rect = map.getCanvas().getBoundingClientRect();
    const { lng, lat } = map.unproject([px.x - rect.left, px.y - rect.top]);
    return [lng, lat] as LonLat;
  }, px);
}

/** Where the camera is: a drag that lands on a handle must leave it exactly there. */
function camera(page: Page): Promise<{ lng: number; lat: number; zoom: number }> {
  return page.evaluate(() => {
    const map = window.__vigieMap as TestMap;
    return { ...map.getCenter(), zoom: map.getZoom() };
  });
}

/**
 * Presses at `from`, moves in small steps to `to` and releases: a real drag of a handle. The map
 * must have settled with the handles drawn before (a press where no handle is drawn yet would pan
 * the map instead, and with inertia the corner would seem to land a little off). After the release
 * the map settles again; the camera must not have moved (the press was claimed by the handle), and
 * the map position under `to` is read then, with the projection the drag itself used.
 */
async function drag(page: Page, from: Pixel, to: Pixel): Promise<LonLat> {
  await mapIdle(page, 0);
  const before = await camera(page);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++)
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 8, from.y + ((to.y - from.y) * i) / 8);
  await page.mouse.up();
  await mapIdle(page, 0);
  expect(await camera(page), 'the drag moved a handle, not the map').toEqual(before);
  return toMap(page, to);
}

/** How many corner handles the map draws once it has settled. */
async function cornersDrawn(page: Page): Promise<number> {
  await mapIdle(page, 0);
  return page.evaluate(() => {
    const map = window.__vigieMap as TestMap;
    const ids = new Set(
      map.queryRenderedFeatures({ layers: ['zone-shape-corners'] }).map((f) => f.properties.id),
    );
    return ids.size;
  });
}

/** The size of one screen pixel in degrees, here, at the current zoom. */
function onePixel(page: Page): Promise<LonLat> {
  return page.evaluate(() => {
    const map = window.__vigieMap as TestMap;
    const { width, height } = map.getCanvas().getBoundingClientRect();
    const a = map.unproject([width / 2, height / 2]);
    const b = map.unproject([width / 2 + 1, height / 2 + 1]);
    return [Math.abs(b.lng - a.lng), Math.abs(b.lat - a.lat)] as LonLat;
  });
}

/** Equal to within one pixel at the editing zoom (`pixel`): a corner is placed by whole pixels. */
const near = (pixel: LonLat) => (a: readonly number[], b: readonly number[]) =>
  Math.abs((a[0] ?? NaN) - (b[0] ?? NaN)) <= pixel[0] && Math.abs((a[1] ?? NaN) - (b[1] ?? NaN)) <= pixel[1];

async function storedZone(): Promise<Zone | undefined> {
  return (await api<Zone[]>('listZones', {})).find((z) => z.id === zone.id);
}

beforeAll(async () => {
  served = await serve();
  api = hostApi(served.url, 'officer', 'MAP-2');
  const [lon, lat] = CENTER;
  const square: LonLat[] = [
    [lon - 0.003, lat - 0.002],
    [lon + 0.003, lat - 0.002],
    [lon + 0.003, lat + 0.002],
    [lon - 0.003, lat + 0.002],
    [lon - 0.003, lat - 0.002],
  ];
  zone = await api<Zone>('createZone', { name: NAME, kind: 'sector', color: '#1e88e5', polygon: [square] });
  ui = await openConsole(served.url, { debug: true });
  await ensureSignedIn(ui.page, 'officer', 'MAP-2');
  await mapIdle(ui.page, 1);
});

afterAll(async () => {
  await ui?.close();
  await served?.stop();
});

describe('editing a zone shape on the map', () => {
  it('refuses a self-crossing shape with a clear message, and Esc restores the stored one', async () => {
    const { page } = ui;
    // The zone right of the tools panel.
    await jump(page, [CENTER[0] - 0.004, CENTER[1]], 15.5);
    await page.getByTestId('zones-toggle').click();
    await page.locator(`[data-testid="zone-row"][data-name="${NAME}"]`).click();
    await page.getByTestId('zone-edit-shape').click();
    const editor = page.getByTestId('zone-shape-editor');
    await editor.waitFor();
    expect(await page.getByTestId('zone-shape-corners').innerText()).toBe('4 corners');
    await expect.poll(() => cornersDrawn(page), { timeout: 20_000 }).toBe(4);

    // Corner 1 (south-east) dragged past corner 2 (north-east): a bow tie.
    const ring = zone.polygon[0] ?? [];
    const se = await toPage(page, ring[1] as LonLat);
    const ne = await toPage(page, ring[2] as LonLat);
    await drag(page, se, { x: ne.x, y: ne.y - 40 });
    const problem = page.getByTestId('zone-shape-problem');
    await expect.poll(() => problem.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await problem.innerText()).toMatch(/cannot be saved: the polygon crosses itself/);
    expect(await page.getByTestId('zone-shape-save').isDisabled()).toBe(true);
    await page.screenshot({ path: artifact('zone-edit-invalid.png') });

    await page.keyboard.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
    expect(await page.getByTestId('zone-editor').isVisible()).toBe(true);
    const after = await storedZone();
    expect(after?.version).toBe(zone.version);
    expect(after?.polygon).toEqual(zone.polygon);
  });

  it('adds, removes (down to three) and moves corners by mouse, saves them (journaled), and keeps them after a reload', async () => {
    const { page } = ui;
    await page.getByTestId('zone-edit-shape').click();
    await expect.poll(() => cornersDrawn(page), { timeout: 20_000 }).toBe(4);
    const ring = zone.polygon[0] as LonLat[];
    const [sw, se, ne, nw] = ring as [LonLat, LonLat, LonLat, LonLat];
    const close = near(await onePixel(page));

    // The midpoint of the south edge, dragged 50 px further south: a fifth corner.
    const south = await toPage(page, [(sw[0] + se[0]) / 2, (sw[1] + se[1]) / 2]);
    const added = { x: south.x, y: south.y + 50 };
    const expectAdded = await drag(page, south, added);
    await expect.poll(() => page.getByTestId('zone-shape-corners').innerText()).toBe('5 corners');
    await expect.poll(() => cornersDrawn(page), { timeout: 20_000 }).toBe(5);
    await page.screenshot({ path: artifact('zone-edit.png') });

    // Alt-click removes the north-east corner.
    const nePx = await toPage(page, ne);
    await page.mouse.move(nePx.x, nePx.y);
    await page.keyboard.down('Alt');
    await page.mouse.click(nePx.x, nePx.y);
    await page.keyboard.up('Alt');
    await expect.poll(() => page.getByTestId('zone-shape-corners').innerText()).toBe('4 corners');
    await expect.poll(() => cornersDrawn(page), { timeout: 20_000 }).toBe(4);

    // The north-west corner dragged 60 px left and 30 px up.
    const nwPx = await toPage(page, nw);
    const expectMoved = await drag(page, nwPx, { x: nwPx.x - 60, y: nwPx.y - 30 });
    await expect.poll(() => cornersDrawn(page), { timeout: 20_000 }).toBe(4);

    // Right-click removes the south-east corner; at three corners, a right-click removes nothing.
    for (const corner of [se, sw]) {
      const px = await toPage(page, corner);
      await page.mouse.click(px.x, px.y, { button: 'right' });
      await expect.poll(() => page.getByTestId('zone-shape-corners').innerText()).toBe('3 corners');
      await expect.poll(() => cornersDrawn(page), { timeout: 20_000 }).toBe(3);
    }
    expect(await page.getByTestId('zone-shape-problem').count()).toBe(0);

    await page.getByTestId('zone-shape-save').click();
    await expect.poll(() => page.getByTestId('zone-shape-editor').count(), { timeout: 10_000 }).toBe(0);
    const saved = await storedZone();
    expect(saved?.version).toBe(zone.version + 1);
    const corners = saved?.polygon[0] ?? [];
    expect(corners).toHaveLength(4); // 3 corners and the closing position
    expect(corners.some((c) => close(c, expectAdded))).toBe(true);
    expect(corners.some((c) => close(c, expectMoved))).toBe(true);
    expect(corners.some((c) => close(c, sw))).toBe(true);
    for (const gone of [ne, se, nw]) expect(corners.some((c) => close(c, gone))).toBe(false);

    const journal = await api<JournalEntry[]>('listJournal', { entityId: zone.id, limit: 20 });
    const update = journal.find((e) => e.action === 'zone.updated');
    expect(update?.operator).toBe(DEMO.officer.name);
    const changes = (update?.data as { changes?: { polygon?: { from: unknown; to: unknown } } }).changes;
    expect(changes?.polygon?.from).toEqual(zone.polygon);
    expect(changes?.polygon?.to).toEqual(saved?.polygon);

    await page.reload();
    await mapIdle(page, 1);
    await jump(page, [CENTER[0] - 0.004, CENTER[1]], 15.5);
    const drawn = await page.evaluate((name) => {
      const map = window.__vigieMap as TestMap;
      return map
        .queryRenderedFeatures({ layers: ['zones-fill'] })
        .filter((f) => f.properties.name === name)
        .flatMap((f) => (f.geometry.coordinates as LonLat[][]).flat());
    }, NAME);
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.some((c) => close(c, expectAdded))).toBe(true);
    expect(drawn.some((c) => close(c, expectMoved))).toBe(true);
    expect(drawn.some((c) => close(c, ne))).toBe(false);
    expect(drawn.some((c) => close(c, se))).toBe(false);
  });

  it('never sent a request off the machine, and threw no page errors', () => {
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
