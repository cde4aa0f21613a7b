// Incident management end to end, in Chromium against `vigie serve`: an officer signs in, creates
// an incident from the keyboard (placing it with a click on the map), assigns a unit, walks it
// through its lifecycle, adds a note and finds it again by a word of that note, and sees closed
// incidents leave the board and the map; the board stays windowed with a few hundred incidents. At
// every step the board row, the detail's timeline and the map's features must agree. The conflict
// with another desk is in incidents-conflict.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Incident } from '../../shared/domain.js';
import { DEMO } from '../support/sign-in.js';
import {
  artifact,
  closeDesk,
  mapIdle,
  mapIncidentStatus,
  signInFromPage,
  mapUnitStatus,
  type Console,
  type HostApi,
  type Served,
} from './harness.js';
import { openMapDesk, timelineActions } from './incident-helpers.js';

let served: Served;
let ui: Console;
/** Calls the host's API from Node, as another client of the same desk would. */
let api: HostApi;
/** The incident created from the keyboard. */
let reference = '';
let incidentId = '';
/** The unit assigned to it. */
let callsign = '';

const row = (page: Page, ref: string) =>
  page.locator(`[data-testid="incident-row"][data-reference="${ref}"]`);

beforeAll(async () => ({ served, ui, api } = await openMapDesk(null, 'JOC-2')));
afterAll(() => closeDesk({ served, ui }));

