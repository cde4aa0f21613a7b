// The console on an operation made with `vigie new` from the Los Angeles 2028 package: its demo
// logins at sign-in, the clock in Los Angeles time, the map framed on its route (not on Paris).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { main } from '../../electron/cli.js';
import { paths, tempDb } from '../support/temp.js';
import {
  artifact,
  mapIdle,
  openConsole,
  serve,
  signInFromPage,
  type Console,
  type Served,
} from './harness.js';

let served: Served;
let ui: Console;

beforeAll(async () => {
  const db = tempDb();
  const err: string[] = [];
  const code = await main(
    ['new', '--db', db, '--scenario', join(paths.resources, 'scenario', 'la-2028')],
    { out: () => undefined, err: (s) => err.push(s) },
    paths,
  );
  if (code !== 0) throw new Error(`vigie new: ${err.join('\n')}`);
  served = await serve(db);
  ui = await openConsole(served.url, {
    viewport: { width: 1920, height: 1080 },
    locale: 'en-GB',
    debug: true,
  });
  await signInFromPage(ui.page, 'officer', 'D1');
});

afterAll(async () => {
  await ui?.close();
  await served?.stop();
});

describe('the console on the Los Angeles 2028 package', () => {
  it('runs in Los Angeles time, framed on Los Angeles', async () => {
    const { page } = ui;
    // The exercise starts at 17:00 in Los Angeles (00:00 UTC).
    expect(await page.getByTestId('clock').innerText()).toMatch(/^17:0\d:\d\d$/);
    const drawn = await mapIdle(page, 10);
    expect(drawn.venues).toBeGreaterThanOrEqual(3); // those along the route: Coliseum, SoFi, Intuit Dome
    expect(drawn.route).toBeGreaterThan(0);
    const center = await page.evaluate(() => {
      const m = (window as { __vigieMap?: { getCenter(): { lng: number; lat: number } } }).__vigieMap;
      return m?.getCenter() ?? null;
    });
    expect(center?.lng).toBeGreaterThan(-118.5);
    expect(center?.lng).toBeLessThan(-118.1);
    expect(center?.lat).toBeGreaterThan(33.8);
    expect(center?.lat).toBeLessThan(34.2);
    await page.screenshot({ path: artifact('console-la.png') });
    expect(ui.pageErrors).toEqual([]);
    expect(ui.offMachine).toEqual([]);
  });
});
