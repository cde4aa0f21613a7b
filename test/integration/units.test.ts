import { describe, expect, it } from 'vitest';
import { createDesk } from '../../electron/services/desk.js';
import { ApiError } from '../../shared/errors.js';
import { UNIT_STATUSES, type Unit } from '../../shared/domain.js';
import { testApp } from '../support/app.js';
import type { Role } from '../../shared/roles.js';
import { addPerson, signInAs } from '../support/sign-in.js';

const OFFICER = 'Capt. Élise Moreau';
const MIN = 60_000;

function apiError(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error('expected an ApiError');
}

/** The exercise with Capt. Moreau signed in at D1 (a watch officer unless told). */
function signedIn(role: Role = 'watch_officer') {
  const t = testApp();
  signInAs(t.call, addPerson(t.app.ctx, OFFICER, role), 'D1');
  return t;
}

const availableUnit = (units: Unit[]): Unit => {
  const u = units.find((x) => x.status === 'available' && x.lat !== null);
  if (!u) throw new Error('no available unit with a position');
  return u;
};

describe('getContingent', () => {
  it('returns the contingent, its units and a count for every status', () => {
    const { call } = signedIn();
    const [contingent] = call('listContingents', {});
    if (!contingent) throw new Error('no contingents');
    const detail = call('getContingent', { id: contingent.id });
    expect(detail.contingent).toEqual(contingent);
    const mine = call('listUnits', {}).filter((u) => u.contingentId === contingent.id);
    expect(detail.units).toEqual(mine);
    expect(Object.keys(detail.statusCounts).sort()).toEqual([...UNIT_STATUSES].sort());
    for (const s of UNIT_STATUSES) {
      expect(detail.statusCounts[s], s).toBe(mine.filter((u) => u.status === s).length);
    }
    expect(apiError(() => call('getContingent', { id: 'nope' })).code).toBe('not_found');
  });
});

describe('unit status rules', () => {
  it('setting the status a unit already has changes and journals nothing', () => {
    const { call } = signedIn();
    const unit = availableUnit(call('listUnits', {}));
    const seq = call('listJournal', { limit: 1 })[0]?.seq;
    expect(call('setUnitStatus', { id: unit.id, status: 'available', version: unit.version })).toEqual(unit);
    expect(call('listJournal', { limit: 1 })[0]?.seq).toBe(seq);
  });

  it('an assigned unit is freed by releasing it from its incident, not by a status change', () => {
    const { call } = signedIn();
    const unit = availableUnit(call('listUnits', {}));
    const incident = call('listIncidents', {}).find((i) => i.status !== 'resolved');
    if (!incident) throw new Error('no open incident');
    const { unit: assigned } = call('assignUnit', { incidentId: incident.id, unitId: unit.id });
    for (const status of ['available', 'off_duty', 'out_of_service'] as const) {
      const err = apiError(() => call('setUnitStatus', { id: unit.id, status, version: assigned.version }));
      expect(err.code).toBe('conflict');
      expect(err.message).toMatch(new RegExp(`${unit.callsign} is working ${incident.reference}`));
    }
    // Moving along the incident's own steps stays allowed.
    const onScene = call('setUnitStatus', { id: unit.id, status: 'on_scene', version: assigned.version });
    expect(onScene.status).toBe('on_scene');
  });

  it('checks the version before anything else', () => {
    const { call } = signedIn();
    const unit = availableUnit(call('listUnits', {}));
    call('setUnitStatus', { id: unit.id, status: 'off_duty', version: unit.version });
    const err = apiError(() =>
      call('setUnitStatus', { id: unit.id, status: 'off_duty', version: unit.version }),
    );
    expect(err.code).toBe('conflict');
    expect(err.current).toMatchObject({ status: 'off_duty', version: unit.version + 1 });
  });
});

