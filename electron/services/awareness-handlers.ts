import type { DomainHandlers } from './dispatch.js';
import type { awarenessCalls } from '../../shared/api/awareness.js';
import type { Ctx } from './context.js';
import { acknowledgeAlert, listAlertAcks, listDesks } from './awareness.js';

export const awarenessHandlers = (ctx: Ctx): DomainHandlers<typeof awarenessCalls> => ({
  listDesks: () => listDesks(ctx),
  listAlertAcks: () => listAlertAcks(ctx),
  acknowledgeAlert: (input, desk) => acknowledgeAlert(ctx, desk, input.key),
});
