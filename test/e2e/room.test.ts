// Two real desks on one picture: two `vigie serve` processes on one database, two browsers signed
// in as two officers. An incident created at desk A appears on desk B's board and map with no reload;
// a status change at B shows at A; an edit that crossed another desk's is shown as a conflict.
// Once on a room (a throwaway PostgreSQL cluster), once on one SQLite file with two hosts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '../../shared/domain.js';
import { startPgCluster, type PgCluster } from '../support/pg-cluster.js';
import { tempDb } from '../support/temp.js';
import {
  artifact,
  closeDesk,
  hostApi,
  mapIdle,
  mapIncidentStatus,
  openConsole,
  serve,
  signInFromPage,
  type Who,
  type Desk,
} from './harness.js';

const bag = {
  category: 'unattended_bag',
  priority: 1,
  title: 'Sac abandonné sous le pont d’Iéna',
  description: 'Reported by a river patrol',
  source: 'radio',
  lat: 48.8599,
  lon: 2.2928,
};

const row = (d: Desk, ref: string) =>
  d.ui.page.locator(`[data-testid="incident-row"][data-reference="${ref}"]`);

async function openDesk(db: string, who: Who, deskName: string): Promise<Desk> {
  const served = await serve(db);
  const ui = await openConsole(served.url, { debug: true });
  await signInFromPage(ui.page, who, deskName);
  await ui.page.getByTestId('tab-incidents').click();
  return { served, ui, api: hostApi(served.url, who, deskName) };
}

for (const engine of ['postgres', 'sqlite'] as const) {
  describe(`two desks on one ${engine === 'postgres' ? 'room (PostgreSQL)' : 'SQLite file'}`, () => {
    let cluster: PgCluster | null = null;
    let a: Desk;
    let b: Desk;

    beforeAll(async () => {
      let db = tempDb();
      if (engine === 'postgres') {
        cluster = await startPgCluster();
        db = cluster.createDatabase('room');
      }
      // Desk A seeds the exercise; B opens what A made.
      a = await openDesk(db, 'officer', 'D1');
      b = await openDesk(db, 'supervisor', 'D2');
      await mapIdle(b.ui.page);
    });
    afterAll(async () => {
      await closeDesk(a ?? {});
      await closeDesk(b ?? {});
      cluster?.close();
    });

    it("shows desk A's new incident on desk B's board and map without a reload", async () => {
      const navigations: string[] = [];
      b.ui.page.on('framenavigated', (f) => navigations.push(f.url()));
      const created = await a.api<Incident>('createIncident', bag);
      // Under the 5 s polling fallback: only the push can bring it this soon.
      await expect.poll(() => row(b, created.reference).count(), { timeout: 3000, interval: 50 }).toBe(1);
      await expect
        .poll(() => mapIncidentStatus(b.ui.page, created.reference), { timeout: 3000, interval: 50 })
        .toBe('new');
      expect(navigations).toEqual([]);
      await b.ui.page.screenshot({ path: artifact(`room-${engine}-desk-b.png`) });
    });

    it('shows a status change made at desk B on desk A', async () => {
      const [target] = (await b.api<Incident[]>('listIncidents', {})).filter((i) => i.title === bag.title);
      if (!target) throw new Error('incident not found at desk B');
      await b.api('transitionIncident', { id: target.id, version: target.version, action: 'acknowledge' });
      await expect
        .poll(() => row(a, target.reference).getAttribute('data-status'), { timeout: 3000, interval: 50 })
        .toBe('acknowledged');
    });

    it('shows an edit that crossed another desk’s as a conflict, overwriting nothing', async () => {
      const { page } = a.ui;
      const [target] = (await a.api<Incident[]>('listIncidents', {})).filter((i) => i.title === bag.title);
      if (!target) throw new Error('incident not found at desk A');
      await row(a, target.reference).click();
      await page.getByTestId('edit-incident').click();
      const title = page.getByTestId('form-title');
      await title.waitFor();
      // Desk B changes the incident while A's form is open.
      const current = (await b.api<{ incident: Incident }>('getIncident', { id: target.id })).incident;
      await b.api('updateIncident', { id: target.id, version: current.version, title: 'Changed at desk B' });
      await title.fill('Changed at desk A');
      await page.keyboard.press('Enter');
      const conflict = page.getByTestId('conflict');
      await expect.poll(() => conflict.isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await conflict.innerText()).toContain('Changed at desk B');
      const stored = (await b.api<{ incident: Incident }>('getIncident', { id: target.id })).incident;
      expect(stored.title).toBe('Changed at desk B');
      await page.screenshot({ path: artifact(`room-${engine}-conflict.png`) });
    });

    it('never sent a request off the machine, and threw no page errors', () => {
      expect([...a.ui.offMachine, ...b.ui.offMachine]).toEqual([]);
      expect([...a.ui.pageErrors, ...b.ui.pageErrors]).toEqual([]);
    });
  });
}
