import type { DomainHandlers } from './dispatch.js';
import type { exchangeCalls } from '../../shared/api/exchange.js';
import type { Ctx } from './context.js';
import { exportData } from './exchange.js';
import { importFeatures } from './exchange-import.js';
import { takRelay } from './tak-relay.js';
import type { TakTarget } from './tak-address.js';

export const exchangeHandlers = (ctx: Ctx, tak: TakTarget | null): DomainHandlers<typeof exchangeCalls> => {
  const relay = takRelay(ctx, tak);
  return {
    exportData: (input, desk) => exportData(ctx, desk, input),
    importFeatures: (input, desk) => importFeatures(ctx, desk, input),
    getTakServer: () => relay.server(),
    sendToTak: (input, desk) => relay.send(desk, input),
    takSendStatus: (input) => relay.status(input.id),
  };
};
