// What the incident end-to-end files share: a fresh host with the console open on its settled map,
// and the actions the open incident's timeline shows.
import type { Page } from 'playwright-core';
import { hostApi, mapIdle, openConsole, serve, type Desk } from './harness.js';

/** A fresh host, the console open on it (debug hooks on, nobody signed in), the map settled. */
export async function openMapDesk(): Promise<Desk> {
  const served = await serve();
  const ui = await openConsole(served.url, { debug: true });
  await mapIdle(ui.page, 20);
  return { served, ui, api: hostApi(served.url) };
}

/** The actions of the entries in the open incident's timeline, oldest first. */
export async function timelineActions(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="timeline-entry"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-action') ?? ''));
}
