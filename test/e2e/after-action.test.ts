// The after-action report end to end, in Chromium against `vigie serve`: opened from the settings,
// a window typed in operation time, previewed (the service's HTML in a sandboxed frame, its charts
// inline) and downloaded as PDF, in English and in French. Screenshots at 1920×1080.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifact,
  closeDesk,
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
  ui = await openConsole(served.url, { debug: true, viewport: { width: 1920, height: 1080 } });
  await signInFromPage(ui.page, 'officer', 'D1');
});
afterAll(() => closeDesk({ served, ui }));

async function openDialog(): Promise<void> {
  const { page } = ui;
  await page.getByTestId('open-settings').click();
  await page.getByTestId('open-after-action').click();
  await page.getByTestId('after-action-dialog').waitFor();
}

describe('the after-action report', () => {
  it('previews the report for a window and downloads it as PDF', async () => {
    const { page } = ui;
    await openDialog();
    // Proposed: the last 24 hours of the operation clock, in 24-hour operation time.
    await expect
      .poll(() => page.getByTestId('after-action-to').inputValue())
      .toMatch(/^2024-07-26 \d\d:\d\d$/);
    await page.getByTestId('after-action-from').fill('26/07 9pm');
    await page.getByTestId('after-action-preview').click();
    await expect
      .poll(() => page.getByTestId('after-action-error').innerText())
      .toBe('From: write the date and the time as 2024-07-26 18:00 (24-hour).');
    await page.getByTestId('after-action-from').fill('2024-07-26 00:00');
    await page.getByTestId('after-action-preview').click();
    const frame = page.frameLocator('[data-testid="after-action-frame"]');
    await expect.poll(() => frame.locator('h1').innerText(), { timeout: 20_000 }).toBe('After-action report');
    const body = await frame.locator('body').innerText();
    expect(body).toContain('Response times by priority');
    expect(body).toMatch(/RELEASABLE TO/);
    expect(await frame.locator('figure.chart svg').count()).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('after-action-frame').getAttribute('sandbox')).not.toContain(
      'allow-scripts',
    );
    await page.screenshot({ path: artifact('after-action-en.png') });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('after-action-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^after-action-20240725-2200Z-.*-en\.pdf$/);
    expect(
      readFileSync(await download.path())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    await expect
      .poll(() => page.getByTestId('after-action-saved').innerText())
      .toContain(download.suggestedFilename());
  });

  it('reads in French', async () => {
    const { page } = ui;
    await page.keyboard.press('Escape');
    await page.getByTestId('lang-fr').click();
    await openDialog();
    await page.getByTestId('after-action-from').fill('2024-07-26 00:00');
    expect(await page.getByTestId('after-action-lang').inputValue()).toBe('fr');
    await page.getByTestId('after-action-preview').click();
    const frame = page.frameLocator('[data-testid="after-action-frame"]');
    await expect
      .poll(() => frame.locator('h1').innerText(), { timeout: 20_000 })
      .toBe('Rapport de retour d’expérience');
    expect(await frame.locator('body').innerText()).toContain('Délais de réponse par priorité');
    await page.screenshot({ path: artifact('after-action-fr.png') });
  });

  it('never sent a request off the machine, and threw no page errors', () => {
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
