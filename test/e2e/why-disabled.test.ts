// Disabled controls say why: a liaison (in a second browser context, signed in as a second person)
// looks at another contingent's unit: its status select and the units board's status buttons are
// off, each with the reason in its title, in English and French; their own contingent's unit is not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConsole, openContext, serve, signInFromPage, type Console, type Served } from './harness.js';

let served: Served;
let ui: Console;

beforeAll(async () => {
  served = await serve();
  ui = await openConsole(served.url);
  await signInFromPage(ui.page, 'officer', 'D1');
});

afterAll(async () => {
  await ui?.close();
  await served?.stop();
});

describe('disabled controls', () => {
  it("keeps a liaison's controls off for another contingent's unit, saying why, and on for their own", async () => {
    const liaison = await openContext(ui.browser, served.url);
    try {
      const { page } = liaison;
      await signInFromPage(page, 'liaison-es', 'LO-ES');
      const select = page.getByTestId('unit-status-select');
      await page.getByTestId('panel-filter').fill('AT-');
      await page.locator('[data-testid="unit-row"][data-callsign^="AT-"]').first().click();
      await expect.poll(() => select.isDisabled()).toBe(true);
      expect(await select.getAttribute('title')).toBe(
        "A liaison officer changes only their own contingent's units",
      );
      await page.getByTestId('panel-filter').fill('ES-PN-');
      await page.locator('[data-testid="unit-row"][data-callsign^="ES-PN-"]').first().click();
      await expect.poll(() => select.isDisabled()).toBe(false);
      expect(await select.getAttribute('title')).toBeNull();

      await page.getByTestId('panel-filter').fill('');
      await page.getByTestId('open-unit-board').click();
      const other = page.locator('[data-testid="board-unit-row"]:not([data-callsign^="ES-PN-"])').first();
      const button = other.getByTestId('board-status-off_duty');
      expect(await button.isDisabled()).toBe(true);
      expect(await button.getAttribute('title')).toMatch(
        / — A liaison officer changes only their own contingent/,
      );
      await page.getByTestId('lang-fr').click();
      await expect
        .poll(() => button.getAttribute('title'))
        .toMatch(/ — Un officier de liaison ne modifie que les unités de son contingent$/);
    } finally {
      await liaison.close();
    }
  });

  it('never sent a request off the machine, and threw no page errors', () => {
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
