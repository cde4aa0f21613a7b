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

export interface ClockSpec {
  mode: 'exercise' | 'real';
  scenarioStart: string | null;
  anchorReal: string | null;
}

/** Builds the operation clock from what the database says about the operation. */
export function clockFor(spec: ClockSpec, real: Clock = realTime): Clock {
  if (spec.mode === 'exercise' && spec.scenarioStart && spec.anchorReal) {
    return exerciseClock(Date.parse(spec.scenarioStart), Date.parse(spec.anchorReal), real);
  }
  return real;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
