import type { DomainHandlers } from './dispatch.js';
import type { operatorCalls } from '../../shared/api/operators.js';
import type { Ctx } from './context.js';
import { requireOperator } from './context.js';
import { addOperator, listOperators, resetPassphrase, updateOperator } from './operators.js';

export const operatorHandlers = (ctx: Ctx): DomainHandlers<typeof operatorCalls> => ({
  listOperators: () => listOperators(ctx),
  addOperator: (input, desk) => addOperator(ctx, requireOperator(desk), input),
  updateOperator: (input, desk) => updateOperator(ctx, requireOperator(desk), input),
  resetPassphrase: (input, desk) => resetPassphrase(ctx, requireOperator(desk), input),
});
