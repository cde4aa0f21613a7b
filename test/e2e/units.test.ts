// The units board end to end, in Chromium against `vigie serve`: groups and status counts agree
// with the service's data; a status set from the board (one keystroke, one click) shows on the
// board, in the side panel and on the map; a roster is imported through the file picker (a bad file
// shows its errors and imports nothing, a good one imports and its units appear, with their
// contingent); the nearest available units of an incident, and one click assigns one.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Contingent, IncidentRow, Unit, UnitStatus } from '../../shared/domain.js';
import {
  artifact,
  hostApi,
  mapIdle,
  mapUnitStatus,
  openConsole,
  serve,
  signInFromPage,
  type Console,
  type HostApi,
  type Served,
} from './harness.js';

let served: Served;
let ui: Console;

let hostCalls: HostApi | null = null;
/** Calls the host's API from Node, as another client would (an officer at another desk). */
const api = <T>(name: string, input: unknown): Promise<T> =>
  (hostCalls ??= hostApi(served.url, 'officer', 'D1-API'))<T>(name, input);

const boardRow = (page: Page, callsign: string) =>
  page.locator(`[data-testid="board-unit-row"][data-callsign="${callsign}"]`);

async function counts(page: Page, scope: string): Promise<Record<string, number>> {
  return page
    .locator(`${scope} .ub-counts`)
    .first()
    .evaluate((el) =>
      Object.fromEntries(
        [...el.querySelectorAll<HTMLElement>('[data-status]')].map((c) => [
          c.dataset.status ?? '',
          Number(c.dataset.count),
        ]),
      ),
    );
}

function tally(units: readonly Unit[]): Record<UnitStatus, number> {
  const c: Record<string, number> = {
    available: 0,
    assigned: 0,
    en_route: 0,
    on_scene: 0,
    off_duty: 0,
    out_of_service: 0,
  };
  for (const u of units) c[u.status] = (c[u.status] ?? 0) + 1;
  return c as Record<UnitStatus, number>;
}

function csvFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'vigie-roster-')), name);
  writeFileSync(path, text);
  return path;
}

beforeAll(async () => {
  served = await serve();
  ui = await openConsole(served.url, { debug: true });
  await signInFromPage(ui.page, 'officer', 'D1');
  await mapIdle(ui.page, 20);
});

afterAll(async () => {
  await ui?.close();
  await served?.stop();
});

