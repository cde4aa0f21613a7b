// SCAFFOLD (helper replaces): requests between desks.
import type { DomainHandlers } from './dispatch.js';
import type { requestCalls } from '../../shared/api/requests.js';
import type { Ctx } from './context.js';
import { ApiError } from '../../shared/errors.js';

const todo = (): never => {
  throw new ApiError({ code: 'invalid_input', message: 'not built yet' });
};

export const requestHandlers = (_ctx: Ctx): DomainHandlers<typeof requestCalls> => ({
  listRequests: todo,
  sendRequest: todo,
  answerRequest: todo,
  cancelRequest: todo,
});
