// One page load of the map bench: Vigie's console (or the Leaflet peer) in a fresh browser
// context, timed from navigation to a settled map, with a retry for a load that does not settle.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { memory, newContext, signInBrowser, watchOffMachine, type Memory } from './browser.js';
import { paths } from './paths.js';
import { log } from './section.js';

/** What the bench's page scripts leave on window. */
export interface BenchWindow {
  __benchIdleAt?: number;
  __benchDrawn?: { units: number; incidents: number; domMarkers?: number };
  __benchError?: string;
  __benchStartMoves?: () => void;
  __benchMoves?: number;
}

// ---- one page load --------------------------------------------------------------------------

export interface Load {
  ms: number;
  units: number;
  incidents: number;
  memory: Memory;
}

/**
 * Notes, in the page, the moment the map reports idle with at least `minUnits` units drawn. The
 * console counts what it rendered only when asked (renderer/map/test-hooks.ts): at each idle the
 * moment is noted first, then one count is asked for (a `vigie:count` event), and the moment stands
 * only if the count has every unit; otherwise the next idle is tried. The count's own cost is thus
 * paid once, after the moment, and not at every idle as an officer's console would not pay it.
 */
function watchIdle(minUnits: number): void {
  const w = window as unknown as BenchWindow;
  const check = () => {
    const el = document.querySelector<HTMLElement>('[data-testid="map"]');
    if (!el || w.__benchIdleAt !== undefined) return;
    if (el.dataset.idle !== 'true') return;
    const at = performance.now();
    el.dispatchEvent(new Event('vigie:count'));
    if (Number(el.dataset.renderedUnits ?? 0) >= minUnits) {
      w.__benchIdleAt = at;
      w.__benchDrawn = {
        units: Number(el.dataset.renderedUnits),
        incidents: Number(el.dataset.renderedIncidents),
      };
    } else if (el.dataset.renderedRoute === '0') {
      // Settled (data and geography in) but the ceremony route is off screen: the camera missed its fit.
      w.__benchError = `settled with the camera off the route (${el.dataset.renderedUnits ?? 0} units drawn)`;
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    attributes: true,
    attributeFilter: ['data-idle'],
  });
}

async function waitDrawn(
  page: Page,
): Promise<{ at: number; drawn: NonNullable<BenchWindow['__benchDrawn']> }> {
  try {
    await page.waitForFunction(
      () => {
        const w = window as unknown as BenchWindow;
        if (w.__benchError) throw new Error(w.__benchError);
        return w.__benchIdleAt !== undefined;
      },
      null,
      { timeout: 60_000, polling: 50 },
    );
  } catch (err) {
    const state = await page
      .evaluate(() =>
        JSON.stringify({ ...document.querySelector<HTMLElement>('[data-testid="map"]')?.dataset }),
      )
      .catch(() => 'unknown');
    throw new Error(`the map did not settle (${(err as Error).message}); map state: ${state}`, {
      cause: err,
    });
  }
  return page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    return { at: w.__benchIdleAt as number, drawn: w.__benchDrawn ?? { units: 0, incidents: 0 } };
  });
}

export interface MapRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export type Motion = 'no-preference' | 'reduce';

/** A page in a fresh context; on a failure, a screenshot in test-artifacts for the post-mortem. */
async function withPage<T>(
  browser: Browser,
  motion: Motion,
  name: string,
  fn: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await newContext(browser, { reducedMotion: motion });
  const page = await context.newPage();
  try {
    return await fn(page);
  } catch (err) {
    mkdirSync(join(paths.root, 'test-artifacts'), { recursive: true });
    await page
      .screenshot({ path: join(paths.root, 'test-artifacts', `bench-${name}-failure.png`) })
      .catch(() => undefined);
    throw err;
  } finally {
    await context.close();
  }
}

/** The console's own answers to listUnits and the map's listIncidentPoints on load: the peer draws exactly these. */
export interface Captured {
  units?: string;
  incidents?: string;
}

export async function loadVigie(
  browser: Browser,
  url: string,
  minUnits: number,
  motion: Motion,
  offMachine: string[],
  then?: (page: Page) => Promise<void>,
  capture?: Captured,
): Promise<Load & { rect: MapRect }> {
  return withPage(browser, motion, 'map-vigie', async (page) => {
    await page.context().addInitScript(watchIdle, minUnits);
    watchOffMachine(page, offMachine);
    const bodies: Promise<void>[] = [];
    if (capture) {
      delete capture.units;
      delete capture.incidents;
      page.on('response', (res) => {
        // The map's points, not the alerts' read of the P1s that can ring (the same call, with statuses).
        const key = res.url().endsWith('/api/listUnits')
          ? 'units'
          : res.url().endsWith('/api/listIncidentPoints') && !res.request().postData()?.includes('statuses')
            ? 'incidents'
            : null;
        if (key && capture[key] === undefined) {
          capture[key] = '';
          bodies.push(res.text().then((t) => void (capture[key] = t)));
        }
      });
    }
    // Signed in before the page opens (the map's load is timed from navigation).
    await signInBrowser(page.context(), url);
    await page.goto(url);
    const { at, drawn } = await waitDrawn(page);
    await Promise.all(bodies);
    const rect = await page.evaluate(() => {
      const r = (document.querySelector('[data-testid="map"]') as HTMLElement).getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height };
    });
    const mem = await memory(page);
    if (then) await then(page);
    return { ms: at, units: drawn.units, incidents: drawn.incidents, memory: mem, rect };
  });
}

export async function loadPeer(
  browser: Browser,
  url: string,
  then?: (page: Page) => Promise<void>,
): Promise<Load & { domMarkers: number }> {
  return withPage(browser, 'no-preference', 'map-leaflet', async (page) => {
    await page.goto(url);
    const { at, drawn } = await waitDrawn(page);
    const mem = await memory(page);
    if (then) await then(page);
    return {
      ms: at,
      units: drawn.units,
      incidents: drawn.incidents,
      memory: mem,
      domMarkers: drawn.domMarkers ?? 0,
    };
  });
}

const ATTEMPTS = 3;

/**
 * A load that does not settle is tried again, up to ATTEMPTS in all; each failure is recorded
 * (and reported), the last one fails the bench.
 */
export async function once<T>(what: string, retries: string[], fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const reason = (err as Error).message.split('\n')[0] ?? '';
      if (attempt >= ATTEMPTS) throw err;
      log(`  ${what}: ${reason}; trying again`);
      retries.push(
        `${what}: ${reason.replace(/^the map did not settle \(page\.waitForFunction: (Error: )?/, '').replace(/\);? map state:.*$/, '')}`,
      );
    }
  }
}
