// A dog team's rest: set by the desk (a time, or "rested now": due after the work period setting),
// started on assignment when none is set, and checked before a team past it is assigned.
import type { Ctx } from './context.js';
import { journal, requireOperator } from './context.js';
import { checkUnitOwner } from './access.js';
import type { Desk } from './desk.js';
import { mustGetUnitView } from './units.js';
import type { Operator, Unit } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { iso } from '../../shared/clock.js';
import { formatClock } from '../../shared/time-format.js';
import { isK9Kind, k9Rest } from '../../shared/k9-rest.js';
import { readSettings } from '../store/settings.js';
import { updateUnitRestDue } from '../store/units.js';
import { getOperation } from '../store/meta.js';

export interface SetK9RestInput {
  id: string;
  version: number;
  restDue?: string | null | undefined;
  rested?: true | undefined;
}

export function setK9Rest(ctx: Ctx, desk: Desk, input: SetK9RestInput): Unit {
  const who = requireOperator(desk);
  checkUnitOwner(ctx, who, 'setK9Rest', input.id);
  return ctx.db.transaction(() => {
    const before = mustGetUnitView(ctx, input.id);
    if (!isK9Kind(before.kind)) {
      throw new ApiError({
        code: 'invalid_input',
        message: `setK9Rest: id: ${before.callsign} is not a dog team (${before.kind})`,
        issues: [{ path: 'id', message: `${before.callsign} is not a dog team` }],
      });
    }
    if (before.version !== input.version) {
      throw new ApiError({
        code: 'conflict',
        message: `Unit ${before.callsign} was changed by another desk (version ${before.version}, yours ${input.version}); reload and retry.`,
        current: before,
      });
    }
    const to = input.rested
      ? iso(ctx.clock.now() + readSettings(ctx.db).k9WorkMinutes * 60000)
      : input.restDue == null
        ? null
        : iso(Date.parse(input.restDue));
    const from = before.k9?.restDue ?? null;
    if (from === to) return before;
    writeRest(ctx, who, before, to, input.rested ? 'rested' : 'set');
    return mustGetUnitView(ctx, before.id);
  })();
}

function writeRest(ctx: Ctx, who: Operator, unit: Unit, to: string | null, because: string): void {
  updateUnitRestDue(ctx.db, unit.id, to, unit.version);
  journal(ctx, who, {
    action: 'unit.rest_set',
    entityType: 'unit',
    entityId: unit.id,
    data: { callsign: unit.callsign, from: unit.k9?.restDue ?? null, to, because },
  });
}

/**
 * Before a dog team is assigned (inside the assignment's transaction): refused past its rest time
 * unless confirmed; with no rest time set, its work period starts now. Returns the unit as it is after.
 */
export function checkRestOnAssign(
  ctx: Ctx,
  who: Operator,
  unit: Unit,
  reference: string,
  confirmRest: boolean,
): Unit {
  const rest = k9Rest(unit, ctx.clock.now());
  if (!rest) return unit;
  if (rest.level === 'due' && !confirmRest) {
    const zone = getOperation(ctx.db)?.timezone ?? 'UTC';
    const due = formatClock(Date.parse(rest.restDue ?? ''), zone, false);
    throw new ApiError({
      code: 'conflict',
      message: `confirmRest: ${unit.callsign}'s dog was due to rest at ${due}; pass confirmRest: true to assign it to ${reference} anyway.`,
      issues: [{ path: 'confirmRest', message: `${unit.callsign} is past its rest time (${due})` }],
      current: { unit, restDue: rest.restDue, needsRestConfirmation: true },
    });
  }
  if (rest.level !== 'unset') return unit;
  writeRest(ctx, who, unit, iso(ctx.clock.now() + readSettings(ctx.db).k9WorkMinutes * 60000), 'assigned');
  return mustGetUnitView(ctx, unit.id);
}
