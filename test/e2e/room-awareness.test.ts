// The room's shared awareness end to end, in Chromium against `vigie serve`, with two desks signed
// in as two people and a wall screen: a request from desk A rings on desk B (banner and sound),
// is accepted there, and A sees the answer without reload; a bulletin's acknowledgement count moves
// at A as B acknowledges it from its banner; the wall shows a new P1 and never a marked one; in
// English and French.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Bulletin, DeskRequest } from '../../shared/awareness.js';
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
import { banner, sounds } from './alert-helpers.js';

const FULL_HD = { width: 1920, height: 1080 };
let served: Served;
let a: Console;
let b: Console;
let wall: Console;

const requestRow = (page: Page, list: 'to' | 'from', text: string) =>
  page.getByTestId(`requests-${list}`).getByTestId('request-row').filter({ hasText: text });

beforeAll(async () => {
  served = await serve();
  a = await openConsole(served.url, { viewport: FULL_HD });
  b = await openContext(a.browser, served.url, { viewport: FULL_HD });
  await signInFromPage(a.page, 'officer', 'JOC-1');
  await signInFromPage(b.page, 'liaison-es', 'ES-LNO');
  wall = await openContext(a.browser, `${served.url}wall`, { viewport: FULL_HD });
  await wall.page.getByTestId('demo-login-wall').click();
  await wall.page.getByTestId('signin-submit').click();
  await wall.page.getByTestId('wall-sector').first().waitFor({ timeout: 60_000 });
});
afterAll(async () => {
  await wall?.close();
  await b?.close();
  await a?.close();
  await served?.stop();
});

