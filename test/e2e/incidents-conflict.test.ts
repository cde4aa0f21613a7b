// Another desk changes an incident under an open edit form, in Chromium against `vigie serve`: the
// console must show the conflict, not overwrite, and a lifecycle step on an incident that moved on
// is refused and the change shown. The incident's lifecycle is in incidents.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident, IncidentDetail } from '../../shared/domain.js';
import { artifact, closeDesk, type Console, type HostApi, type Served } from './harness.js';
import { openMapDesk, timelineActions } from './incident-helpers.js';

let served: Served;
let ui: Console;
/** Calls the host's API from Node, as another client of the same desk would. */
let api: HostApi;

beforeAll(async () => {
  ({ served, ui, api } = await openMapDesk('officer', 'JOC-2'));
  // The side panel opens on the units: show the incident board.
  await ui.page.getByTestId('tab-incidents').click();
});
afterAll(() => closeDesk({ served, ui }));

describe('incident edit conflicts in Chromium against vigie serve', () => {
  it('shows a conflict instead of overwriting when another desk changed the incident', async () => {
    const { page } = ui;
    // An open incident from the exercise: open it from the board, start editing it.
    const target = page.getByTestId('incident-row').first();
    const ref = (await target.getAttribute('data-reference')) ?? '';
    await target.click();
    await expect.poll(() => page.getByTestId('incident-detail').getAttribute('data-reference')).toBe(ref);
    await page.getByTestId('edit-incident').click();
    const title = page.getByTestId('form-title');
    await expect.poll(() => title.isVisible()).toBe(true);

    // Meanwhile, another client changes it (same host, so the same signed-in desk).
    const [listed] = (await api<Incident[]>('listIncidents', { includeClosed: true })).filter(
      (i) => i.reference === ref,
    );
    if (!listed) throw new Error(`${ref} not found`);
    const theirs = await api<Incident>('updateIncident', {
      id: listed.id,
      version: listed.version,
      title: 'Changed by the river desk',
      priority: listed.priority === 1 ? 2 : 1,
    });

    await title.fill('Changed by the watch officer');
    await page.keyboard.press('Enter');
    const conflict = page.getByTestId('conflict');
    await expect.poll(() => conflict.isVisible(), { timeout: 10_000 }).toBe(true);
    const shown = await conflict.innerText();
    expect(shown).toContain('Changed by the river desk');
    expect(shown).toContain(`P${theirs.priority}`);
    // Nothing was overwritten.
    const stored = await api<IncidentDetail>('getIncident', { id: listed.id });
    expect(stored.incident.title).toBe('Changed by the river desk');
    expect(stored.incident.version).toBe(theirs.version);

    // Reload: the form closes and the detail shows the incident as it is now.
    await page.getByTestId('conflict-reload').click();
    await expect.poll(() => page.getByTestId('conflict').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('incident-detail').innerText())
      .toContain('Changed by the river desk');
    await expect
      .poll(() => timelineActions(page))
      .toContain(theirs.priority !== listed.priority ? 'incident.priority_changed' : 'incident.updated');

    // A lifecycle step on a row that moved on: the officer opens "cancel" and types a reason while
    // the other desk reports units on scene. The cancel is refused and the change shown.
    await page.getByTestId('action-cancel').click();
    await page.getByTestId('reason-input').fill('Duplicate of a radio call');
    const before = (await api<IncidentDetail>('getIncident', { id: listed.id })).incident;
    const next = { new: 'acknowledge', acknowledged: 'dispatch', dispatched: 'arrive' }[
      before.status as 'new' | 'acknowledged' | 'dispatched'
    ];
    expect(next).toBeDefined();
    const moved = await api<Incident>('transitionIncident', {
      id: listed.id,
      version: before.version,
      action: next,
    });
    await page.getByTestId('reason-confirm').click();
    await expect.poll(() => conflict.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await conflict.locator('[data-field="status"]').count()).toBe(1);
    // Cancelling is still possible from the new status: offered as a retry, never done silently.
    expect(await page.getByTestId('conflict-retry').isVisible()).toBe(true);
    expect((await api<IncidentDetail>('getIncident', { id: listed.id })).incident.status).toBe(moved.status);
    await page.screenshot({ path: artifact('incident-conflict.png') });
    await page.getByTestId('conflict-reload').click();
    await expect.poll(() => page.getByTestId('conflict').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('incident-detail').getAttribute('data-status'))
      .toBe(moved.status);
  });

  it('never sent a request off the machine, and threw no page errors', () => {
    expect(ui.offMachine).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
