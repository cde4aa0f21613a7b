// The map UI end to end, in Chromium against `vigie serve`: the built-in base map of Paris, unit
// clusters at city zoom, the layers panel (a toggled group changes what is rendered, choices kept
// per desk), and the light theme. Screenshots at city, route and street zoom, in both themes, go to
// test-artifacts/. What an officer does on the map (drag a unit, the parade slider, draw a zone,
// search and measure) is in map-actions.test.ts.
import { describe, expect, it } from 'vitest';
import { artifact, mapIdle } from './harness.js';
import { drawnUnits, jump, mapConsole, rendered, ROUTE_VIEW, ui, type TestMap } from './map-helpers.js';

mapConsole();

describe('the map in Chromium against vigie serve', () => {
  it('draws the built-in base map of Paris under the operation (route zoom)', async () => {
    const { page } = ui;
    await jump(page, ROUTE_VIEW, 13.6);
    expect(await rendered(page, ['base-arrondissements'])).toBeGreaterThan(8);
    expect(
      await page.evaluate(
        () => (window.__vigieMap as TestMap).queryRenderedFeatures({ layers: ['base-water'] }).length,
      ),
    ).toBeGreaterThan(0);
    expect(await rendered(page, ['base-peripherique', 'base-axes-major', 'base-parks'])).toBeGreaterThan(0);
    expect((await drawnUnits(page)).units.length).toBeGreaterThan(20);
    await page.screenshot({ path: artifact('map-route.png') });
  });

  it('clusters the units at city zoom, with counts, and a click on a cluster zooms in', async () => {
    const { page } = ui;
    await jump(page, [2.33, 48.86], 11.4);
    const clusters = await page.evaluate(() =>
      (window.__vigieMap as TestMap)
        .queryRenderedFeatures({ layers: ['unit-clusters'] })
        .map((f) => Number(f.properties.point_count)),
    );
    expect(clusters.length).toBeGreaterThan(0);
    expect(clusters.every((n) => n >= 2)).toBe(true);
    expect(await page.getByTestId('map').getAttribute('data-rendered-units')).toBe('0');
    await page.screenshot({ path: artifact('map-city.png') });

    const target = await page.evaluate(() => {
      const map = window.__vigieMap as TestMap;
      const rect = map.getCanvas().getBoundingClientRect();
      for (const f of map.queryRenderedFeatures({ layers: ['unit-clusters'] })) {
        const p = map.project(f.geometry.coordinates);
        if (p.x > 400 && p.y > 60 && p.x < rect.width - 60 && p.y < rect.height - 160)
          return { x: rect.left + p.x, y: rect.top + p.y };
      }
      return null;
    });
    expect(target).not.toBeNull();
    if (!target) return;
    await page.mouse.click(target.x, target.y);
    await expect
      .poll(() => page.evaluate(() => (window.__vigieMap as TestMap).getZoom()), { timeout: 10_000 })
      .toBeGreaterThan(12.4);
  });

  it('hides and shows layer groups from the layers panel, per desk, across a reload', async () => {
    const { page } = ui;
    await jump(page, ROUTE_VIEW, 13.6);
    await page.getByTestId('layers-toggle').click();
    // In a browser there is no desktop bridge: the base map is given by typed path, no file picker.
    expect(await page.getByTestId('basemap-path').isVisible()).toBe(true);
    expect(await page.getByTestId('basemap-pick').count()).toBe(0);
    const units = page.getByTestId('layer-group-units');
    await units.uncheck();
    await expect.poll(() => mapIdle(page, 0).then((d) => d.units), { timeout: 20_000 }).toBe(0);
    expect(await rendered(page, ['unit-clusters'])).toBe(0);
    expect(await drawnUnits(page)).toMatchObject({ units: [], labels: [] });
    // Incidents of one priority: the rendered incidents drop, and come back.
    const before = (await mapIdle(page, 0)).incidents;
    expect(before).toBeGreaterThan(0);
    await page.getByTestId('layer-group-incidents').uncheck();
    await expect.poll(() => mapIdle(page, 0).then((d) => d.incidents), { timeout: 20_000 }).toBe(0);

    // Kept for this desk across a reload.
    await page.reload();
    await mapIdle(page, 0);
    await page.getByTestId('layers-toggle').click();
    expect(await page.getByTestId('layer-group-units').isChecked()).toBe(false);
    expect((await mapIdle(page, 0)).units).toBe(0);
    await page.getByTestId('layer-group-units').check();
    await page.getByTestId('layer-group-incidents').check();
    const back = await mapIdle(page, 20);
    expect(back.units).toBeGreaterThan(20);
    expect(back.incidents).toBeGreaterThan(0);

    // A unit kind: its units leave the map (and the clusters), the rest stay.
    const patrols = (await drawnUnits(page)).units.length;
    await page.getByTestId('layer-kind-patrol').uncheck();
    await expect.poll(() => mapIdle(page, 0).then((d) => d.units), { timeout: 20_000 }).toBeLessThan(patrols);
    await page.getByTestId('layer-kind-patrol').check();
    await expect.poll(() => mapIdle(page, 0).then((d) => d.units), { timeout: 20_000 }).toBe(patrols);
    await page.getByTestId('layers-toggle').click();
  });

  it('shows street detail close in, and a light theme that is kept', async () => {
    const { page } = ui;
    await jump(page, [2.3212, 48.8656], 16);
    expect(await rendered(page, ['base-axis-labels', 'base-bridge-labels'])).toBeGreaterThan(0);
    expect((await drawnUnits(page)).labels.length).toBeGreaterThan(0);
    await page.screenshot({ path: artifact('map-street.png') });

    await page.getByTestId('layers-toggle').click();
    await page.getByTestId('map-theme-light').click();
    await page.getByTestId('layers-toggle').click();
    await mapIdle(page, 0);
    const light = await page.evaluate(() =>
      JSON.stringify((window.__vigieMap as TestMap).getPaintProperty('background', 'background-color')),
    );
    await page.screenshot({ path: artifact('map-street-light.png') });
    await jump(page, ROUTE_VIEW, 13.6);
    await page.screenshot({ path: artifact('map-route-light.png') });
    await page.reload();
    await mapIdle(page, 20);
    expect(
      await page.evaluate(() =>
        JSON.stringify((window.__vigieMap as TestMap).getPaintProperty('background', 'background-color')),
      ),
    ).toBe(light);
    await page.getByTestId('layers-toggle').click();
    await page.getByTestId('map-theme-dark').click();
    await page.getByTestId('layers-toggle').click();
    await mapIdle(page, 0);
    expect(
      await page.evaluate(() =>
        JSON.stringify((window.__vigieMap as TestMap).getPaintProperty('background', 'background-color')),
      ),
    ).not.toBe(light);
  });

  it('never sent a request off the machine, and threw no page errors', () => {
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
