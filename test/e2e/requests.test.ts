// Requests between two desks in two browsers on one host: the watch officer at JOC-1 asks the
// Spanish liaison's desk for two public-order sections by 19:15; the liaison sees it without a
// reload and accepts; the officer sees it accepted without a reload. A request past its by-time is
// overdue on both sides. Screenshots at 1920×1080 in English and French.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { clockFor, iso } from '../../shared/clock.js';
import type { SessionView } from '../../shared/api/session.js';
import type { DeskRequest } from '../../shared/awareness.js';
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

const VIEW = { width: 1920, height: 1080 };
const TEXT = 'Two public-order sections to Trocadéro';

let served: Served;
let browser: Browser;
let a: Console;
let b: Console;

beforeAll(async () => {
  served = await serve();
  // The liaison first: the officer's desk list then already names ES-LNO.
  b = await openConsole(served.url, { viewport: VIEW });
  browser = b.browser;
  await signInFromPage(b.page, 'liaison-es', 'ES-LNO');
  a = await openContext(browser, served.url, { viewport: VIEW });
  await signInFromPage(a.page, 'officer', 'JOC-1');
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

const row = (page: Page, list: 'to' | 'from', text: string) =>
  page.getByTestId(`requests-${list}`).getByTestId('request-row').filter({ hasText: text });

/** The operation clock as the page's session states it. */
async function operationNow(page: Page): Promise<number> {
  const { body } = await pageApi<SessionView>(page, 'getSession');
  const op = body.operation;
  if (!op) throw new Error('no operation in the session');
  return clockFor({
    mode: op.mode,
    scenarioStart: op.scenarioStart ?? null,
    anchorReal: op.anchorReal ?? null,
  }).now();
}

describe('requests between two desks', () => {
  it('A asks B by 19:15; B sees it live and accepts; A sees it accepted live', async () => {
    await a.page.getByTestId('tab-requests').click();
    await b.page.getByTestId('tab-requests').click();
    await a.page.getByTestId('request-new').click();
    await a.page.getByTestId('request-target-kind').selectOption('desk');
    await a.page.getByTestId('request-target').selectOption('ES-LNO');
    await a.page.getByTestId('request-text').fill(TEXT);
    await a.page.getByTestId('request-by-input').fill('19:15');
    await a.page.getByTestId('request-send').click();
    await expect.poll(() => row(a.page, 'from', TEXT).count(), { timeout: 15_000 }).toBe(1);
    expect(await row(a.page, 'from', TEXT).getByTestId('request-by').innerText()).toMatch(/by 19:15/);

    // B: on the tab's count and in the list, no reload.
    await expect.poll(() => row(b.page, 'to', TEXT).count(), { timeout: 15_000 }).toBe(1);
    expect(await b.page.getByTestId('tab-requests').innerText()).toMatch(/1/);
    expect(await row(b.page, 'to', TEXT).getAttribute('data-status')).toBe('open');
    await row(b.page, 'to', TEXT).getByTestId('request-accept').click();
    await expect
      .poll(() => row(b.page, 'to', TEXT).getAttribute('data-status'), { timeout: 15_000 })
      .toBe('accepted');

    // A: accepted, no reload.
    await expect
      .poll(() => row(a.page, 'from', TEXT).getAttribute('data-status'), { timeout: 15_000 })
      .toBe('accepted');
    expect(await row(a.page, 'from', TEXT).getByTestId('request-status').innerText()).toMatch(/accepted/i);
  });

  it('a request past its by-time is overdue on both desks', async () => {
    const late = 'Interpreter to gate B';
    const now = await operationNow(a.page);
    const sent = await pageApi<DeskRequest>(a.page, 'sendRequest', {
      text: late,
      target: { kind: 'desk', value: 'ES-LNO' },
      byAt: iso(now + 4_000),
    });
    expect(sent.status).toBe(200);
    for (const [page, list] of [
      [a.page, 'from'],
      [b.page, 'to'],
    ] as const) {
      await expect.poll(() => row(page, list, late).count(), { timeout: 15_000 }).toBe(1);
      await expect
        .poll(() => row(page, list, late).getAttribute('data-overdue'), { timeout: 20_000 })
        .toBe('true');
      expect(await row(page, list, late).getByTestId('request-status').innerText()).toMatch(/overdue/i);
    }
    await a.page.screenshot({ path: artifact('requests-sender.png') });
    await b.page.screenshot({ path: artifact('requests-receiver.png') });
  });

  it('reads in French', async () => {
    for (const page of [a.page, b.page]) {
      const select = page.getByTestId('lang-select');
      if (await select.count()) await select.selectOption('fr');
      else await page.getByTestId('lang-fr').click();
      await expect.poll(() => page.getByTestId('tab-requests').innerText()).toMatch(/Demandes/);
    }
    expect(await row(b.page, 'to', TEXT).getByTestId('request-status').innerText()).toMatch(/Acceptée/i);
    expect(await row(a.page, 'from', 'Interpreter').getByTestId('request-status').innerText()).toMatch(
      /En retard/i,
    );
    // The receiver opens the decline form (a reason is asked) for the screenshot.
    await row(b.page, 'to', 'Interpreter').getByTestId('request-decline').click();
    // "Demande…" from an incident: the Requests tab opens its form about that incident.
    await a.page.getByTestId('tab-incidents').click();
    await a.page.getByTestId('incident-row').first().click();
    await a.page.getByTestId('request-about-incident').click();
    await expect.poll(() => a.page.getByTestId('tab-requests').getAttribute('aria-selected')).toBe('true');
    expect(await a.page.getByTestId('request-incident-input').inputValue()).not.toBe('');
    await a.page.getByTestId('request-target-kind').selectOption('contingent');
    await a.page.getByTestId('request-target').selectOption('es-pn');
    await a.page.getByTestId('request-text').fill('Deux équipes cynophiles au pont d’Iéna');
    await a.page.getByTestId('request-by-input').fill('20:30');
    await a.page.screenshot({ path: artifact('requests-sender-fr.png') });
    await b.page.screenshot({ path: artifact('requests-receiver-fr.png') });
  });
});
