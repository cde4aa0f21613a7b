// Inputs of the exercise control calls that succeed for a supervisor on the seeded Paris exercise
// (the permission walk, permissions.test.ts); `clockVersion` reads the clock's version as it is.
import type { CallInput } from '../../shared/api.js';

export const exerciseInputs = (clockVersion: () => number) => ({
  getExerciseClock: (): CallInput<'getExerciseClock'> => ({}),
  controlExerciseClock: (): CallInput<'controlExerciseClock'> => ({
    action: 'pause',
    version: clockVersion(),
  }),
  setExerciseRate: (): CallInput<'setExerciseRate'> => ({ rate: 5, version: clockVersion() }),
  listInjects: (): CallInput<'listInjects'> => ({}),
  fireInject: (): CallInput<'fireInject'> => ({ id: 'iena-bridge-package', version: 1 }),
  skipInject: (): CallInput<'skipInject'> => ({ id: 'alma-drone', version: 1, reason: 'Not in this run' }),
});
