// Alerts that reach the officer, in Chromium against `vigie serve`, two desks signed in as two
// people: a P1 created at one desk rings at the other (banner, sound, desktop notification), stays
// until acknowledged there (also after a reload), is never silent even muted; an overdue P1 that
// nobody took is escalated to the supervisor's desk and not to a watch officer's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Incident } from '../../shared/domain.js';
import {
  artifact,
  openConsole,
  openContext,
  pageApi,
  serve,
  signInFromPage,
  type Console,
  type Served,
} from './harness.js';
import { banner, kinds, sounds } from './alert-helpers.js';

let served: Served;
let officer: Console;
let supervisor: Console;
let browser: Browser;

const notifications = (page: Page) =>
  page.evaluate(
    () => (window as unknown as { __notified?: { title: string; body: string }[] }).__notified ?? [],
  );

const P1 = {
  category: 'suspicious_package',
  priority: 1,
  title: 'Unattended bag at Pont d’Iéna',
  source: 'radio',
  locationText: 'Pont d’Iéna, left bank stairs',
} as const;

beforeAll(async () => {
  served = await serve();
  officer = await openConsole(served.url, { viewport: { width: 1920, height: 1080 } });
  browser = officer.browser;
  supervisor = await openContext(browser, served.url, { viewport: { width: 1920, height: 1080 } });
  // The supervisor's desk allows desktop notifications; record what it shows.
  await supervisor.context.grantPermissions(['notifications']);
  await supervisor.context.addInitScript(() => {
    const seen: { title: string; body: string }[] = [];
    (window as unknown as { __notified: typeof seen }).__notified = seen;
    const Real = window.Notification;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        seen.push({ title, body: options?.body ?? '' });
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recorded });
  });
  await supervisor.page.reload();
  await signInFromPage(officer.page, 'officer', 'JOC-1');
  await signInFromPage(supervisor.page, 'supervisor', 'SUP-1');
});
afterAll(async () => {
  await supervisor?.close();
  await officer?.close();
  await served?.stop();
});

describe('alerts that reach the officer', () => {
  it('escalates the overdue P1 nobody took to the supervisor, not to the watch officer', async () => {
    // The exercise's P1 (crowd pressure at Pont Alexandre III) has no unit on scene after 10 minutes.
    await expect
      .poll(() => kinds(supervisor.page))
      .toEqual(expect.arrayContaining(['p1_overdue', 'p1_escalated']));
    await expect.poll(() => kinds(officer.page)).toContain('p1_overdue');
    expect(await kinds(officer.page)).not.toContain('p1_escalated');
    // The officer takes the overdue alert: the escalation is no longer needed, on the supervisor's desk too.
    const overdue = officer.page.locator('[data-testid="alert-banner"][data-kind="p1_overdue"]');
    const key = (await overdue.getAttribute('data-key')) ?? '';
    await overdue.getByTestId('alert-ack').click();
    await expect.poll(() => banner(officer.page, key).count()).toBe(0);
    await expect.poll(() => kinds(supervisor.page)).not.toContain('p1_escalated');
    // Still the supervisor's own overdue alert: each desk acknowledges for itself.
    expect(await banner(supervisor.page, key).count()).toBe(1);
  });

  it('a P1 created at one desk rings at the other: banner, sound and desktop notification', async () => {
    const { body: created } = await pageApi<Incident>(officer.page, 'createIncident', P1);
    const key = `incident:${created.id}:p1`;
    await expect.poll(() => banner(supervisor.page, key).count()).toBe(1);
    expect(await banner(supervisor.page, key).innerText()).toContain(created.reference);
    await expect
      .poll(async () => (await sounds(supervisor.page)).filter((s) => s.key === key).map((s) => s.result))
      .toEqual(['played']);
    expect((await sounds(supervisor.page)).find((s) => s.key === key)?.tone).toBe('p1');
    await expect
      .poll(async () =>
        (await notifications(supervisor.page)).some(
          (n) => n.title === 'New P1' && n.body.includes(created.reference),
        ),
      )
      .toBe(true);
    await supervisor.page.screenshot({ path: artifact('alerts-p1-en.png') });

    // Acknowledged at the supervisor's desk: down there, and still down after a reload.
    await banner(supervisor.page, key).getByTestId('alert-ack').click();
    await expect.poll(() => banner(supervisor.page, key).count()).toBe(0);
    await supervisor.page.reload();
    await supervisor.page.getByTestId('unit-row').first().waitFor();
    await expect.poll(() => kinds(supervisor.page)).toContain('p1_overdue');
    expect(await banner(supervisor.page, key).count()).toBe(0);
  });

  it('a muted desk at volume 0 still hears a P1', async () => {
    const { page } = supervisor;
    await page.getByTestId('alert-settings').click();
    await page.getByTestId('alert-mute').check();
    await page.getByTestId('alert-volume').fill('0');
    await page.keyboard.press('Escape');
    const { body: created } = await pageApi<Incident>(officer.page, 'createIncident', {
      ...P1,
      title: 'Drone over Trocadéro',
    });
    const key = `incident:${created.id}:p1`;
    await expect.poll(() => banner(page, key).count()).toBe(1);
    await expect
      .poll(async () => (await sounds(page)).find((s) => s.key === key))
      .toMatchObject({
        tone: 'p1',
        result: 'played',
        volume: 0.6,
      });
  });

  it('speaks French', async () => {
    const { page } = supervisor;
    await page.getByTestId('lang-fr').click();
    await expect.poll(() => page.getByTestId('alert-banners').innerText()).toContain('Nouveau P1');
    expect(await page.getByTestId('alert-banners').innerText()).toContain('Accuser réception');
    await page.screenshot({ path: artifact('alerts-p1-fr.png') });
    await page.getByTestId('lang-en').click();
  });
});
