// How changes reach the map, end to end in Chromium against `vigie serve`: a unit moved by another
// desk (a tracker's fix) moves on the map from the pushed change itself (no units read), redrawn by
// the units overlay alone, the map not repainted; a unit clicked on the overlay is selected; the P1
// pulse is a CSS overlay over the open P1s in view (the
// map's own ring stays still, so the map does not draw again for it), and under reduced motion the
// overlay is empty.
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/domain.js';
import { artifact } from './harness.js';
import { api, drawnUnits, jump, mapConsole, ui, type TestMap } from './map-helpers.js';

mapConsole();

interface Spied {
  __renders?: number;
}
interface SourceMap extends TestMap {
  on(type: string, fn: () => void): void;
  off(type: string, fn: () => void): void;
}

describe('changes reaching the map', () => {
  it('moves a unit another desk moved without reading the units: the overlay redraws, the map does not', async () => {
    const { page } = ui;
    await jump(page, [2.3212, 48.8606], 15.5);
    const seen = (await drawnUnits(page)).units[0];
    expect(seen).toBeDefined();
    if (!seen) return;
    const unit = (await api<Unit[]>('listUnits', {})).find((u) => u.id === seen.id);
    expect(unit).toBeDefined();
    if (!unit) return;
    // Count the map's repaints from now on: a batch of moves used to cost two or three.
    await page.evaluate(() => {
      const w = window as unknown as Spied;
      w.__renders = 0;
      (window.__vigieMap as SourceMap).on('render', () => (w.__renders = (w.__renders ?? 0) + 1));
    });
    const to: [number, number] = [seen.lon + 0.0012, seen.lat - 0.0006];
    // The units list cannot be read meanwhile: the new position can only come with the pushed entry.
    await page.route('**/api/listUnits', (route) => route.abort());
    await api('moveUnit', { id: unit.id, version: unit.version, lon: to[0], lat: to[1], source: 'tracker' });

    const drawnAt = async () => {
      const u = (await drawnUnits(page)).units.find((g) => g.id === seen.id);
      return u ? [u.lon, u.lat].map((c) => Math.round(c * 1e5)) : null;
    };
    await expect.poll(drawnAt, { timeout: 20_000 }).toEqual(to.map((c) => Math.round(c * 1e5)));
    await page.unroute('**/api/listUnits');
    // The overlay's canvas has the symbol at its new place, and the map was not drawn again for it
    // (one repaint of anything else allowed: a second on a shared machine).
    const drawn = (await drawnUnits(page)).units.find((g) => g.id === seen.id);
    const painted = await page.evaluate(
      ({ x, y }) => {
        const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="unit-overlay"]');
        const ratio = canvas ? canvas.width / canvas.getBoundingClientRect().width : 1;
        const px = canvas?.getContext('2d')?.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1);
        return px?.data[3] ?? 0;
      },
      { x: drawn?.x ?? -1, y: drawn?.y ?? -1 },
    );
    expect(painted).toBeGreaterThan(0);
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as unknown as Spied).__renders)).toBeLessThanOrEqual(1);
  });

  it('selects a unit clicked on the overlay, and rings it there', async () => {
    const { page } = ui;
    await jump(page, [2.3212, 48.8606], 15.5);
    const { units } = await drawnUnits(page);
    const rect = await page.getByTestId('map').boundingBox();
    if (!rect) throw new Error('no map');
    // A unit alone (no other within 40 px), away from the panels and controls.
    const target = units.find(
      (u) =>
        u.x > 420 &&
        u.y > 80 &&
        u.x < rect.width - 160 &&
        u.y < rect.height - 220 &&
        units.every((v) => v === u || Math.hypot(v.x - u.x, v.y - u.y) > 40),
    );
    expect(target).toBeDefined();
    if (!target) return;
    // Drawn where the map itself puts the unit's point.
    const mapped = await page.evaluate((t) => (window.__vigieMap as TestMap).project([t.lon, t.lat]), {
      lon: target.lon,
      lat: target.lat,
    });
    expect(Math.abs(mapped.x - target.x)).toBeLessThan(0.5);
    expect(Math.abs(mapped.y - target.y)).toBeLessThan(0.5);
    const ringPixel = () =>
      page.evaluate(
        ({ x, y }) => {
          const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="unit-overlay"]');
          const ratio = canvas ? canvas.width / canvas.getBoundingClientRect().width : 1;
          const px = canvas
            ?.getContext('2d')
            ?.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1);
          return px?.data[3] ?? 0;
        },
        // Up and left on the ring (radius 20): clear of the symbol and of the callsign on its right.
        { x: target.x - 14.1, y: target.y - 14.1 },
      );
    expect(await ringPixel()).toBe(0);
    await page.mouse.click(target.pageX, target.pageY);
    const detail = page.getByTestId('unit-detail');
    await expect.poll(() => detail.innerText(), { timeout: 10_000 }).toContain(target.callsign);
    await expect.poll(ringPixel, { timeout: 5_000 }).toBeGreaterThan(0);
  });

  it('pulses the open P1s in view with an overlay, the map drawing nothing for it', async () => {
    const { page } = ui;
    // The exercise's open P1s, and where they are drawn.
    await jump(page, [2.325, 48.858], 13.2);
    const p1s = await page.evaluate(() => {
      const map = window.__vigieMap as TestMap;
      const r = map.getCanvas().getBoundingClientRect();
      const inView = new Set<unknown>();
      for (const f of map.queryRenderedFeatures({ layers: ['incident-pulse'] })) {
        const p = map.project(f.geometry.coordinates);
        if (p.x >= 0 && p.y >= 0 && p.x <= r.width && p.y <= r.height) inView.add(f.properties.id);
      }
      return inView.size;
    });
    expect(p1s).toBeGreaterThan(0);
    const rings = page.locator('[data-testid="pulse-overlay"] .pulse-ring');
    await expect.poll(() => rings.count()).toBe(p1s);
    expect(
      await rings
        .first()
        .locator('span')
        .evaluate((el) => getComputedStyle(el).animationName),
    ).toBe('pulse-ring');
    // A ring sits on its P1: the overlay's first ring at one of the pulse layer's points.
    const onPoint = await page.evaluate(() => {
      const map = window.__vigieMap as TestMap;
      const ring = document.querySelector<HTMLElement>('.pulse-ring');
      const m = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(ring?.style.transform ?? '');
      if (!m) return false;
      const [x, y] = [Number(m[1]), Number(m[2])];
      return map.queryRenderedFeatures({ layers: ['incident-pulse'] }).some((f) => {
        const p = map.project(f.geometry.coordinates);
        return Math.hypot(p.x - x, p.y - y) < 1.5;
      });
    });
    expect(onPoint).toBe(true);
    // The map's ring is still: nothing repaints the map while the rings move (the old pulse made
    // the map draw about 15 times a second).
    const renders = await page.evaluate(async () => {
      const map = window.__vigieMap as SourceMap;
      const radius = map.getPaintProperty('incident-pulse', 'circle-radius');
      let n = 0;
      const count = () => n++;
      map.on('render', count);
      await new Promise((r) => setTimeout(r, 1500));
      map.off('render', count);
      return { n, same: radius === map.getPaintProperty('incident-pulse', 'circle-radius') };
    });
    expect(renders.same).toBe(true);
    expect(renders.n).toBeLessThan(5);
    await page.screenshot({ path: artifact('map-pulse-overlay.png') });

    // Reduced motion: the still ring alone.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await expect.poll(() => rings.count()).toBe(0);
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await expect.poll(() => rings.count()).toBe(p1s);
  });

  it('never sent a request off the machine, and threw no page errors', () => {
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
