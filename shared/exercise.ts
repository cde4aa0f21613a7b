// Exercise control: the clock a supervisor runs (shared/clock.ts ClockState) and the injects, the
// timed script of events an exercise package may hold, that the clock plays in.
import type { ClockState } from './clock.js';

export const INJECT_KINDS = ['incident', 'unit_move', 'bulletin', 'request'] as const;
export type InjectKind = (typeof INJECT_KINDS)[number];

export const INJECT_STATUSES = ['pending', 'fired', 'skipped', 'failed'] as const;
export type InjectStatus = (typeof INJECT_STATUSES)[number];

export const CLOCK_ACTIONS = ['start', 'pause', 'resume', 'reset'] as const;
export type ClockAction = (typeof CLOCK_ACTIONS)[number];

/** The exercise clock as every desk reads it. */
export interface ExerciseClock extends ClockState {
  /** The scenario's start: where a reset takes the clock back to. */
  scenarioStart: string;
  /** Operation time when this was read. */
  now: string;
  /** Whether the clock has moved since the scenario's start (start, not resume, when false). */
  started: boolean;
  /** 0 until the first change a supervisor makes. */
  version: number;
}

export interface Inject {
  id: string;
  /** Operation time it is due. */
  at: string;
  kind: InjectKind;
  title: string;
  /** The call input it plays in (unit_move: a callsign and a position), as the package gave it. */
  payload: Record<string, unknown>;
  status: InjectStatus;
  /** Operation time it was fired, skipped or failed. */
  doneAt: string | null;
  doneBy: string | null;
  /** What it made (an incident's id…) or why it failed or was skipped. */
  result: string | null;
  version: number;
}

/** Who plays injects in: the journal names them, with the inject's id. */
export const EXERCISE_DIRECTOR = 'Exercise director';
export const EXERCISE_DESK = 'exercise';
