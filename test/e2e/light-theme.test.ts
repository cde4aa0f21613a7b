// The light theme covers the whole console: one choice (the layers panel's or Settings') puts
// `data-theme="light"` on <html>, the top bar, the incident pane and dialogs turn light, and the
// choice survives a reload. Screenshots at 1920×1080, in English and French, go to test-artifacts/
// as light-theme-*.png (the console with an incident open, the units board, the handover dialog,
// the sign-in screen).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifact, closeDesk, mapIdle, openSignedInDesk, signInFromPage, type Desk } from './harness.js';

let desk: Desk;

beforeAll(async () => {
  desk = await openSignedInDesk();
  await desk.ui.page.setViewportSize({ width: 1920, height: 1080 });
});
afterAll(() => closeDesk(desk));

/** The computed background of the first element matching `selector`, as [r, g, b]. */
async function background(page: Page, selector: string): Promise<number[]> {
  const css = await page
    .locator(selector)
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  return (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
}

/** Light enough to be a light theme's surface (mean channel over 200 of 255). */
const isLight = (rgb: number[]) => rgb.length === 3 && rgb.reduce((a, b) => a + b, 0) / 3 > 200;

async function openIncident(page: Page): Promise<void> {
  await page.getByTestId('tab-incidents').click();
  await page.getByTestId('incident-row').first().click();
  await page.getByTestId('incident-pane').waitFor();
}

async function shots(page: Page, lang: 'en' | 'fr'): Promise<void> {
  await page.getByTestId(`lang-${lang}`).click();
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(lang);
  await openIncident(page);
  await mapIdle(page, 0);
  await page.screenshot({ path: artifact(`light-theme-incident-${lang}.png`) });
  await page.getByTestId('open-unit-board').click();
  await page.getByTestId('unit-board').waitFor();
  await page.screenshot({ path: artifact(`light-theme-units-board-${lang}.png`) });
  await page.getByTestId('board-close').click();
  await page.getByTestId('open-handover').click();
  await page.getByTestId('handover-dialog').waitFor();
  await page.screenshot({ path: artifact(`light-theme-handover-${lang}.png`) });
  await page.keyboard.press('Escape');
  await page.getByTestId('handover-dialog').waitFor({ state: 'detached' });
}

describe('the light theme', () => {
  it('starts dark, and one choice in the layers panel turns the console and the map light', async () => {
    const { page } = desk.ui;
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(isLight(await background(page, '.topbar'))).toBe(false);
    await page.getByTestId('layers-toggle').click();
    await page.getByTestId('map-theme-light').click();
    await page.getByTestId('layers-toggle').click();
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    expect(isLight(await background(page, '.topbar'))).toBe(true);
    expect(isLight(await background(page, 'html'))).toBe(true);
    // The text follows too (the page's own shell styles must not pin it): the light theme's --text.
    for (const selector of ['body', '.clock-time', '.operator-name'])
      expect(
        await page
          .locator(selector)
          .first()
          .evaluate((el) => getComputedStyle(el).color),
        selector,
      ).toBe('rgb(15, 23, 42)');
    await openIncident(page);
    expect(isLight(await background(page, '[data-testid="incident-pane"]'))).toBe(true);
    await page.getByTestId('open-settings').click();
    const settings = page.getByTestId('settings-dialog');
    await settings.waitFor();
    expect(isLight(await background(page, '[data-testid="settings-dialog"]'))).toBe(true);
    expect(await page.getByTestId('settings-theme-light').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached' });
  });

  it('is remembered across a reload, on the map too', async () => {
    const { page } = desk.ui;
    await page.reload();
    await page.getByTestId('unit-row').first().waitFor({ timeout: 60_000 });
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    expect(isLight(await background(page, '.topbar'))).toBe(true);
    await mapIdle(page, 1);
    const land = await page.evaluate(() =>
      JSON.stringify(
        (
          window as unknown as { __vigieMap: { getPaintProperty(l: string, p: string): unknown } }
        ).__vigieMap.getPaintProperty('background', 'background-color'),
      ),
    );
    expect(land.toLowerCase()).toContain('dcd8cf');
  });

  it('shows the console, the units board and the handover dialog light, in English and French', async () => {
    const { page } = desk.ui;
    await shots(page, 'en');
    await shots(page, 'fr');
  });

  it('shows the map tools, Settings, a new incident and the incident references light', async () => {
    const { page } = desk.ui;
    await page.getByTestId('layers-toggle').click();
    await page.getByTestId('layers-panel').waitFor();
    await page.screenshot({ path: artifact('light-theme-layers-fr.png') });
    await page.getByTestId('layers-toggle').click();
    await page.getByTestId('open-settings').click();
    await page.getByTestId('settings-dialog').waitFor();
    await page.screenshot({ path: artifact('light-theme-settings-fr.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('new-incident').click();
    await page.screenshot({ path: artifact('light-theme-new-incident-fr.png') });
    await page.keyboard.press('Escape');
    // Close in on the Pont Alexandre III, where the references are written beside the incidents.
    await page.evaluate(() =>
      (window as unknown as { __vigieMap: { jumpTo(o: object): void } }).__vigieMap.jumpTo({
        center: [2.3135, 48.8645],
        zoom: 15.5,
      }),
    );
    await mapIdle(page, 0);
    await page.screenshot({ path: artifact('light-theme-labels-fr.png') });
  });

  it('shows the journal, the directory, the keys, the nearest units and bulletins light', async () => {
    const { page } = desk.ui;
    const shot = async (open: string, name: string) => {
      await page.locator(open).first().click();
      await page.waitForTimeout(500);
      await page.screenshot({ path: artifact(`light-theme-${name}-fr.png`) });
      await page.keyboard.press('Escape');
    };
    await shot('[data-testid="open-journal"]', 'journal');
    await shot('[data-testid="open-directory"]', 'directory');
    await shot('[data-testid="open-shortcuts"]', 'shortcuts');
    await shot('[data-testid="nearest-open"]', 'nearest');
    await page.getByTestId('tab-bulletins').click();
    await page.screenshot({ path: artifact('light-theme-bulletins-fr.png') });
    await page.getByTestId('tab-units').click();
  });

  it('shows the sign-in screen light, and Settings turns the console dark again', async () => {
    const { page } = desk.ui;
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-screen').waitFor();
    expect(await page.getAttribute('html', 'data-theme')).toBe('light');
    expect(isLight(await background(page, 'html'))).toBe(true);
    for (const lang of ['fr', 'en'] as const) {
      await page.getByTestId(`lang-${lang}`).click();
      await page.screenshot({ path: artifact(`light-theme-signin-${lang}.png`) });
    }
    await signInFromPage(page, 'officer', 'D1');
    await page.getByTestId('open-settings').click();
    await page.getByTestId('settings-theme-dark').click();
    expect(await page.getAttribute('html', 'data-theme')).toBe('dark');
    expect(isLight(await background(page, '.topbar'))).toBe(false);
    await page.keyboard.press('Escape');
    await page.getByTestId('settings-dialog').waitFor({ state: 'detached' });
  });

  it('shows the lock screen light', async () => {
    const { page } = desk.ui;
    await page.getByTestId('open-settings').click();
    await page.getByTestId('settings-theme-light').click();
    await page.keyboard.press('Escape');
    await page.getByTestId('settings-dialog').waitFor({ state: 'detached' });
    await page.getByTestId('lock-desk').click();
    await page.getByTestId('lock-screen').waitFor();
    await page.screenshot({ path: artifact('light-theme-lock-en.png') });
  });
});
