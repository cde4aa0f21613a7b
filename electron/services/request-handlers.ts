import type { DomainHandlers } from './dispatch.js';
import type { requestCalls } from '../../shared/api/requests.js';
import type { Ctx } from './context.js';
import { answerRequest, cancelRequest, listRequests, sendRequest } from './requests.js';

export const requestHandlers = (ctx: Ctx): DomainHandlers<typeof requestCalls> => ({
  listRequests: (input, desk) => listRequests(ctx, desk, input.closed),
  sendRequest: (input, desk) => sendRequest(ctx, desk, input),
  answerRequest: (input, desk) => answerRequest(ctx, desk, input),
  cancelRequest: (input, desk) => cancelRequest(ctx, desk, input),
});
