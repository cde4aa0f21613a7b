// A console launch, timed from spawning the browser host: the host listening (its URL printed),
// first contentful paint, and an interactive board (a click on the first unit row selects it).
// Used by the console bench (a file) and the room bench (a file beside a room).
import type { Browser, Page } from 'playwright-core';
import { newContext, serveTracked, signInBrowser, watchOffMachine } from './browser.js';

export interface Launch {
  /** From spawn, ms: the host printed its URL (listening). */
  listening: number;
  firstPaint: number;
  interactive: number;
}

/** First contentful paint, as epoch milliseconds (the page's time origin plus the entry's time). */
export function firstPaint(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no first-contentful-paint within 60 s')), 60_000);
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            if (e.name === 'first-contentful-paint') {
              clearTimeout(timer);
              resolve(performance.timeOrigin + e.startTime);
            }
          }
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}

export async function launchConsole(browser: Browser, db: string, offMachine: string[]): Promise<Launch> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    watchOffMachine(page, offMachine);
    const t0 = Date.now();
    const served = await serveTracked(db);
    const listening = Date.now() - t0;
    try {
      // The desk opens signed in; the sign-in itself (made from Node) is not the console's load.
      const signIn = await signInBrowser(context, served.url);
      await page.goto(served.url, { waitUntil: 'commit' });
      const paint = firstPaint(page);
      const row = page.locator('[data-testid="unit-row"]').first();
      await row.waitFor({ state: 'visible', timeout: 60_000 });
      await row.click({ timeout: 60_000 });
      await page
        .locator('[data-testid="unit-row"][aria-selected="true"]')
        .first()
        .waitFor({ timeout: 60_000 });
      const interactive = Date.now() - t0 - signIn;
      return { listening, firstPaint: (await paint) - t0 - signIn, interactive };
    } finally {
      await served.stop();
    }
  } finally {
    await context.close();
  }
}
