// The wall screen at /wall: the wall's sign-in, real data on every panel, pushed updates (a P1 an
// officer creates appears; one marked for the host only never does), the alert level and the
// bulletins, and text legible from 5 m (no computed font size under 18 px) at 1920×1080 and 4K,
// in English and French.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { AlertLevel, Bulletin } from '../../shared/awareness.js';
import type { Incident } from '../../shared/domain.js';
import {
  artifact,
  hostApi,
  mapIdle,
  openConsole,
  openContext,
  pageApi,
  serve,
  type Console,
  type Served,
} from './harness.js';

const FULL_HD = { width: 1920, height: 1080 };
const UHD = { width: 3840, height: 2160 };

let served: Served;
let ui: Console;

beforeAll(async () => {
  served = await serve();
  ui = await openConsole(`${served.url}wall`, { debug: true, viewport: FULL_HD });
});

afterAll(async () => {
  await ui?.close();
  await served?.stop();
});

/** Signs the wall in from the /wall sign-in (its demo login fills the passphrase), then waits for the wall. */
async function signInWall(page: Page): Promise<void> {
  await page.getByTestId('demo-login-wall').click();
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('wall').waitFor({ timeout: 60_000 });
  await page.getByTestId('wall-sector').first().waitFor({ timeout: 60_000 });
}

/** Texts the wall shows under 18 px: each visible text node's element, its computed font size. */
function smallTexts(page: Page): Promise<{ text: string; px: number; tag: string }[]> {
  return page.evaluate(() => {
    const found: { text: string; px: number; tag: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const el = node.parentElement;
      if (!text || !el) continue;
      const style = getComputedStyle(el);
      const shown =
        el.getClientRects().length > 0 && style.visibility !== 'hidden' && Number(style.opacity) > 0;
      if (!shown) continue;
      const px = parseFloat(style.fontSize);
      if (!(px >= 18)) found.push({ text: text.slice(0, 40), px, tag: el.tagName });
    }
    return found;
  });
}

/** How many visible text nodes there are (the legibility walk must have something to walk). */
const textCount = (page: Page) =>
  page.evaluate(() => {
    let n = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if ((node.textContent ?? '').trim() && node.parentElement?.getClientRects().length) n++;
    return n;
  });

const wallRefs = (page: Page) =>
  page.getByTestId('wall-incident').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-reference')));

