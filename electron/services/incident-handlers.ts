import type { DomainHandlers } from './dispatch.js';
import type { incidentCalls } from '../../shared/api/incidents.js';
import type { Ctx } from './context.js';
import {
  addNote,
  createIncident,
  getIncidentDetail,
  listIncidentsFor,
  transitionIncident,
  updateIncident,
} from './incidents.js';
import { assignUnit, releaseUnit } from './assignments.js';

export const incidentHandlers = (ctx: Ctx): DomainHandlers<typeof incidentCalls> => ({
  listIncidents: (input, desk) => listIncidentsFor(ctx, desk, input),
  getIncident: (input, desk) => getIncidentDetail(ctx, desk, input.id),
  createIncident: (input, desk) => createIncident(ctx, desk, input),
  updateIncident: (input, desk) => updateIncident(ctx, desk, input),
  transitionIncident: (input, desk) => transitionIncident(ctx, desk, input),
  addIncidentNote: (input, desk) => addNote(ctx, desk, input),
  assignUnit: (input, desk) => assignUnit(ctx, desk, input),
  releaseUnit: (input, desk) => releaseUnit(ctx, desk, input),
});
