// Replay in Chromium against `vigie serve`: the supervisor opens Replay from the top bar, sees the
// REPLAY banner and the picture of the newest moment, moves the slider to the start of the
// operation and the board and the map lose the incident created since, the minute's journal
// entries beside them; leaving shows the live picture again. Screenshots at 1920×1080 in English
// and French.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Incident } from '../../shared/domain.js';
import {
  artifact,
  hostApi,
  mapIdle,
  mapIncidentStatus,
  openConsole,
  serve,
  signInFromPage,
  type Console,
  type Served,
} from './harness.js';

let served: Served;
let ui: Console;

beforeAll(async () => {
  served = await serve();
  ui = await openConsole(served.url, { debug: true });
  await ui.page.setViewportSize({ width: 1920, height: 1080 });
  await signInFromPage(ui.page, 'supervisor', 'D1');
});
afterAll(async () => {
  await ui?.close();
  await served?.stop();
});

const row = (page: Page, reference: string) =>
  page.locator(`[data-testid="incident-row"][data-reference="${reference}"]`);

describe('replay', () => {
  it('shows the picture of an earlier moment under a REPLAY banner, and the live one on leaving', async () => {
    const { page } = ui;
    const api = hostApi(served.url, 'officer', 'API');
    const created = await api<Incident>('createIncident', {
      category: 'unattended_bag',
      priority: 1,
      title: 'Sac abandonné sous le Pont Neuf',
      source: 'cctv',
      lat: 48.8572,
      lon: 2.3413,
    });
    await page.getByTestId('tab-incidents').click();
    await row(page, created.reference).waitFor({ timeout: 30_000 });

    await page.getByTestId('open-replay').click();
    const banner = page.getByTestId('replay-banner');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.innerText()).toContain('REPLAY');
    // Opens at the newest moment: the incident is there, on the board and on the map.
    await page.getByTestId('tab-incidents').click();
    await row(page, created.reference).waitFor({ timeout: 30_000 });
    await mapIdle(page);
    await expect.poll(() => mapIncidentStatus(page, created.reference), { timeout: 30_000 }).toBe('new');
    // No write control in a replay.
    expect(await page.getByTestId('open-replay').count()).toBe(0);
    expect(await page.locator('[data-testid="new-incident"]').count()).toBe(0);

    // Back to the start of the operation: before the incident was reported.
    const slider = page.getByTestId('replay-slider');
    const first = Number(await slider.getAttribute('min'));
    await slider.fill(String(first));
    await expect
      .poll(() => page.getByTestId('replay-time').getAttribute('datetime'), { timeout: 30_000 })
      .toBe(new Date(first).toISOString());
    await expect.poll(() => row(page, created.reference).count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => mapIncidentStatus(page, created.reference), { timeout: 30_000 }).toBeNull();
    // The minute's journal entries: the seeding of the exercise.
    await page.getByTestId('replay-entry').first().waitFor({ timeout: 30_000 });
    await mapIdle(page);
    await page.screenshot({ path: artifact('replay-en.png') });
    await page.getByTestId('lang-fr').click();
    await expect.poll(() => banner.innerText()).toContain('REJEU');
    await page.screenshot({ path: artifact('replay-fr.png') });
    await page.getByTestId('lang-en').click();

    // Leaving shows the live picture: the incident is there again, no banner.
    await page.getByTestId('replay-leave').click();
    await page.getByTestId('open-replay').waitFor({ timeout: 30_000 });
    expect(await banner.count()).toBe(0);
    await page.getByTestId('tab-incidents').click();
    await row(page, created.reference).waitFor({ timeout: 30_000 });
  });
});
