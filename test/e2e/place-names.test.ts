// Place names end to end, in Chromium against `vigie serve`: a point picked on the map near Pont Neuf
// reads "Pont Neuf, NN m" in the form, the incident's detail and the board (in English and French),
// and the search box on the map finds a venue by its alias and a unit by its callsign from the
// keyboard, flying there and selecting the unit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Unit } from '../../shared/domain.js';
import { artifact, closeDesk, mapIdle, type Console, type HostApi, type Served } from './harness.js';
import { openMapDesk } from './incident-helpers.js';

let served: Served;
let ui: Console;
let api: HostApi;

// 40 m north of Pont Neuf as the built-in map and the route place it (2.3413, 48.8575).
const NEAR_PONT_NEUF: [number, number] = [2.3413, 48.8575 + 40 / 111_195];

type CameraMap = {
  jumpTo(o: unknown): void;
  project(c: [number, number]): { x: number; y: number };
  getCanvas(): HTMLCanvasElement;
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
};

async function screenPoint(page: Page, at: [number, number]): Promise<{ x: number; y: number }> {
  return page.evaluate((c) => {
    const map = (window as unknown as { __vigieMap: CameraMap }).__vigieMap;
    const rect = map.getCanvas().getBoundingClientRect();
    const p = map.project(c);
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, at);
}

const centre = (page: Page) =>
  page.evaluate(() => {
    const map = (window as unknown as { __vigieMap: CameraMap }).__vigieMap;
    const c = map.getCenter();
    return { lon: c.lng, lat: c.lat, zoom: map.getZoom() };
  });

/** "Pont Neuf, 40 m" with the metres read back, within a few metres of a click's precision. */
function expectNearPontNeuf(text: string): void {
  const m = /Pont Neuf, (\d+) m/.exec(text);
  expect(m, text).not.toBeNull();
  expect(Number(m?.[1])).toBeGreaterThanOrEqual(30);
  expect(Number(m?.[1])).toBeLessThanOrEqual(50);
}

beforeAll(async () => {
  ({ served, ui, api } = await openMapDesk('officer', 'JOC-3'));
  // The size the console is judged at (screenshots looked at in English and French).
  await ui.page.setViewportSize({ width: 1920, height: 1080 });
  await mapIdle(ui.page, 0);
});
afterAll(() => closeDesk({ served, ui }));

describe('place names and the map search in Chromium', () => {
  it('names a point picked near a bridge in the form, the detail and the board', async () => {
    const { page } = ui;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('n');
    await expect.poll(() => page.getByTestId('incident-form').isVisible()).toBe(true);
    await page.keyboard.type('Bag left on the quay steps');
    await page.getByTestId('form-pick').click();
    await expect.poll(() => page.getByTestId('pick-banner').isVisible()).toBe(true);
    await page.evaluate((c) => {
      (window as unknown as { __vigieMap: CameraMap }).__vigieMap.jumpTo({ center: c, zoom: 17 });
    }, NEAR_PONT_NEUF);
    await mapIdle(page, 0);
    const target = await screenPoint(page, NEAR_PONT_NEUF);
    await page.mouse.click(target.x, target.y);
    const place = page.getByTestId('form-point-place');
    await expect.poll(() => place.isVisible(), { timeout: 10_000 }).toBe(true);
    expectNearPontNeuf(await place.innerText());
    await page.screenshot({ path: artifact('place-form-en.png') });
    await page.getByTestId('form-venue').focus();
    await page.keyboard.press('Enter');

    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.isVisible(), { timeout: 10_000 }).toBe(true);
    const reference = /INC-\d{4}-\d{4}/.exec(await notice.innerText())?.[0] ?? '';
    expect(reference).not.toBe('');
    const detail = page.getByTestId('detail-place');
    await expect.poll(() => detail.innerText(), { timeout: 10_000 }).toContain('Pont Neuf');
    expectNearPontNeuf(await detail.innerText());
    const row = page.locator(`[data-testid="incident-row"][data-reference="${reference}"]`);
    await expect.poll(() => row.innerText()).toContain('Pont Neuf');
    expectNearPontNeuf(await row.innerText());
    await page.screenshot({ path: artifact('place-incident-en.png') });

    // In French the same place, the distance in French units.
    await page.getByTestId('lang-fr').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('fr');
    expectNearPontNeuf(await detail.innerText());
    expectNearPontNeuf(await row.innerText());
    await page.screenshot({ path: artifact('place-incident-fr.png') });
    await page.getByTestId('lang-en').click();
  });

  it('finds a venue by its alias and a unit by its callsign from the keyboard', async () => {
    const { page } = ui;
    const search = page.getByTestId('map-search');
    expect(await search.isVisible()).toBe(true);
    await search.fill('accor');
    const results = page.getByTestId('map-search-result');
    await expect.poll(() => results.first().innerText()).toContain('Bercy Arena');
    expect(await results.first().innerText()).toContain('Accor Arena');
    await page.screenshot({ path: artifact('place-search-en.png') });
    await search.press('Enter');
    await expect
      .poll(
        async () => {
          const c = await centre(page);
          return Math.hypot(c.lon - 2.3786, c.lat - 48.8386) < 0.002 && c.zoom > 14.5;
        },
        { timeout: 15_000 },
      )
      .toBe(true);

    const units = await api<Unit[]>('listUnits', {});
    const unit = units.find((u) => u.lat !== null && u.lon !== null && /\d$/.test(u.callsign));
    if (!unit || unit.lat === null || unit.lon === null) throw new Error('the exercise has no placed unit');
    await search.fill(unit.callsign.toLowerCase());
    await expect.poll(() => results.count()).toBeGreaterThan(0);
    // Down and up the list, back on the first result (the unit itself), and Enter flies there.
    await search.press('ArrowDown');
    await search.press('ArrowUp');
    const first = results.first();
    expect(await first.getAttribute('aria-selected')).toBe('true');
    expect(await first.innerText()).toContain(unit.callsign);
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('unit-detail').isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.getByTestId('unit-detail').innerText()).toContain(unit.callsign);
    const lat = unit.lat;
    const lon = unit.lon;
    await expect
      .poll(
        async () => {
          const c = await centre(page);
          return Math.hypot(c.lon - lon, c.lat - lat) < 0.002;
        },
        { timeout: 15_000 },
      )
      .toBe(true);

    await page.getByTestId('lang-fr').click();
    await search.fill('pont neuf');
    await expect.poll(() => results.first().innerText()).toContain('Pont');
    await page.screenshot({ path: artifact('place-search-fr.png') });
    await search.press('Escape');
    await page.getByTestId('lang-en').click();
  });
});
