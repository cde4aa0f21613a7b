import { describe, expect, it } from 'vitest';
import { createDesk } from '../../electron/services/desk.js';
import { expectApiError } from '../support/api-error.js';
import { testApp } from '../support/app.js';
import { addPerson, signInAs, signInInput } from '../support/sign-in.js';

const OFFICER = 'Capt. Élise Moreau';

/** The exercise with Capt. Moreau signed in at D1. */
function withOfficer() {
  const t = testApp();
  signInAs(t.call, addPerson(t.app.ctx, OFFICER), 'D1');
  return t;
}

describe('session', () => {
  it('signs an operator in and journals it under their name and desk', () => {
    const { call, app } = testApp();
    const moreau = addPerson(app.ctx, OFFICER);
    expect(call('getSession', {}).operator).toBeNull();
    const op = signInAs(call, moreau, 'D1');
    expect(op).toMatchObject({ name: OFFICER, login: moreau.login, role: 'watch_officer', desk: 'D1' });
    expect(call('getSession', {}).operator).toEqual(op);
    const [last] = call('listJournal', { limit: 1 });
    expect(last).toMatchObject({
      action: 'operator.signed_in',
      operator: OFFICER,
      role: 'watch_officer',
      desk: 'D1',
      entityId: op.id,
    });
    expect(last?.at.startsWith('2024-07-26T16:00')).toBe(true);
  });

  it('rejects invalid input naming the field', () => {
    const { call } = testApp();
    const err = expectApiError(
      () => call('signIn', { ...signInInput('officer'), login: '' }),
      'invalid_input',
      /signIn: login/,
    );
    expect(err.issues?.[0]?.path).toBe('login');
    expectApiError(() => call('signIn', { ...signInInput('officer'), extra: 1 } as never), 'invalid_input');
    expect(call('getSession', {}).operator).toBeNull();
  });
});

describe('unit status', () => {
  it('needs a signed-in operator', () => {
    const { call } = testApp();
    // Another desk, signed in, reads; this one has nobody.
    const reader = createDesk();
    signInAs(call, 'observer', 'D9', reader);
    const [unit] = call('listUnits', {}, reader);
    if (!unit) throw new Error('no units');
    expectApiError(
      () => call('setUnitStatus', { id: unit.id, status: 'off_duty', version: unit.version }),
      'unauthorized',
      /Sign in/,
    );
    expectApiError(() => call('listUnits', {}), 'unauthorized', /Sign in/);
    expect(call('listUnits', {}, reader)[0]).toMatchObject({ status: unit.status, version: unit.version });
  });

  it('changes status, bumps the version and journals from/to', () => {
    const { call } = withOfficer();
    const unit = call('listUnits', {}).find((u) => u.status === 'available');
    if (!unit) throw new Error('no available unit');
    const after = call('setUnitStatus', { id: unit.id, status: 'off_duty', version: unit.version });
    expect(after).toMatchObject({ status: 'off_duty', version: unit.version + 1 });
    const [entry] = call('listJournal', { limit: 5, entityId: unit.id });
    expect(entry).toMatchObject({
      action: 'unit.status_changed',
      operator: OFFICER,
      desk: 'D1',
      data: { callsign: unit.callsign, from: 'available', to: 'off_duty' },
    });
    expect(call('verify', {}).ok).toBe(true);
  });

  it('refuses a stale update from another desk and returns the current row', () => {
    const { call, app } = withOfficer();
    const other = createDesk();
    signInAs(call, addPerson(app.ctx, 'Lt. Sam Okafor'), 'D2', other);
    const unit = call('listUnits', {})[0];
    if (!unit) throw new Error('no units');
    call('setUnitStatus', { id: unit.id, status: 'en_route', version: unit.version }, other);
    const journalBefore = call('listJournal', { limit: 1 })[0]?.seq;
    const err = expectApiError(
      () => call('setUnitStatus', { id: unit.id, status: 'off_duty', version: unit.version }),
      'conflict',
      /changed by another desk/,
    );
    expect(err.current).toMatchObject({ status: 'en_route', version: unit.version + 1 });
    expect(call('listJournal', { limit: 1 })[0]?.seq).toBe(journalBefore);
  });

  it('answers not_found for an unknown unit', () => {
    const { call } = withOfficer();
    expectApiError(() => call('setUnitStatus', { id: 'nope', status: 'available', version: 1 }), 'not_found');
  });
});

describe('reads', () => {
  it('lists open incidents by priority then age, closed only when asked', () => {
    const { call } = withOfficer();
    const open = call('listIncidents', {});
    const keys = open.map((i) => `${i.priority}|${i.createdAt}`);
    expect(keys).toEqual([...keys].sort());
    expect(open.every((i) => i.status !== 'closed' && i.status !== 'cancelled')).toBe(true);
  });

  it('joins units to their contingent country and agency', () => {
    const { call } = withOfficer();
    const units = call('listUnits', {});
    const contingents = new Map(call('listContingents', {}).map((c) => [c.id, c]));
    for (const u of units) expect(u.country).toBe(contingents.get(u.contingentId)?.country);
    expect(call('listVenues', {}).length).toBeGreaterThanOrEqual(18);
    expect(call('listZones', {}).length).toBeGreaterThan(0);
  });
});