describe('moveUnit', () => {
  it('needs a signed-in operator', () => {
    const { call } = testApp();
    const reader = createDesk();
    signInAs(call, 'observer', 'D9', reader);
    const unit = availableUnit(call('listUnits', {}, reader));
    const err = apiError(() =>
      call('moveUnit', { id: unit.id, version: unit.version, lat: 48.86, lon: 2.33, source: 'map_drag' }),
    );
    expect(err.code).toBe('unauthorized');
    expect(call('listUnits', {}, reader).find((u) => u.id === unit.id)).toMatchObject({
      lat: unit.lat,
      lon: unit.lon,
      version: unit.version,
    });
  });

  it('moves the unit, appends to its trail and journals from/to, in one go', () => {
    const { call, real } = signedIn();
    const unit = availableUnit(call('listUnits', {}));
    real.advance(5 * MIN);
    const moved = call('moveUnit', {
      id: unit.id,
      version: unit.version,
      lat: 48.8611,
      lon: 2.3364,
      source: 'typed',
    });
    expect(moved).toMatchObject({
      lat: 48.8611,
      lon: 2.3364,
      positionSource: 'typed',
      positionAt: '2024-07-26T16:05:00.000Z',
      venueId: unit.venueId,
      version: unit.version + 1,
    });
    real.advance(MIN);
    const atVenue = call('moveUnit', {
      id: unit.id,
      version: moved.version,
      lat: 48.9244,
      lon: 2.3602,
      source: 'venue',
      venueId: 'stade-de-france',
    });
    expect(atVenue).toMatchObject({ venueId: 'stade-de-france', positionSource: 'venue' });

    expect(call('listUnitPositions', { id: unit.id })).toEqual([
      { at: '2024-07-26T16:06:00.000Z', lat: 48.9244, lon: 2.3602, source: 'venue' },
      { at: '2024-07-26T16:05:00.000Z', lat: 48.8611, lon: 2.3364, source: 'typed' },
      { at: '2024-07-26T16:00:00.000Z', lat: unit.lat, lon: unit.lon, source: 'scenario' },
    ]);
    expect(call('listUnitPositions', { id: unit.id, limit: 1 })).toHaveLength(1);

    const [last, first] = call('listJournal', { limit: 2, entityId: unit.id });
    expect(first).toMatchObject({
      action: 'unit.moved',
      operator: OFFICER,
      desk: 'D1',
      data: {
        callsign: unit.callsign,
        source: 'typed',
        from: { lat: unit.lat, lon: unit.lon, at: unit.positionAt, venueId: unit.venueId },
        to: { lat: 48.8611, lon: 2.3364, venueId: unit.venueId },
      },
    });
    expect(last).toMatchObject({ action: 'unit.moved', data: { to: { venueId: 'stade-de-france' } } });
    expect(call('verify', {}).ok).toBe(true);
  });

  it('refuses a stale version, an unknown venue and a venue move without a venue, writing nothing', () => {
    const { call } = signedIn();
    const unit = availableUnit(call('listUnits', {}));
    const move = { id: unit.id, lat: 48.86, lon: 2.33, source: 'map_drag' as const };
    call('moveUnit', { ...move, version: unit.version });
    const seq = call('listJournal', { limit: 1 })[0]?.seq;
    const stale = apiError(() => call('moveUnit', { ...move, version: unit.version }));
    expect(stale.code).toBe('conflict');
    expect(stale.current).toMatchObject({ version: unit.version + 1 });
    const venue = apiError(() =>
      call('moveUnit', { ...move, version: unit.version + 1, venueId: 'atlantis' }),
    );
    expect(venue).toMatchObject({ code: 'invalid_input', issues: [{ path: 'venueId' }] });
    const noVenue = apiError(() => call('moveUnit', { ...move, version: unit.version + 1, source: 'venue' }));
    expect(noVenue).toMatchObject({ code: 'invalid_input', issues: [{ path: 'venueId' }] });
    const range = apiError(() => call('moveUnit', { ...move, version: unit.version + 1, lat: 91 }));
    expect(range).toMatchObject({ code: 'invalid_input', issues: [{ path: 'lat' }] });
    expect(call('listJournal', { limit: 1 })[0]?.seq).toBe(seq);
    expect(call('listUnitPositions', { id: unit.id })).toHaveLength(2);
    expect(apiError(() => call('listUnitPositions', { id: 'nope' })).code).toBe('not_found');
  });
});

describe('stale positions', () => {
  it('flags positions older than the setting, on the operation clock', () => {
    const { call, real } = signedIn('supervisor'); // the setting is a supervisor's
    expect(call('getSettings', {})).toMatchObject({ stalePositionMinutes: 30, version: 1 });
    const placed = () => call('listUnits', {}).filter((u) => u.positionAt !== null);
    expect(placed().some((u) => u.positionStale)).toBe(false);

    real.advance(30 * MIN);
    expect(placed().some((u) => u.positionStale)).toBe(false);
    real.advance(1);
    expect(placed().every((u) => u.positionStale)).toBe(true);

    const unit = availableUnit(call('listUnits', {}));
    const moved = call('moveUnit', {
      id: unit.id,
      version: unit.version,
      lat: 48.86,
      lon: 2.33,
      source: 'report',
    });
    expect(moved.positionStale).toBe(false);
    expect(
      call('getContingent', { id: unit.contingentId }).units.find((u) => u.id === unit.id)?.positionStale,
    ).toBe(false);

    const settings = call('updateSettings', { version: 1, stalePositionMinutes: 45 });
    expect(settings).toMatchObject({ stalePositionMinutes: 45, version: 2 });
    expect(placed().some((u) => u.positionStale)).toBe(false);
    const [entry] = call('listJournal', { limit: 1 });
    expect(entry).toMatchObject({
      action: 'settings.updated',
      operator: OFFICER,
      data: { stalePositionMinutes: { from: 30, to: 45 } },
    });
  });

  it('settings changes need a supervisor, a current version and a sane value', () => {
    const { call, app } = testApp();
    expect(apiError(() => call('updateSettings', { version: 1, stalePositionMinutes: 10 })).code).toBe(
      'unauthorized',
    );
    signInAs(call, 'officer', 'D1');
    expect(apiError(() => call('updateSettings', { version: 1, stalePositionMinutes: 10 })).code).toBe(
      'forbidden',
    );
    signInAs(call, addPerson(app.ctx, OFFICER, 'supervisor'), 'D1');
    const other = createDesk();
    signInAs(call, addPerson(app.ctx, 'Lt. Sam Okafor', 'supervisor'), 'D2', other);
    call('updateSettings', { version: 1, stalePositionMinutes: 10 }, other);
    const err = apiError(() => call('updateSettings', { version: 1, stalePositionMinutes: 20 }));
    expect(err).toMatchObject({ code: 'conflict', current: { stalePositionMinutes: 10, version: 2 } });
    const bad = apiError(() => call('updateSettings', { version: 2, stalePositionMinutes: 0 }));
    expect(bad).toMatchObject({ code: 'invalid_input', issues: [{ path: 'stalePositionMinutes' }] });
    // The same value again is no change: no journal entry, same version.
    const seq = call('listJournal', { limit: 1 })[0]?.seq;
    expect(call('updateSettings', { version: 2, stalePositionMinutes: 10 })).toMatchObject({
      stalePositionMinutes: 10,
      version: 2,
    });
    expect(call('listJournal', { limit: 1 })[0]?.seq).toBe(seq);
  });
});
