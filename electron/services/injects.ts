// Injects: the exercise's timed script (incidents, unit moves, bulletins, requests from the
// package's injects.json), played in by the exercise clock. Each is played through the same call an
// officer makes (dispatch: the contract's validation, the permission check, the service), under
// the exercise director's name; the fire itself is journaled with the inject's id, under the
// scheduler (system) or the supervisor who pressed Fire now. An inject is claimed by a conditional
// update in the same transaction, so of several servers on one room exactly one plays it in.
import type { Ctx } from './context.js';
import { journal, requireOperator, SYSTEM } from './context.js';
import type { Desk } from './desk.js';
import { dispatch, type Handlers } from './dispatch.js';
import { iso } from '../../shared/clock.js';
import type { Operator } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { EXERCISE_DESK, EXERCISE_DIRECTOR, type Inject } from '../../shared/exercise.js';
import { claimInject, dueInjectRows, getInjectRow, listInjectRows, settleInject } from '../store/exercise.js';
import { findUnitByCallsign } from '../store/units.js';
import { getOperation } from '../store/meta.js';
import type { CallName } from '../../shared/api.js';

/** The desk injects are played in from: a supervisor's rights, named as the exercise director. */
const DIRECTOR: Desk = {
  operator: { id: 'exercise-director', name: EXERCISE_DIRECTOR, role: 'supervisor', desk: EXERCISE_DESK },
  lockedAt: null,
};

function requireExercise(ctx: Ctx): void {
  if (getOperation(ctx.db)?.mode !== 'exercise')
    throw new ApiError({ code: 'forbidden', message: 'Not an exercise: a real operation has no injects.' });
}

export function listInjects(ctx: Ctx): Inject[] {
  requireExercise(ctx);
  return listInjectRows(ctx.db);
}

/** The call an inject plays and its input, resolved now (a unit's callsign to its id and version). */
function callOf(ctx: Ctx, i: Inject): { call: CallName; input: unknown } {
  switch (i.kind) {
    case 'incident':
      return { call: 'createIncident', input: i.payload };
    case 'bulletin':
      return { call: 'publishBulletin', input: i.payload };
    case 'request':
      return { call: 'sendRequest', input: i.payload };
    case 'unit_move': {
      const p = i.payload as { callsign: string; lat: number; lon: number; venueId?: string };
      const unit = findUnitByCallsign(ctx.db, p.callsign);
      if (!unit) throw new ApiError({ code: 'not_found', message: `no unit with callsign "${p.callsign}"` });
      return {
        call: 'moveUnit',
        input: {
          id: unit.id,
          version: unit.version,
          lat: p.lat,
          lon: p.lon,
          source: p.venueId ? 'venue' : 'report',
          ...(p.venueId && { venueId: p.venueId }),
        },
      };
    }
  }
}

/**
 * Claims and plays one inject in; null when another server or desk took it first. What it made
 * (the new row's id) or why it failed is kept on the inject and journaled.
 */
function play(ctx: Ctx, handlers: Handlers, i: Inject, by: Operator, version: number | null): Inject | null {
  return ctx.db.transaction(() => {
    const at = iso(ctx.clock.now());
    if (!claimInject(ctx.db, i.id, 'fired', { at, by: by.name, result: null }, version)) return null;
    let outcome: { ok: true; made: string | null } | { ok: false; why: string };
    try {
      const { call, input } = callOf(ctx, i);
      const r = dispatch(handlers, call, input, DIRECTOR);
      outcome = r.ok
        ? { ok: true, made: (r.value as { id?: string } | null)?.id ?? null }
        : { ok: false, why: r.error.message };
    } catch (err) {
      outcome = { ok: false, why: err instanceof ApiError ? err.message : String(err) };
    }
    settleInject(
      ctx.db,
      i.id,
      outcome.ok ? 'fired' : 'failed',
      outcome.ok ? (outcome.made ?? '') : outcome.why,
    );
    journal(ctx, by, {
      action: outcome.ok ? 'exercise.inject_fired' : 'exercise.inject_failed',
      entityType: 'inject',
      entityId: i.id,
      data: {
        kind: i.kind,
        title: i.title,
        due: i.at,
        ...(outcome.ok ? { made: outcome.made } : { reason: outcome.why }),
      },
    });
    return getInjectRow(ctx.db, i.id);
  })();
}

/** The scheduler's step: plays in every pending inject due by the operation clock, oldest first. */
export function fireDueInjects(ctx: Ctx, handlers: Handlers): Inject[] {
  if (getOperation(ctx.db)?.mode !== 'exercise') return [];
  const due = dueInjectRows(ctx.db, iso(ctx.clock.now()));
  const SCHEDULER: Operator = { ...SYSTEM, name: EXERCISE_DIRECTOR, desk: EXERCISE_DESK };
  return due.flatMap((i) => play(ctx, handlers, i, SCHEDULER, null) ?? []);
}

const notPending = (i: Inject) =>
  new ApiError({
    code: 'conflict',
    message: `Inject ${i.id} is ${i.status} already (by ${i.doneBy ?? 'the scheduler'}); nothing was changed.`,
    current: i,
  });

function pendingInject(ctx: Ctx, id: string, version: number): Inject {
  requireExercise(ctx);
  const i = getInjectRow(ctx.db, id);
  if (!i) throw new ApiError({ code: 'not_found', message: `No inject ${id}` });
  if (i.status !== 'pending') throw notPending(i);
  if (i.version !== version)
    throw new ApiError({
      code: 'conflict',
      message: `Inject ${id} was changed by another desk (version ${i.version}, yours ${version}); review it and retry.`,
      current: i,
    });
  return i;
}

/** A supervisor plays an inject in now, before (or instead of waiting for) its time. */
export function fireInject(
  ctx: Ctx,
  handlers: Handlers,
  desk: Desk,
  input: { id: string; version: number },
): Inject {
  const who = requireOperator(desk);
  const i = pendingInject(ctx, input.id, input.version);
  const out = play(ctx, handlers, i, who, input.version);
  if (!out) throw notPending(getInjectRow(ctx.db, i.id) ?? i);
  return out;
}

/** A supervisor takes an inject out of the script; it will not be played in. */
export function skipInject(
  ctx: Ctx,
  desk: Desk,
  input: { id: string; version: number; reason?: string | undefined },
): Inject {
  const who = requireOperator(desk);
  const i = pendingInject(ctx, input.id, input.version);
  return ctx.db.transaction(() => {
    const at = iso(ctx.clock.now());
    const result = input.reason ?? null;
    if (!claimInject(ctx.db, i.id, 'skipped', { at, by: who.name, result }, input.version))
      throw notPending(getInjectRow(ctx.db, i.id) ?? i);
    journal(ctx, who, {
      action: 'exercise.inject_skipped',
      entityType: 'inject',
      entityId: i.id,
      data: { kind: i.kind, title: i.title, due: i.at, reason: result },
    });
    return getInjectRow(ctx.db, i.id) as Inject;
  })();
}
