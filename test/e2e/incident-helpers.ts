// What the incident end-to-end files share: a fresh host with the console open on its settled map,
// and the actions the open incident's timeline shows.
import type { Page } from 'playwright-core';
import { hostApi, mapIdle, openConsole, serve, signInFromPage, type Desk, type Who } from './harness.js';

/**
 * A fresh host, the console open on it (debug hooks on), `who` signed in at `desk` and the map
 * settled; with `who` null, left on the sign-in screen.
 */
export async function openMapDesk(who: Who | null = 'officer', desk = 'JOC-2'): Promise<Desk> {
  const served = await serve();
  const ui = await openConsole(served.url, { debug: true });
  if (who) {
    await signInFromPage(ui.page, who, desk);
    await mapIdle(ui.page, 20);
  }
  return { served, ui, api: hostApi(served.url, who ?? 'officer', desk) };
}

/** The actions of the entries in the open incident's timeline, oldest first. */
export async function timelineActions(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="timeline-entry"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-action') ?? ''));
}
