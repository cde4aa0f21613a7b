// Unit changes. Each is one transaction: the optimistic update and its journal entry together.
import type { Ctx } from './context.js';
import { journal, requireOperator } from './context.js';
import type { Desk } from './desk.js';
import type { Unit, UnitStatus } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { getUnit, updateUnitStatus } from '../store/units.js';

export function setUnitStatus(
  ctx: Ctx,
  desk: Desk,
  input: { id: string; status: UnitStatus; version: number },
): Unit {
  const who = requireOperator(desk);
  return ctx.db.transaction(() => {
    const before = getUnit(ctx.db, input.id);
    if (!before) throw new ApiError({ code: 'not_found', message: `Unit ${input.id} does not exist` });
    if (!updateUnitStatus(ctx.db, input.id, input.status, input.version)) {
      throw new ApiError({
        code: 'conflict',
        message: `Unit ${before.callsign} was changed by another desk (version ${before.version}, yours ${input.version}); reload and retry.`,
        current: before,
      });
    }
    journal(ctx, who, {
      action: 'unit.status_changed',
      entityType: 'unit',
      entityId: before.id,
      data: { callsign: before.callsign, from: before.status, to: input.status },
    });
    const after = getUnit(ctx.db, input.id);
    if (!after) throw new ApiError({ code: 'internal', message: `Unit ${input.id} vanished during update` });
    return after;
  })();
}
