// The exercise clock (one row, id 1; absent until a supervisor first changes it) and the injects.
// Optimistic on version like every edited row; an inject is claimed by a conditional update, so
// that of several servers on one room only one plays it in.
import { touch } from './after-images.js';
import type { Db } from './db.js';
import type { ClockRate, ClockState } from '../../shared/clock.js';
import type { Inject, InjectKind, InjectStatus } from '../../shared/exercise.js';

export interface ClockRow extends ClockState {
  version: number;
}

interface RawClock {
  state: string;
  rate: number;
  op_at: string;
  real_at: string;
  version: number;
}

export function getClockRow(db: Db): ClockRow | null {
  const r = db
    .prepare('SELECT state, rate, op_at, real_at, version FROM exercise_clock WHERE id = 1')
    .get() as RawClock | undefined;
  if (!r) return null;
  return {
    state: r.state === 'paused' ? 'paused' : 'running',
    rate: r.rate as ClockRate,
    opAt: r.op_at,
    realAt: r.real_at,
    version: r.version,
  };
}

/** Writes the clock's new state if its version is still `expected` (0: no row yet); false otherwise. */
export function writeClockRow(db: Db, expected: number, s: ClockState): boolean {
  const params = { state: s.state, rate: s.rate, opAt: s.opAt, realAt: s.realAt, expected };
  const r =
    expected === 0
      ? db
          .prepare(
            `INSERT INTO exercise_clock (id, state, rate, op_at, real_at)
             VALUES (1, @state, @rate, @opAt, @realAt) ON CONFLICT (id) DO NOTHING`,
          )
          .run(params)
      : db
          .prepare(
            `UPDATE exercise_clock SET state = @state, rate = @rate, op_at = @opAt, real_at = @realAt,
               version = version + 1 WHERE id = 1 AND version = @expected`,
          )
          .run(params);
  touch(db, 'exercise_clock', 1);
  return r.changes === 1;
}

interface RawInject {
  id: string;
  at: string;
  kind: string;
  title: string;
  payload: string;
  status: string;
  done_at: string | null;
  done_by: string | null;
  result: string | null;
  version: number;
}

const toInject = (r: RawInject): Inject => ({
  id: r.id,
  at: r.at,
  kind: r.kind as InjectKind,
  title: r.title,
  payload: JSON.parse(r.payload) as Record<string, unknown>,
  status: r.status as InjectStatus,
  doneAt: r.done_at,
  doneBy: r.done_by,
  result: r.result,
  version: r.version,
});

const COLUMNS = 'id, at, kind, title, payload, status, done_at, done_by, result, version';

export function insertInject(
  db: Db,
  i: { id: string; at: string; kind: InjectKind; title: string; payload: unknown },
): void {
  db.prepare(
    `INSERT INTO injects (id, at, kind, title, payload, status) VALUES (@id, @at, @kind, @title, @payload, 'pending')`,
  ).run({ ...i, payload: JSON.stringify(i.payload) });
  touch(db, 'injects', i.id);
}

export function listInjectRows(db: Db): Inject[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM injects ORDER BY at, id`).all() as RawInject[]).map(toInject);
}

export function getInjectRow(db: Db, id: string): Inject | null {
  const r = db.prepare(`SELECT ${COLUMNS} FROM injects WHERE id = ?`).get(id) as RawInject | undefined;
  return r ? toInject(r) : null;
}

/** Pending injects due at or before `at` (operation time), oldest first. */
export function dueInjectRows(db: Db, at: string): Inject[] {
  return (
    db
      .prepare(`SELECT ${COLUMNS} FROM injects WHERE status = 'pending' AND at <= ? ORDER BY at, id`)
      .all(at) as RawInject[]
  ).map(toInject);
}

/**
 * Claims a pending inject: its status moves from pending, if it is still pending (and at `version`
 * when given). False when another desk or server took it first.
 */
export function claimInject(
  db: Db,
  id: string,
  to: Exclude<InjectStatus, 'pending'>,
  done: { at: string; by: string; result: string | null },
  version: number | null,
): boolean {
  const set = `UPDATE injects SET status = @to, done_at = @at, done_by = @by, result = @result,
    version = version + 1 WHERE id = @id AND status = 'pending'`;
  const r = db
    .prepare(version === null ? set : `${set} AND version = @version`)
    .run({ id, to, ...done, ...(version !== null && { version }) });
  touch(db, 'injects', id);
  return r.changes === 1;
}

/** Records what the claimed inject made, or why it could not be played in. */
export function settleInject(db: Db, id: string, status: InjectStatus, result: string): void {
  db.prepare('UPDATE injects SET status = @status, result = @result WHERE id = @id').run({
    id,
    status,
    result,
  });
  touch(db, 'injects', id);
}
