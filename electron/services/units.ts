// Unit reads and changes. Each change is one transaction: the optimistic update and its journal
// entry together. Units handed to a desk carry `positionStale`, judged on the operation clock.
import type { Ctx } from './context.js';
import { journal, requireOperator } from './context.js';
import { checkUnitOwner } from './access.js';
import type { Desk } from './desk.js';
import {
  UNIT_STATUSES,
  type ContingentDetail,
  type MoveSource,
  type Operator,
  type Unit,
  type UnitPosition,
  type UnitStatus,
} from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { iso } from '../../shared/clock.js';
import {
  countStatuses,
  getUnit,
  listUnits,
  listUnitsOfContingent,
  updateUnitPosition,
  updateUnitStatus,
  type StaleRule,
} from '../store/units.js';
import { insertPosition, listPositions } from '../store/positions.js';
import { getContingent } from '../store/contingents.js';
import { getVenue } from '../store/venues.js';
import { readSettings } from '../store/settings.js';
import { activeAssignmentOfUnit } from '../store/assignments.js';
import { getIncident, releasedTo } from '../store/incidents.js';
import { releaseScope } from './releasability.js';

/** "Now" and the threshold for the stale-position flag. */
export const staleRule = (ctx: Ctx): StaleRule => ({
  nowMs: ctx.clock.now(),
  minutes: readSettings(ctx.db).stalePositionMinutes,
});

export const listUnitViews = (ctx: Ctx): Unit[] => listUnits(ctx.db, staleRule(ctx));

export function mustGetUnitView(ctx: Ctx, id: string): Unit {
  const unit = getUnit(ctx.db, id, staleRule(ctx));
  if (!unit) throw new ApiError({ code: 'not_found', message: `Unit ${id} does not exist` });
  return unit;
}

const conflict = (before: Unit, yours: number) =>
  new ApiError({
    code: 'conflict',
    message: `Unit ${before.callsign} was changed by another desk (version ${before.version}, yours ${yours}); reload and retry.`,
    current: before,
  });

/** Statuses that end a unit's work; an assigned unit gets there by being released from its incident. */
const FREEING: readonly UnitStatus[] = ['available', 'off_duty', 'out_of_service'];

export function setUnitStatus(
  ctx: Ctx,
  desk: Desk,
  input: { id: string; status: UnitStatus; version: number },
): Unit {
  const who = requireOperator(desk);
  checkUnitOwner(ctx, who, 'setUnitStatus', input.id);
  return ctx.db.transaction(() => {
    const before = mustGetUnitView(ctx, input.id);
    if (before.version !== input.version) throw conflict(before, input.version);
    // Asking for the status it already has changes nothing and journals nothing.
    if (before.status === input.status) return before;
    const assignment = activeAssignmentOfUnit(ctx.db, before.id);
    if (assignment && FREEING.includes(input.status)) {
      // Named only to a desk that may see the incident (a liaison may own a unit on a marked one).
      const incident = getIncident(ctx.db, assignment.incidentId);
      const named = incident && releasedTo(releaseScope(ctx.db, desk), incident.marking);
      throw new ApiError({
        code: 'conflict',
        message: `${before.callsign} is working ${named ? incident.reference : 'an incident'}: release it from the incident first.`,
        current: before,
      });
    }
    if (!updateUnitStatus(ctx.db, input.id, input.status, input.version))
      throw conflict(before, input.version);
    journal(ctx, who, {
      action: 'unit.status_changed',
      entityType: 'unit',
      entityId: before.id,
      data: { callsign: before.callsign, from: before.status, to: input.status },
    });
    return mustGetUnitView(ctx, input.id);
  })();
}

export interface MoveInput {
  id: string;
  version: number;
  lat: number;
  lon: number;
  source: MoveSource;
  venueId?: string | null | undefined;
}

/**
 * Writes a unit's new position (in the caller's transaction): the row if still at `version`, one
 * more fix in its history, and `unit.moved` with from/to. False when another desk changed the row.
 */
export function writeMove(
  ctx: Ctx,
  who: Operator,
  before: Unit,
  to: { lat: number; lon: number; at: string; source: MoveSource; venueId: string | null },
  version: number,
): boolean {
  if (!updateUnitPosition(ctx.db, before.id, to, version)) return false;
  insertPosition(ctx.db, { unitId: before.id, at: to.at, lat: to.lat, lon: to.lon, source: to.source });
  journal(ctx, who, {
    action: 'unit.moved',
    entityType: 'unit',
    entityId: before.id,
    data: {
      callsign: before.callsign,
      source: to.source,
      from: { lat: before.lat, lon: before.lon, at: before.positionAt, venueId: before.venueId },
      // The fix time and the row's new version let a desk apply the move from the pushed entry
      // (shared/live.ts moveOf) instead of re-reading the units.
      to: { lat: to.lat, lon: to.lon, venueId: to.venueId, at: to.at },
      version: version + 1,
    },
  });
  return true;
}

/** A new position: the unit row, one more fix in its history, and `unit.moved` with from/to. */
export function moveUnit(ctx: Ctx, desk: Desk, input: MoveInput): Unit {
  const who = requireOperator(desk);
  checkUnitOwner(ctx, who, 'moveUnit', input.id);
  return ctx.db.transaction(() => {
    const before = mustGetUnitView(ctx, input.id);
    if (before.version !== input.version) throw conflict(before, input.version);
    if (input.venueId && !getVenue(ctx.db, input.venueId)) {
      throw new ApiError({
        code: 'invalid_input',
        message: `moveUnit: venueId: no venue ${input.venueId}`,
        issues: [{ path: 'venueId', message: `no venue ${input.venueId}` }],
      });
    }
    const at = iso(ctx.clock.now());
    const venueId = input.venueId === undefined ? before.venueId : input.venueId;
    const to = { lat: input.lat, lon: input.lon, at, source: input.source, venueId };
    if (!writeMove(ctx, who, before, to, input.version)) throw conflict(before, input.version);
    return mustGetUnitView(ctx, before.id);
  })();
}

export function listUnitPositions(ctx: Ctx, input: { id: string; limit: number }): UnitPosition[] {
  const unit = mustGetUnitView(ctx, input.id);
  return listPositions(ctx.db, unit.id, input.limit).map(({ at, lat, lon, source }) => ({
    at,
    lat,
    lon,
    source,
  }));
}

export function getContingentDetail(ctx: Ctx, id: string): ContingentDetail {
  const contingent = getContingent(ctx.db, id);
  if (!contingent) throw new ApiError({ code: 'not_found', message: `Contingent ${id} does not exist` });
  const statusCounts = Object.fromEntries(UNIT_STATUSES.map((s) => [s, 0])) as Record<UnitStatus, number>;
  for (const { status, n } of countStatuses(ctx.db, id)) statusCounts[status] = n;
  return { contingent, units: listUnitsOfContingent(ctx.db, id, staleRule(ctx)), statusCounts };
}
