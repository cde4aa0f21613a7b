// Exercise control between two desks of one host, each person in their own browser context: the
// supervisor opens the director's view, pauses the clock and the officer's clock and ages stop
// with no reload; 5× shows on every desk and runs the officer's clock five times as fast; the
// director fires one inject and skips another. Screenshots at 1920×1080 in English and French.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  artifact,
  openConsole,
  openContext,
  serve,
  signInFromPage,
  type Console,
  type Served,
} from './harness.js';

const FULL_HD = { width: 1920, height: 1080 };
const opTime = async (page: Page) =>
  Date.parse((await page.getByTestId('clock').getAttribute('datetime')) ?? '');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('exercise control between two desks', () => {
  let served: Served;
  let a: Console;
  let b: Console;

  beforeAll(async () => {
    served = await serve();
    a = await openConsole(served.url, { viewport: FULL_HD });
    b = await openContext(a.browser, served.url, { viewport: FULL_HD });
    await signInFromPage(a.page, 'supervisor', 'SUP-1');
    await signInFromPage(b.page, 'officer', 'D2');
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await served?.stop();
  });

  it('only the supervisor has the director view; it lists the script', async () => {
    await expect.poll(() => b.page.getByTestId('open-unit-board').count(), { timeout: 30_000 }).toBe(1);
    expect(await b.page.getByTestId('open-director').count()).toBe(0);
    await a.page.getByTestId('open-director').click();
    const coming = a.page.getByTestId('injects-coming').locator('li');
    await expect.poll(() => coming.count(), { timeout: 30_000 }).toBe(6);
    expect(await a.page.getByTestId('inject-trocadero-gate-crowd').innerText()).toContain('in 10 min');
  });

  it('a pause on the supervisor desk freezes the officer desk clock and ages, with no reload', async () => {
    await a.page.getByTestId('clock-pause').click();
    await expect
      .poll(() => a.page.getByTestId('director-state').innerText(), { timeout: 30_000 })
      .toBe('PAUSED');
    const badge = b.page.getByTestId('exercise-badge');
    await expect.poll(() => badge.getAttribute('data-clock'), { timeout: 30_000 }).toBe('paused');
    expect(await badge.innerText()).toContain('PAUSED');
    const ages = await b.page.getByTestId('incident-age').allInnerTexts();
    const frozen = await opTime(b.page);
    await pause(2500);
    expect(await opTime(b.page)).toBe(frozen);
    expect(await b.page.getByTestId('incident-age').allInnerTexts()).toEqual(ages);
    expect(await a.page.getByTestId('director-state').innerText()).toBe('PAUSED');
  });

  it('resumed at 5×, every desk shows it and the officer clock runs five times as fast', async () => {
    await a.page.getByTestId('clock-resume').click();
    await expect.poll(() => a.page.getByTestId('clock-resume').count()).toBe(0);
    await a.page.getByTestId('clock-rate-5').click();
    await expect
      .poll(() => a.page.getByTestId('director-state').innerText(), { timeout: 30_000 })
      .toContain('5×');
    const badge = b.page.getByTestId('exercise-badge');
    await expect.poll(() => badge.innerText(), { timeout: 30_000 }).toContain('5×');
    const op0 = await opTime(b.page);
    const real0 = Date.now();
    await pause(4000);
    const op1 = await opTime(b.page);
    const real = Date.now() - real0;
    // Whole seconds on screen: allow one second of rounding at each end, at 5×.
    expect(op1 - op0).toBeGreaterThanOrEqual(5 * real - 2 * 5000);
    expect(op1 - op0).toBeGreaterThan(2 * real);
  });

  it('the director fires one inject now and skips another; the officer sees the incident', async () => {
    await a.page.getByTestId('fire-trocadero-gate-crowd').click();
    await a.page.getByTestId('skip-alma-drone').click();
    const done = a.page.getByTestId('injects-done').locator('li');
    await expect.poll(() => done.count(), { timeout: 30_000 }).toBe(2);
    expect(await a.page.getByTestId('inject-trocadero-gate-crowd').getAttribute('data-status')).toBe('fired');
    expect(await a.page.getByTestId('inject-alma-drone').getAttribute('data-status')).toBe('skipped');
    await b.page.getByTestId('tab-incidents').click();
    await expect
      .poll(() => b.page.getByText('Crowd pressing at the Trocadéro spectator gate').count(), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
    await a.page.getByTestId('clock-pause').click();
    await expect.poll(() => a.page.getByTestId('director-state').innerText()).toBe('PAUSED');
    await a.page.getByTestId('clock-reset').click();
    await a.page.screenshot({ path: artifact('exercise-director.png') });
    await b.page.screenshot({ path: artifact('exercise-officer-paused.png') });
  });

  it('in French', async () => {
    // The language switch is in the top bar, under the director's dialog: close it, switch, reopen.
    await a.page.keyboard.press('Escape');
    for (const page of [a.page, b.page]) await page.getByTestId('lang-fr').click();
    await a.page.getByTestId('open-director').click();
    await a.page.getByTestId('clock-reset').click();
    await expect.poll(() => b.page.getByTestId('exercise-badge').innerText()).toContain('EN PAUSE');
    expect(await a.page.getByTestId('director-dialog').innerText()).toContain('Direction d');
    await a.page.screenshot({ path: artifact('exercise-director-fr.png') });
    await b.page.screenshot({ path: artifact('exercise-officer-paused-fr.png') });
    expect(a.offMachine).toEqual([]);
    expect(b.offMachine).toEqual([]);
    expect([...a.pageErrors, ...b.pageErrors]).toEqual([]);
  });
});
