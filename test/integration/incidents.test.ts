import { describe, expect, it } from 'vitest';
import { createDesk } from '../../electron/services/desk.js';
import type { CallInput } from '../../shared/api.js';
import type { Unit } from '../../shared/domain.js';
import { formatReference } from '../../shared/reference.js';
import { testApp } from '../support/app.js';
import { expectApiError } from '../support/api-error.js';
import { addPerson, signInAs } from '../support/sign-in.js';

const officer = { name: 'Capt. Élise Moreau', desk: 'D1' };
const bag: CallInput<'createIncident'> = {
  category: 'unattended_bag',
  priority: 2,
  title: 'Sac abandonné quai de Conti',
  description: 'Black rucksack left under a bench near Pont des Arts',
  source: 'cctv',
  reporter: 'CCTV room PP',
  lat: 48.8578,
  lon: 2.3372,
  locationText: 'Quai de Conti, by Pont des Arts',
};

function signedIn() {
  const t = testApp();
  signInAs(t.call, addPerson(t.app.ctx, officer.name), officer.desk);
  const available = (n = 0): Unit => {
    const u = t.call('listUnits', {}).filter((x) => x.status === 'available')[n];
    if (!u) throw new Error('no available unit');
    return u;
  };
  return { ...t, available };
}

const actions = (t: ReturnType<typeof signedIn>, id: string) =>
  t
    .call('listJournal', { limit: 100, entityId: id })
    .map((e) => e.action)
    .reverse();

describe('creating incidents', () => {
  it('gives a daily reference on the exercise clock and journals the creation', () => {
    const t = signedIn();
    const seeded = t.call('listIncidents', { includeClosed: true }).length;
    const a = t.call('createIncident', bag);
    const b = t.call('createIncident', { ...bag, title: 'Second bag' });
    expect(a.reference).toBe(`INC-0726-${String(seeded + 1).padStart(4, '0')}`);
    expect(b.reference).toBe(`INC-0726-${String(seeded + 2).padStart(4, '0')}`);
    expect(a).toMatchObject({ status: 'new', version: 1, createdAt: '2024-07-26T16:00:00.000Z' });
    const [entry] = t.call('listJournal', { limit: 1, entityId: a.id });
    expect(entry).toMatchObject({ action: 'incident.created', operator: officer.name, desk: 'D1' });
  });

  it('writes the daily number with at least four digits, never cut, as formatReference does', () => {
    const t = signedIn();
    const db = t.app.ctx.db;
    const counter = db.prepare("UPDATE incident_sequences SET last = ? WHERE day = '0726'");
    const made = [8, 9998, 9999, 123455].map((last) => {
      counter.run(last);
      return t.call('createIncident', bag).reference;
    });
    expect(made).toEqual([9, 9999, 10000, 123456].map((n) => formatReference('0726', n)));
    expect(made).toEqual(['INC-0726-0009', 'INC-0726-9999', 'INC-0726-10000', 'INC-0726-123456']);
  });

  it('places an incident given only a venue on the venue', () => {
    const t = signedIn();
    const venue = t.call('listVenues', {}).find((v) => v.id.includes('trocadero'));
    if (!venue) throw new Error('no Trocadéro venue');
    const { lat: _lat, lon: _lon, ...rest } = bag;
    const i = t.call('createIncident', { ...rest, venueId: venue.id });
    expect([i.lat, i.lon]).toEqual([venue.lat, venue.lon]);
  });

  it('refuses input without a location, half a point, or an unknown venue, writing nothing', () => {
    const t = signedIn();
    const before = t.call('listJournal', { limit: 1 })[0]?.seq;
    const { lat: _lat, lon: _lon, locationText: _t, ...nowhere } = bag;
    expect(expectApiError(() => t.call('createIncident', nowhere), 'invalid_input').issues?.[0]?.path).toBe(
      'locationText',
    );
    expect(
      expectApiError(() => t.call('createIncident', { ...bag, lon: null }), 'invalid_input').issues?.[0]
        ?.path,
    ).toBe('lon');
    expectApiError(
      () => t.call('createIncident', { ...bag, venueId: 'atlantis' }),
      'invalid_input',
      /venueId/,
    );
    expectApiError(
      () => t.call('createIncident', { ...bag, priority: 5 as never }),
      'invalid_input',
      /priority/,
    );
    expect(t.call('listJournal', { limit: 1 })[0]?.seq).toBe(before);
  });

  it('needs a signed-in operator', () => {
    const t = testApp();
    expectApiError(() => t.call('createIncident', bag), 'unauthorized', /Sign in/);
  });
});

