// What the end-to-end tests read of a desk's alerts: its banners and the sounds it tried to play
// (renderer/alerts/sound.ts logs them to window.__vigieSounds under automation).
import type { Page } from 'playwright-core';

export interface SoundEvent {
  tone: string;
  key: string;
  volume: number;
  result: string;
}

export const sounds = (page: Page): Promise<SoundEvent[]> =>
  page.evaluate(() => (window as unknown as { __vigieSounds?: SoundEvent[] }).__vigieSounds ?? []);

/** The banner of one alert, by its key. */
export const banner = (page: Page, key: string) =>
  page.locator(`[data-testid="alert-banner"][data-key="${key}"]`);

/** The kinds of the banners up, in order. */
export const kinds = (page: Page) =>
  page.getByTestId('alert-banner').evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
