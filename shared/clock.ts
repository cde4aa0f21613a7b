// The one clock. Every age, timer and planned time reads a Clock; nothing else calls Date.now().

export interface Clock {
  /** Milliseconds since the epoch, in operation time. */
  now(): number;
}

/** The machine's real time: the only place the wall clock is read. */
export const realTime: Clock = { now: () => Date.now() };

/**
 * An exercise replays a scenario: operation time started at `scenarioStartMs` when the
 * database was first opened (`anchorRealMs`, real time) and runs at normal speed from there.
 */
export function exerciseClock(scenarioStartMs: number, anchorRealMs: number, real: Clock = realTime): Clock {
  return { now: () => scenarioStartMs + (real.now() - anchorRealMs) };
}

/** A clock that only moves when told to: for tests and replays. */
export function fixedClock(startMs: number): Clock & { set(ms: number): void; advance(ms: number): void } {
  let t = startMs;
  return {
    now: () => t,
    set: (ms) => {
      t = ms;
    },
    advance: (ms) => {
      t += ms;
    },
  };
}

/** The speeds a supervisor may run an exercise at. */
export const CLOCK_RATES = [1, 2, 5] as const;
export type ClockRate = (typeof CLOCK_RATES)[number];

/**
 * An exercise clock as the database keeps it: at real time `realAt` the operation time was `opAt`;
 * from there it runs at `rate` times real time, or stands still while paused.
 */
export interface ClockState {
  state: 'running' | 'paused';
  rate: ClockRate;
  opAt: string;
  realAt: string;
}

/** Operation time from a clock state: piecewise, each change starting a new piece. */
export function stateClock(s: ClockState, real: Clock = realTime): Clock {
  const opAt = Date.parse(s.opAt);
  const realAt = Date.parse(s.realAt);
  if (s.state === 'paused') return { now: () => opAt };
  return { now: () => opAt + s.rate * (real.now() - realAt) };
}

/** One Clock object whose source can be replaced: every service holding it follows a change. */
export interface LiveClock extends Clock {
  follow(next: Clock): void;
}

export function liveClock(initial: Clock): LiveClock {
  let current = initial;
  return {
    now: () => current.now(),
    follow: (next) => {
      current = next;
    },
  };
}

export interface ClockSpec {
  mode: 'exercise' | 'real';
  scenarioStart: string | null;
  anchorReal: string | null;
  /** The supervisor's last change of an exercise clock; absent or null: running at 1× since the anchor. */
  clock?: ClockState | null;
}

/** Builds the operation clock from what the database says about the operation. */
export function clockFor(spec: ClockSpec, real: Clock = realTime): Clock {
  if (spec.mode !== 'exercise') return real;
  if (spec.clock) return stateClock(spec.clock, real);
  if (spec.scenarioStart && spec.anchorReal) {
    return exerciseClock(Date.parse(spec.scenarioStart), Date.parse(spec.anchorReal), real);
  }
  return real;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
