// 5,000 more units in the console, in Chromium against `vigie serve`: imported as another desk
// would (importRoster through the host), then the side panel's list and the units board stay
// windowed (all counted, only the rows in view in the DOM), reach the last unit from the keyboard,
// and the map clusters them and settles, draws them as dots below street zoom and as APP-6 symbols
// at street zoom (screenshots en and fr, 1920x1080). What it costs is measured in the benchmark, not here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNIT_KINDS, type Unit } from '../../shared/domain.js';
import type { RosterImportResult } from '../../shared/roster.js';
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

const COUNT = 5_000;
let served: Served;
let ui: Console;
let api: ReturnType<typeof hostApi>;
let total = 0;

/** COUNT units on a grid over central Paris, from ten countries, every kind. */
function roster(): string {
  const countries = ['FR', 'DE', 'ES', 'IT', 'BE', 'NL', 'PT', 'PL', 'GB', 'US'];
  const lines = ['callsign,country,agency,kind,personnel,languages,status,lat,lon'];
  for (let i = 0; i < COUNT; i++) {
    const lat = 48.83 + (Math.floor(i / 100) % 50) * 0.0012;
    const lon = 2.26 + (i % 100) * 0.0014;
    const country = countries[i % countries.length] ?? 'FR';
    const kind = UNIT_KINDS[i % UNIT_KINDS.length] ?? 'patrol';
    const callsign = `LOAD-${String(i).padStart(4, '0')}`;
    lines.push(
      `${callsign},${country},Load agency ${country},${kind},4,en|fr,available,${lat.toFixed(5)},${lon.toFixed(5)}`,
    );
  }
  return lines.join('\n');
}

beforeAll(async () => {
  served = await serve();
  api = hostApi(served.url, 'officer', 'D1');
  const result = await api<RosterImportResult>('importRoster', { csv: roster() });
  expect(result.rejected).toEqual([]);
  expect(result.imported).toBe(COUNT);
  total = (await api<Unit[]>('listUnits', {})).length;
  ui = await openConsole(served.url, { debug: true });
  await ensureSignedIn(ui.page, 'officer', 'D1');
});

afterAll(async () => {
  await ui?.close();
  await served?.stop();
});

describe(`${COUNT.toLocaleString('en')} more units`, () => {
  it('keeps the side panel list windowed, and reaches the last unit with End', async () => {
    const { page } = ui;
    const rows = page.getByTestId('unit-row');
    await rows.first().waitFor({ timeout: 60_000 });
    expect(Number(await rows.first().getAttribute('aria-setsize'))).toBe(total);
    expect(await page.locator('.list-count').first().innerText()).toContain(`${total}`);
    expect(await rows.count()).toBeLessThan(80);
    await rows.first().click();
    await page.keyboard.press('End');
    const last = page.locator('[data-testid="unit-row"][aria-selected="true"]');
    await expect.poll(() => last.getAttribute('aria-posinset'), { timeout: 15_000 }).toBe(String(total));
    expect(await rows.count()).toBeLessThan(80);
    // A filter narrows the 5,000 to the one asked for.
    await page.getByTestId('panel-filter').fill('LOAD-4999');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    await page.getByTestId('panel-filter').fill('');
  });

  it('keeps the units board windowed, with counts over every unit', async () => {
    const { page } = ui;
    await page.getByTestId('open-unit-board').click();
    const totals = page.getByTestId('board-totals');
    await expect.poll(() => totals.innerText(), { timeout: 30_000 }).toContain(`${total} of ${total}`);
    expect(await page.getByTestId('board-unit-row').count()).toBeLessThan(150);
    await page.getByTestId('board-filter-country').selectOption('PT');
    await expect.poll(() => totals.innerText()).toContain(`of ${total}`);
    const portugal = (await api<Unit[]>('listUnits', {})).filter((u) => u.country === 'PT').length;
    expect(await totals.innerText()).toContain(`${portugal} of ${total}`);
    await page.screenshot({ path: artifact('units-load-board.png') });
    await page.getByTestId('board-close').click();
  });

  it('draws them on the map, clustered at city zoom, and settles', async () => {
    const { page } = ui;
    await mapIdle(page, 1);
    await page.evaluate(() => {
      const map = (window as unknown as { __vigieMap: { jumpTo(o: unknown): void } }).__vigieMap;
      map.jumpTo({ center: [2.33, 48.855], zoom: 12 });
    });
    await mapIdle(page, 0);
    const clusters = await page.evaluate(() => {
      const map = (window as unknown as { __vigieMap: { queryRenderedFeatures(o: unknown): unknown[] } })
        .__vigieMap;
      return map.queryRenderedFeatures({ layers: ['unit-clusters'] }).length;
    });
    expect(clusters).toBeGreaterThan(0);
    await page.screenshot({ path: artifact('units-load-map.png') });
  });

  it('draws dots below street zoom and APP-6 symbols at street zoom (above 3,000 units), en and fr', async () => {
    // How the units overlay draws them (unit-overlay.ts), and how many.
    const drawn = (page: Console['page']) =>
      page.evaluate(() => {
        const list = (
          window as unknown as { __vigieUnits: { list(): { mode: string; items: unknown[] } } }
        ).__vigieUnits.list();
        return { mode: list.mode, units: list.items.length };
      });
    const jumpTo = async (page: Console['page'], zoom: number) => {
      await page.evaluate((zoom) => {
        const map = (window as unknown as { __vigieMap: { jumpTo(o: unknown): void } }).__vigieMap;
        map.jumpTo({ center: [2.3, 48.845], zoom });
      }, zoom);
      await mapIdle(page, 1);
    };
    const fr = await openConsole(served.url, {
      debug: true,
      locale: 'fr-FR',
      viewport: { width: 1920, height: 1080 },
    });
    try {
      await ensureSignedIn(fr.page, 'officer', 'D1');
      await ui.page.setViewportSize({ width: 1920, height: 1080 });
      for (const [lang, page] of [
        ['en', ui.page],
        ['fr', fr.page],
      ] as const) {
        await mapIdle(page, 0);
        await jumpTo(page, 14);
        const dots = await drawn(page);
        expect(dots.mode).toBe('dots');
        expect(dots.units).toBeGreaterThan(100);
        await page.screenshot({ path: artifact(`units-load-dots-${lang}.png`) });
        await jumpTo(page, 16);
        const symbols = await drawn(page);
        expect(symbols.mode).toBe('symbols');
        expect(symbols.units).toBeGreaterThan(0);
        await page.screenshot({ path: artifact(`units-load-street-${lang}.png`) });
      }
      expect(fr.pageErrors).toEqual([]);
    } finally {
      await fr.close();
    }
  });

  it('never sent a request off the machine, and threw no page errors', () => {
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
