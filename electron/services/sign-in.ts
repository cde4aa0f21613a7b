// Signing in with a login and passphrase (CJIS 5.5.3: 5 failures in 10 minutes lock the login for
// 10 minutes). Failures and lockouts are journaled under the login typed, whether or not an
// account has it, so the lockout and the messages say nothing about which logins exist.
import type { Ctx } from './context.js';
import { journal } from './context.js';
import type { Desk } from './desk.js';
import type { Operator } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { iso } from '../../shared/clock.js';
import { findLogin, passHash, type AccountRow } from '../store/accounts.js';
import { loginEvents } from '../store/login-events.js';
import { insertOperator, signOutOperator } from '../store/operators.js';
import { checkPassphrase } from './passphrase.js';
import { newId } from './ids.js';

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 10 * 60_000;
export const LOCKOUT_MS = 10 * 60_000;

const NOT_RECOGNISED = 'Sign-in refused: login or passphrase not recognised.';

/** Until when (epoch ms) the login is locked, or null. */
export function lockedUntil(ctx: Ctx, login: string): number | null {
  const now = ctx.real.now();
  const until = loginEvents(ctx.db, login, iso(now - LOCKOUT_MS - FAILURE_WINDOW_MS))
    .filter((e) => e.action === 'operator.login_locked')
    .map((e) => Date.parse(e.until ?? ''))
    .filter((t) => t > now);
  return until.length ? Math.max(...until) : null;
}

const anonymous = (desk: string): Operator => ({
  id: 'anonymous',
  name: 'anonymous',
  role: 'anonymous',
  desk,
});

/** Journals a failed attempt and, at the fifth in the window, the lockout. */
export function recordFailure(ctx: Ctx, login: string, desk: string, reason: string): void {
  ctx.db.transaction(() => {
    journal(ctx, anonymous(desk), {
      action: 'operator.sign_in_failed',
      entityType: 'login',
      entityId: login,
      data: { login, reason },
    });
    const now = ctx.real.now();
    const events = loginEvents(ctx.db, login, iso(now - FAILURE_WINDOW_MS - LOCKOUT_MS));
    const lastLockEnd = Math.max(0, ...events.filter((e) => e.until).map((e) => Date.parse(e.until ?? '')));
    const since = Math.max(now - FAILURE_WINDOW_MS, lastLockEnd);
    const failures = events.filter(
      (e) =>
        e.action === 'operator.sign_in_failed' && e.reason !== 'locked' && Date.parse(e.recordedAt) >= since,
    ).length;
    if (failures >= MAX_FAILURES)
      journal(ctx, anonymous(desk), {
        action: 'operator.login_locked',
        entityType: 'login',
        entityId: login,
        data: { login, failures, until: iso(now + LOCKOUT_MS) },
      });
  })();
}

function refuseIfLocked(ctx: Ctx, login: string, desk: string): void {
  const until = lockedUntil(ctx, login);
  if (until === null) return;
  recordFailure(ctx, login, desk, 'locked');
  const minutes = Math.ceil((until - ctx.real.now()) / 60_000);
  throw new ApiError({
    code: 'unauthorized',
    message: `Sign-in refused: this login is locked for ${minutes} more minute${minutes === 1 ? '' : 's'} after ${MAX_FAILURES} failed attempts.`,
  });
}

/** The account if the passphrase is its own; otherwise journals the failure and refuses. */
export function authenticate(ctx: Ctx, login: string, passphrase: string, desk: string): AccountRow {
  refuseIfLocked(ctx, login, desk);
  const account = findLogin(ctx.db, login);
  // Checked even for an unknown login (against a decoy), so the time taken tells nothing either.
  const ok = checkPassphrase(passphrase, account ? passHash(ctx.db, account.id) : null);
  if (!account || !ok) {
    recordFailure(ctx, login, desk, account ? 'passphrase' : 'unknown_login');
    throw new ApiError({ code: 'unauthorized', message: NOT_RECOGNISED });
  }
  if (account.disabled) {
    recordFailure(ctx, login, desk, 'disabled');
    throw new ApiError({
      code: 'forbidden',
      message: 'Sign-in refused: this account is disabled. Ask a supervisor.',
    });
  }
  return account;
}

/** The account if the passphrase is its own, writing nothing (a read-only copy); the same refusals. */
export function verifyPassphrase(ctx: Ctx, login: string, passphrase: string): AccountRow {
  const account = findLogin(ctx.db, login);
  const ok = checkPassphrase(passphrase, account ? passHash(ctx.db, account.id) : null);
  if (!account || !ok || lockedUntil(ctx, login) !== null)
    throw new ApiError({ code: 'unauthorized', message: NOT_RECOGNISED });
  if (account.disabled)
    throw new ApiError({
      code: 'forbidden',
      message: 'Sign-in refused: this account is disabled. Ask a supervisor.',
    });
  return account;
}

export const operatorOf = (a: AccountRow, signInId: string, desk: string): Operator => ({
  id: signInId,
  accountId: a.id,
  login: a.login,
  name: a.name,
  role: a.role,
  desk,
  contingentId: a.contingentId,
  country: a.reads,
});

/** Signs `account` in on the desk, signing out whoever was there: one transaction, journaled. */
export function openSession(ctx: Ctx, desk: Desk, account: AccountRow, deskName: string): Operator {
  const operator = ctx.db.transaction(() => recordSession(ctx, desk, account, deskName))();
  desk.operator = operator;
  desk.lockedAt = null;
  return operator;
}

/**
 * Call inside a transaction: the sign-in's rows and journal entries, the desk's previous operator
 * signed out. The desk itself changes only once the caller's transaction has committed.
 */
export function recordSession(ctx: Ctx, desk: Desk, account: AccountRow, deskName: string): Operator {
  const operator = operatorOf(account, newId(ctx.clock), deskName);
  const at = iso(ctx.clock.now());
  closeSessionRecord(ctx, desk, at);
  insertOperator(ctx.db, operator, at);
  journal(ctx, operator, {
    action: 'operator.signed_in',
    entityType: 'operator',
    entityId: operator.id,
    data: { login: account.login, name: operator.name, role: operator.role, desk: operator.desk },
  });
  return operator;
}

/** Call inside a transaction: records the desk's current operator as signed out. */
export function closeSessionRecord(ctx: Ctx, desk: Desk, at: string): void {
  const previous = desk.operator;
  if (!previous) return;
  signOutOperator(ctx.db, previous.id, at);
  journal(ctx, previous, {
    action: 'operator.signed_out',
    entityType: 'operator',
    entityId: previous.id,
    data: {},
  });
}

export function signIn(
  ctx: Ctx,
  desk: Desk,
  input: { login: string; passphrase: string; desk: string },
): Operator {
  const account = authenticate(ctx, input.login, input.passphrase, input.desk);
  return openSession(ctx, desk, account, input.desk);
}

export function signOut(ctx: Ctx, desk: Desk): void {
  if (!desk.operator) return;
  ctx.db.transaction(() => closeSessionRecord(ctx, desk, iso(ctx.clock.now())))();
  desk.operator = null;
  desk.lockedAt = null;
}
