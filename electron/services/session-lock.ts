// The desk's session lock (CJIS-style): the UI calls lockSession after the idle time (or on the
// officer's request); while locked, requireOperator refuses every write with 'forbidden'. Only the
// operator who locked it resumes (by name), or a new sign-in replaces them. Lock and resume are
// journaled. Resuming needs the operator's own passphrase; a wrong one counts towards the login's
// lockout like a failed sign-in. The idle time is one value per database, kept in meta.
import type { Ctx } from './context.js';
import { journal, requireOperator } from './context.js';
import type { Desk } from './desk.js';
import type { DeskLock } from '../../shared/api.js';
import { DEFAULT_IDLE_LOCK_MINUTES, MAX_IDLE_LOCK_MINUTES } from '../../shared/api/session.js';
import { ApiError } from '../../shared/errors.js';
import { iso } from '../../shared/clock.js';
import { getMeta, setMeta } from '../store/meta.js';
import { authenticate } from './sign-in.js';

const IDLE_KEY = 'idle_lock_minutes';

export function idleLockMinutes(ctx: Ctx): number {
  const raw = getMeta(ctx.db, IDLE_KEY);
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= MAX_IDLE_LOCK_MINUTES ? n : DEFAULT_IDLE_LOCK_MINUTES;
}

export function deskLock(ctx: Ctx, desk: Desk): DeskLock {
  return { locked: desk.lockedAt !== null, lockedAt: desk.lockedAt, idleLockMinutes: idleLockMinutes(ctx) };
}

/** Locks the desk. Without a signed-in operator there is nothing to lock; locking twice is a no-op. */
export function lockSession(ctx: Ctx, desk: Desk, reason: 'idle' | 'manual'): void {
  const operator = desk.operator;
  if (!operator || desk.lockedAt !== null) return;
  const at = iso(ctx.clock.now());
  ctx.db.transaction(() => {
    journal(ctx, operator, {
      action: 'operator.session_locked',
      entityType: 'operator',
      entityId: operator.id,
      data: { reason },
    });
  })();
  desk.lockedAt = at;
}

/** Resumes a locked desk with the signed-in operator's passphrase; anyone else signs in instead. */
export function unlockSession(ctx: Ctx, desk: Desk, passphrase: string): void {
  const operator = desk.operator;
  if (!operator || desk.lockedAt === null) return;
  if (!operator.login) throw new ApiError({ code: 'unauthorized', message: 'Sign in again.' });
  try {
    authenticate(ctx, operator.login, passphrase, operator.desk);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'unauthorized' && !err.message.includes('locked'))
      throw new ApiError({
        code: 'unauthorized',
        message: `Passphrase not recognised: ${operator.name}'s desk stays locked.`,
      });
    throw err;
  }
  const lockedAt = desk.lockedAt;
  ctx.db.transaction(() => {
    journal(ctx, operator, {
      action: 'operator.session_unlocked',
      entityType: 'operator',
      entityId: operator.id,
      data: { lockedAt },
    });
  })();
  desk.lockedAt = null;
}

export function setIdleLock(ctx: Ctx, desk: Desk, minutes: number): void {
  const who = requireOperator(desk);
  const from = idleLockMinutes(ctx);
  if (from === minutes) return;
  ctx.db.transaction(() => {
    setMeta(ctx.db, IDLE_KEY, String(minutes));
    journal(ctx, who, {
      action: 'settings.idle_lock_changed',
      entityType: 'settings',
      entityId: null,
      data: { from, to: minutes },
    });
  })();
}
