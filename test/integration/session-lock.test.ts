// The desk's session lock: lockSession / unlockSession / setIdleLock, journaled; while locked,
// every write is refused ('forbidden', "Desk locked") and reads go on; only the same operator
// resumes, or a new sign-in replaces them.
import { describe, expect, it } from 'vitest';
import { testApp } from '../support/app.js';
import { expectApiError } from '../support/api-error.js';

const incident = {
  category: 'other',
  priority: 3,
  title: 'Sac abandonné',
  source: 'radio',
  locationText: 'Pont Alexandre III',
} as const;

function signedIn() {
  const t = testApp();
  t.call('signIn', { name: 'Capt. Moreau', role: 'chef de salle', desk: 'D1' });
  return t;
}

const lastActions = (t: ReturnType<typeof testApp>, n: number) =>
  t.call('listJournal', { limit: n }).map((e) => `${e.action} ${e.operator}`);

describe('session lock', () => {
  it('locks the desk: writes refused with "Desk locked", reads still answered, journaled', () => {
    const t = signedIn();
    const view = t.call('lockSession', { reason: 'idle' });
    expect(view.lock).toMatchObject({ locked: true, idleLockMinutes: 10 });
    expect(view.lock.lockedAt).toEqual(expect.any(String));
    expect(view.operator?.name).toBe('Capt. Moreau');
    expectApiError(() => t.call('createIncident', incident), 'forbidden', /Desk locked/);
    const unit = t.call('listUnits', {})[0];
    expect(unit).toBeDefined();
    expectApiError(
      () => t.call('setUnitStatus', { id: unit?.id ?? '', status: 'off_duty', version: unit?.version ?? 1 }),
      'forbidden',
      /Desk locked/,
    );
    expect(t.call('getSession', {}).lock.locked).toBe(true);
    expect(lastActions(t, 1)).toEqual(['operator.session_locked Capt. Moreau']);
    expect(t.call('listJournal', { limit: 1 })[0]?.data).toEqual({ reason: 'idle' });
    // Locking again adds nothing.
    t.call('lockSession', {});
    expect(lastActions(t, 1)).toEqual(['operator.session_locked Capt. Moreau']);
  });

  it('resumes only for the same operator (name, any case); anyone else is refused', () => {
    const t = signedIn();
    t.call('lockSession', {});
    expectApiError(() => t.call('unlockSession', { name: 'Lt. Girard' }), 'forbidden', /only Capt\. Moreau/);
    expect(t.call('getSession', {}).lock.locked).toBe(true);
    const view = t.call('unlockSession', { name: '  capt. moreau ' });
    expect(view.lock).toMatchObject({ locked: false, lockedAt: null });
    expect(t.call('createIncident', incident).title).toBe('Sac abandonné');
    expect(lastActions(t, 2)).toEqual([
      'incident.created Capt. Moreau',
      'operator.session_unlocked Capt. Moreau',
    ]);
  });

  it('a new sign-in replaces the locked operator and opens the desk', () => {
    const t = signedIn();
    t.call('lockSession', {});
    t.call('signIn', { name: 'Lt. Girard', role: 'opérateur', desk: 'D1' });
    expect(t.call('getSession', {}).lock.locked).toBe(false);
    const made = t.call('createIncident', incident);
    expect(t.call('listJournal', { entityId: made.id, limit: 1 })[0]?.operator).toBe('Lt. Girard');
  });

  it('without a signed-in operator there is nothing to lock, and unlock of an open desk is a no-op', () => {
    const t = testApp();
    expect(t.call('lockSession', {}).lock.locked).toBe(false);
    expect(t.call('unlockSession', { name: 'x' }).lock.locked).toBe(false);
  });

  it('the idle time is one journaled setting per database, 0-480 minutes, 0 = never', () => {
    const t = signedIn();
    expect(t.call('setIdleLock', { minutes: 5 }).lock.idleLockMinutes).toBe(5);
    expect(t.call('listJournal', { limit: 1 })[0]).toMatchObject({
      action: 'settings.idle_lock_changed',
      data: { from: 10, to: 5 },
    });
    expect(t.call('setIdleLock', { minutes: 0 }).lock.idleLockMinutes).toBe(0);
    expectApiError(() => t.call('setIdleLock', { minutes: 481 }), 'invalid_input');
    const other = testApp(t.dbPath);
    expect(other.call('getSession', {}).lock.idleLockMinutes).toBe(0);
    expectApiError(() => other.call('setIdleLock', { minutes: 3 }), 'forbidden', /Sign in first/);
    t.call('lockSession', {});
    expectApiError(() => t.call('setIdleLock', { minutes: 3 }), 'forbidden', /Desk locked/);
  });
});