describe('shared awareness between two desks', () => {
  const TEXT = 'Two public-order sections to Trocadéro';

  it('a request from desk A rings on desk B, is accepted there, and A sees it accepted without reload', async () => {
    await a.page.getByTestId('tab-requests').click();
    await a.page.getByTestId('request-new').click();
    await a.page.getByTestId('request-target-kind').selectOption('desk');
    await a.page.getByTestId('request-target').selectOption('ES-LNO');
    await a.page.getByTestId('request-text').fill(TEXT);
    await a.page.getByTestId('request-by-input').fill('19:15');
    await a.page.getByTestId('request-send').click();
    await requestRow(a.page, 'from', TEXT).waitFor();
    const sent = (await pageApi<DeskRequest[]>(a.page, 'listRequests', {})).body.find((r) => r.text === TEXT);
    if (!sent) throw new Error('the request was not stored');

    // B: a banner that says who asks, and its sound.
    const key = `request:${sent.id}`;
    await expect.poll(() => banner(b.page, key).count()).toBe(1);
    expect(await banner(b.page, key).innerText()).toMatch(
      new RegExp(`Request to this desk.*${TEXT}.*from JOC-1`, 's'),
    );
    await expect
      .poll(async () => (await sounds(b.page)).filter((s) => s.key === key).map((s) => [s.tone, s.result]))
      .toEqual([['notice', 'played']]);
    await b.page.screenshot({ path: artifact('room-request-rings-en.png') });

    // B opens it from the banner and accepts: the banner goes (it is answered).
    await banner(b.page, key).getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => b.page.getByTestId('tab-requests').getAttribute('aria-selected')).toBe('true');
    await requestRow(b.page, 'to', TEXT).getByTestId('request-accept').click();
    await expect.poll(() => banner(b.page, key).count()).toBe(0);

    // A: the answer arrives by push, in the list and as a banner.
    await expect
      .poll(() => requestRow(a.page, 'from', TEXT).getByTestId('request-status').innerText())
      .toMatch(/accepted/i);
    await expect.poll(() => banner(a.page, `${key}:accepted`).count()).toBe(1);
    await a.page.screenshot({ path: artifact('room-request-accepted-en.png') });
  });

  it('a bulletin’s acknowledgement count moves at the sender as the other desk acknowledges it from its banner', async () => {
    const title = 'Drone ban over the Seine';
    const { body: published } = await pageApi<Bulletin>(a.page, 'publishBulletin', {
      title,
      body: 'No drone flights between Pont d’Austerlitz and Pont d’Iéna until the parade ends.',
      severity: 'warning',
    });
    await a.page.getByTestId('tab-bulletins').click();
    const atA = a.page.locator('[data-testid="bulletin"]', { has: a.page.getByText(title, { exact: true }) });
    await expect.poll(() => atA.getByTestId('bulletin-ack-count').innerText()).toBe('0 of 1 acknowledged');

    const key = `bulletin:${published.id}`;
    await expect.poll(() => banner(b.page, key).count()).toBe(1);
    await banner(b.page, key).getByTestId('alert-ack').click();
    await expect.poll(() => banner(b.page, key).count()).toBe(0);
    await expect.poll(() => atA.getByTestId('bulletin-ack-count').innerText()).toBe('1 of 1 acknowledged');
  });

  it('the wall shows a new P1 by push, and never one marked for the host nation only', async () => {
    const refs = () =>
      wall.page
        .getByTestId('wall-incident')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-reference')));
    const p1 = {
      category: 'suspicious_package',
      priority: 1,
      source: 'radio',
      locationText: 'Pont d’Iéna',
    } as const;
    const { body: hidden } = await pageApi<Incident>(a.page, 'createIncident', {
      ...p1,
      title: 'Suspect vehicle, host nation only',
      marking: [],
    });
    const { body: shown } = await pageApi<Incident>(a.page, 'createIncident', {
      ...p1,
      title: 'Unattended bag',
    });
    await expect.poll(refs).toContain(shown.reference);
    expect(await refs()).not.toContain(hidden.reference);
    await wall.page.screenshot({ path: artifact('room-wall-p1-en.png') });
  });

  it('refuses bad input over HTTP with a 400 naming the field, and writes nothing', async () => {
    const head = async () =>
      (await pageApi<{ seq: number }[]>(a.page, 'listJournal', { limit: 1 })).body[0]?.seq;
    const requests = async () =>
      (await pageApi<DeskRequest[]>(a.page, 'listRequests', { closed: true })).body.length;
    const before = { head: await head(), requests: await requests() };
    const to = { kind: 'desk', value: 'ES-LNO' };
    const cases: [string, unknown, RegExp][] = [
      ['sendRequest', { text: '   ', target: to }, /text/],
      ['sendRequest', { text: 'x'.repeat(501), target: to }, /text/],
      [
        'sendRequest',
        { text: 'K9 team to Pont d’Iéna', target: { kind: 'desk', value: 'NO-SUCH-DESK' } },
        /target\.value|NO-SUCH-DESK/,
      ],
      ['sendRequest', { text: 'K9 team to Pont d’Iéna', target: to, byAt: '2024-07-26T10:00:00Z' }, /byAt/],
      ['publishBulletin', { title: '', body: 'text', severity: 'info' }, /title/],
      ['publishBulletin', { title: 'Long', body: 'x'.repeat(4001), severity: 'info' }, /body/],
    ];
    for (const [call, input, field] of cases) {
      const r = await pageApi<{ error: { code: string; message: string; issues?: { path: string }[] } }>(
        a.page,
        call,
        input,
      );
      expect(r.status, `${call} ${JSON.stringify(input).slice(0, 80)}`).toBe(400);
      expect(r.body.error.code).toBe('invalid_input');
      expect(`${r.body.error.message} ${(r.body.error.issues ?? []).map((i) => i.path).join(' ')}`).toMatch(
        field,
      );
    }
    expect({ head: await head(), requests: await requests() }).toEqual(before);
  });

  it('speaks French: a bulletin and a request ring in French', async () => {
    await b.page.getByTestId('lang-fr').click();
    const { body: published } = await pageApi<Bulletin>(a.page, 'publishBulletin', {
      title: 'Fermeture du pont d’Iéna',
      body: 'Pont fermé aux piétons de 19 h 30 à 21 h.',
      severity: 'critical',
    });
    const key = `bulletin:${published.id}`;
    await expect
      .poll(() => banner(b.page, key).innerText())
      .toMatch(/Bulletin à accuser.*Fermeture du pont d’Iéna.*critique/s);
    expect(await banner(b.page, key).innerText()).toContain('Accuser réception');
    await b.page.screenshot({ path: artifact('room-bulletin-rings-fr.png') });
    await b.page.getByTestId('lang-en').click();
  });
});