describe('the wall screen at /wall', () => {
  it('opens on the wall’s sign-in: its login and desk filled in, only its demo login offered', async () => {
    const { page } = ui;
    await page.getByTestId('signin-screen').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('wall-signin-hint').isVisible()).toBe(true);
    expect(await page.getByTestId('signin-login').inputValue()).toBe('wall');
    expect(await page.getByTestId('signin-desk').inputValue()).toBe('Wall');
    const offered = await page
      .getByTestId('demo-login')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-login')));
    expect(offered).toEqual(['wall']);
    await page.screenshot({ path: artifact('wall-signin.png') });
    await signInWall(page);
    // The wall screen, not the console: no top bar with an operator and its Sign out.
    expect(await page.getByTestId('operator').count()).toBe(0);
    expect(await page.getByTestId('sign-out').count()).toBe(0);
  });

  it('shows the operation: name, EXERCISE, the clock, units by sector, the P1/P2 incidents, the parade', async () => {
    const { page } = ui;
    expect(await page.getByTestId('exercise-badge').innerText()).toBe('EXERCISE');
    expect(await page.getByTestId('operation-name').innerText()).not.toBe('');
    expect(await page.getByTestId('clock').innerText()).toMatch(/^\d\d:\d\d:\d\d$/);
    // Units: the seeded sectors, each with its units counted by status.
    const sectors = await page
      .getByTestId('wall-sector')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-sector')));
    expect(sectors).toEqual(expect.arrayContaining(['Cité', 'Seine-Ouest', 'Trocadéro']));
    const totals = await page.locator('.wall-table tfoot td').allInnerTexts();
    expect(Number(totals[totals.length - 1])).toBeGreaterThan(100);
    // The wall reads what the services release to it: its own listUnits gives the same total.
    const units = await pageApi<unknown[]>(page, 'listUnits', {});
    expect(Number(totals[totals.length - 1])).toBe(units.body.length);
    // The exercise's open P1 and P2 incidents, each with its age.
    const listed = await pageApi<Incident[]>(page, 'listIncidents', {});
    const urgent = listed.body.filter(
      (i) => i.priority <= 2 && ['new', 'acknowledged', 'dispatched', 'on_scene'].includes(i.status),
    );
    expect(urgent.length).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('wall-incident').count()).toBe(Math.min(urgent.length, 7));
    expect(await page.getByTestId('wall-incident-age').first().innerText()).toMatch(/^(\d+ min|\d+ h \d\d)$/);
    await expect.poll(() => page.getByTestId('wall-overdue-count').innerText()).toMatch(/^\d+ overdue$/);
    // The parade: where its head is and the next bridge with its expected time.
    await expect
      .poll(() => page.getByTestId('wall-parade-head').innerText(), { timeout: 30_000 })
      .toMatch(/^Head at km \d+\.\d of \d+\.\d$/);
    expect(await page.getByTestId('wall-next-bridge').innerText()).toMatch(/ETA \d\d:\d\d/);
    // The map: the route, the venues and the units drawn, with no control for a pointer.
    const drawn = await mapIdle(page, 20);
    expect(drawn.route).toBeGreaterThan(0);
    expect(drawn.venues).toBeGreaterThan(3);
    expect(await page.locator('.maplibregl-ctrl').count()).toBe(0);
    // Framed on the operation: the route's two ends and the venues beside it (Bercy Arena, the
    // Trocadéro) are in view, the far venues (the Stade de France) are not.
    const view = await page.evaluate(() => {
      const map = (window as unknown as { __vigieMap: { getBounds(): { toArray(): number[][] } } })
        .__vigieMap;
      return map.getBounds().toArray().flat();
    });
    const inView = ([lon, lat]: [number, number]) =>
      lon > (view[0] as number) &&
      lon < (view[2] as number) &&
      lat > (view[1] as number) &&
      lat < (view[3] as number);
    const where = JSON.stringify(view);
    expect(inView([2.3786, 48.8386]), `Bercy Arena in ${where}`).toBe(true);
    expect(inView([2.288, 48.862]), `Trocadéro in ${where}`).toBe(true);
    expect(inView([2.3661, 48.845]), `Austerlitz in ${where}`).toBe(true);
    expect(inView([2.3602, 48.9244]), `Stade de France in ${where}`).toBe(false);
    expect(await page.getByTestId('map-readout').count()).toBe(0);
  });

  it('shows a P1 an officer creates, by push, with its age in minutes; never one marked for the host only', async () => {
    const { page } = ui;
    const officer = hostApi(served.url, 'officer', 'D1');
    const p1 = (title: string, marking?: string[]) =>
      officer<Incident>('createIncident', {
        title,
        category: 'crowd_surge',
        priority: 1,
        source: 'radio',
        locationText: 'Pont d’Iéna',
        ...(marking ? { marking } : {}),
      });
    // The marked one first: when the other shows, a read that would carry the marked one has happened.
    const hidden = await p1('Host-only P1 at Pont d’Iéna', []);
    const shown = await p1('Crush at the Pont d’Iéna filter');
    await expect.poll(() => wallRefs(page), { timeout: 10_000, interval: 100 }).toContain(shown.reference);
    expect(await wallRefs(page)).not.toContain(hidden.reference);
    expect(await page.locator('.wall').innerText()).not.toContain('Host-only');
    // P1 first: the new P1 is listed, its age in whole minutes on the operation clock.
    const row = page.locator(`[data-testid="wall-incident"][data-reference="${shown.reference}"]`);
    expect(await row.getByTestId('wall-incident-age').innerText()).toBe('0 min');
  });

  // Needs the alert-level and bulletin services (s23-bulletins): on a branch where they are still
  // scaffolds, these calls fail and so does this test.
  it('shows the alert level and the latest bulletin titles, not a bulletin marked for the host only', async () => {
    const { page } = ui;
    const supervisor = hostApi(served.url, 'supervisor', 'SUP');
    const current = await supervisor<AlertLevel>('getAlertLevel', {});
    await expect
      .poll(() => page.getByTestId('wall-alert-level').getAttribute('data-level'))
      .toBe(current.level);
    // The Paris scenario opens at "Urgence attentat": the supervisor lowers it, else raises it.
    const [level, name] =
      current.level === 'urgence_attentat'
        ? ['securite_renforcee', 'Enhanced security – attack risk']
        : ['urgence_attentat', 'Attack emergency'];
    await supervisor<AlertLevel>('setAlertLevel', {
      scale: 'vigipirate',
      level,
      reason: 'Exercise inject: the level changes',
      version: current.version,
    });
    await expect
      .poll(() => page.getByTestId('wall-alert-level').getAttribute('data-level'), { timeout: 10_000 })
      .toBe(level);
    expect(await page.getByTestId('wall-alert-level').innerText()).toContain(name);

    const officer = hostApi(served.url, 'officer', 'D1');
    const publish = (title: string, marking?: string[]) =>
      officer<Bulletin>('publishBulletin', {
        title,
        body: 'Read at every desk.',
        severity: 'warning',
        ...(marking ? { marking } : {}),
      });
    await publish('Host-only bulletin', []);
    await publish('Drone ban over the Seine until 23:00');
    // The newest first: the bulletin just published heads the list; the host-only one is never there.
    await expect
      .poll(async () => (await page.getByTestId('wall-bulletin').allInnerTexts())[0], { timeout: 10_000 })
      .toContain('Drone ban over the Seine until 23:00');
    expect((await page.getByTestId('wall-bulletin').allInnerTexts()).join('\n')).not.toContain('Host-only');
  });

  it('is legible from 5 m: no text under 18 px, at 1920×1080 and at 3840×2160, in English and French', async () => {
    const { page } = ui;
    expect(await textCount(page)).toBeGreaterThan(60);
    expect(await smallTexts(page)).toEqual([]);
    await page.screenshot({ path: artifact('wall-1920-en.png') });
    await page.setViewportSize(UHD);
    await mapIdle(page, 20);
    expect(await smallTexts(page)).toEqual([]);
    // The text grows with the display: 4K is not 1080p's layout in a corner.
    const px = await page.getByTestId('clock').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(px).toBeGreaterThan(70);
    // Software WebGL at 4K is slow: one 4K page at a time, and time for its screenshot.
    await page.screenshot({ path: artifact('wall-3840-en.png'), timeout: 120_000 });
    await page.setViewportSize(FULL_HD);

    const fr = await openContext(ui.browser, `${served.url}wall`, {
      debug: true,
      locale: 'fr-FR',
      viewport: FULL_HD,
    });
    try {
      await fr.page.getByTestId('signin-screen').waitFor({ timeout: 60_000 });
      await signInWall(fr.page);
      expect(await fr.page.getByTestId('exercise-badge').innerText()).toBe('EXERCICE');
      expect(await fr.page.locator('#wall-units-title').innerText()).toBe('Unités par statut et par secteur');
      await mapIdle(fr.page, 20);
      expect(await smallTexts(fr.page)).toEqual([]);
      await fr.page.screenshot({ path: artifact('wall-1920-fr.png') });
      await fr.page.setViewportSize(UHD);
      await mapIdle(fr.page, 20);
      expect(await smallTexts(fr.page)).toEqual([]);
      await fr.page.screenshot({ path: artifact('wall-3840-fr.png'), timeout: 120_000 });
      expect(fr.offMachine).toEqual([]);
      expect(fr.pageErrors).toEqual([]);
    } finally {
      await fr.close();
    }
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  }, 400_000);
});