describe('lifecycle and assignment', () => {
  it('walks an incident to closed with its unit following, every step journaled', () => {
    const t = signedIn();
    const unit = t.available();
    let i = t.call('createIncident', bag);
    i = t.call('transitionIncident', { id: i.id, version: i.version, action: 'acknowledge' });
    expect(i.acknowledgedAt).toBe('2024-07-26T16:00:00.000Z');
    t.real.advance(60_000);
    const assigned = t.call('assignUnit', { incidentId: i.id, unitId: unit.id });
    expect(assigned.unit.status).toBe('assigned');
    i = t.call('transitionIncident', { id: i.id, version: i.version, action: 'dispatch' });
    expect(t.call('listUnits', {}).find((u) => u.id === unit.id)?.status).toBe('en_route');
    i = t.call('transitionIncident', { id: i.id, version: i.version, action: 'arrive' });
    expect(t.call('listUnits', {}).find((u) => u.id === unit.id)?.status).toBe('on_scene');
    expect(
      t
        .call('listIncidents', {})
        .find((r) => r.id === i.id)
        ?.assigned.map((a) => a.callsign),
    ).toEqual([unit.callsign]);
    i = t.call('transitionIncident', { id: i.id, version: i.version, action: 'resolve' });
    expect(t.call('listUnits', {}).find((u) => u.id === unit.id)?.status).toBe('available');
    // Closing asks for the outcome: one line, required.
    expectApiError(
      () => t.call('transitionIncident', { id: i.id, version: i.version, action: 'close' }),
      'invalid_input',
      /^reason: The outcome is required to close an incident \(one line\)\.$/,
    );
    expectApiError(
      () =>
        t.call('transitionIncident', {
          id: i.id,
          version: i.version,
          action: 'close',
          reason: 'Bag\ncleared',
        }),
      'invalid_input',
      /^reason: the outcome is one line/,
    );
    const outcome = 'Bag cleared by K9, owner traced';
    i = t.call('transitionIncident', { id: i.id, version: i.version, action: 'close', reason: outcome });
    expect(i).toMatchObject({ status: 'closed', closedAt: '2024-07-26T16:01:00.000Z' });
    expect(t.call('listJournal', { limit: 1, entityId: i.id })[0]?.data).toMatchObject({ reason: outcome });
    expect(t.call('listIncidents', {}).some((r) => r.id === i.id)).toBe(false);
    expect(t.call('listIncidents', { includeClosed: true }).some((r) => r.id === i.id)).toBe(true);
    expect(actions(t, i.id)).toEqual([
      'incident.created',
      'incident.acknowledge',
      'incident.unit_assigned',
      'incident.dispatch',
      'incident.arrive',
      'incident.resolve',
      'incident.unit_released',
      'incident.close',
    ]);
    const detail = t.call('getIncident', { id: i.id });
    expect(detail.timeline.map((e) => e.action)).toEqual(actions(t, i.id));
    expect(detail.assignments).toMatchObject([
      { callsign: unit.callsign, releasedAt: '2024-07-26T16:01:00.000Z' },
    ]);
    expect(actions(t, unit.id)).toEqual([
      'unit.created',
      'unit.status_changed',
      'unit.status_changed',
      'unit.status_changed',
      'unit.status_changed',
    ]);
    expect(t.call('verify', {}).ok).toBe(true);
  });

  it('refuses an illegal transition with a clear message and changes nothing', () => {
    const t = signedIn();
    const i = t.call('createIncident', bag);
    expectApiError(
      () => t.call('transitionIncident', { id: i.id, version: 1, action: 'close' }),
      'conflict',
      /Cannot close an incident that is new/,
    );
    expect(t.call('getIncident', { id: i.id }).incident).toMatchObject({ status: 'new', version: 1 });
  });

  it('reopens a resolved incident only with a reason, and cancels from an open state', () => {
    const t = signedIn();
    let i = t.call('createIncident', bag);
    for (const action of ['acknowledge', 'dispatch', 'arrive', 'resolve'] as const) {
      i = t.call('transitionIncident', { id: i.id, version: i.version, action });
    }
    expectApiError(
      () => t.call('transitionIncident', { id: i.id, version: i.version, action: 'reopen' }),
      'invalid_input',
      /^reason: A reason is required to reopen/,
    );
    i = t.call('transitionIncident', {
      id: i.id,
      version: i.version,
      action: 'reopen',
      reason: 'Second bag found',
    });
    expect(i.status).toBe('acknowledged');
    const [entry] = t.call('listJournal', { limit: 1, entityId: i.id });
    expect(entry?.data).toMatchObject({ from: 'resolved', to: 'acknowledged', reason: 'Second bag found' });
    i = t.call('transitionIncident', { id: i.id, version: i.version, action: 'cancel' });
    expect(i.status).toBe('cancelled');
  });

  it('refuses off-duty and out-of-service units', () => {
    const t = signedIn();
    const i = t.call('createIncident', bag);
    const unit = t.available();
    t.call('setUnitStatus', { id: unit.id, status: 'off_duty', version: unit.version });
    expectApiError(
      () => t.call('assignUnit', { incidentId: i.id, unitId: unit.id }),
      'conflict',
      /off duty and cannot be assigned/,
    );
    const other = t.available(1);
    t.call('setUnitStatus', { id: other.id, status: 'out_of_service', version: other.version });
    expectApiError(
      () => t.call('assignUnit', { incidentId: i.id, unitId: other.id }),
      'conflict',
      /out of service/,
    );
  });

  it('keeps one unit on one incident unless the reassignment is confirmed, and journals it', () => {
    const t = signedIn();
    const first = t.call('createIncident', bag);
    const second = t.call('createIncident', { ...bag, priority: 1, title: 'Crowd surge Pont Alexandre III' });
    const unit = t.available();
    t.call('assignUnit', { incidentId: first.id, unitId: unit.id });
    const err = expectApiError(
      () => t.call('assignUnit', { incidentId: second.id, unitId: unit.id }),
      'conflict',
      /confirm to reassign/,
    );
    expect(err.current).toMatchObject({ reference: first.reference, needsConfirmation: true });
    t.call('assignUnit', { incidentId: second.id, unitId: unit.id, confirmReassign: true });
    expect(t.call('getIncident', { id: first.id }).assignments[0]?.releasedAt).not.toBeNull();
    expect(t.call('getIncident', { id: second.id }).assignments[0]?.releasedAt).toBeNull();
    const [reassigned] = t
      .call('listJournal', { limit: 10, entityId: unit.id })
      .filter((e) => e.action === 'unit.reassigned');
    expect(reassigned?.data).toMatchObject({ from: first.reference, to: second.reference });
  });

  it('releases a unit back to available', () => {
    const t = signedIn();
    const i = t.call('createIncident', bag);
    const unit = t.available();
    t.call('assignUnit', { incidentId: i.id, unitId: unit.id });
    expect(t.call('releaseUnit', { incidentId: i.id, unitId: unit.id }).status).toBe('available');
    expectApiError(
      () => t.call('releaseUnit', { incidentId: i.id, unitId: unit.id }),
      'conflict',
      /not assigned/,
    );
  });
});