describe('the units board', () => {
  it('groups units by contingent and kind with counts that agree with the data', async () => {
    const { page } = ui;
    await page.getByTestId('open-unit-board').click();
    await expect.poll(() => page.getByTestId('board-group').count()).toBeGreaterThan(1);
    const units = await api<Unit[]>('listUnits', {});
    expect(await counts(page, '[data-testid="board-totals"]')).toEqual(tally(units));
    expect(await page.getByTestId('board-totals').innerText()).toContain(
      `${units.length} of ${units.length}`,
    );

    // Every group drawn: its total and status counts are those of its contingent's units.
    const groups = page.getByTestId('board-group');
    const drawn = await groups.count();
    for (let i = 0; i < drawn; i++) {
      const g = groups.nth(i);
      const id = (await g.getAttribute('data-group')) ?? '';
      const mine = units.filter((u) => u.contingentId === id);
      expect(Number(await g.getByTestId('group-total').innerText())).toBe(mine.length);
      expect(await counts(page, `[data-testid="board-group"][data-group="${id}"]`)).toEqual(tally(mine));
    }

    await page.getByTestId('board-groupby').selectOption('kind');
    await page.getByTestId('board-filter-kind').selectOption('patrol');
    const patrol = page.locator('[data-testid="board-group"][data-group="patrol"]');
    await expect.poll(() => patrol.count()).toBe(1);
    const patrols = units.filter((u) => u.kind === 'patrol');
    expect(Number(await patrol.getByTestId('group-total').innerText())).toBe(patrols.length);
    expect(await counts(page, '[data-testid="board-group"][data-group="patrol"]')).toEqual(tally(patrols));

    await page.getByTestId('board-filter-kind').selectOption('');
    // A filter narrows the totals to what it keeps.
    await page.getByTestId('board-filter-status').selectOption('available');
    const available = units.filter((u) => u.status === 'available').length;
    await expect
      .poll(() => page.getByTestId('board-totals').innerText())
      .toContain(`${available} of ${units.length}`);
    await page.getByTestId('board-filter-status').selectOption('');
    await page.getByTestId('board-groupby').selectOption('contingent');
    await page.screenshot({ path: artifact('unit-board.png') });
  });

  it('sets a status with one keystroke and with one click: board, side panel and map agree', async () => {
    const { page } = ui;
    const row = page.locator('[data-testid="board-unit-row"][data-status="available"]').first();
    const callsign = (await row.getAttribute('data-callsign')) ?? '';
    expect(callsign).not.toBe('');
    await row.click();
    await expect.poll(() => page.getByTestId('unit-detail').innerText()).toContain(callsign);
    await page.keyboard.press('5');
    await expect.poll(() => boardRow(page, callsign).getAttribute('data-status')).toBe('off_duty');
    await expect.poll(() => page.getByTestId('unit-status-select').inputValue()).toBe('off_duty');
    await expect.poll(() => mapUnitStatus(page, callsign), { timeout: 15_000 }).toBe('off_duty');
    const stored = (await api<Unit[]>('listUnits', {})).find((u) => u.callsign === callsign);
    expect(stored?.status).toBe('off_duty');

    await boardRow(page, callsign).getByTestId('board-status-available').click();
    const toast = page.getByTestId('error-toast');
    if (await toast.count()) throw new Error(await toast.innerText());
    await expect.poll(() => boardRow(page, callsign).getAttribute('data-status')).toBe('available');
    await expect.poll(() => page.getByTestId('unit-status-select').inputValue()).toBe('available');
    await expect.poll(() => mapUnitStatus(page, callsign), { timeout: 15_000 }).toBe('available');
  });

  it('imports a roster through the file picker: a bad file imports nothing, a good one does', async () => {
    const { page } = ui;
    const before = (await api<Unit[]>('listUnits', {})).length;
    await page.getByTestId('open-roster').click();
    const dialog = page.getByTestId('roster-import');
    await expect.poll(() => dialog.isVisible()).toBe(true);

    const bad = csvFile(
      'bad.csv',
      'callsign,country,agency,kind,personnel\nIS-BAD-01,Atlantis,Lögreglan,patrol,4\nIS-BAD-02,IS,Lögreglan,spaceship,4\n',
    );
    await page.getByTestId('roster-file').setInputFiles(bad);
    await expect.poll(() => page.getByTestId('roster-issue').count()).toBe(2);
    const issues = await page
      .getByTestId('roster-issue')
      .evaluateAll((els) =>
        els.map((e) => `${e.getAttribute('data-line')}:${e.getAttribute('data-column')}`),
      );
    expect(issues).toEqual(['2:country', '3:kind']);
    expect(await page.getByTestId('roster-commit').count()).toBe(0);
    await page.screenshot({ path: artifact('roster-import.png') });
    expect((await api<Unit[]>('listUnits', {})).length).toBe(before);

    const good = csvFile(
      'good.csv',
      'callsign,country,agency,kind,personnel,languages,liaison,status,lat,lon\n' +
        'IS-LRH-01,Iceland,Lögreglan,patrol,4,is|en,Jón Jónsson,available,48.8530,2.3499\n' +
        'IS-LRH-02,IS,Lögreglan,k9_patrol,2,is|en,Anna Sigurðardóttir,available,48.8560,2.3520\n',
    );
    await page.getByTestId('roster-file').setInputFiles(good);
    await expect.poll(() => page.getByTestId('roster-preview').getAttribute('data-rejected')).toBe('0');
    // A second liaison for the contingent is not an error: it is that unit's contact, and said so.
    const warning = page.getByTestId('roster-warning');
    await expect.poll(() => warning.count()).toBe(1);
    expect(await warning.getAttribute('data-line')).toBe('3');
    expect(await warning.getAttribute('data-column')).toBe('liaison');
    expect(await warning.innerText()).toContain('"Anna Sigurðardóttir" kept as this unit\'s contact');
    const commit = page.getByTestId('roster-commit');
    expect(await commit.innerText()).toBe('Import 2 units');
    expect((await api<Unit[]>('listUnits', {})).length).toBe(before);
    await commit.click();
    await expect
      .poll(() => page.getByTestId('roster-preview').innerText())
      .toContain('Imported: 2 new units');
    expect((await api<Unit[]>('listUnits', {})).length).toBe(before + 2);
    await page.keyboard.press('Escape');
    await page.getByTestId('board-filter-country').selectOption('IS');
    await expect.poll(() => boardRow(page, 'IS-LRH-01').count()).toBe(1);
    await expect.poll(() => boardRow(page, 'IS-LRH-02').count()).toBe(1);
    // The side panel's list is windowed: find the new unit by its callsign.
    await page.getByTestId('panel-filter').fill('IS-LRH');
    await expect
      .poll(() => page.locator('[data-testid="unit-row"][data-callsign="IS-LRH-01"]').count())
      .toBe(1);
    await page.getByTestId('panel-filter').fill('');
  });

  it('shows the contingent: flag, country name in the UI language, liaison, languages, units', async () => {
    const { page } = ui;
    const contingent = (await api<Contingent[]>('listContingents', {})).find(
      (c) => c.country === 'IS' && c.agency === 'Lögreglan',
    );
    expect(contingent).toBeDefined();
    await page
      .locator(`[data-testid="board-group"][data-group="${contingent?.id}"]`)
      .getByTestId('open-contingent')
      .click();
    const view = page.getByTestId('contingent-view');
    await expect.poll(() => view.getByTestId('contingent-unit').count()).toBe(2);
    expect(await view.getByTestId('contingent-country').innerText()).toBe('Iceland');
    const text = await view.innerText();
    expect(text).toContain('Jón Jónsson');
    expect(text).toContain('Icelandic');
    // The flag is a bundled image, loaded from this host.
    const flag = view.locator('img.flag-large');
    await expect
      .poll(() => flag.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);
    expect(await flag.getAttribute('src')).not.toMatch(/^https?:\/\/(?!127\.)/);
    await page.screenshot({ path: artifact('contingent.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => view.count()).toBe(0);
    // In French: the country's French name.
    await page.getByTestId('lang-fr').click();
    await page
      .locator(`[data-testid="board-group"][data-group="${contingent?.id}"]`)
      .getByTestId('open-contingent')
      .click();
    await expect.poll(() => view.getByTestId('contingent-country').innerText()).toBe('Islande');
    await page.keyboard.press('Escape');
    await page.getByTestId('lang-en').click();
    await page.getByTestId('board-close').click();
  });

  it('lists the nearest available units of an incident, and assigns one in one click', async () => {
    const { page } = ui;
    const incidents = await api<IncidentRow[]>('listIncidents', {});
    const target = incidents.find((i) => i.lat !== null && i.status !== 'resolved');
    expect(target).toBeDefined();
    if (!target) return;
    await page.getByTestId('tab-incidents').click();
    await page.locator(`[data-testid="incident-row"][data-reference="${target.reference}"]`).click();
    await page.getByTestId('nearest-open').click();
    const first = page.getByTestId('nearest-unit').first();
    await expect.poll(() => first.count(), { timeout: 15_000 }).toBe(1);
    const callsign = (await first.getAttribute('data-callsign')) ?? '';
    expect(await first.innerText()).toMatch(/\d+(\.\d)? k?m/);
    expect(await first.innerText()).toMatch(/min on foot/);
    // The pane fits its column: nothing cut off on the right, no sideways scroll.
    const [scrollW, clientW] = await page
      .locator('.incident-pane')
      .evaluate((e) => [e.scrollWidth, e.clientWidth]);
    expect(scrollW).toBeLessThanOrEqual(clientW ?? 0);
    await first.getByTestId('nearest-assign').click();
    await expect
      .poll(() => page.locator(`[data-testid="assigned-unit"][data-callsign="${callsign}"]`).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    const unit = (await api<Unit[]>('listUnits', {})).find((u) => u.callsign === callsign);
    expect(unit?.status).not.toBe('available');
    // The assigned unit leaves the list of available ones.
    await expect
      .poll(() => page.locator(`[data-testid="nearest-unit"][data-callsign="${callsign}"]`).count())
      .toBe(0);
  });

  it('places a unit from its detail card: typed DMS, a venue, a bridge, each move journaled', async () => {
    const { page } = ui;
    await page.getByTestId('tab-units').click();
    const unit = (await api<Unit[]>('listUnits', {})).find((u) => u.status === 'available');
    expect(unit).toBeDefined();
    if (!unit) return;
    await page.getByTestId('panel-filter').fill(unit.callsign);
    await page.locator(`[data-testid="unit-row"][data-callsign="${unit.callsign}"]`).click();
    const detail = page.getByTestId('unit-detail');
    const stored = async () => (await api<Unit[]>('listUnits', {})).find((u) => u.id === unit.id);
    const lastFix = async () =>
      (
        await api<{ source: string; lat: number; lon: number }[]>('listUnitPositions', {
          id: unit.id,
          limit: 1,
        })
      )[0];

    // A refused value says why, in words, and changes nothing.
    await detail.getByTestId('unit-move-open').click();
    await detail.getByTestId('unit-move-coords').fill('95, 2.3');
    await page.keyboard.press('Enter');
    expect(await detail.getByTestId('unit-move-error').innerText()).toBe(
      'Latitude must be between -90 and 90.',
    );
    expect((await stored())?.version).toBe(unit.version);

    await detail.getByTestId('unit-move-coords').fill(`48°51'30"N 2°17'40"E`);
    await page.keyboard.press('Enter');
    await expect.poll(() => detail.getByTestId('unit-move-form').count()).toBe(0);
    await expect.poll(async () => (await stored())?.lat).toBeCloseTo(48.858333, 5);
    expect((await stored())?.lon).toBeCloseTo(2.294444, 5);
    expect((await lastFix())?.source).toBe('typed');
    expect(await detail.innerText()).toContain('48.85833, 2.29444');

    const venue = (await api<{ id: string; name: string; lat: number; lon: number }[]>('listVenues', {}))[0];
    expect(venue).toBeDefined();
    await detail.getByTestId('unit-move-open').click();
    await detail.getByTestId('unit-move-venue').selectOption(venue?.id ?? '');
    await detail.getByTestId('unit-move-save').click();
    await expect.poll(async () => (await stored())?.venueId).toBe(venue?.id);
    expect((await lastFix())?.source).toBe('venue');
    expect(await detail.innerText()).toContain(venue?.name ?? '?');

    await detail.getByTestId('unit-move-open').click();
    await detail.getByTestId('unit-move-bridge').selectOption({ label: 'Pont Neuf' });
    await detail.getByTestId('unit-move-save').click();
    await expect.poll(async () => (await stored())?.venueId ?? null).toBeNull();
    const fix = await lastFix();
    expect(fix?.source).toBe('bridge');
    const moves = (await api<{ action: string }[]>('listJournal', { entityId: unit.id })).filter((e) =>
      /move/i.test(e.action),
    );
    expect(moves.length).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: artifact('unit-move.png') });
    await page.getByTestId('panel-filter').fill('');
  });

  it('lists the nearest available units to a point right-clicked on the map; a row shows the unit', async () => {
    const { page } = ui;
    await mapIdle(page, 1);
    const box = await page.getByTestId('map').boundingBox();
    expect(box).not.toBeNull();
    if (!box) return;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    const point = await page.evaluate(
      ([px, py]) => {
        const map = (
          window as unknown as {
            __vigieMap: { unproject(p: [number, number]): { lat: number; lng: number } };
          }
        ).__vigieMap;
        const p = map.unproject([px, py]);
        return { lat: p.lat, lon: p.lng };
      },
      [box.width / 2, box.height / 2] as [number, number],
    );
    await page.mouse.click(x, y, { button: 'right' });
    const panel = page.getByTestId('nearest-here');
    await expect
      .poll(() => panel.getByTestId('nearest-unit').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await page.getByTestId('nearest-pin').count()).toBe(1);
    const shown = await panel
      .getByTestId('nearest-unit')
      .evaluateAll((els) =>
        els.map((e) => [e.getAttribute('data-callsign'), Number(e.getAttribute('data-distance-m'))] as const),
      );
    const expected = await api<{ maxKm: number; units: { unit: Unit; distanceM: number }[] }>(
      'nearestUnits',
      {
        ...point,
        limit: 10,
      },
    );
    expect(expected.maxKm).toBe(25);
    expect(shown.map(([c]) => c)).toEqual(expected.units.map((r) => r.unit.callsign));
    const distances = shown.map(([, d]) => d);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    const first = shown[0]?.[0] ?? '';
    await panel.getByTestId('nearest-show').first().click();
    await expect.poll(() => page.getByTestId('unit-detail').innerText()).toContain(first);
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => page.getByTestId('nearest-pin').count()).toBe(0);
  });

  it('never sent a request off the machine, and threw no page errors', () => {
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
