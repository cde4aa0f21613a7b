// The room the alert level and bulletin tests work in (alert-level.test.ts, bulletins.test.ts).
import type { CallInput } from '../../shared/api.js';
import { createDesk } from '../../electron/services/desk.js';
import { testApp } from '../support/app.js';
import { signInAs } from '../support/sign-in.js';

/** The seeded exercise with a supervisor (SUP), an officer (D1), Spanish and German liaisons, and the wall. */
export function room() {
  const t = testApp();
  const sup = t.desk;
  const officer = createDesk();
  const es = createDesk();
  const de = createDesk();
  const wall = createDesk();
  signInAs(t.call, 'supervisor', 'SUP', sup);
  signInAs(t.call, 'officer', 'D1', officer);
  signInAs(t.call, 'liaison-es', 'L-ES', es);
  signInAs(t.call, 'liaison-de', 'L-DE', de);
  signInAs(t.call, 'wall', 'WALL', wall);
  const lastSeq = () => t.call('listJournal', { limit: 1 }, sup)[0]?.seq ?? 0;
  return { ...t, sup, officer, es, de, wall, lastSeq };
}

export const notice: CallInput<'publishBulletin'> = {
  title: 'Drone ban on the Seine',
  body: 'No drones within 1 km of the route until the parade ends. Report any sighting at once.',
  severity: 'warning',
  ackWithinMinutes: 10,
};
