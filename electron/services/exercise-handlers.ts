// Exercise control (shared/api/exercise.ts): the clock and the injects.
import type { DomainHandlers, Handlers } from './dispatch.js';
import type { exerciseCalls } from '../../shared/api/exercise.js';
import type { Ctx } from './context.js';
import { controlExerciseClock, getExerciseClock, setExerciseRate } from './exercise-clock.js';
import { fireInject, listInjects, skipInject } from './injects.js';

/** `all`: the guarded handlers of every call, through which an inject is played in. */
export const exerciseHandlers = (ctx: Ctx, all: () => Handlers): DomainHandlers<typeof exerciseCalls> => ({
  getExerciseClock: () => getExerciseClock(ctx),
  controlExerciseClock: (input, desk) => controlExerciseClock(ctx, desk, input),
  setExerciseRate: (input, desk) => setExerciseRate(ctx, desk, input),
  listInjects: () => listInjects(ctx),
  fireInject: (input, desk) => fireInject(ctx, all(), desk, input),
  skipInject: (input, desk) => skipInject(ctx, desk, input),
});
