// The desk's session lock: lockSession / unlockSession / setIdleLock, journaled; while locked,
// every write is refused ('forbidden', "Desk locked") and reads go on; only the same operator
// resumes, with their own passphrase, or a new sign-in replaces them.
import { describe, expect, it } from 'vitest';
import { createDesk } from '../../electron/services/desk.js';
import type { Role } from '../../shared/roles.js';
import { testApp } from '../support/app.js';
import { expectApiError } from '../support/api-error.js';
import { addPerson, signInAs } from '../support/sign-in.js';

const incident = {
  category: 'other',
  priority: 3,
  title: 'Sac abandonné',
  source: 'radio',
  locationText: 'Pont Alexandre III',
} as const;

/** The exercise with Capt. Moreau signed in at D1; their passphrase for the unlock. */
function signedIn(role: Role = 'watch_officer') {
  const t = testApp();
  const moreau = addPerson(t.app.ctx, 'Capt. Moreau', role);
  signInAs(t.call, moreau, 'D1');
  return { ...t, moreau };
}

const lastActions = (t: ReturnType<typeof testApp>, n: number) =>
  t.call('listJournal', { limit: n }).map((e) => `${e.action} ${e.operator}`);

/** What an unlock could touch besides the journal: the desk's sign-ins and the accounts. */
const rows = (t: ReturnType<typeof testApp>) =>
  t.app.db
    .prepare('SELECT (SELECT count(*) FROM operators) AS o, (SELECT count(*) FROM accounts) AS a')
    .get();

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

  it('refuses a wrong passphrase, writing only the failure to the journal; the right one resumes', () => {
    const t = signedIn();
    const girard = addPerson(t.app.ctx, 'Lt. Girard');
    t.call('lockSession', {});
    for (const wrong of ['not-the-passphrase', girard.passphrase]) {
      const seq = t.call('listJournal', { limit: 1 })[0]?.seq ?? 0;
      const before = rows(t);
      expectApiError(
        () => t.call('unlockSession', { passphrase: wrong }),
        'unauthorized',
        /Passphrase not recognised: Capt\. Moreau's desk stays locked/,
      );
      const written = t.call('listJournal', { limit: 5 }).filter((e) => e.seq > seq);
      expect(written).toHaveLength(1);
      expect(written[0]).toMatchObject({
        action: 'operator.sign_in_failed',
        desk: 'D1',
        entityId: t.moreau.login,
        data: { login: t.moreau.login, reason: 'passphrase' },
      });
      expect(rows(t)).toEqual(before);
      expect(t.call('getSession', {}).lock.locked).toBe(true);
      expectApiError(() => t.call('createIncident', incident), 'forbidden', /Desk locked/);
    }
    const view = t.call('unlockSession', { passphrase: t.moreau.passphrase });
    expect(view.lock).toMatchObject({ locked: false, lockedAt: null });
    expect(view.operator?.name).toBe('Capt. Moreau');
    expect(t.call('createIncident', incident).title).toBe('Sac abandonné');
    expect(lastActions(t, 2)).toEqual([
      'incident.created Capt. Moreau',
      'operator.session_unlocked Capt. Moreau',
    ]);
  });

  it('counts wrong unlock passphrases towards the login lockout', () => {
    const t = signedIn();
    t.call('lockSession', {});
    for (let i = 0; i < 5; i++)
      expectApiError(() => t.call('unlockSession', { passphrase: `wrong-${i}` }), 'unauthorized');
    expect(t.call('listJournal', { limit: 1 })[0]).toMatchObject({
      action: 'operator.login_locked',
      entityId: t.moreau.login,
    });
    // Locked out: even the right passphrase is refused for now, and the desk stays locked.
    expectApiError(
      () => t.call('unlockSession', { passphrase: t.moreau.passphrase }),
      'unauthorized',
      /locked for 10 more minutes/,
    );
    expect(t.call('getSession', {}).lock.locked).toBe(true);
    t.real.advance(10 * 60_000 + 1);
    expect(t.call('unlockSession', { passphrase: t.moreau.passphrase }).lock.locked).toBe(false);
  });

  it('a new sign-in replaces the locked operator and opens the desk', () => {
    const t = signedIn();
    t.call('lockSession', {});
    signInAs(t.call, addPerson(t.app.ctx, 'Lt. Girard'), 'D1');
    expect(t.call('getSession', {}).lock.locked).toBe(false);
    const made = t.call('createIncident', incident);
    expect(t.call('listJournal', { entityId: made.id, limit: 1 })[0]?.operator).toBe('Lt. Girard');
  });

  it('without a signed-in operator there is nothing to lock, and unlock of an open desk is a no-op', () => {
    const t = testApp();
    expectApiError(() => t.call('lockSession', {}), 'unauthorized', /Sign in first/);
    expectApiError(() => t.call('unlockSession', { passphrase: 'x' }), 'unauthorized', /Sign in first/);
    signInAs(t.call, 'officer', 'D1');
    const seq = t.call('listJournal', { limit: 1 })[0]?.seq;
    expect(t.call('unlockSession', { passphrase: 'x' }).lock.locked).toBe(false);
    expect(t.call('listJournal', { limit: 1 })[0]?.seq).toBe(seq);
  });

  it('the idle time is one journaled setting per database, 0-480 minutes, 0 = never', () => {
    const t = signedIn('supervisor');
    expect(t.call('setIdleLock', { minutes: 5 }).lock.idleLockMinutes).toBe(5);
    expect(t.call('listJournal', { limit: 1 })[0]).toMatchObject({
      action: 'settings.idle_lock_changed',
      operator: 'Capt. Moreau',
      data: { from: 10, to: 5 },
    });
    expect(t.call('setIdleLock', { minutes: 0 }).lock.idleLockMinutes).toBe(0);
    expectApiError(() => t.call('setIdleLock', { minutes: 481 }), 'invalid_input');
    const other = testApp(t.dbPath);
    expect(other.call('getSession', {}).lock.idleLockMinutes).toBe(0);
    expectApiError(() => other.call('setIdleLock', { minutes: 3 }), 'unauthorized', /Sign in first/);
    // A supervisor's setting: a watch officer is refused.
    const officer = createDesk();
    signInAs(other.call, 'officer', 'D2', officer);
    expectApiError(() => other.call('setIdleLock', { minutes: 3 }, officer), 'forbidden', /supervisor/);
    expect(other.call('getSession', {}, officer).lock.idleLockMinutes).toBe(0);
    t.call('lockSession', {});
    expectApiError(() => t.call('setIdleLock', { minutes: 3 }), 'forbidden', /Desk locked/);
  });
});
