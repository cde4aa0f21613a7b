// The exercise clock a supervisor runs: start, pause, resume, 1×/2×/5×, reset. Its state is one row
// (store/exercise.ts); operation time is piecewise from the last change (shared/clock.ts). Every
// change is journaled, and every server on the database follows it (refreshClock on the live feed).
import type { Ctx } from './context.js';
import { journal, requireOperator } from './context.js';
import type { Desk } from './desk.js';
import { clockFor, iso, type Clock, type ClockRate, type ClockState } from '../../shared/clock.js';
import type { ClockAction, ExerciseClock } from '../../shared/exercise.js';
import { ApiError } from '../../shared/errors.js';
import { getOperation, type OperationMeta } from '../store/meta.js';
import { getClockRow, writeClockRow, type ClockRow } from '../store/exercise.js';
import type { Db } from '../store/db.js';

/** The operation clock the database describes now: real time, or the exercise clock as last set. */
export function operationClock(db: Db, real: Clock): Clock {
  const op = getOperation(db);
  if (!op) return real;
  return clockFor({ ...op, clock: op.mode === 'exercise' ? getClockRow(db) : null }, real);
}

/** The exercise's operation, or a clear refusal in a real operation. */
function exerciseOf(db: Db): OperationMeta & { scenarioStart: string } {
  const op = getOperation(db);
  if (op?.mode !== 'exercise' || !op.scenarioStart)
    throw new ApiError({
      code: 'forbidden',
      message:
        'Not an exercise: a real operation runs on real time; its clock cannot be paused, sped up or reset.',
    });
  return { ...op, scenarioStart: op.scenarioStart };
}

/** The clock's state: its row, or before any change, running at 1× from the operation's anchor. */
function stateOf(ctx: Ctx, op: OperationMeta & { scenarioStart: string }): ClockRow {
  return (
    getClockRow(ctx.db) ?? {
      state: 'running',
      rate: 1,
      opAt: op.scenarioStart,
      realAt: op.anchorReal ?? iso(ctx.real.now()),
      version: 0,
    }
  );
}

function viewOf(ctx: Ctx, op: OperationMeta & { scenarioStart: string }, s: ClockRow): ExerciseClock {
  const now = clockFor({ ...op, clock: s }, ctx.real).now();
  return {
    state: s.state,
    rate: s.rate,
    opAt: s.opAt,
    realAt: s.realAt,
    version: s.version,
    scenarioStart: op.scenarioStart,
    now: iso(now),
    started: s.state === 'running' || Date.parse(s.opAt) !== Date.parse(op.scenarioStart),
  };
}

export function getExerciseClock(ctx: Ctx): ExerciseClock {
  const op = exerciseOf(ctx.db);
  return viewOf(ctx, op, stateOf(ctx, op));
}

const refused = (message: string, current: ExerciseClock) =>
  new ApiError({ code: 'conflict', message, current });

/** The state an action leads to, from `s` at operation time `now`; a refusal when it makes no sense. */
function next(action: ClockAction, s: ClockRow, nowIso: string, realIso: string, start: string): ClockState {
  const from = { ...s, opAt: nowIso, realAt: realIso };
  switch (action) {
    case 'start':
    case 'resume':
      return { ...from, state: 'running' };
    case 'pause':
      return { ...from, state: 'paused' };
    case 'reset':
      return { state: 'paused', rate: 1, opAt: start, realAt: realIso };
  }
}

const ACTIONS: Record<ClockAction, string> = {
  start: 'exercise.clock_started',
  pause: 'exercise.clock_paused',
  resume: 'exercise.clock_resumed',
  reset: 'exercise.clock_reset',
};

/** Writes a change of the clock and journals it (with the state before it); follows it at once. */
function change(
  ctx: Ctx,
  desk: Desk,
  expected: number,
  action: string,
  to: (s: ClockRow, view: ExerciseClock) => ClockState,
): ExerciseClock {
  const who = requireOperator(desk);
  const op = exerciseOf(ctx.db);
  const out = ctx.db.transaction(() => {
    const before = stateOf(ctx, op);
    const view = viewOf(ctx, op, before);
    if (before.version !== expected)
      throw refused(
        `The exercise clock was changed by another desk (version ${before.version}, yours ${expected}); review it and retry.`,
        view,
      );
    const after = to(before, view);
    if (!writeClockRow(ctx.db, expected, after))
      throw refused('The exercise clock was changed by another desk; review it and retry.', view);
    // The entry's operation time is the instant of the change, on the clock as it was.
    journal({ ...ctx, clock: { now: () => Date.parse(view.now) } }, who, {
      action,
      entityType: 'exercise',
      entityId: 'clock',
      data: { before: { state: before.state, rate: before.rate, at: view.now }, after },
    });
    return viewOf(ctx, op, { ...after, version: expected + 1 });
  })();
  ctx.refreshClock?.();
  return out;
}

export function controlExerciseClock(
  ctx: Ctx,
  desk: Desk,
  input: { action: ClockAction; version: number },
): ExerciseClock {
  return change(ctx, desk, input.version, ACTIONS[input.action], (s, view) => {
    const running = s.state === 'running';
    if (running && input.action !== 'pause' && input.action !== 'reset')
      throw refused('The exercise clock is already running.', view);
    if (!running && input.action === 'pause') throw refused('The exercise clock is already paused.', view);
    return next(input.action, s, view.now, iso(ctx.real.now()), view.scenarioStart);
  });
}

export function setExerciseRate(
  ctx: Ctx,
  desk: Desk,
  input: { rate: ClockRate; version: number },
): ExerciseClock {
  return change(ctx, desk, input.version, 'exercise.clock_rate', (s, view) => {
    if (s.rate === input.rate) throw refused(`The exercise clock already runs at ${input.rate}×.`, view);
    return { ...s, rate: input.rate, opAt: view.now, realAt: iso(ctx.real.now()) };
  });
}
