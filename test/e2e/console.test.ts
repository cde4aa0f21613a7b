import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifact,
  hostApi,
  mapIdle,
  openConsole,
  serve,
  signInFromPage,
  type Console,
  type Served,
} from './harness.js';

let served: Served;
let ui: Console;

beforeAll(async () => {
  served = await serve();
  ui = await openConsole(served.url, { debug: true });
  await signInFromPage(ui.page, 'officer', 'D1');
});

afterAll(async () => {
  await ui?.close();
  await served?.stop();
});

describe('the console in Chromium against vigie serve', () => {
  it('loads the exercise: EXERCISE badge, Paris clock from 18:00, units in the panel', async () => {
    const { page } = ui;
    await expect.poll(() => page.getByTestId('exercise-badge').isVisible(), { timeout: 30_000 }).toBe(true);
    const clock = await page.getByTestId('clock').innerText();
    expect(clock).toMatch(/^18:0\d:\d\d$/);
    // The list is windowed: every unit is counted, only those in view are in the DOM.
    const first = page.getByTestId('unit-row').first();
    await first.waitFor({ timeout: 30_000 });
    expect(Number(await first.getAttribute('aria-setsize'))).toBeGreaterThan(100);
  });

  it('draws the Seine route, venues, units and incidents once the map is idle', async () => {
    const drawn = await mapIdle(ui.page, 20);
    expect(drawn.units).toBeGreaterThan(20);
    expect(drawn.venues).toBeGreaterThan(3);
    expect(drawn.route).toBeGreaterThan(0);
    expect(drawn.incidents).toBeGreaterThan(0);
    await ui.page.screenshot({ path: artifact('console.png') });
  });

  it('frames the ceremony route again when the window grows before the camera moved', async () => {
    const { page } = ui;
    const viewport = page.viewportSize() ?? { width: 1600, height: 1000 };
    const camera = () =>
      page.evaluate(() => {
        const map = (
          window as unknown as {
            __vigieMap: { getCenter(): { lng: number; lat: number }; getZoom(): number };
          }
        ).__vigieMap;
        return { ...map.getCenter(), zoom: map.getZoom() };
      });
    // The route runs from Austerlitz (2.366 E) to the Trocadéro (2.289 E), along 48.85-48.86 N.
    const onRoute = (c: { lng: number; lat: number; zoom: number }) =>
      c.lng > 2.28 && c.lng < 2.38 && c.lat > 48.84 && c.lat < 48.875 && c.zoom > 12;
    // Started in a small window (the side panel leaves the map a sliver), then the window grows:
    // the route is fitted again to the larger map, not left as it was framed in the sliver.
    await page.setViewportSize({ width: 900, height: 600 });
    await page.reload();
    await mapIdle(page, 0);
    const small = await camera();
    await page.setViewportSize(viewport);
    await expect
      .poll(async () => (await camera()).zoom, { timeout: 20_000 })
      .toBeGreaterThan(small.zoom + 0.5);
    await mapIdle(page, 20);
    expect(onRoute(await camera())).toBe(true);
  });

  it('selects a unit when it is clicked on the map, and shows it in the panel', async () => {
    const { page } = ui;
    await mapIdle(page, 20);
    // Pick a unit the overlay draws alone (no other unit or incident near) and click its pixel.
    const target = await page.evaluate(() => {
      type Near = { x: number; y: number; unit: { callsign: string } };
      const units = (window as unknown as { __vigieUnits: { list(): { items: Near[] } } }).__vigieUnits.list()
        .items;
      const map = (
        window as unknown as {
          __vigieMap: {
            queryRenderedFeatures(a?: unknown, b?: unknown): unknown[];
            getCanvas(): HTMLCanvasElement;
          };
        }
      ).__vigieMap;
      const rect = map.getCanvas().getBoundingClientRect();
      for (const p of units) {
        const inside = p.x > 40 && p.y > 40 && p.x < rect.width - 40 && p.y < rect.height - 40;
        const alone = units.filter((q) => Math.hypot(q.x - p.x, q.y - p.y) < 20).length === 1;
        const box = [
          [p.x - 20, p.y - 20],
          [p.x + 20, p.y + 20],
        ];
        if (inside && alone && map.queryRenderedFeatures(box, { layers: ['incidents'] }).length === 0) {
          return { x: rect.left + p.x, y: rect.top + p.y, callsign: p.unit.callsign };
        }
      }
      return null;
    });
    expect(target).not.toBeNull();
    if (!target) return;
    await page.mouse.click(target.x, target.y);
    const detail = page.getByTestId('unit-detail');
    await expect.poll(() => detail.isVisible(), { timeout: 10_000 }).toBe(true);
    const selected = await page
      .locator('[data-testid="unit-row"][aria-selected="true"]')
      .getAttribute('data-callsign');
    expect(selected).toBe(target.callsign);
    expect(await detail.innerText()).toContain(target.callsign);
  });

  it('switches the UI to French', async () => {
    const { page } = ui;
    const before = await page.getByTestId('tab-units').innerText();
    const select = page.getByTestId('lang-select');
    if (await select.count()) await select.selectOption('fr');
    else await page.getByTestId('lang-fr').click();
    await expect.poll(() => page.getByTestId('tab-units').innerText()).not.toBe(before);
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.getByTestId('tab-units').innerText()).toMatch(/Unités/i);
    await page.screenshot({ path: artifact('console-fr.png') });
  });

  it('hears of other desks’ writes by push, and polls only while the live stream is down', async () => {
    const { page } = ui;
    const reads: string[] = [];
    const onRequest = (r: { url(): string }) => {
      const call = /\/api\/(listIncidentPoints|listJournal)$/.exec(r.url())?.[1];
      if (call) reads.push(call);
    };
    const count = (call: string) => reads.filter((c) => c === call).length;
    page.on('request', onRequest);
    const api = hostApi(served.url, 'officer', 'D9');
    const write = async (title: string) =>
      api('createIncident', {
        title,
        category: 'other',
        priority: 4,
        source: 'radio',
        locationText: 'Quai Branly',
      });
    try {
      // The stream is up: three polling ticks (5 s each) pass without asking the journal's head.
      await page.waitForTimeout(16_000);
      expect(count('listJournal')).toBe(0);
      // The full read each minute may fall in the window, nothing more.
      expect(count('listIncidentPoints')).toBeLessThanOrEqual(1);
      // Another desk writes: the push brings the board read well before a polling tick would.
      reads.length = 0;
      await write('Written by another desk');
      await expect
        .poll(() => count('listIncidentPoints'), { timeout: 3000, interval: 50 })
        .toBeGreaterThan(0);

      // No stream (refused from the start): the console says so and asks the journal's head each tick.
      await page.context().route('**/events*', (route) => route.abort('connectionrefused'));
      await page.reload();
      await expect.poll(() => page.getByTestId('room-alarm').isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await page.getByTestId('room-alarm').innerText()).toMatch(
        /^(Room connection lost since|Liaison avec la salle perdue depuis) \d\d:\d\d/,
      );
      await page.screenshot({ path: artifact('room-link-lost.png') });
      reads.length = 0;
      await expect.poll(() => count('listJournal'), { timeout: 15_000 }).toBeGreaterThan(0);
      reads.length = 0;
      await write('Written while the stream is down');
      await expect.poll(() => count('listIncidentPoints'), { timeout: 15_000 }).toBeGreaterThan(0);
      // The stream back: the banner goes by itself.
      await page.context().unroute('**/events*');
      await expect.poll(() => page.getByTestId('room-alarm').count(), { timeout: 15_000 }).toBe(0);
    } finally {
      page.off('request', onRequest);
      await page.context().unroute('**/events*');
    }
  });

  it('never sent a request off the machine, and threw no page errors', () => {
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
