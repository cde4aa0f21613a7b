import type { DomainHandlers } from './dispatch.js';
import type { incidentCalls } from '../../shared/api/incidents.js';
import type { Ctx } from './context.js';
import type { Desk } from './desk.js';
import type { Incident } from '../../shared/domain.js';
import {
  addNote,
  createIncident,
  getIncidentDetail,
  transitionIncident,
  updateIncident,
} from './incidents.js';
import { assignUnit, releaseUnit } from './assignments.js';
import { listIncidentPageFor, listIncidentPointsFor, listIncidentsFor } from './incident-board.js';
import { withPlaces } from './place-names.js';

export const incidentHandlers = (ctx: Ctx): DomainHandlers<typeof incidentCalls> => {
  // Every incident a desk reads carries its point in words (electron/services/place-names.ts).
  const placed = (desk: Desk, i: Incident): Incident => withPlaces(ctx, desk, [i])[0] ?? i;
  return {
    listIncidents: (input, desk) => withPlaces(ctx, desk, listIncidentsFor(ctx, desk, input)),
    listIncidentPage: (input, desk) => {
      const page = listIncidentPageFor(ctx, desk, input);
      return { ...page, rows: withPlaces(ctx, desk, page.rows) };
    },
    // Points carry no place names: the map draws them, the pane reads the incident whole.
    listIncidentPoints: (input, desk) => listIncidentPointsFor(ctx, desk, input),
    getIncident: (input, desk) => {
      const detail = getIncidentDetail(ctx, desk, input.id);
      return { ...detail, incident: placed(desk, detail.incident) };
    },
    createIncident: (input, desk) => placed(desk, createIncident(ctx, desk, input)),
    updateIncident: (input, desk) => placed(desk, updateIncident(ctx, desk, input)),
    transitionIncident: (input, desk) => placed(desk, transitionIncident(ctx, desk, input)),
    addIncidentNote: (input, desk) => addNote(ctx, desk, input),
    assignUnit: (input, desk) => assignUnit(ctx, desk, input),
    releaseUnit: (input, desk) => releaseUnit(ctx, desk, input),
  };
};
