import type { DomainHandlers } from './dispatch.js';
import type { exchangeCalls } from '../../shared/api/exchange.js';
import type { Ctx } from './context.js';
import { exportData } from './exchange.js';
import { importFeatures } from './exchange-import.js';

export const exchangeHandlers = (ctx: Ctx): DomainHandlers<typeof exchangeCalls> => ({
  exportData: (input, desk) => exportData(ctx, desk, input),
  importFeatures: (input, desk) => importFeatures(ctx, desk, input),
});
