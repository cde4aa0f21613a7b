// A batch of positions, as a tracking gateway sends every unit that moved in the last second: one
// transaction and one durable commit for the whole batch (a commit each is what held single moves
// to a few hundred a second), all or nothing. Each unit still gets its own fix in its history and
// its own `unit.moved` entry, the same as a single move: the journal is what a replay and the
// after-action report rebuild each unit's track from, and a unit's entries stay found by its id.
// A unit keeps its venue, as with a single move that names none.
import type { Ctx } from './context.js';
import { requireOperator } from './context.js';
import { checkUnitOwner } from './access.js';
import type { Desk } from './desk.js';
import type { MovesResult } from '../../shared/api/units.js';
import { ApiError } from '../../shared/errors.js';
import { iso } from '../../shared/clock.js';
import { getUnit } from '../store/units.js';
import { writeMove } from './units.js';

export interface MovesInput {
  source: 'tracker' | 'report';
  moves: { id: string; lat: number; lon: number; version?: number | undefined }[];
}

export function moveUnits(ctx: Ctx, desk: Desk, input: MovesInput): MovesResult {
  const who = requireOperator(desk);
  // Checked before the transaction: a refusal is journaled, and the batch's rollback would undo it.
  for (const m of input.moves) checkUnitOwner(ctx, who, 'moveUnits', m.id);
  const at = iso(ctx.clock.now());
  return ctx.db.transaction(() => {
    input.moves.forEach((m, i) => {
      const before = getUnit(ctx.db, m.id);
      if (!before)
        throw new ApiError({
          code: 'invalid_input',
          message: `moveUnits: moves[${i}].id: no unit ${m.id}; nothing was moved`,
          issues: [{ path: `moves.${i}.id`, message: `no unit ${m.id}` }],
        });
      const version = m.version ?? before.version;
      const to = { lat: m.lat, lon: m.lon, at, source: input.source, venueId: before.venueId };
      if (before.version !== version || !writeMove(ctx, who, before, to, version))
        throw new ApiError({
          code: 'conflict',
          message: `Unit ${before.callsign} (moves[${i}]) was changed by another desk (version ${before.version}, yours ${version}); nothing was moved.`,
          current: before,
        });
    });
    return { moved: input.moves.length, at };
  })();
}
