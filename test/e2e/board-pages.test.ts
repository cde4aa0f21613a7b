// The board at scale, in Chromium against `vigie serve`: with 3,000 incidents more than the seeded
// exercise, the console reads the board's first page only, says how many match in all, reads
// further pages as the officer scrolls, and a change made at another desk moves a loaded row.
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
  openConsole,
  serve,
  type Console,
  type Served,
} from './harness.js';

const MORE = 3_000;
let served: Served;
let ui: Console;
let api: ReturnType<typeof hostApi>;
/** listIncidentPage calls the console made, by their `after` (absent: a first page). */
const pages: (string | null)[] = [];

beforeAll(async () => {
  const db = tempDb();
  openVigie({ dbPath: db, resourcesDir: paths.resources }).close();
  const store = openDatabase(db);
  try {
    store.transaction(() => {
      addIncidents(store, new BulkJournal(store), {
        count: MORE,
        bbox: { west: 2.28, east: 2.38, south: 48.84, north: 48.88 },
        from: '2024-07-26T06:00:00.000Z',
        to: '2024-07-26T15:00:00.000Z',
        seed: 7,
      });
    })();
  } finally {
    store.close();
  }
  served = await serve(db);
  api = hostApi(served.url, 'officer', 'API');
  ui = await openConsole(served.url, { viewport: { width: 1920, height: 1080 } });
  ui.page.on('request', (r) => {
    if (!r.url().endsWith('/api/listIncidentPage')) return;
    const body = r.postDataJSON() as { after?: string } | null;
    pages.push(body?.after ?? null);
  });
  await ensureSignedIn(ui.page, 'officer', 'D1');
}, 180_000);

afterAll(async () => {
  await ui?.close();
  await served?.stop();
});

const count = () => ui.page.getByTestId('board-count');
const shown = async () => Number(await count().getAttribute('data-shown'));

describe(`the board with ${MORE.toLocaleString('en')} more incidents`, () => {
  it('reads the first page only, and says how many match in all', async () => {
    const { page } = ui;
    await page.getByTestId('tab-incidents').click();
    await page.getByTestId('incident-row').first().waitFor({ timeout: 60_000 });
    const total = (await api<Incident[]>('listIncidents', { limit: 100_000 })).length;
    expect(total).toBeGreaterThan(500);
    await expect.poll(() => count().getAttribute('data-total')).toBe(String(total));
    expect(await shown()).toBe(200);
    expect(await count().innerText()).toBe(`200 of ${total.toLocaleString('en-GB')} incidents shown`);
    expect(pages.filter((p) => p !== null)).toEqual([]);
    const rows = page.getByTestId('incident-row');
    expect(await rows.first().getAttribute('aria-setsize')).toBe(String(total));
    expect(await rows.count()).toBeLessThan(40);
    await page.screenshot({ path: artifact('board-pages-en.png') });
  });

  it('says it in French', async () => {
    const { page } = ui;
    await page.getByTestId('lang-fr').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('fr');
    const total = await count().getAttribute('data-total');
    await expect.poll(() => count().innerText()).toBe(`200 sur ${total} incidents affichés`);
    await page.screenshot({ path: artifact('board-pages-fr.png') });
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
  });

  it('reads further pages as the officer scrolls, in the board order', async () => {
    const { page } = ui;
    const total = Number(await count().getAttribute('data-total'));
    const board = page.locator('[role="listbox"][aria-label="Incident board"]');
    const last = page.locator('[data-testid="incident-row"]').last();
    // Scrolled to the end again and again: each time near the end, the next page is read.
    await expect
      .poll(
        async () => {
          await board.evaluate((el) => {
            el.scrollTop = el.scrollHeight;
          });
          return last.getAttribute('aria-posinset');
        },
        { timeout: 60_000 },
      )
      .toBe(String(total));
    expect(await shown()).toBe(total);
    expect(pages.filter((p) => p !== null).length).toBeGreaterThanOrEqual(Math.ceil(total / 200) - 1);
    expect(await count().innerText()).toBe(`${total} incidents`);
    // The last row is the one the server puts last on the whole board.
    const whole = await api<Incident[]>('listIncidents', { limit: 100_000 });
    expect(await last.getAttribute('data-reference')).toBe(whole.at(-1)?.reference);
    expect(await page.getByTestId('incident-row').count()).toBeLessThan(40);
  });

  it('moves a loaded row when another desk changes it', async () => {
    const { page } = ui;
    const board = page.locator('[role="listbox"][aria-label="Incident board"]');
    await board.evaluate((el) => {
      el.scrollTop = 0;
    });
    const first = page.locator('[data-testid="incident-row"]').first();
    const [top] = await api<Incident[]>('listIncidents', { limit: 1 });
    if (!top) throw new Error('no incident');
    await expect.poll(() => first.getAttribute('data-reference')).toBe(top.reference);
    // Lowered to P4 at another desk: it leaves the top, and the next most urgent takes its place.
    await api('updateIncident', { id: top.id, version: top.version, priority: 4 });
    const [next] = await api<Incident[]>('listIncidents', { limit: 1 });
    await expect.poll(() => first.getAttribute('data-reference'), { timeout: 20_000 }).toBe(next?.reference);
    expect(next?.id).not.toBe(top.id);
  });

  it('never sent a request off the machine, and threw no page errors', () => {
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
