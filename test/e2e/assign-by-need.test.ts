// Assignment by need end to end, in Chromium against `vigie serve`: a suspicious package beside a
// K9 explosives team puts that team first in the assign list, saying why and how long on foot; a
// dog past its rest time is not suggested, and assigning it asks first; a dog close to its rest is
// flagged in the units list. Screenshots in English and French (1920×1080).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { SessionView } from '../../shared/api.js';
import type { SuggestionsAnswer } from '../../shared/api/units.js';
import type { Incident, Unit } from '../../shared/domain.js';
import {
  artifact,
  closeDesk,
  hostApi,
  mapIdle,
  openConsole,
  serve,
  signInFromPage,
  type Desk,
} from './harness.js';

let desk: Desk;
let incident: Incident;
// Beside PP-K9-01 (Pont Neuf, rive gauche); PL-ZW-K9-01 is 170 m off, PL-ZW-K9-13 600 m.
const AT = { lat: 48.8576, lon: 2.339 };
const FRESH = 'PP-K9-01';
const TIRED = 'PL-ZW-K9-01';
const SOON = 'PL-ZW-K9-13';

const option = (page: Page, callsign: string) =>
  page.locator(`[data-testid="assign-option"][data-callsign="${callsign}"]`);

/** The exercise's clock now (it runs from the scenario start since the host first opened it). */
async function operationNow(): Promise<number> {
  const s = await desk.api<SessionView>('getSession', {});
  const op = s.operation;
  if (!op?.scenarioStart || !op.anchorReal) throw new Error('not an exercise');
  return Date.parse(op.scenarioStart) + (Date.now() - Date.parse(op.anchorReal));
}

async function unit(callsign: string): Promise<Unit> {
  const u = (await desk.api<Unit[]>('listUnits', {})).find((x) => x.callsign === callsign);
  if (!u) throw new Error(callsign);
  return u;
}

async function setRest(callsign: string, restDue: string): Promise<void> {
  const u = await unit(callsign);
  await desk.api('setK9Rest', { id: u.id, version: u.version, restDue });
}

async function openAssign(page: Page): Promise<void> {
  await page.getByTestId('tab-incidents').click();
  await page.locator(`[data-testid="incident-row"][data-reference="${incident.reference}"]`).click();
  await page.getByTestId('assign-open').click();
  await expect.poll(() => page.getByTestId('assign-option').count(), { timeout: 15_000 }).toBeGreaterThan(5);
}

beforeAll(async () => {
  const served = await serve();
  const ui = await openConsole(served.url, { debug: true, viewport: { width: 1920, height: 1080 } });
  desk = { served, ui, api: hostApi(served.url, 'supervisor', 'JOC-9') };
  await signInFromPage(ui.page, 'supervisor', 'JOC-9');
  await mapIdle(ui.page, 20);
  const now = await operationNow();
  await setRest(TIRED, new Date(now - 10 * 60_000).toISOString());
  await setRest(SOON, new Date(now + 10 * 60_000).toISOString());
  incident = await desk.api<Incident>('createIncident', {
    category: 'suspicious_package',
    priority: 1,
    title: 'Sac abandonné quai de Conti',
    source: 'radio',
    ...AT,
  });
});
afterAll(() => closeDesk(desk));

