// Units on incidents. A unit works one incident at a time (a reassignment must be confirmed and is
// journaled); while assigned its status follows the incident, and it is released when the incident
// is resolved, closed or cancelled.
import type { Ctx } from './context.js';
import { journal, requireOperator } from './context.js';
import type { Desk } from './desk.js';
import { newId } from './ids.js';
import { mustGetIncident } from './incident-lookup.js';
import type { Incident, IncidentStatus, Operator, Unit, UnitStatus } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { isFinished, isOpen, unitStatusFor } from '../../shared/incident-lifecycle.js';
import { iso } from '../../shared/clock.js';
import {
  activeAssignmentOfUnit,
  activeAssignmentsForIncident,
  insertAssignment,
  releaseAssignment,
} from '../store/assignments.js';
import { getIncident } from '../store/incidents.js';
import { updateUnitStatus } from '../store/units.js';
import { mustGetUnitView } from './units.js';
import { checkRestOnAssign } from './k9-rest.js';
import { k9Rest } from '../../shared/k9-rest.js';

const UNTASKABLE: readonly UnitStatus[] = ['off_duty', 'out_of_service'];

const mustGetUnit = mustGetUnitView;

/** Sets a unit's status as a consequence of incident work, journaled with its cause. */
function setFollowedStatus(ctx: Ctx, who: Operator, unit: Unit, status: UnitStatus, cause: Incident): void {
  if (unit.status === status) return;
  updateUnitStatus(ctx.db, unit.id, status, unit.version);
  journal(ctx, who, {
    action: 'unit.status_changed',
    entityType: 'unit',
    entityId: unit.id,
    data: { callsign: unit.callsign, from: unit.status, to: status, incident: cause.reference },
  });
}

export function assignUnit(
  ctx: Ctx,
  desk: Desk,
  input: { incidentId: string; unitId: string; confirmReassign: boolean; confirmRest?: boolean },
): { incident: Incident; unit: Unit } {
  const who = requireOperator(desk);
  return ctx.db.transaction(() => {
    const incident = mustGetIncident(ctx, input.incidentId);
    let unit = mustGetUnit(ctx, input.unitId);
    if (!isOpen(incident.status)) {
      throw new ApiError({
        code: 'conflict',
        message: `${incident.reference} is ${incident.status}: units can only be assigned to open incidents.`,
      });
    }
    if (UNTASKABLE.includes(unit.status)) {
      throw new ApiError({
        code: 'conflict',
        message: `${unit.callsign} is ${unit.status.replace(/_/g, ' ')} and cannot be assigned.`,
        current: unit,
      });
    }
    const previous = activeAssignmentOfUnit(ctx.db, unit.id);
    const at = iso(ctx.clock.now());
    if (previous) {
      const other = getIncident(ctx.db, previous.incidentId);
      if (previous.incidentId === incident.id) {
        throw new ApiError({
          code: 'conflict',
          message: `${unit.callsign} is already assigned to ${incident.reference}.`,
        });
      }
      if (!input.confirmReassign) {
        throw new ApiError({
          code: 'conflict',
          message: `${unit.callsign} is working ${other?.reference ?? previous.incidentId}; confirm to reassign it to ${incident.reference}.`,
          current: {
            unit,
            incidentId: previous.incidentId,
            reference: other?.reference ?? null,
            needsConfirmation: true,
          },
        });
      }
      releaseAssignment(ctx.db, previous.id, at);
      journal(ctx, who, {
        action: 'unit.reassigned',
        entityType: 'unit',
        entityId: unit.id,
        data: {
          callsign: unit.callsign,
          from: other?.reference ?? previous.incidentId,
          to: incident.reference,
        },
      });
    }
    const pastRest = k9Rest(unit, ctx.clock.now())?.level === 'due';
    unit = checkRestOnAssign(ctx, who, unit, incident.reference, input.confirmRest ?? false);
    insertAssignment(ctx.db, {
      id: newId(ctx.clock),
      incidentId: incident.id,
      unitId: unit.id,
      assignedAt: at,
    });
    journal(ctx, who, {
      action: 'incident.unit_assigned',
      entityType: 'incident',
      entityId: incident.id,
      data: {
        reference: incident.reference,
        unitId: unit.id,
        callsign: unit.callsign,
        reassigned: Boolean(previous),
        ...(pastRest ? { pastRest: true } : {}),
      },
    });
    setFollowedStatus(ctx, who, unit, unitStatusFor(incident.status), incident);
    return { incident: mustGetIncident(ctx, incident.id), unit: mustGetUnit(ctx, unit.id) };
  })();
}

export function releaseUnit(ctx: Ctx, desk: Desk, input: { incidentId: string; unitId: string }): Unit {
  const who = requireOperator(desk);
  return ctx.db.transaction(() => {
    const incident = mustGetIncident(ctx, input.incidentId);
    const unit = mustGetUnit(ctx, input.unitId);
    const active = activeAssignmentOfUnit(ctx.db, unit.id);
    if (!active || active.incidentId !== incident.id) {
      throw new ApiError({
        code: 'conflict',
        message: `${unit.callsign} is not assigned to ${incident.reference}.`,
      });
    }
    releaseAssignment(ctx.db, active.id, iso(ctx.clock.now()));
    journal(ctx, who, {
      action: 'incident.unit_released',
      entityType: 'incident',
      entityId: incident.id,
      data: { reference: incident.reference, unitId: unit.id, callsign: unit.callsign },
    });
    setFollowedStatus(ctx, who, unit, 'available', incident);
    return mustGetUnit(ctx, unit.id);
  })();
}

/** After an incident moves: its units follow it, or are released when it is finished. */
export function followIncident(ctx: Ctx, who: Operator, incidentId: string, status: IncidentStatus): void {
  const incident = mustGetIncident(ctx, incidentId);
  const at = iso(ctx.clock.now());
  for (const a of activeAssignmentsForIncident(ctx.db, incidentId)) {
    const unit = mustGetUnit(ctx, a.unitId);
    if (isFinished(status)) {
      releaseAssignment(ctx.db, a.id, at);
      journal(ctx, who, {
        action: 'incident.unit_released',
        entityType: 'incident',
        entityId: incidentId,
        data: { reference: incident.reference, unitId: unit.id, callsign: unit.callsign, because: status },
      });
    }
    setFollowedStatus(ctx, who, unit, unitStatusFor(status), incident);
  }
}
