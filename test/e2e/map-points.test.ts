// The map and the panels on the incidents' points, in Chromium against `vigie serve`: with 3,000
// incidents more than the seeded exercise, the console never reads the open set's full rows; the
// map draws the incidents far past the board's first page, the place search finds one there, and
// a write at another desk reaches the map by push. Screenshots of the map at 1920×1080, en and fr.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/store/db.js';
import { openVigie } from '../../electron/services/app.js';
import type { Incident } from '../../shared/domain.js';
import { addIncidents } from '../bench/lib/fixture.js';
import { BulkJournal } from '../bench/lib/fixture-journal.js';
import { paths, tempDb } from '../support/temp.js';
import {
  artifact,
  ensureSignedIn,
  hostApi,
  mapIdle,
  openConsole,
  serve,
  type Console,
  type Served,
} from './harness.js';
import type { TestMap } from './map-helpers.js';

const MORE = 3_000;
let served: Served;
let ui: Console;
let api: ReturnType<typeof hostApi>;
/** The contract calls the page made, by name. */
const calls: string[] = [];

beforeAll(async () => {
  const db = tempDb();
  openVigie({ dbPath: db, resourcesDir: paths.resources }).close();
  const store = openDatabase(db);
  try {
    store.transaction(() => {
      addIncidents(store, new BulkJournal(store), {
        count: MORE,
        bbox: { west: 2.3, east: 2.36, south: 48.85, north: 48.87 },
        from: '2024-07-26T06:00:00.000Z',
        to: '2024-07-26T15:00:00.000Z',
        seed: 11,
      });
    })();
  } finally {
    store.close();
  }
  served = await serve(db);
  api = hostApi(served.url, 'officer', 'API');
  ui = await openConsole(served.url, { debug: true, viewport: { width: 1920, height: 1080 } });
  ui.page.on('request', (r) => {
    const name = /\/api\/(\w+)$/.exec(r.url())?.[1];
    if (name) calls.push(name);
  });
  await ensureSignedIn(ui.page, 'officer', 'D1');
}, 180_000);

afterAll(async () => {
  await ui?.close();
  await served?.stop();
});

/** The incidents the map's source holds now, by reference. */
const drawnReferences = () =>
  ui.page.evaluate(() => {
    const map = window.__vigieMap as TestMap;
    return map
      .queryRenderedFeatures(undefined, { layers: ['incidents'] })
      .map((f) => String(f.properties.reference));
  });

describe(`the map's points with ${MORE.toLocaleString('en')} more incidents`, () => {
  it('draws the incidents past the board’s first page, and reads no full row of the open set', async () => {
    const { page } = ui;
    const drawn = await mapIdle(page, 1);
    const open = await api<Incident[]>('listIncidents', { limit: 100_000 });
    expect(open.length).toBeGreaterThan(500);
    // The whole city is in view: every open incident with a point is drawn, not just a page of them.
    await expect
      .poll(async () => (await mapIdle(page, 1)).incidents, { timeout: 30_000 })
      .toBeGreaterThan(200);
    expect(drawn.incidents).toBeGreaterThan(0);
    // The last incident of the board in view: far past the first page of 200.
    const view = await page.evaluate(() => {
      const b = (window.__vigieMap as { getBounds(): { toArray(): number[][] } }).getBounds().toArray();
      return b.flat();
    });
    const [west = 0, south = 0, east = 0, north = 0] = view;
    const inView = (i: Incident) =>
      i.lat !== null && i.lon !== null && i.lon > west && i.lon < east && i.lat > south && i.lat < north;
    const at = open.findLastIndex(inView);
    expect(at).toBeGreaterThan(200);
    await expect.poll(drawnReferences, { timeout: 30_000 }).toContain(open[at]?.reference);
    expect(calls).toContain('listIncidentPoints');
    expect(calls).toContain('listIncidentPage');
    expect(calls).not.toContain('listIncidents');
    await page.screenshot({ path: artifact('map-points-en.png') });
  });

  it('finds an incident far down the board from the map search, and opens it', async () => {
    const { page } = ui;
    const open = await api<Incident[]>('listIncidents', { limit: 100_000 });
    const far = open.at(-3);
    if (!far) throw new Error('no incident');
    const search = page.getByTestId('map-search');
    await search.fill(far.reference);
    const results = page.getByTestId('map-search-result');
    await expect.poll(() => results.first().innerText()).toContain(far.reference);
    expect(await results.first().innerText()).toContain(far.title);
    await search.press('Enter');
    await expect
      .poll(() => page.getByTestId('incident-pane').innerText(), { timeout: 15_000 })
      .toContain(far.reference);
  });

  it('draws an incident written at another desk, by push', async () => {
    const { page } = ui;
    // Where the search flew to, once the camera has come to rest.
    await mapIdle(page, 0);
    const centre = await page.evaluate(() => {
      const c = (window.__vigieMap as { getCenter(): { lng: number; lat: number } }).getCenter();
      return { lon: c.lng, lat: c.lat };
    });
    const created = await api<Incident>('createIncident', {
      title: 'Drawn by push',
      category: 'other',
      priority: 1,
      source: 'radio',
      lat: centre.lat,
      lon: centre.lon,
    });
    await expect.poll(drawnReferences, { timeout: 10_000 }).toContain(created.reference);
    expect(calls).not.toContain('listIncidents');
  });

  it('shows the map with its incidents in French', async () => {
    const { page } = ui;
    await page.getByTestId('lang-fr').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('fr');
    // The whole city again, as the first screenshot shows it.
    await page.evaluate(() => (window.__vigieMap as TestMap).jumpTo({ center: [2.33, 48.86], zoom: 13.2 }));
    await mapIdle(page, 0);
    await page.screenshot({ path: artifact('map-points-fr.png') });
    await page.getByTestId('lang-en').click();
  });

  it('never sent a request off the machine, and threw no page errors', () => {
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