describe('assignment by need in Chromium against vigie serve', () => {
  it('puts the K9 explosives team beside a suspicious package first, with why and how long', async () => {
    const { page } = desk.ui;
    await openAssign(page);
    const answer = await desk.api<SuggestionsAnswer>('suggestUnits', { incidentId: incident.id });
    expect(answer.needs).toEqual(['k9_explosives', 'eod']);
    expect(answer.units[0]?.unit.callsign).toBe(FRESH);
    const first = page.getByTestId('assign-option').first();
    expect(await first.getAttribute('data-callsign')).toBe(FRESH);
    expect(await first.getAttribute('data-group')).toBe('suggested');
    const minutes = answer.units[0]?.travelMinutes;
    expect(await first.getByTestId('assign-reason').innerText()).toContain(
      `K9 explosives: needed for suspicious package · ${minutes} min on foot`,
    );
    expect(await first.innerText()).toContain('Available');
    expect(await page.getByTestId('assign-group').first().innerText()).toMatch(
      /suggested for suspicious package/i,
    );
    // The dog past its rest is not among the suggested, and says so.
    const tired = option(page, TIRED);
    expect(await tired.getAttribute('data-group')).toBe('available');
    expect(await tired.innerText()).toContain('Past its rest time');
    expect(await tired.getByTestId('k9-rest').getAttribute('data-level')).toBe('due');
    // The one near its rest is suggested, flagged.
    expect(await option(page, SOON).getByTestId('k9-rest').innerText()).toMatch(/Rest in \d+ min/);
    // Nothing cut off: the pane does not scroll sideways, and no line is wider than its box.
    const [scrollW, clientW] = await page
      .locator('.incident-pane')
      .evaluate((e) => [e.scrollWidth, e.clientWidth]);
    expect(scrollW).toBeLessThanOrEqual(clientW ?? 0);
    const cut = await page
      .locator('.assign-option span')
      .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    expect(cut).toEqual([]);
    await page.screenshot({ path: artifact('assign-by-need-en.png') });
  });

  it('asks before sending a dog past its rest, and assigns it only once confirmed', async () => {
    const { page } = desk.ui;
    await page.getByTestId('assign-search').fill(TIRED);
    await option(page, TIRED).click();
    const ask = page.getByTestId('rest-confirm');
    await expect.poll(() => ask.isVisible()).toBe(true);
    expect(await ask.innerText()).toContain(`${TIRED}’s dog was due to rest at`);
    await page.screenshot({ path: artifact('assign-rest-confirm-en.png') });
    await page.getByTestId('rest-cancel').click();
    expect(await page.locator(`[data-testid="assigned-unit"][data-callsign="${TIRED}"]`).count()).toBe(0);
    expect((await unit(TIRED)).status).toBe('available');

    await option(page, TIRED).click();
    await page.getByTestId('rest-ok').click();
    const assigned = page.locator(`[data-testid="assigned-unit"][data-callsign="${TIRED}"]`);
    await expect.poll(() => assigned.count(), { timeout: 15_000 }).toBe(1);
    const journal = await desk.api<{ action: string; data: Record<string, unknown> }[]>('listJournal', {
      limit: 20,
    });
    expect(journal.find((e) => e.action === 'incident.unit_assigned')?.data).toMatchObject({
      callsign: TIRED,
      pastRest: true,
    });
  });

  it('reads in French, nothing cut off; the units list flags the dog close to its rest', async () => {
    const { page } = desk.ui;
    await page.getByTestId('lang-fr').click();
    await page.getByTestId('assign-open').click();
    const first = page.getByTestId('assign-option').first();
    await expect.poll(() => first.getAttribute('data-callsign'), { timeout: 15_000 }).toBe(FRESH);
    expect(await first.getByTestId('assign-reason').innerText()).toMatch(
      /Cynophile explosifs : requis pour colis suspect · \d+ min à pied/,
    );
    const cut = await page
      .locator('.assign-option span')
      .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    expect(cut).toEqual([]);
    await page.screenshot({ path: artifact('assign-by-need-fr.png') });
    await page.keyboard.press('Escape');

    await page.getByTestId('tab-units').click();
    await page.getByTestId('panel-filter').fill(SOON);
    const row = page.locator(`[data-testid="unit-row"][data-callsign="${SOON}"]`);
    await expect.poll(() => row.getByTestId('k9-rest').innerText()).toMatch(/⚠ \d+ min/);
    const cutRow = await row
      .locator('span')
      .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
    expect(cutRow).toEqual([]);
    await row.click();
    const field = page.getByTestId('k9-rest-field');
    await expect.poll(() => field.innerText()).toMatch(/Repos dans \d+ min \(\d\d:\d\d\)/);
    await page.screenshot({ path: artifact('k9-rest-soon-fr.png') });
    // Marked rested: the rest moves a work period (45 min) on, the warning goes.
    await field.getByTestId('k9-rested').click();
    await expect.poll(() => field.getByTestId('k9-rest').getAttribute('data-level')).toBe('ok');
    await page.getByTestId('lang-en').click();
  });

  it('shows the needs and speeds in the settings, in both languages', async () => {
    const { page } = desk.ui;
    await page.getByTestId('open-settings').click();
    const needs = page.getByTestId('settings-needs');
    await expect.poll(() => needs.isVisible()).toBe(true);
    const row = needs.locator('[data-category="suspicious_package"]');
    expect(await row.innerText()).toContain('K9 explosives');
    expect(await page.getByTestId('settings-footKmh').inputValue()).toBe('5');
    await page.screenshot({ path: artifact('settings-assign-en.png') });
    // The language is chosen outside the dialog: close it, switch, open it again.
    await page.keyboard.press('Escape');
    await page.getByTestId('lang-fr').click();
    await page.getByTestId('open-settings').click();
    await expect.poll(() => row.innerText()).toContain('Cynophile explosifs');
    await page.screenshot({ path: artifact('settings-assign-fr.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('lang-en').click();
  });
});