describe('concurrency', () => {
  it('refuses a stale edit from a second desk with the current version, never overwriting', () => {
    const t = signedIn();
    const desk2 = createDesk();
    signInAs(t.call, addPerson(t.app.ctx, 'Lt. Sam Okafor'), 'D2', desk2);
    const i = t.call('createIncident', bag);
    const edited = t.call('updateIncident', { id: i.id, version: i.version, priority: 1 }, desk2);
    expect(edited).toMatchObject({ priority: 1, version: 2 });
    const err = expectApiError(
      () => t.call('updateIncident', { id: i.id, version: i.version, title: 'Mine' }),
      'conflict',
      /changed by another desk/,
    );
    expect(err.current).toMatchObject({ priority: 1, version: 2, title: bag.title });
    expectApiError(
      () => t.call('transitionIncident', { id: i.id, version: 1, action: 'acknowledge' }),
      'conflict',
    );
    const [entry] = t.call('listJournal', { limit: 1, entityId: i.id });
    expect(entry).toMatchObject({
      action: 'incident.priority_changed',
      desk: 'D2',
      data: { changes: { priority: { from: 2, to: 1 } } },
    });
  });
});

describe('board and search', () => {
  it('filters by status, priority, category, venue, sector and assigned country', () => {
    const t = signedIn();
    const unit = t.available();
    const a = t.call('createIncident', { ...bag, sector: 'Seine-Est' });
    const b = t.call('createIncident', {
      ...bag,
      category: 'drone_sighting',
      priority: 1,
      title: 'Drone over Trocadéro',
      sector: 'Seine-Ouest',
    });
    t.call('assignUnit', { incidentId: b.id, unitId: unit.id });
    const refs = (input: CallInput<'listIncidents'>) =>
      t.call('listIncidents', input).map((r) => r.reference);
    expect(refs({ categories: ['drone_sighting'] })).toEqual(expect.arrayContaining([b.reference]));
    expect(refs({ categories: ['drone_sighting'] })).not.toContain(a.reference);
    expect(refs({ sector: 'Seine-Est' })).toContain(a.reference);
    expect(refs({ sector: 'Seine-Est' })).not.toContain(b.reference);
    expect(refs({ country: unit.country as string })).toContain(b.reference);
    expect(refs({ country: unit.country as string })).not.toContain(a.reference);
    expect(refs({ statuses: ['new'], priorities: [1] })).toContain(b.reference);
    expect(t.call('listIncidents', { priorities: [1] }).every((r) => r.priority === 1)).toBe(true);
  });

  it('searches titles, descriptions and notes, folding accents, treating query syntax as text', () => {
    const t = signedIn();
    const i = t.call('createIncident', { ...bag, title: 'Colis suspect Pont d’Iéna' });
    const refs = (text: string) => t.call('listIncidents', { text }).map((r) => r.reference);
    expect(refs('iena')).toContain(i.reference);
    expect(refs('rucksack bench')).toContain(i.reference);
    expect(refs('rucksack helicopter')).not.toContain(i.reference);
    expect(refs('velo')).not.toContain(i.reference);
    t.call('addIncidentNote', { incidentId: i.id, text: 'Owner traced: a vélo courier, bag returned' });
    expect(refs('velo')).toContain(i.reference);
    expect(refs('cour')).toContain(i.reference);
    expect(() => refs('"unbalanced AND (OR NEAR(')).not.toThrow();
    expect(refs("Robert'); DROP TABLE incidents;--")).toEqual([]);
    expect(t.call('listIncidents', { includeClosed: true }).length).toBeGreaterThan(1);
  });

  it('keeps notes append-only, stamped with operator and desk', () => {
    const t = signedIn();
    const i = t.call('createIncident', bag);
    const note = t.call('addIncidentNote', { incidentId: i.id, text: 'K9 team requested' });
    expect(note).toMatchObject({ operator: officer.name, desk: 'D1', at: '2024-07-26T16:00:00.000Z' });
    expect(() => t.app.db.prepare('UPDATE incident_notes SET text = ?').run('x')).toThrow(/append-only/);
    expect(() => t.app.db.prepare('DELETE FROM incident_notes').run()).toThrow(/append-only/);
    expect(t.call('getIncident', { id: i.id }).notes.map((n) => n.text)).toEqual(['K9 team requested']);
  });
});
