// Exercise control (issue 19): a supervisor runs the exercise clock and directs its injects. Every
// call is refused in a real operation; every change is journaled.
import { z } from 'zod';
import { call, id, line, none, version } from './call.js';
import type { ClockRate } from '../clock.js';
import { CLOCK_ACTIONS, type ExerciseClock, type Inject } from '../exercise.js';

const clockVersion = z.number().int().min(0);

export const controlClockInput = z
  .object({
    action: z.enum(CLOCK_ACTIONS),
    /** The clock's version as read (0 before its first change): another change in between is a conflict. */
    version: clockVersion,
  })
  .strict();

export const exerciseCalls = {
  getExerciseClock: call<ExerciseClock>()(none),
  /** Start (from the scenario's start), pause, resume, or reset (back to the start, paused). */
  controlExerciseClock: call<ExerciseClock>()(controlClockInput),
  setExerciseRate: call<ExerciseClock>()(
    z
      .object({
        rate: z.union([z.literal(1), z.literal(2), z.literal(5)]) satisfies z.ZodType<ClockRate>,
        version: clockVersion,
      })
      .strict(),
  ),
  /** The exercise's injects, in time order: coming, fired, skipped, failed. */
  listInjects: call<Inject[]>()(none),
  /** Plays the inject in now, whatever its time. */
  fireInject: call<Inject>()(z.object({ id, version }).strict()),
  /** It will not be played in. */
  skipInject: call<Inject>()(z.object({ id, version, reason: line(500).optional() }).strict()),
};
