// Shifts, derived (see migrations/004-shifts-handovers.ts for why there is no shifts table): a
// watch at a desk starts where the desk's last handover ended, else at its officer's sign-in.
import type { Db } from './db.js';

export interface Shift {
  desk: string;
  operator: string | null;
  role: string | null;
  startedAt: string;
  endedAt: string;
  handedTo: string;
  handoverId: string;
}

/** Completed shifts at a desk (or every desk), latest first. */
export function listShifts(db: Db, desk: string | null, limit = 100): Shift[] {
  return db
    .prepare(
      `SELECT desk, operator, role, started_at AS startedAt, ended_at AS endedAt, handed_to AS handedTo,
              handover_id AS handoverId
       FROM shifts WHERE (@desk IS NULL OR desk = @desk) ORDER BY ended_at DESC, handover_id DESC LIMIT @limit`,
    )
    .all({ desk, limit }) as Shift[];
}

export interface SignIn {
  name: string;
  role: string;
  desk: string;
  signedInAt: string;
}

/** Who signed in last at or before `at` (at this desk when one is given): the officer on watch. */
export function operatorOnWatch(db: Db, at: string, desk: string | null): SignIn | null {
  return (
    (db
      .prepare(
        `SELECT name, role, desk, signed_in_at AS signedInAt FROM operators
         WHERE signed_in_at <= @at AND (@desk IS NULL OR desk = @desk)
         ORDER BY signed_in_at DESC, id DESC LIMIT 1`,
      )
      .get({ at, desk }) as SignIn | undefined) ?? null
  );
}

/** When this operator signed in (their operators row). */
export function signedInAt(db: Db, operatorId: string): string | null {
  const row = db.prepare('SELECT signed_in_at AS at FROM operators WHERE id = ?').get(operatorId) as
    { at: string } | undefined;
  return row?.at ?? null;
}
