// A fixed database for the handover tests, built through the contract on the exercise clock.
import { createHash } from 'node:crypto';
import type { CallInput } from '../../shared/api.js';
import type { Unit } from '../../shared/domain.js';
import type { HandoverReport } from '../../shared/report/model.js';
import { canonicalJson } from '../../shared/report/canonical.js';
import { iso } from '../../shared/clock.js';
import { testApp } from '../support/app.js';
import { addPerson, signInAs } from '../support/sign-in.js';

export const MIN = 60_000;
export const START = Date.parse('2024-07-26T16:00:00.000Z');
export const at = (minutes: number) => iso(START + minutes * MIN);
// Two watch officers with their own accounts (made by firstShift); a report names them by their role.
export const elise = { name: 'Capt. Élise Moreau', role: 'watch_officer', desk: 'D1' };
export const marc = { name: 'Lt. Marc Dubois', role: 'watch_officer', desk: 'D1' };
export const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
export const refs = (list: { reference: string }[]) => list.map((i) => i.reference);

/** Same content, whoever previewed it and when: outgoing officer and generation time blanked. */
export const content = (m: HandoverReport) =>
  canonicalJson({ ...m, header: { ...m.header, outgoing: null, generatedAt: '' } });

/** A login and passphrase, as addPerson answers them. */
export interface Credentials {
  login: string;
  passphrase: string;
}

/** acknowledgeHandover's input for a preview window: the incoming officer signs in with their own login. */
export function ackBy(
  incoming: Credentials,
  w: CallInput<'previewHandover'> = window1,
): CallInput<'acknowledgeHandover'> {
  const { incomingName: _name, incomingRole: _role, ...rest } = w;
  return { ...rest, incomingLogin: incoming.login, incomingPassphrase: incoming.passphrase };
}

/**
 * 16:00 Élise signs in at D1. 16:05 a P2 bag (A, INC-0726-0009), acknowledged, unit U1 assigned,
 * a note. 16:10 a P3 at the Trocadéro (B, INC-0726-0010). 16:15 A raised to P1. 16:20-16:21 the
 * seeded INC-0726-0003 resolved and closed. 16:25 U2 stood down, U3 back on duty. Clock: 16:30.
 */
export function firstShift() {
  const t = testApp();
  const people = {
    elise: addPerson(t.app.ctx, elise.name),
    marc: addPerson(t.app.ctx, marc.name),
  };
  signInAs(t.call, people.elise, elise.desk);
  const units = t.call('listUnits', {});
  const available = units.filter((u) => u.status === 'available');
  const pick = (u: Unit | undefined): Unit => {
    if (!u) throw new Error('the seeded exercise has fewer units than this test needs');
    return u;
  };
  const [u1, u2, u4] = [pick(available[0]), pick(available[1]), pick(available[2])];
  const u3 = pick(units.find((u) => u.status === 'off_duty'));
  const step = (minutes: number) => t.real.advance(minutes * MIN);
  const incident = (id: string) => t.call('getIncident', { id }).incident;
  const move = (id: string, action: CallInput<'transitionIncident'>['action']) =>
    t.call('transitionIncident', {
      id,
      version: incident(id).version,
      action,
      // Closing records its outcome.
      ...(action === 'close' ? { reason: 'Handled on site, no follow-up' } : {}),
    });
  const unit = (u: Unit) => t.call('listUnits', {}).find((x) => x.id === u.id) as Unit;

  step(5);
  const a = t.call('createIncident', {
    category: 'unattended_bag',
    priority: 2,
    title: 'Bag under a bench, Pont des Arts',
    source: 'cctv',
    lat: 48.8583,
    lon: 2.3375,
    locationText: 'Quai de Conti',
  });
  move(a.id, 'acknowledge');
  t.call('assignUnit', { incidentId: a.id, unitId: u1.id });
  t.call('addIncidentNote', { incidentId: a.id, text: 'EOD requested, 50 m perimeter' });
  step(5);
  const b = t.call('createIncident', {
    category: 'medical',
    priority: 3,
    title: 'Visitor fainted',
    source: 'phone',
    venueId: 'trocadero',
  });
  step(5);
  t.call('updateIncident', { id: a.id, version: incident(a.id).version, priority: 1 });
  step(5);
  const seeded3 = t.call('listIncidents', {}).find((i) => i.reference === 'INC-0726-0003');
  if (!seeded3) throw new Error('no INC-0726-0003');
  move(seeded3.id, 'resolve');
  step(1);
  move(seeded3.id, 'close');
  step(4);
  t.call('setUnitStatus', { id: u2.id, status: 'off_duty', version: unit(u2).version });
  t.call('setUnitStatus', { id: u3.id, status: 'available', version: unit(u3).version });
  step(5);
  return { ...t, people, a, b, u1, u2, u3, u4, step, incident, move, unit };
}

export const window1 = {
  from: at(0),
  to: at(30),
  incomingName: marc.name,
  pendingActions: ['Call PP about barrier 12', 'K9 ES-GC-K9-05 rests at 17:00'],
  lang: 'en' as const,
};
