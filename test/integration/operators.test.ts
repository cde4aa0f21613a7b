// Operators' accounts: sign-in by passphrase with lockout, the refusals' messages and journal
// entries, supervisors managing accounts, and typed-name operators of older databases migrated.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/services/dispatch.js';
import { createDesk } from '../../electron/services/desk.js';
import { openVigie } from '../../electron/services/app.js';
import { testApp, REAL_START } from '../support/app.js';
import { addPerson, DEMO, signInAs, signInInput } from '../support/sign-in.js';
import { paths } from '../support/temp.js';
import { fixedClock } from '../../shared/clock.js';
import { findLogin, passHash } from '../../electron/store/accounts.js';

const MIN = 60_000;

function world() {
  const t = testApp();
  const sup = createDesk();
  signInAs(t.call, 'supervisor', 'SUP', sup);
  const journal = (action: string) =>
    t.call('listJournal', { limit: 200 }, sup).filter((e) => e.action === action);
  const attempt = (input: ReturnType<typeof signInInput>) =>
    dispatch(t.app.handlers, 'signIn', input, createDesk());
  return { t, sup, journal, attempt };
}

describe('signing in', () => {
  it('refuses a wrong passphrase and an unknown login with the same words, and journals both', () => {
    const { journal, attempt } = world();
    const wrong = attempt({ login: 'officer', passphrase: 'not-the-passphrase', desk: 'D9' });
    const unknown = attempt({ login: 'nobody', passphrase: 'not-the-passphrase', desk: 'D9' });
    for (const r of [wrong, unknown]) {
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('unauthorized');
      expect(r.error.message).toBe('Sign-in refused: login or passphrase not recognised.');
    }
    const failed = journal('operator.sign_in_failed');
    expect(failed.map((e) => [(e.data as { login: string }).login, e.desk, e.operator])).toEqual([
      ['nobody', 'D9', 'anonymous'],
      ['officer', 'D9', 'anonymous'],
    ]);
    // Which one was wrong is for the journal's reader, never for the one signing in.
    expect(failed.map((e) => (e.data as { reason: string }).reason).sort()).toEqual([
      'passphrase',
      'unknown_login',
    ]);
    expect(JSON.stringify(failed)).not.toContain('not-the-passphrase');
  });

  it('locks a login for 10 minutes after 5 failures in 10 minutes, even for the right passphrase', () => {
    const { t, journal, attempt } = world();
    for (let i = 0; i < 5; i++) {
      t.real.advance(MIN);
      attempt({ login: 'officer', passphrase: `guess-${i}`, desk: 'D9' });
    }
    expect(journal('operator.login_locked')).toHaveLength(1);
    const locked = attempt(signInInput('officer', 'D9'));
    expect(locked.ok ? 'ok' : locked.error.message).toMatch(
      /locked for 10 more minutes after 5 failed attempts/,
    );
    // Other logins are not affected.
    expect(attempt(signInInput('liaison-es', 'D9')).ok).toBe(true);
    t.real.advance(9 * MIN);
    expect(attempt(signInInput('officer', 'D9')).ok).toBe(false);
    t.real.advance(2 * MIN);
    expect(attempt(signInInput('officer', 'D9')).ok).toBe(true);
  });

  it('does not lock for 5 failures spread over more than 10 minutes', () => {
    const { t, journal, attempt } = world();
    for (let i = 0; i < 5; i++) {
      t.real.advance(3 * MIN);
      attempt({ login: 'officer', passphrase: `guess-${i}`, desk: 'D9' });
    }
    expect(journal('operator.login_locked')).toHaveLength(0);
    expect(attempt(signInInput('officer', 'D9')).ok).toBe(true);
  });

  it('refuses a disabled account (403), and a disabled operator already signed in is stopped at once', () => {
    const { t, sup, attempt } = world();
    const desk = createDesk();
    signInAs(t.call, 'officer', 'D2', desk);
    const officer = t.call('listOperators', {}, sup).find((a) => a.login === 'officer');
    if (!officer) throw new Error('no officer account');
    t.call('updateOperator', { id: officer.id, version: officer.version, disabled: true }, sup);
    const r = attempt(signInInput('officer', 'D3'));
    expect(r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`).toBe(
      'forbidden: Sign-in refused: this account is disabled. Ask a supervisor.',
    );
    const live = dispatch(t.app.handlers, 'listIncidents', {}, desk);
    expect(live.ok ? 'ok' : live.error.code).toBe('unauthorized');
    expect(dispatch(t.app.handlers, 'signOut', {}, desk).ok).toBe(true);
  });
});

describe('supervisors manage operators', () => {
  it('adds, changes the role of, disables and resets an operator; all journaled without the passphrase', () => {
    const { t, sup, journal } = world();
    const added = t.call(
      'addOperator',
      { login: 'l.dubois', name: 'Lt. Léa Dubois', role: 'watch_officer', passphrase: 'la seine à minuit' },
      sup,
    );
    expect(added).toMatchObject({
      login: 'l.dubois',
      role: 'watch_officer',
      disabled: false,
      needsPassphrase: false,
    });
    const desk = createDesk();
    expect(signInAs(t.call, { login: 'l.dubois', passphrase: 'la seine à minuit' }, 'D4', desk).name).toBe(
      'Lt. Léa Dubois',
    );
    const liaison = t.call(
      'updateOperator',
      { id: added.id, version: added.version, role: 'liaison', contingentId: 'es-pn' },
      sup,
    );
    expect(liaison).toMatchObject({ role: 'liaison', contingentId: 'es-pn', country: 'ES' });
    const reset = t.call('resetPassphrase', { id: added.id, passphrase: 'le pont neuf la nuit' }, sup);
    expect(reset.version).toBe(liaison.version + 1);
    expect(
      dispatch(
        t.app.handlers,
        'signIn',
        signInInput({ login: 'l.dubois', passphrase: 'la seine à minuit' }),
        createDesk(),
      ).ok,
    ).toBe(false);
    const actions = ['operator.account_added', 'operator.account_changed', 'operator.passphrase_reset'];
    for (const a of actions) expect(journal(a).at(0)?.operator, a).toBe(DEMO.supervisor.name);
    const all = JSON.stringify(t.call('listJournal', { limit: 500 }, sup));
    expect(all).not.toContain('la seine à minuit');
    expect(all).not.toContain('le pont neuf la nuit');
    expect(all).not.toContain('scrypt');
    // A real account costs 2^15 even in a test run, where the harness makes only the demo logins
    // cheap (VIGIE_TEST_DEMO_SCRYPT_N): the cost each hash records is the one its check uses.
    expect(passHash(t.app.ctx.db, added.id)).toMatch(/^scrypt\$32768\$8\$1\$/);
    const officer = findLogin(t.app.ctx.db, 'officer');
    expect(passHash(t.app.ctx.db, officer?.id ?? '')).toMatch(
      new RegExp(`^scrypt\\$${process.env['VIGIE_TEST_DEMO_SCRYPT_N'] ?? 32768}\\$8\\$1\\$`),
    );
  });

  it('names the field and the reason for bad input, and never stores half an account', () => {
    const { t, sup } = world();
    const bad = (input: unknown) => dispatch(t.app.handlers, 'addOperator', input, sup);
    const cases: [unknown, string][] = [
      [{ login: 'x', name: 'A', role: 'watch_officer', passphrase: 'long enough passphrase' }, 'login'],
      [{ login: 'ab', name: 'A', role: 'watch_officer', passphrase: 'short' }, 'passphrase'],
      [{ login: 'ab', name: 'A', role: 'liaison', passphrase: 'long enough passphrase' }, 'contingentId'],
      [{ login: 'ab', name: 'A', role: 'observer', passphrase: 'long enough passphrase' }, 'country'],
      [
        {
          login: 'ab',
          name: 'A',
          role: 'liaison',
          contingentId: 'xx-none',
          passphrase: 'long enough passphrase',
        },
        'contingentId',
      ],
      [{ login: 'officer', name: 'A', role: 'watch_officer', passphrase: 'long enough passphrase' }, 'login'],
    ];
    const count = () => t.call('listOperators', {}, sup).length;
    const before = count();
    for (const [input, field] of cases) {
      const r = bad(input);
      expect(r.ok, JSON.stringify(input)).toBe(false);
      if (!r.ok) expect(r.error.issues?.[0]?.path, JSON.stringify(input)).toBe(field);
    }
    expect(count()).toBe(before);
  });

  it('keeps the last supervisor: cannot disable or demote the only one left', () => {
    const { t, sup } = world();
    const me = t.call('listOperators', {}, sup).find((a) => a.login === 'supervisor');
    if (!me) throw new Error('no supervisor account');
    for (const change of [{ disabled: true }, { role: 'watch_officer' as const }]) {
      const r = dispatch(
        t.app.handlers,
        'updateOperator',
        { id: me.id, version: me.version, ...change },
        sup,
      );
      expect(r.ok ? 'ok' : r.error.code, JSON.stringify(change)).toBe('conflict');
    }
  });
});

describe('older databases', () => {
  it('turn the names typed at sign-in into disabled accounts that a supervisor enables with a passphrase', () => {
    const t = testApp();
    // A schema-5 database's sign-ins: operators rows with a typed name and no account.
    t.app.db
      .prepare(`INSERT INTO operators (id, name, role, desk, signed_in_at) VALUES (?, ?, ?, ?, ?)`)
      .run(
        '01OLDSIGNIN0000000000000001',
        'Capt. Élise Moreau',
        'Chef de salle',
        'D1',
        '2024-07-26T15:00:00.000Z',
      );
    const path = t.dbPath;
    t.app.close();
    const again = openVigie({ dbPath: path, resourcesDir: paths.resources, real: fixedClock(REAL_START) });
    try {
      const sup = createDesk();
      const call = (name: string, input: unknown) => {
        const r = dispatch(again.handlers, name, input, sup);
        if (!r.ok) throw new Error(r.error.message);
        return r.value as never;
      };
      call('signIn', signInInput('supervisor', 'SUP'));
      const migrated = (
        call('listOperators', {}) as {
          login: string;
          name: string;
          disabled: boolean;
          needsPassphrase: boolean;
          id: string;
        }[]
      ).find((a) => a.name === 'Capt. Élise Moreau');
      expect(migrated).toMatchObject({ login: 'capt.elise.moreau', disabled: true, needsPassphrase: true });
      const refused = dispatch(
        again.handlers,
        'signIn',
        { login: 'capt.elise.moreau', passphrase: 'anything at all', desk: 'D1' },
        createDesk(),
      );
      expect(refused.ok).toBe(false);
      call('resetPassphrase', { id: migrated?.id, passphrase: 'the watch goes on' });
      const desk = createDesk();
      const signed = dispatch(
        again.handlers,
        'signIn',
        { login: 'capt.elise.moreau', passphrase: 'the watch goes on', desk: 'D1' },
        desk,
      );
      expect(signed.ok ? (signed.value as { name: string }).name : signed.error.message).toBe(
        'Capt. Élise Moreau',
      );
      const entries = call('listJournal', { limit: 50 }) as { action: string; data: { name?: string } }[];
      expect(
        entries.some((e) => e.action === 'operator.account_migrated' && e.data.name === 'Capt. Élise Moreau'),
      ).toBe(true);
    } finally {
      again.close();
    }
  });

  it('a person added for a test signs in under their own name', () => {
    const t = testApp();
    const p = addPerson(t.app.ctx, 'Maj. Karim Haddad');
    expect(signInAs(t.call, p, 'D7').name).toBe('Maj. Karim Haddad');
  });
});
