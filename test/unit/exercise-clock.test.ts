// The piecewise exercise clock (shared/clock.ts): each change of state starts a new piece.
import { describe, expect, it } from 'vitest';
import { clockFor, fixedClock, iso, liveClock, stateClock, type ClockState } from '../../shared/clock.js';

const START = Date.parse('2024-07-26T16:00:00Z');
const REAL = Date.parse('2026-11-24T08:00:00Z');
const MIN = 60_000;

const state = (s: Partial<ClockState>): ClockState => ({
  state: 'running',
  rate: 1,
  opAt: iso(START),
  realAt: iso(REAL),
  ...s,
});

describe('piecewise exercise clock', () => {
  it('runs at its rate from the last change', () => {
    const real = fixedClock(REAL);
    const c1 = stateClock(state({}), real);
    const c5 = stateClock(state({ rate: 5 }), real);
    real.advance(3 * MIN);
    expect(c1.now()).toBe(START + 3 * MIN);
    expect(c5.now()).toBe(START + 15 * MIN);
  });

  it('stands still while paused, whatever real time does', () => {
    const real = fixedClock(REAL + 10 * MIN);
    const c = stateClock(state({ state: 'paused', opAt: iso(START + 7 * MIN), rate: 5 }), real);
    expect(c.now()).toBe(START + 7 * MIN);
    real.advance(60 * MIN);
    expect(c.now()).toBe(START + 7 * MIN);
  });

  it('takes a supervisor state over the anchor, and real time outside an exercise', () => {
    const real = fixedClock(REAL + MIN);
    const spec = { mode: 'exercise' as const, scenarioStart: iso(START), anchorReal: iso(REAL) };
    expect(clockFor(spec, real).now()).toBe(START + MIN);
    expect(clockFor({ ...spec, clock: state({ state: 'paused' }) }, real).now()).toBe(START);
    expect(clockFor({ ...spec, mode: 'real', clock: state({ state: 'paused' }) }, real).now()).toBe(
      REAL + MIN,
    );
  });

  it('a live clock follows a new piece without changing the object services hold', () => {
    const real = fixedClock(REAL);
    const live = liveClock(stateClock(state({}), real));
    real.advance(MIN);
    expect(live.now()).toBe(START + MIN);
    live.follow(
      stateClock(state({ state: 'paused', opAt: iso(START + MIN), realAt: iso(REAL + MIN) }), real),
    );
    real.advance(MIN);
    expect(live.now()).toBe(START + MIN);
    live.follow(stateClock(state({ rate: 2, opAt: iso(START + MIN), realAt: iso(REAL + 2 * MIN) }), real));
    real.advance(MIN);
    expect(live.now()).toBe(START + 3 * MIN);
  });
});
