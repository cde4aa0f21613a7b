// Street names end to end, in Chromium against `vigie serve` with an operator's vector base map (a
// Protomaps-schema PMTiles file the test makes): the map's search box finds Rue de Rivoli and flies
// there from the keyboard, and a point picked beside it reads "Rue de Rivoli, NN m" in the form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { STREET, writeVectorTileFile } from '../support/vector-tiles.js';
import { tempDir } from '../support/temp.js';
import {
  artifact,
  closeDesk,
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

type CameraMap = {
  jumpTo(o: unknown): void;
  project(c: [number, number]): { x: number; y: number };
  getCanvas(): HTMLCanvasElement;
  getCenter(): { lng: number; lat: number };
};

// 20 m north of the street's middle vertex, far from every bridge and venue.
const BY_RIVOLI: [number, number] = [STREET.middle[0], STREET.middle[1] + 20 / 111_195];

beforeAll(async () => {
  served = await serve();
  const file = join(tempDir(), 'paris.pmtiles');
  writeVectorTileFile(file, 'protomaps');
  await hostApi(served.url, 'supervisor', 'SUP')('setBasemap', { path: file });
  ui = await openConsole(served.url, { debug: true });
  await ui.page.setViewportSize({ width: 1920, height: 1080 });
  await signInFromPage(ui.page, 'officer', 'JOC-4');
  await mapIdle(ui.page, 20);
});
afterAll(() => closeDesk({ served, ui }));

describe('street names from the loaded base map in Chromium', () => {
  it('finds a street with the search box and names a point picked beside it', async () => {
    const { page } = ui;
    await page.evaluate((c) => {
      (window as unknown as { __vigieMap: CameraMap }).__vigieMap.jumpTo({ center: c, zoom: 15 });
    }, STREET.middle);
    await mapIdle(page, 0);
    const search = page.getByTestId('map-search');
    await search.fill('rivoli');
    const street = page.getByTestId('map-search-result').filter({ hasText: STREET.name });
    await expect.poll(() => street.count(), { timeout: 10_000 }).toBe(1);
    expect(await street.innerText()).toContain('Street');
    await page.screenshot({ path: artifact('place-street-search-en.png') });
    // Down to the street (the only result), Enter flies there.
    await search.press('ArrowDown');
    await search.press('Enter');
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const c = (window as unknown as { __vigieMap: CameraMap }).__vigieMap.getCenter();
            return [c.lng, c.lat];
          }),
        { timeout: 15_000 },
      )
      .toSatisfy(([lon, lat]: number[]) =>
        STREET.line.some(([x, y]) => Math.hypot((lon ?? 0) - x, (lat ?? 0) - y) < 0.002),
      );

    await page.getByTestId('lang-fr').click();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('n');
    await expect.poll(() => page.getByTestId('incident-form').isVisible()).toBe(true);
    await page.keyboard.type('Rixe sous les arcades');
    await page.getByTestId('form-pick').click();
    await page.evaluate((c) => {
      (window as unknown as { __vigieMap: CameraMap }).__vigieMap.jumpTo({ center: c, zoom: 17 });
    }, BY_RIVOLI);
    await mapIdle(page, 0);
    const target = await page.evaluate((c) => {
      const map = (window as unknown as { __vigieMap: CameraMap }).__vigieMap;
      const rect = map.getCanvas().getBoundingClientRect();
      const p = map.project(c);
      return { x: rect.left + p.x, y: rect.top + p.y };
    }, BY_RIVOLI);
    await page.mouse.click(target.x, target.y);
    const place = page.getByTestId('form-point-place');
    await expect.poll(() => place.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await place.innerText()).toMatch(/Rue de Rivoli, [123]0 m/);
    await page.screenshot({ path: artifact('place-street-form-fr.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('lang-en').click();
  });
});
