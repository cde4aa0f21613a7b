// Two people at two desks of one host, each in their own browser context: the supervisor at desk A
// publishes a bulletin, the officer at desk B sees it with no reload and acknowledges it, and A's
// count moves with no reload; the supervisor changes the national alert level and B's top bar
// follows. Screenshots at 1920×1080 in English and French.
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

describe('bulletins and the alert level between two desks', () => {
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

  const bulletin = (page: Page, title: string) =>
    page.locator('[data-testid="bulletin"]', { has: page.getByText(title, { exact: true }) });

  it('shows the seeded level on every desk', async () => {
    for (const page of [a.page, b.page]) {
      const badge = page.getByTestId('alert-level');
      await expect.poll(() => badge.getAttribute('data-level'), { timeout: 30_000 }).toBe('urgence_attentat');
      expect(await badge.innerText()).toContain('Urgence attentat');
    }
    // Only the supervisor's badge is a button.
    expect(await a.page.getByTestId('alert-level').evaluate((el) => el.tagName)).toBe('BUTTON');
    expect(await b.page.getByTestId('alert-level').evaluate((el) => el.tagName)).toBe('SPAN');
  });

  it('A publishes, B sees and acknowledges it, A sees the count move, all without reload', async () => {
    const title = 'Drone ban over the Seine';
    await a.page.getByTestId('tab-bulletins').click();
    await a.page.getByTestId('bulletin-publish-open').click();
    await a.page.getByTestId('bulletin-form-title').fill(title);
    await a.page
      .getByTestId('bulletin-form-body')
      .fill('No drone flights between Pont d’Austerlitz and Pont d’Iéna until the parade ends.');
    await a.page.getByTestId('bulletin-form-severity').selectOption('critical');
    await a.page.getByTestId('bulletin-form-until').selectOption('4');
    await a.page.getByTestId('bulletin-form-ack').fill('10');
    await a.page.getByTestId('bulletin-form-submit').click();
    const atA = bulletin(a.page, title);
    await atA.waitFor();
    expect(await atA.getByTestId('bulletin-ack-count').innerText()).toBe('0 of 1 acknowledged');
    expect(await atA.getByTestId('bulletin-pending').innerText()).toContain('D2');

    // B: the tab counts it, the card offers Acknowledge.
    await expect
      .poll(() => b.page.getByTestId('tab-count-bulletins').innerText(), { timeout: 15_000 })
      .toBe('1');
    await b.page.getByTestId('tab-bulletins').click();
    const atB = bulletin(b.page, title);
    await atB.waitFor();
    expect(await atB.getAttribute('data-severity')).toBe('critical');
    // An officer who did not publish it sees no one else's acknowledgements.
    expect(await atB.getByTestId('bulletin-ack-count').count()).toBe(0);
    await b.page.screenshot({ path: artifact('bulletins-officer.png') });
    await atB.getByTestId('bulletin-ack').click();
    await atB.getByTestId('bulletin-acked').waitFor();
    expect(await b.page.getByTestId('tab-count-bulletins').innerText()).toBe('0');

    await expect
      .poll(() => atA.getByTestId('bulletin-ack-count').innerText(), { timeout: 15_000 })
      .toBe('1 of 1 acknowledged');
    expect(await atA.getByTestId('bulletin-pending').count()).toBe(0);
    await a.page.screenshot({ path: artifact('bulletins-supervisor.png') });
  });

  it('the supervisor changes the alert level; B sees it without reload', async () => {
    await a.page.getByTestId('alert-level').click();
    const dialog = a.page.getByTestId('alert-level-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('alert-level-option-securite_renforcee').check();
    // The reason is required: the button waits for it.
    expect(await dialog.getByTestId('alert-level-submit').isDisabled()).toBe(true);
    expect(await dialog.getByTestId('alert-level-submit').getAttribute('title')).toBe(
      'Write the reason first',
    );
    await dialog.getByTestId('alert-level-reason').fill('Ceremony over: threat reassessed by the préfecture');
    await a.page.screenshot({ path: artifact('alert-level-dialog.png') });
    await dialog.getByTestId('alert-level-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => a.page.getByTestId('alert-level').getAttribute('data-level'))
      .toBe('securite_renforcee');
    await expect
      .poll(() => b.page.getByTestId('alert-level').getAttribute('data-level'), { timeout: 15_000 })
      .toBe('securite_renforcee');
    expect(await b.page.getByTestId('alert-level-name').innerText()).toBe(
      'Sécurité renforcée – risque attentat',
    );
    await b.page.screenshot({ path: artifact('alert-level-officer.png') });
  });

  it('reads in French', async () => {
    for (const page of [a.page, b.page]) await page.getByTestId('lang-fr').click();
    await expect.poll(() => a.page.getByTestId('tab-bulletins').innerText()).toMatch(/Bulletins/);
    expect(await a.page.getByTestId('bulletin-ack-count').first().innerText()).toBe('1 sur 1 pris en compte');
    expect(await a.page.getByTestId('alert-level').innerText()).toMatch(/Sécurité renforcée/);
    await a.page.screenshot({ path: artifact('bulletins-supervisor-fr.png') });
    await b.page.screenshot({ path: artifact('bulletins-officer-fr.png') });
  });
});
