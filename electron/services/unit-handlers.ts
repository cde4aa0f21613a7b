import type { DomainHandlers } from './dispatch.js';
import type { unitCalls } from '../../shared/api/units.js';
import type { Ctx } from './context.js';
import { setUnitStatus } from './units.js';
import { listContingents } from '../store/contingents.js';
import { listUnits } from '../store/units.js';

export const unitHandlers = (ctx: Ctx): DomainHandlers<typeof unitCalls> => ({
  listContingents: () => listContingents(ctx.db),
  listUnits: () => listUnits(ctx.db),
  setUnitStatus: (input, desk) => setUnitStatus(ctx, desk, input),
});
