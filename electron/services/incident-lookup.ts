// An incident that must exist for the call to go on: both the incident and the assignment services
// ask for it, so it lives apart from both (no import cycle between them).
import type { Incident } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { getIncident } from '../store/incidents.js';
import type { Ctx } from './context.js';

export function mustGetIncident(ctx: Ctx, id: string): Incident {
  const incident = getIncident(ctx.db, id);
  if (!incident) throw new ApiError({ code: 'not_found', message: `Incident ${id} does not exist` });
  return incident;
}
