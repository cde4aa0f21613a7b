// The incident loop from the keyboard alone, in Chromium against `vigie serve`: with an incident
// open, A acknowledges, U opens the unit picker (arrows and Enter assign), D dispatches, S marks on
// scene, T goes to the note box, R resolves, C asks for the outcome (required, one line) and closes.
// Every button shows its key; ? lists them all, in English and in French. Screenshots at 1920×1080.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Incident } from '../../shared/domain.js';
import { artifact, closeDesk, openConsole, signInFromPage, serve, type Desk, hostApi } from './harness.js';
import { timelineActions } from './incident-helpers.js';

let desk: Desk;
let reference = '';

beforeAll(async () => {
  const served = await serve();
  const ui = await openConsole(served.url, { viewport: { width: 1920, height: 1080 } });
  await signInFromPage(ui.page, 'officer', 'KEYS');
  desk = { served, ui, api: hostApi(served.url, 'officer', 'KEYS') };
});
afterAll(() => closeDesk(desk));

const status = (page: Page) => page.getByTestId('incident-detail').getAttribute('data-status');

/** Presses a key with the focus on nothing in particular, as an officer between two actions. */
async function key(page: Page, k: string) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(k);
}

describe('the incident loop by keyboard', () => {
  it('takes an incident from new to closed with one key a step, the outcome asked at the end', async () => {
    const { page } = desk.ui;
    const created = await desk.api<Incident>('createIncident', {
      category: 'unattended_bag',
      priority: 2,
      title: 'Unattended suitcase, quai de la Tournelle',
      source: 'radio',
      locationText: 'Quai de la Tournelle',
      lat: 48.8508,
      lon: 2.3545,
    });
    reference = created.reference;
    const row = page.locator(`[data-testid="incident-row"][data-reference="${reference}"]`);
    await page.getByTestId('tab-incidents').click();
    await row.waitFor({ timeout: 30_000 });
    await row.click();
    await expect.poll(() => status(page)).toBe('new');
    // The buttons show their keys.
    expect(await page.getByTestId('action-acknowledge').innerText()).toMatch(/Acknowledge\s*A/);
    expect(await page.getByTestId('assign-open').innerText()).toMatch(/U$/);
    await page.screenshot({ path: artifact('incident-keys-en.png') });

    await key(page, 'a');
    await expect.poll(() => status(page)).toBe('acknowledged');
    await key(page, 'u');
    await page.getByTestId('assign-search').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('assigned-unit').count()).toBe(1);
    await key(page, 'd');
    await expect.poll(() => status(page)).toBe('dispatched');
    await key(page, 's');
    await expect.poll(() => status(page)).toBe('on_scene');
    await key(page, 't');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('note-input');
    await page.keyboard.type('Owner found at the café opposite');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('note').count()).toBe(1);
    await key(page, 'r');
    await expect.poll(() => status(page)).toBe('resolved');

    await key(page, 'c');
    const outcome = page.getByTestId('reason-input');
    await outcome.waitFor();
    // Required: Enter on an empty outcome closes nothing.
    await page.keyboard.press('Enter');
    expect(await status(page)).toBe('resolved');
    expect(await page.getByTestId('reason-confirm').getAttribute('title')).toBe('Write it first');
    await page.keyboard.type('Suitcase returned to its owner, no threat');
    await page.screenshot({ path: artifact('incident-close-outcome-en.png') });
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page)).toBe('closed');
    // The timeline reloads after the status: wait for the last step in it.
    await expect.poll(() => timelineActions(page)).toContain('incident.close');
    const timeline = await timelineActions(page);
    for (const a of ['acknowledge', 'unit_assigned', 'dispatch', 'arrive', 'note_added', 'resolve', 'close'])
      expect(timeline).toContain(`incident.${a}`);
    await expect
      .poll(() => page.getByTestId('incident-detail').innerText())
      .toContain('Outcome: Suitcase returned to its owner, no threat');
    // Keys do nothing where no button is: a closed incident has no step left.
    await key(page, 'a');
    expect(await status(page)).toBe('closed');
    expect(desk.ui.pageErrors).toEqual([]);
  });

  it('lists every shortcut on ?, in English and in French', async () => {
    const { page } = desk.ui;
    await key(page, '?');
    const help = page.getByTestId('shortcuts-help');
    await help.waitFor();
    const text = await help.innerText();
    for (const line of [
      'Acknowledge',
      'Dispatch',
      'On scene',
      'Resolve',
      'Close (asks for the outcome)',
      'Add note',
    ])
      expect(text).toContain(line);
    await page.screenshot({ path: artifact('shortcuts-en.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('lang-fr').click();
    await page.getByTestId('open-shortcuts').click();
    await help.waitFor();
    expect(await help.innerText()).toContain('Clore (demande l’issue)');
    await page.screenshot({ path: artifact('shortcuts-fr.png') });
    await page.keyboard.press('Escape');
  });
});
