// What every service needs: the database, the operation clock and the real clock (for the
// journal's recorded_at), and how to journal a change under the desk's operator.
import type { Db } from '../store/db.js';
import type { Clock } from '../../shared/clock.js';
import { iso } from '../../shared/clock.js';
import { appendEntry } from '../store/journal.js';
import { ApiError } from '../../shared/errors.js';
import type { JournalEntry, Operator } from '../../shared/domain.js';
import type { Desk } from './desk.js';

export interface Ctx {
  db: Db;
  /** Operation time: the exercise clock in an exercise, real time otherwise. */
  clock: Clock;
  /** Wall-clock time, recorded beside operation time in the journal. */
  real: Clock;
  /** Re-reads the exercise clock's state into `clock` (after a change, here or on another server). */
  refreshClock?: () => void;
}

export interface Change {
  action: string;
  entityType: string;
  entityId: string | null;
  data: unknown;
}

export const SYSTEM: Operator = { id: 'system', name: 'system', role: 'system', desk: 'system' };

/** Journals a change; call inside the transaction that writes it. */
export function journal(ctx: Ctx, who: Operator, change: Change): JournalEntry {
  return appendEntry(ctx.db, {
    at: iso(ctx.clock.now()),
    recordedAt: iso(ctx.real.now()),
    operator: who.name,
    role: who.role,
    desk: who.desk,
    ...change,
  });
}

/** Changes to operational data are attributed: no signed-in operator, no write; a locked desk, no write. */
export function requireOperator(desk: Desk): Operator {
  if (!desk.operator) {
    throw new ApiError({
      code: 'forbidden',
      message: 'Sign in first: every change is journaled under the operator and desk that made it.',
    });
  }
  if (desk.lockedAt !== null) {
    throw new ApiError({
      code: 'forbidden',
      message: `Desk locked: ${desk.operator.name} must resume the session (or someone sign in) first.`,
    });
  }
  return desk.operator;
}
