// Exercise control through the contract, on both engines: the supervisor's clock (pause freezes
// operation time, 5× speeds it, reset, every change journaled, refusals named), followed by a
// second server on the same database.
import { describe, expect, it } from 'vitest';
import { createDesk } from '../../electron/services/desk.js';
import { expectApiError } from '../support/api-error.js';
import { addPerson, signInAs } from '../support/sign-in.js';
import { emptyApp, testApp } from '../support/app.js';
import { dispatch } from '../../electron/services/dispatch.js';
import { ApiError } from '../../shared/errors.js';

const MIN = 60_000;

/** The seeded exercise with the supervisor at SUP and a watch officer at D1. */
function exercise(dbPath?: string) {
  const t = testApp(dbPath);
  const officer = createDesk();
  signInAs(t.call, 'supervisor', 'SUP', t.desk);
  signInAs(t.call, 'officer', 'D1', officer);
  const now = () => t.app.ctx.clock.now();
  const clock = () => t.call('getExerciseClock', {});
  const control = (action: 'start' | 'pause' | 'resume' | 'reset') =>
    t.call('controlExerciseClock', { action, version: clock().version });
  const last = () => t.call('listJournal', { limit: 1 })[0];
  return { ...t, officer, now, clock, control, last };
}

describe('exercise clock', () => {
  it('runs at 1× from the scenario start until the supervisor changes it', () => {
    const t = exercise();
    const c = t.clock();
    expect(c).toMatchObject({ state: 'running', rate: 1, version: 0, started: true });
    expect(c.scenarioStart).toBe('2024-07-26T16:00:00.000Z');
    const before = t.now();
    t.real.advance(2 * MIN);
    expect(t.now() - before).toBe(2 * MIN);
  });

  it('pause freezes operation time for every service, resume carries on from there', () => {
    const t = exercise();
    t.real.advance(5 * MIN);
    const paused = t.control('pause');
    expect(paused).toMatchObject({ state: 'paused', version: 1 });
    const frozen = t.now();
    expect(Date.parse(paused.now)).toBe(frozen);
    t.real.advance(30 * MIN);
    expect(t.now()).toBe(frozen);
    // An incident logged during the pause is stamped at the frozen time, and its age does not grow.
    const inc = t.call(
      'createIncident',
      { category: 'other', priority: 3, title: 'Logged while paused', source: 'radio', locationText: 'Quai' },
      t.officer,
    );
    expect(Date.parse(inc.createdAt)).toBe(frozen);
    t.real.advance(10 * MIN);
    expect(t.now() - Date.parse(inc.createdAt)).toBe(0);
    expect(t.control('resume')).toMatchObject({ state: 'running', version: 2 });
    t.real.advance(3 * MIN);
    expect(t.now() - frozen).toBe(3 * MIN);
    expect(t.last()).toMatchObject({
      action: 'exercise.clock_resumed',
      entityType: 'exercise',
      operator: 'Demo supervisor',
      role: 'supervisor',
      desk: 'SUP',
    });
  });

  it('5× speeds operation time up from the instant of the change, journaled', () => {
    const t = exercise();
    t.real.advance(MIN);
    const at = t.now();
    const fast = t.call('setExerciseRate', { rate: 5, version: 0 });
    expect(fast).toMatchObject({ rate: 5, state: 'running' });
    t.real.advance(2 * MIN);
    expect(t.now() - at).toBe(10 * MIN);
    t.call('setExerciseRate', { rate: 2, version: 1 });
    t.real.advance(MIN);
    expect(t.now() - at).toBe(12 * MIN);
    const entry = t.last();
    expect(entry).toMatchObject({ action: 'exercise.clock_rate', operator: 'Demo supervisor', desk: 'SUP' });
    expect(entry?.data).toMatchObject({ before: { rate: 5 }, after: { rate: 2, state: 'running' } });
  });

  it('reset takes the clock back to the scenario start, paused; start runs it again', () => {
    const t = exercise();
    t.call('setExerciseRate', { rate: 5, version: 0 });
    t.real.advance(20 * MIN);
    const reset = t.control('reset');
    expect(reset).toMatchObject({ state: 'paused', rate: 1, started: false });
    expect(reset.now).toBe(reset.scenarioStart);
    expect(t.now()).toBe(Date.parse(reset.scenarioStart));
    // Journaled at the instant it was made, on the clock it stopped (20 minutes at 5×).
    expect(t.last()).toMatchObject({ action: 'exercise.clock_reset' });
    expect(Date.parse(t.last()?.at ?? '')).toBe(Date.parse(reset.scenarioStart) + 100 * MIN);
    t.real.advance(MIN);
    expect(t.control('start')).toMatchObject({ state: 'running', started: true });
    expect(t.last()?.action).toBe('exercise.clock_started');
    t.real.advance(MIN);
    expect(t.now()).toBe(Date.parse(reset.scenarioStart) + MIN);
  });

  it('refuses a stale version, a pointless change, a watch officer, and a real operation', () => {
    const t = exercise();
    t.control('pause');
    expectApiError(
      () => t.call('controlExerciseClock', { action: 'resume', version: 0 }),
      'conflict',
      /changed by another desk \(version 1, yours 0\)/,
    );
    expectApiError(() => t.control('pause'), 'conflict', /already paused/);
    expectApiError(() => t.control('resume') && t.control('start'), 'conflict', /already running/);
    const seq = t.last()?.seq ?? 0;
    expectApiError(
      () => t.call('controlExerciseClock', { action: 'pause', version: 3 }, t.officer),
      'forbidden',
      /watch_officer may not controlExerciseClock \(supervisor only\)/,
    );
    expectApiError(() => t.call('listInjects', {}, t.officer), 'forbidden', /may not listInjects/);
    // The refusals are journaled; the clock did not move.
    expect(t.last()).toMatchObject({ action: 'operator.permission_refused', entityId: 'listInjects' });
    expect(t.last()?.seq).toBe(seq + 2);
    expect(t.clock().state).toBe('running');
    // Every desk reads the clock's state.
    expect(t.call('getExerciseClock', {}, t.officer).state).toBe('running');

    const real = emptyApp('Real operation');
    const sup = createDesk();
    const who = addPerson(real.ctx, 'Real supervisor', 'supervisor');
    const call = (name: 'signIn' | 'controlExerciseClock', input: unknown) => {
      const r = dispatch(real.handlers, name, input, sup);
      if (!r.ok) throw new ApiError(r.error);
      return r.value;
    };
    call('signIn', { ...who, desk: 'SUP' });
    expectApiError(
      () => call('controlExerciseClock', { action: 'pause', version: 0 }),
      'forbidden',
      /Not an exercise: a real operation runs on real time/,
    );
  });

  it('a second server on the database follows a pause made on the first', () => {
    const a = exercise();
    const b = exercise(a.dbPath);
    a.real.advance(MIN);
    b.real.advance(MIN);
    a.control('pause');
    const frozen = a.now();
    // The live feed tells b that the journal moved: it re-reads the clock.
    b.app.refreshClock();
    expect(b.now()).toBe(frozen);
    b.real.advance(10 * MIN);
    expect(b.now()).toBe(frozen);
    expect(b.clock()).toMatchObject({ state: 'paused', version: 1 });
  });
});
