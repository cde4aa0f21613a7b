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
  type Written,
} from './incidents.js';
import { assignUnit, releaseUnit } from './assignments.js';
import { listIncidentPageFor, listIncidentPointsFor, listIncidentsFor } from './incident-board.js';
import { placeRows, withPlaces } from './place-names.js';
import { generationOf } from '../store/reference-generation.js';

export const incidentHandlers = (ctx: Ctx): DomainHandlers<typeof incidentCalls> => {
  // Every incident a desk reads carries its point in words (electron/services/place-names.ts).
  const placed = (desk: Desk, i: Incident): Incident => withPlaces(ctx, desk, [i])[0] ?? i;
  // A write's answer, named under the counter its transaction read last.
  const placedAfter = (desk: Desk, w: Written): Incident =>
    withPlaces(ctx, desk, [w.incident], generationOf(w.reference))[0] ?? w.incident;
  return {
    // The board's rows are the store's fresh objects: each is named in place, not copied.
    listIncidents: (input, desk) => placeRows(ctx, desk, listIncidentsFor(ctx, desk, input)),
    listIncidentPage: (input, desk) => {
      const page = listIncidentPageFor(ctx, desk, input);
      placeRows(ctx, desk, page.rows);
      return page;
    },
    // Points carry no place names: the map draws them, the pane reads the incident whole.
    listIncidentPoints: (input, desk) => listIncidentPointsFor(ctx, desk, input),
    getIncident: (input, desk) => {
      const detail = getIncidentDetail(ctx, desk, input.id);
      return { ...detail, incident: placed(desk, detail.incident) };
    },
    createIncident: (input, desk) => placedAfter(desk, createIncident(ctx, desk, input)),
    updateIncident: (input, desk) => placedAfter(desk, updateIncident(ctx, desk, input)),
    transitionIncident: (input, desk) => placedAfter(desk, transitionIncident(ctx, desk, input)),
    addIncidentNote: (input, desk) => addNote(ctx, desk, input),
    assignUnit: (input, desk) => assignUnit(ctx, desk, input),
    releaseUnit: (input, desk) => releaseUnit(ctx, desk, input),
  };
};
