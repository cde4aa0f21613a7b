// How changes reach the map, end to end in Chromium against `vigie serve`: a unit moved by another
// desk (a tracker's fix) moves on the map from the pushed change itself (no units read), sent to
// the units source as a diff (updateData) rather than the whole collection again; the P1 pulse is a CSS overlay over the open P1s in view (the
// map's own ring stays still, so the map does not draw again for it), and under reduced motion the
// overlay is empty.
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/domain.js';
import { artifact } from './harness.js';
import { api, jump, mapConsole, ui, type TestMap } from './map-helpers.js';

mapConsole();

interface Spied {
  __sent?: { updateData: number; setData: number };
}
interface SourceMap extends TestMap {
  getSource(id: string): Record<'updateData' | 'setData', (...a: unknown[]) => unknown>;
  on(type: string, fn: () => void): void;
  off(type: string, fn: () => void): void;
}

describe('changes reaching the map', () => {
  it('moves a unit another desk moved without reading the units, sending only that unit to the map', async () => {
    const { page } = ui;
    await jump(page, [2.3212, 48.8606], 15.5);
    const seen = await page.evaluate(() => {
      const map = window.__vigieMap as SourceMap;
      const f = map.queryRenderedFeatures({ layers: ['units'] })[0];
      // Count what reaches the units source from now on.
      const w = window as unknown as Spied;
      const sent = (w.__sent = { updateData: 0, setData: 0 });
      const source = map.getSource('units');
      for (const name of ['updateData', 'setData'] as const) {
        const real = source[name].bind(source);
        source[name] = (...a: unknown[]) => {
          sent[name]++;
          return real(...a);
        };
      }
      return f ? { id: String(f.properties.id), at: f.geometry.coordinates } : null;
    });
    expect(seen).not.toBeNull();
    if (!seen) return;
    const unit = (await api<Unit[]>('listUnits', {})).find((u) => u.id === seen.id);
    expect(unit).toBeDefined();
    if (!unit) return;
    const to: [number, number] = [seen.at[0] + 0.0012, seen.at[1] - 0.0006];
    // The units list cannot be read meanwhile: the new position can only come with the pushed entry.
    await page.route('**/api/listUnits', (route) => route.abort());
    await api('moveUnit', { id: unit.id, version: unit.version, lon: to[0], lat: to[1], source: 'tracker' });

    const drawnAt = () =>
      page.evaluate((id) => {
        const map = window.__vigieMap as TestMap;
        const f = map.queryRenderedFeatures({ layers: ['units'] }).find((g) => g.properties.id === id);
        return f ? f.geometry.coordinates.map((c) => Math.round(c * 1e5)) : null;
      }, seen.id);
    await expect.poll(drawnAt, { timeout: 20_000 }).toEqual(to.map((c) => Math.round(c * 1e5)));
    await page.unroute('**/api/listUnits');
    const sent = await page.evaluate(() => (window as unknown as Spied).__sent);
    expect(sent?.updateData).toBeGreaterThanOrEqual(1);
    expect(sent?.setData).toBe(0);
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
