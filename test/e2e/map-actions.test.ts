// What an officer does on the map, end to end in Chromium against `vigie serve`: a unit dragged on
// the map to a new position (unit detail, trail and the journal agree), the parade moved with the
// time slider and a reported delay, a zone drawn with clicks, and a bridge found by name, a distance
// measured and the point under the pointer read out. Screenshots go to test-artifacts/.
import { describe, expect, it } from 'vitest';
import type { ParadeView } from '../../shared/api/map.js';
import type { JournalEntry, Unit } from '../../shared/domain.js';
import { artifact, mapIdle } from './harness.js';
import { DEMO } from '../support/sign-in.js';
import {
  api,
  drawnUnits,
  jump,
  mapConsole,
  rendered,
  ROUTE_VIEW,
  ui,
  type TestMap,
  type TestUnits,
} from './map-helpers.js';

mapConsole();

describe('acting on the map in Chromium against vigie serve', () => {
  it('moves a unit dragged on the map (signed in): unit detail, trail and journal agree', async () => {
    const { page } = ui;
    expect(await page.getByTestId('operator-name').innerText()).toBe(DEMO.officer.name);

    await jump(page, [2.3212, 48.8606], 15.5);
    const target = await page.evaluate(() => {
      const map = window.__vigieMap as TestMap;
      const units = (window.__vigieUnits as TestUnits).list().items;
      const rect = map.getCanvas().getBoundingClientRect();
      for (const p of units) {
        const inside = p.x > 420 && p.y > 80 && p.x < rect.width - 160 && p.y < rect.height - 220;
        const box = [
          [p.x - 20, p.y - 20],
          [p.x + 20, p.y + 20],
        ];
        const alone = units.filter((q) => Math.abs(q.x - p.x) < 20 && Math.abs(q.y - p.y) < 20).length === 1;
        if (inside && alone && map.queryRenderedFeatures(box, { layers: ['incidents'] }).length === 0)
          return { x: rect.left + p.x, y: rect.top + p.y, id: p.unit.id, callsign: p.unit.callsign };
      }
      return null;
    });
    expect(target).not.toBeNull();
    if (!target) return;
    const before = (await api<Unit[]>('listUnits', {})).find((u) => u.id === target.id);
    expect(before).toBeDefined();

    // Select it (a click), then drag it 120 px right and 60 px down.
    await page.mouse.click(target.x, target.y);
    const detail = page.getByTestId('unit-detail');
    await expect.poll(() => detail.innerText(), { timeout: 10_000 }).toContain(target.callsign);
    const shownBefore = await detail.innerText();
    await page.mouse.move(target.x, target.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(target.x + 12 * i, target.y + 6 * i);
    await page.mouse.up();

    const movedUnit = async () => (await api<Unit[]>('listUnits', {})).find((u) => u.id === target.id);
    await expect.poll(async () => (await movedUnit())?.positionSource, { timeout: 15_000 }).toBe('map_drag');
    const after = await movedUnit();
    expect(after?.lon).toBeGreaterThan(before?.lon ?? Infinity);
    expect(after?.lat).toBeLessThan(before?.lat ?? -Infinity);
    const shown = `${(after?.lat ?? 0).toFixed(5)}, ${(after?.lon ?? 0).toFixed(5)}`;
    await expect.poll(() => detail.innerText(), { timeout: 15_000 }).toContain(shown);
    expect(shownBefore).not.toContain(shown);
    const journal = await api<JournalEntry[]>('listJournal', { entityId: target.id, limit: 20 });
    expect(journal.map((e) => e.action)).toContain('unit.moved');
    // The map draws it at its new place, with its trail (the old and the new fix).
    await mapIdle(page, 1);
    const drawn = (await drawnUnits(page)).units.find((u) => u.id === target.id);
    expect(drawn?.lon).toBeCloseTo(after?.lon ?? 0, 5);
    expect(await rendered(page, ['unit-trail-dots'])).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: artifact('map-drag.png') });
  });

  it('moves the parade with the time slider, computed locally, and back to now', async () => {
    const { page } = ui;
    // The plan starts half an hour ago (operation time), so a report of the head can be in the past.
    const parade = await api<ParadeView>('getParade', {});
    if (!parade.plan) throw new Error('no parade plan');
    await api('setParadePlan', {
      version: parade.plan.version,
      start: new Date(Date.parse(parade.at) - 30 * 60_000).toISOString(),
      speedKmh: parade.plan.speedKmh,
      boats: parade.plan.boats,
      spacingM: parade.plan.spacingM,
    });
    await page.reload();
    await mapIdle(page, 0);
    await jump(page, ROUTE_VIEW, 13.6);
    await page.getByTestId('parade-toggle').click();
    const head = page.getByTestId('parade-head');
    await expect.poll(() => head.isVisible(), { timeout: 15_000 }).toBe(true);
    const headAt = () =>
      page.evaluate(() => {
        const map = window.__vigieMap as TestMap & {
          querySourceFeatures(
            s: string,
          ): { properties: Record<string, unknown>; geometry: { coordinates: unknown } }[];
        };
        const f = map.querySourceFeatures('parade').find((x) => x.properties.role === 'head');
        return f ? JSON.stringify(f.geometry.coordinates) : null;
      });
    await expect.poll(headAt, { timeout: 15_000 }).not.toBeNull();
    const slider = page.getByTestId('parade-slider');
    const [min, max] = await slider.evaluate((el) => [
      Number((el as HTMLInputElement).min),
      Number((el as HTMLInputElement).max),
    ]);
    // A third of the way through the parade, then two thirds: the head moves downstream.
    await slider.fill(String(Math.round(min + (max - min) / 3)));
    await expect.poll(() => head.innerText()).not.toMatch(/km 0\.00 /);
    const firstText = await head.innerText();
    await expect.poll(headAt).not.toBeNull();
    await mapIdle(page, 0);
    const firstPos = await headAt();
    expect(await rendered(page, ['parade-column'])).toBeGreaterThan(0);
    await page.screenshot({ path: artifact('map-parade.png') });
    await slider.fill(String(Math.round(min + ((max - min) * 2) / 3)));
    await expect.poll(() => head.innerText()).not.toBe(firstText);
    await expect.poll(headAt).not.toBe(firstPos);
    const km = (text: string) => Number(/km ([\d.]+)/.exec(text)?.[1]);
    expect(km(await head.innerText())).toBeGreaterThan(km(firstText));
    expect(await page.getByTestId('parade-time').innerText()).toMatch(/\d\d:\d\d/);
    expect(await page.getByTestId('parade-bridge').count()).toBeGreaterThan(10);
    await page.getByTestId('parade-now').click();
    await expect.poll(() => page.getByTestId('parade-now').isDisabled()).toBe(true);

    // An officer reports the head at Pont Neuf 6 minutes after its planned minute (5 to 6 minutes
    // late, as the plan has seconds): a delay badge, then the report is retracted.
    const pontNeuf = page.locator('[data-testid="parade-bridge"][data-name="Pont Neuf"]');
    const planned = (await pontNeuf.locator('td').nth(1).innerText()).trim();
    const [h, m] = planned.split(':').map(Number);
    const late = new Date(Date.UTC(2024, 0, 1, h ?? 0, (m ?? 0) + 6));
    const typed = `${String(late.getUTCHours()).padStart(2, '0')}:${String(late.getUTCMinutes()).padStart(2, '0')}`;
    await page.getByTestId('parade-report-bridge').selectOption('Pont Neuf');
    await page.getByTestId('parade-report-time').fill(typed);
    await page.getByTestId('parade-report-submit').click();
    await expect.poll(() => page.getByTestId('parade-actual').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => pontNeuf.locator('.delay').innerText(), { timeout: 15_000 }).toMatch(/\+[56]/);
    await page.getByTestId('parade-retract').click();
    await expect.poll(() => page.getByTestId('parade-actual').count(), { timeout: 15_000 }).toBe(0);
    expect(await pontNeuf.locator('.delay').count()).toBe(0);
    await page.getByTestId('parade-toggle').click();
  });

  it('draws a zone with clicks on the map, which is still there after a reload', async () => {
    const { page } = ui;
    await jump(page, [2.338, 48.8222], 15);
    await page.getByTestId('zones-toggle').click();
    await page.getByTestId('zone-draw').click();
    const box = await page.getByTestId('map').boundingBox();
    if (!box) throw new Error('no map');
    const at = (dx: number, dy: number) => ({
      x: box.x + box.width / 2 + dx,
      y: box.y + box.height / 2 + dy,
    });
    for (const [dx, dy] of [
      [-80, -80],
      [120, -70],
      [140, 90],
    ] as const) {
      const p = at(dx, dy);
      await page.mouse.click(p.x, p.y);
    }
    await expect.poll(() => page.getByTestId('zone-draw-points').innerText()).toContain('3');
    const last = at(-90, 100);
    await page.mouse.dblclick(last.x, last.y);
    const form = page.getByTestId('zone-create-form');
    await expect.poll(() => form.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await form.innerText()).toContain('4');
    await page.getByTestId('zone-name').fill('Montsouris test sector');
    await page.getByTestId('zone-kind').selectOption('red_zone');
    expect(await page.getByTestId('zone-color').inputValue()).toBe('#d32f2f');
    await page.getByTestId('zone-create').click();
    const row = page.locator('[data-testid="zone-row"][data-name="Montsouris test sector"]');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    await page.screenshot({ path: artifact('map-zone.png') });

    await page.reload();
    await mapIdle(page, 0);
    await jump(page, [2.338, 48.8222], 15);
    expect(
      await page.evaluate(
        () =>
          (window.__vigieMap as TestMap)
            .queryRenderedFeatures({ layers: ['zones-fill'] })
            .filter((f) => f.properties.name === 'Montsouris test sector').length,
      ),
    ).toBeGreaterThan(0);
    await page.getByTestId('zones-toggle').click();
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    await page.getByTestId('zones-toggle').click();
  });

  it('finds a bridge by name and flies there, measures a distance, and reads out the point under the pointer', async () => {
    const { page } = ui;
    await jump(page, ROUTE_VIEW, 13);
    await page.getByTestId('measure-toggle').click();
    await page.getByTestId('map-search').fill('pont neuf');
    await page.getByTestId('map-search-result').first().click();
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const map = window.__vigieMap as TestMap & { getCenter(): { lng: number; lat: number } };
            const c = map.getCenter();
            return Math.hypot(c.lng - 2.3413, c.lat - 48.8575) < 0.003 && map.getZoom() > 15.5;
          }),
        { timeout: 15_000 },
      )
      .toBe(true);
    await mapIdle(page, 0);
    const box = await page.getByTestId('map').boundingBox();
    if (!box) throw new Error('no map');
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await page.mouse.click(cx + 150, cy - 150);
    await page.mouse.click(cx + 150, cy + 150);
    await expect.poll(() => page.getByTestId('measure-total').innerText()).toMatch(/ · 2 points$/);
    // The same distance, from the map's own projection of the two clicked pixels.
    const expected = await page.evaluate(
      ({ a, b }) => {
        const map = window.__vigieMap as TestMap & {
          unproject(p: number[]): { lng: number; lat: number };
        };
        const [p, q] = [map.unproject(a), map.unproject(b)];
        const rad = Math.PI / 180;
        const h =
          Math.sin(((q.lat - p.lat) * rad) / 2) ** 2 +
          Math.cos(p.lat * rad) * Math.cos(q.lat * rad) * Math.sin(((q.lng - p.lng) * rad) / 2) ** 2;
        return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
      },
      { a: [box.width / 2 + 150, box.height / 2 - 150], b: [box.width / 2 + 150, box.height / 2 + 150] },
    );
    const metres = Number(/^(\d+) m/.exec(await page.getByTestId('measure-total').innerText())?.[1]);
    expect(Math.abs(metres - expected)).toBeLessThan(expected * 0.02 + 2);
    await page.mouse.move(cx, cy);
    await expect
      .poll(() => page.getByTestId('map-readout').innerText())
      .toMatch(/^48\.\d{5}, 2\.\d{5} · (1er|[0-9]+e) arr\./);
    await page.screenshot({ path: artifact('map-measure.png') });
    await page.getByTestId('measure-toggle').click();
  });

  it('never sent a request off the machine, and threw no page errors', () => {
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
