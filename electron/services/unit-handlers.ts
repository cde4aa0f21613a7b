import type { DomainHandlers } from './dispatch.js';
import type { unitCalls } from '../../shared/api/units.js';
import type { Ctx } from './context.js';
import { requireOperator } from './context.js';
import { getContingentDetail, listUnitPositions, listUnitViews, moveUnit, setUnitStatus } from './units.js';
import { nearestUnits } from './nearest.js';
import { mustSeeIncident } from './releasability.js';
import { importRoster } from './roster-import.js';
import { getSettings, updateSettings } from './settings.js';
import { listContingents } from '../store/contingents.js';
import { suggestUnits } from './suggestions.js';
import { setK9Rest } from './k9-rest.js';
import { moveUnits } from './unit-moves.js';

export const unitHandlers = (ctx: Ctx): DomainHandlers<typeof unitCalls> => ({
  listContingents: () => listContingents(ctx.db),
  getContingent: (input) => getContingentDetail(ctx, input.id),
  listUnits: () => listUnitViews(ctx),
  setUnitStatus: (input, desk) => setUnitStatus(ctx, desk, input),
  moveUnit: (input, desk) => moveUnit(ctx, desk, input),
  moveUnits: (input, desk) => moveUnits(ctx, desk, input),
  listUnitPositions: (input) => listUnitPositions(ctx, input),
  nearestUnits: (input, desk) => nearestUnits(ctx, input, (id) => mustSeeIncident(ctx, desk, id)),
  importRoster: ({ csv, dryRun }, desk) =>
    importRoster(ctx, csv, dryRun ? { dryRun } : { dryRun, who: requireOperator(desk) }),
  getSettings: () => getSettings(ctx),
  updateSettings: (input, desk) => updateSettings(ctx, desk, input),
  suggestUnits: (input, desk) => suggestUnits(ctx, input, (id) => mustSeeIncident(ctx, desk, id)),
  setK9Rest: (input, desk) => setK9Rest(ctx, desk, input),
});
