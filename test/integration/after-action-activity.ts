// A fixed hour of activity for the after-action tests, made through the contract on the exercise
// clock: incidents acknowledged, dispatched and on scene after known delays, requests answered
// after known delays, units busy for known minutes. Times are minutes after 16:00 UTC.
import type { CallInput } from '../../shared/api.js';
import type { Unit } from '../../shared/domain.js';
import { createDesk } from '../../electron/services/desk.js';
import { testApp } from '../support/app.js';
import { signInAs } from '../support/sign-in.js';
import { MIN, at } from './handover-shift.js';

export { at, MIN };

/** The window the tests report on: 16:00 to 17:00 UTC (18:00 to 19:00 in Paris). */
export const HOUR_WINDOW = { from: at(0), to: at(60) };

/**
 * 16:05 A, P1 medical: acknowledged 16:06 (1:00), U1 assigned 16:06, dispatched 16:09 (4:00),
 * on scene 16:15 (10:00), resolved 16:35. 16:10 B, P3 disorder, FR only: acknowledged 16:12
 * (2:00). 16:20 a request to ES-LNO, accepted 16:23 (3:00), done 16:30. 16:25 a request to the
 * supervisor, never answered. 16:40 C, P1 crowd surge: acknowledged 16:42 (2:00), U2 assigned
 * 16:43, dispatched 16:45 (5:00). 17:05 D, outside the window. The clock ends at 17:10.
 */
export function activeHour() {
  const t = testApp();
  const es = createDesk();
  const sup = createDesk();
  const liaison = createDesk();
  signInAs(t.call, 'officer', 'D1');
  signInAs(t.call, 'liaison-es', 'ES-LNO', es);
  signInAs(t.call, 'supervisor', 'SUP', sup);
  signInAs(t.call, 'liaison-de', 'DE-LNO', liaison);
  const before = t.call('listUnits', {});
  const available = before.filter((u) => u.status === 'available');
  const [u1, u2] = [available[0], available[1]] as [Unit, Unit];
  const step = (to: number) => t.real.set(t.real.now() + (Date.parse(at(to)) - t.app.ctx.clock.now()));
  const version = (id: string) => t.call('getIncident', { id }).incident.version;
  const move = (id: string, action: CallInput<'transitionIncident'>['action']) =>
    t.call('transitionIncident', { id, version: version(id), action });
  const create = (input: Partial<CallInput<'createIncident'>>) =>
    t.call('createIncident', {
      category: 'other',
      priority: 3,
      title: 'x',
      source: 'radio',
      locationText: 'Champ-de-Mars',
      ...input,
    });

  step(5);
  const a = create({ category: 'medical', priority: 1, title: 'Collapse at the Trocadéro stand' });
  step(6);
  move(a.id, 'acknowledge');
  t.call('assignUnit', { incidentId: a.id, unitId: u1.id });
  step(9);
  move(a.id, 'dispatch');
  step(10);
  const b = create({ category: 'disorder', priority: 3, title: 'Scuffle on Pont d’Iéna', marking: [] });
  step(12);
  move(b.id, 'acknowledge');
  step(15);
  move(a.id, 'arrive');
  step(20);
  const r1 = t.call('sendRequest', {
    text: 'Two officers to gate 4',
    target: { kind: 'desk', value: 'ES-LNO' },
  });
  step(23);
  t.call('answerRequest', { id: r1.id, version: r1.version, answer: 'accept' }, es);
  step(25);
  t.call('sendRequest', {
    text: 'Confirm the closure of the quay',
    target: { kind: 'role', value: 'supervisor' },
  });
  step(30);
  t.call('answerRequest', { id: r1.id, version: r1.version + 1, answer: 'done' }, es);
  step(35);
  move(a.id, 'resolve');
  step(40);
  const c = create({ category: 'crowd_surge', priority: 1, title: 'Pressure at the Bir-Hakeim exit' });
  step(42);
  move(c.id, 'acknowledge');
  step(43);
  t.call('assignUnit', { incidentId: c.id, unitId: u2.id });
  step(45);
  move(c.id, 'dispatch');
  step(65);
  create({ category: 'lost_person', priority: 2, title: 'Lost child, late' });
  step(70);
  return { ...t, es, sup, liaison, before, u1, u2, refs: { a, b, c } };
}
