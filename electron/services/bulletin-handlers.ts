// SCAFFOLD (helper replaces): the alert level and bulletins.
import type { DomainHandlers } from './dispatch.js';
import type { bulletinCalls } from '../../shared/api/bulletins.js';
import type { Ctx } from './context.js';
import { ApiError } from '../../shared/errors.js';

const todo = (): never => {
  throw new ApiError({ code: 'invalid_input', message: 'not built yet' });
};

export const bulletinHandlers = (_ctx: Ctx): DomainHandlers<typeof bulletinCalls> => ({
  getAlertLevel: todo,
  setAlertLevel: todo,
  listBulletins: todo,
  publishBulletin: todo,
  acknowledgeBulletin: todo,
  withdrawBulletin: todo,
});