describe('incident management in Chromium against vigie serve', () => {
  it('shows only the sign-in screen until the officer signs in', async () => {
    const { page } = ui;
    await page.getByTestId('signin-screen').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('map').count()).toBe(0);
    // The shortcut for a new incident does nothing before anyone signs in.
    await page.keyboard.press('Control+i');
    expect(await page.getByTestId('incident-form').count()).toBe(0);
    await signInFromPage(page, 'officer', 'JOC-2');
    await expect.poll(() => page.getByTestId('operator').innerText()).toContain(DEMO.officer.name);
    await mapIdle(page, 20);
  });

  it('creates an incident from the keyboard, placed by a click on the map', async () => {
    const { page } = ui;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('n');
    const form = page.getByTestId('incident-form');
    await expect.poll(() => form.isVisible()).toBe(true);
    // The title has the focus: type, Tab to the category, the priority, "pick on map".
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('form-title');
    await page.keyboard.type('Unattended rucksack under Pont Neuf arch');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Unattended');
    await page.keyboard.press('Tab');
    await page.keyboard.press('1');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('form-pick');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('pick-banner').isVisible()).toBe(true);

    // The pane opened beside the map. Bring Pont Neuf into view (the venue chosen before moved the
    // map to it), let the map settle at its new size, then click near the bridge.
    await page.evaluate(() => {
      (window as unknown as { __vigieMap: { jumpTo(o: unknown): void } }).__vigieMap.jumpTo({
        center: [2.3412, 48.8576],
        zoom: 14.5,
      });
    });
    await mapIdle(page, 1);
    const target = await page.evaluate(() => {
      const map = (
        window as unknown as {
          __vigieMap: {
            project(c: [number, number]): { x: number; y: number };
            getCanvas(): HTMLCanvasElement;
          };
        }
      ).__vigieMap;
      const rect = map.getCanvas().getBoundingClientRect();
      const p = map.project([2.3412, 48.8576]);
      return { x: rect.left + p.x, y: rect.top + p.y };
    });
    await page.screenshot({ path: artifact('incident-create-form.png') });
    await page.mouse.click(target.x, target.y);
    await expect.poll(() => page.getByTestId('form-point').isVisible()).toBe(true);
    expect(await page.getByTestId('pick-banner').count()).toBe(0);
    // The keyboard carries on in the form after the click; Enter saves.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('form-venue');
    await page.keyboard.press('Enter');

    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.isVisible(), { timeout: 10_000 }).toBe(true);
    const text = await notice.innerText();
    expect(text).toMatch(/INC-\d{4}-\d{4} created/);
    reference = /INC-\d{4}-\d{4}/.exec(text)?.[0] ?? '';

    // Selected: the detail shows it, the board lists it (P1 first), the map draws it where clicked.
    const detail = page.getByTestId('incident-detail');
    await expect.poll(() => detail.getAttribute('data-reference')).toBe(reference);
    expect(await detail.getAttribute('data-status')).toBe('new');
    await expect.poll(() => row(page, reference).getAttribute('data-status')).toBe('new');
    expect(await row(page, reference).getAttribute('aria-selected')).toBe('true');
    expect(await row(page, reference).getAttribute('data-priority')).toBe('1');
    await expect.poll(() => mapIncidentStatus(page, reference), { timeout: 15_000 }).toBe('new');

    const created = (await api<Incident[]>('listIncidents', { text: 'rucksack arch' })).find(
      (i) => i.reference === reference,
    );
    expect(created).toMatchObject({
      category: 'unattended_bag',
      priority: 1,
      status: 'new',
      source: 'radio',
    });
    expect(created?.lat).toBeCloseTo(48.8576, 3);
    expect(created?.lon).toBeCloseTo(2.3412, 3);
    incidentId = created?.id ?? '';
    await expect.poll(() => timelineActions(page)).toEqual(['incident.created']);
  });

  it('assigns the nearest available unit from the detail view', async () => {
    const { page } = ui;
    await page.getByTestId('assign-open').click();
    const search = page.getByTestId('assign-search');
    await expect.poll(() => search.isVisible()).toBe(true);
    // Available units come first, nearest first; off-duty and out-of-service ones are disabled.
    const first = page.getByTestId('assign-option').first();
    callsign = (await first.getAttribute('data-callsign')) ?? '';
    expect(callsign).not.toBe('');
    expect(await first.getAttribute('aria-disabled')).toBe('false');
    await search.fill(callsign);
    await page.keyboard.press('Enter');

    const assigned = page.locator(`[data-testid="assigned-unit"][data-callsign="${callsign}"]`);
    await expect.poll(() => assigned.getAttribute('data-status'), { timeout: 10_000 }).toBe('assigned');
    await expect.poll(() => row(page, reference).innerText()).toContain(callsign);
    await expect.poll(() => timelineActions(page)).toContain('incident.unit_assigned');
    await expect.poll(() => mapUnitStatus(page, callsign), { timeout: 15_000 }).toBe('assigned');
  });

  it('asks before taking a unit off another incident, and keeps it there when told to', async () => {
    const { page } = ui;
    const busy = (
      await api<{ reference: string; assigned: { callsign: string }[] }[]>('listIncidents', {})
    ).find((i) => i.reference !== reference && i.assigned.length > 0);
    const other = busy?.assigned[0]?.callsign;
    if (!busy || !other) throw new Error('no unit working another incident in the exercise');
    await page.getByTestId('assign-open').click();
    await page.getByTestId('assign-search').fill(other);
    await page.keyboard.press('Enter');
    const confirm = page.getByTestId('reassign-confirm');
    await expect.poll(() => confirm.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await confirm.innerText()).toContain(busy.reference);
    await page.getByTestId('reassign-cancel').click();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('assign-picker').count()).toBe(0);
    // Still on its own incident, not on ours.
    const still = (
      await api<{ reference: string; assigned: { callsign: string }[] }[]>('listIncidents', {})
    ).find((i) => i.reference === busy.reference);
    expect(still?.assigned.map((a) => a.callsign)).toContain(other);
    expect(await page.locator(`[data-testid="assigned-unit"][data-callsign="${other}"]`).count()).toBe(0);
  });

  const steps = [
    { action: 'acknowledge', status: 'acknowledged', unit: 'assigned' },
    { action: 'dispatch', status: 'dispatched', unit: 'en_route' },
    { action: 'arrive', status: 'on_scene', unit: 'on_scene' },
  ] as const;

  for (const step of steps) {
    it(`${step.action}: the board, the timeline, the map and the unit agree`, async () => {
      const { page } = ui;
      await page.getByTestId(`action-${step.action}`).click();
      await expect.poll(() => page.getByTestId('detail-status').innerText()).not.toBe('');
      await expect
        .poll(() => page.getByTestId('incident-detail').getAttribute('data-status'), { timeout: 10_000 })
        .toBe(step.status);
      await expect.poll(() => row(page, reference).getAttribute('data-status')).toBe(step.status);
      await expect.poll(() => timelineActions(page)).toContain(`incident.${step.action}`);
      await expect.poll(() => mapIncidentStatus(page, reference), { timeout: 15_000 }).toBe(step.status);
      await expect
        .poll(() =>
          page
            .locator(`[data-testid="assigned-unit"][data-callsign="${callsign}"]`)
            .getAttribute('data-status'),
        )
        .toBe(step.unit);
      await expect.poll(() => mapUnitStatus(page, callsign), { timeout: 15_000 }).toBe(step.unit);
      // Only the actions the state machine allows are offered.
      const offered = await page
        .locator('[data-testid^="action-"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
      expect(offered).not.toContain(`action-${step.action}`);
      expect(offered).toContain('action-cancel');
    });
  }

  it('adds a note, and finds the incident again by a word of the note', async () => {
    const { page } = ui;
    await page
      .getByTestId('note-input')
      .fill('Owner traced: zygomorphic tourist from Lyon, bag cleared by K9');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('note').count()).toBe(1);
    expect(await page.getByTestId('note').innerText()).toContain(DEMO.officer.name);
    await expect.poll(() => timelineActions(page)).toContain('incident.note_added');
    await page.screenshot({ path: artifact('incident-detail.png') });

    await page.getByTestId('board-search').fill('zygomorph');
    await expect.poll(() => page.getByTestId('incident-row').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('incident-row').getAttribute('data-reference')).toBe(reference);
    // The map shows what the board shows.
    await expect.poll(() => page.getByTestId('legend-filtered').isVisible()).toBe(true);
    await page.getByTestId('board-clear').click();
    await expect.poll(() => page.getByTestId('incident-row').count()).toBeGreaterThan(1);
  });

  it('resolves and closes it: closed incidents leave the board and the map unless "show closed"', async () => {
    const { page } = ui;
    await page.getByTestId('action-resolve').click();
    await expect.poll(() => row(page, reference).getAttribute('data-status')).toBe('resolved');
    await expect.poll(() => mapIncidentStatus(page, reference), { timeout: 15_000 }).toBe('resolved');
    // Resolving releases the unit.
    await expect.poll(() => mapUnitStatus(page, callsign), { timeout: 15_000 }).toBe('available');
    await expect.poll(() => timelineActions(page)).toContain('incident.unit_released');

    // Closing asks for the outcome, one line, required.
    await page.getByTestId('action-close').click();
    expect(await page.getByTestId('reason-confirm').isDisabled()).toBe(true);
    await page.getByTestId('reason-input').fill('Rucksack cleared by K9, owner traced');
    await page.getByTestId('reason-confirm').click();
    await expect.poll(() => page.getByTestId('incident-detail').getAttribute('data-status')).toBe('closed');
    await expect.poll(() => timelineActions(page)).toContain('incident.close');
    await expect.poll(() => row(page, reference).count()).toBe(0);
    await expect.poll(() => mapIncidentStatus(page, reference), { timeout: 15_000 }).toBeNull();
    // No lifecycle action is left on a closed incident.
    expect(await page.locator('[data-testid^="action-"]').count()).toBe(0);

    await page.getByTestId('show-closed').check();
    await expect
      .poll(() => row(page, reference).getAttribute('data-status'), { timeout: 10_000 })
      .toBe('closed');
    await expect.poll(() => mapIncidentStatus(page, reference), { timeout: 15_000 }).toBe('closed');
    await page.getByTestId('show-closed').uncheck();
    await expect.poll(() => row(page, reference).count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => mapIncidentStatus(page, reference), { timeout: 15_000 }).toBeNull();

    const timeline = await timelineActions(page);
    expect(timeline.indexOf('incident.created')).toBe(0);
    for (const a of ['acknowledge', 'dispatch', 'arrive', 'resolve', 'close']) {
      expect(timeline).toContain(`incident.${a}`);
    }
    expect(incidentId).not.toBe('');
  });

  it('keeps the board windowed and paged: a few hundred incidents, only the visible rows in the DOM', async () => {
    const { page } = ui;
    for (let n = 0; n < 300; n++) {
      await api('createIncident', {
        category: 'lost_person',
        priority: 4,
        title: `Lost child report ${n}`,
        source: 'public',
        locationText: `Quai, post ${n}`,
      });
    }
    await page.getByTestId('tab-incidents').click();
    await expect
      .poll(() => page.getByTestId('board-count').innerText(), { timeout: 30_000 })
      .toMatch(/^200 of 3\d\d incidents shown$/);
    const rendered = await page.getByTestId('incident-row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(60);
    // Scrolled to the end, the last (newest P4) row is there.
    // Scroll to the end again on each try: the virtualiser measures rows as they render, so the
    // list's full height can grow after the first scroll.
    const board = page.locator('[role="listbox"][aria-label="Incident board"]');
    await expect
      .poll(
        async () => {
          await board.evaluate((el) => {
            el.scrollTop = el.scrollHeight;
          });
          return page.getByText('Lost child report 299').count();
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    // Scrolling read the board's further pages: every incident is loaded now.
    expect(await page.getByTestId('board-count').innerText()).toMatch(/^3\d\d incidents$/);
    await page.screenshot({ path: artifact('incident-board.png') });
  });

  it('never sent a request off the machine, and threw no page errors', () => {
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
