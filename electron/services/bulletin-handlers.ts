// The alert level and bulletins (shared/api/bulletins.ts).
import type { DomainHandlers } from './dispatch.js';
import type { bulletinCalls } from '../../shared/api/bulletins.js';
import type { Ctx } from './context.js';
import { getAlertLevel, setAlertLevel } from './alert-level.js';
import { acknowledgeBulletin, listBulletins, publishBulletin, withdrawBulletin } from './bulletins.js';

export const bulletinHandlers = (ctx: Ctx): DomainHandlers<typeof bulletinCalls> => ({
  getAlertLevel: () => getAlertLevel(ctx),
  setAlertLevel: (input, desk) => setAlertLevel(ctx, desk, input),
  listBulletins: (input, desk) => listBulletins(ctx, desk, input.recent),
  publishBulletin: (input, desk) => publishBulletin(ctx, desk, input),
  acknowledgeBulletin: (input, desk) => acknowledgeBulletin(ctx, desk, input.id),
  withdrawBulletin: (input, desk) => withdrawBulletin(ctx, desk, input),
});
