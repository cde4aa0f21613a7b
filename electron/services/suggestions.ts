// The assign list of an incident: every unit not already on it, ordered by need (the category's
// unit kinds, a setting), availability and travel time (shared/assignment.ts), with the languages
// of its contingent so the desk can match the people on scene.
import type { Ctx } from './context.js';
import type { SeeIncident } from './nearest.js';
import { listUnitViews } from './units.js';
import type { SuggestionsAnswer } from '../../shared/api/units.js';
import { rankSuggestions } from '../../shared/assignment.js';
import { readSettings } from '../store/settings.js';
import { getVenue } from '../store/venues.js';
import { listContingents } from '../store/contingents.js';
import { activeAssignmentsForIncident } from '../store/assignments.js';

export function suggestUnits(ctx: Ctx, input: { incidentId: string }, see: SeeIncident): SuggestionsAnswer {
  const incident = see(input.incidentId);
  const settings = readSettings(ctx.db);
  const venue = incident.lat === null && incident.venueId ? getVenue(ctx.db, incident.venueId) : null;
  const at =
    incident.lat !== null && incident.lon !== null
      ? { lat: incident.lat, lon: incident.lon }
      : venue
        ? { lat: venue.lat, lon: venue.lon }
        : null;
  const on = new Set(activeAssignmentsForIncident(ctx.db, incident.id).map((a) => a.unitId));
  const languages = new Map(listContingents(ctx.db).map((c) => [c.id, c.languages]));
  const needs = settings.unitNeeds[incident.category] ?? [];
  const ranked = rankSuggestions({
    units: listUnitViews(ctx).filter((u) => !on.has(u.id)),
    at,
    needs,
    travel: settings.travel,
    nowMs: ctx.clock.now(),
  });
  return {
    incidentId: incident.id,
    needs,
    units: ranked.map((s) => ({ ...s, languages: languages.get(s.unit.contingentId) ?? [] })),
  };
}
