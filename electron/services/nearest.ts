// Which available units are closest to an incident or a map point, within the nearest-unit limit
// (a setting), and roughly how long on foot.
import distance from '@turf/distance';
import { point } from '@turf/helpers';
import type { Ctx } from './context.js';
import type { NearestAnswer } from '../../shared/api/units.js';
import type { Incident, UnitKind } from '../../shared/domain.js';
import { ApiError } from '../../shared/errors.js';
import { listAvailablePlaced } from '../store/units.js';
import { getVenue } from '../store/venues.js';
import { readSettings } from '../store/settings.js';
import { staleRule } from './units.js';

// Walking estimate: 5 km/h, times 1.3 because streets, quays and crowd barriers make the way on
// foot about a third longer than the straight line. An order of magnitude for the desk, not a route.
const WALK_M_PER_MIN = 5000 / 60;
const DETOUR = 1.3;

export interface NearestInput {
  lat?: number | undefined;
  lon?: number | undefined;
  incidentId?: string | undefined;
  kind?: UnitKind | undefined;
  language?: string | undefined;
  limit: number;
}

/** Looks an incident up for the reading desk: its own, or the error of a missing one. */
export type SeeIncident = (id: string) => Incident;

/** Within the nearest-unit limit only: a unit further off is not "nearest", however few there are. */
export function nearestUnits(ctx: Ctx, input: NearestInput, see: SeeIncident): NearestAnswer {
  const [lon, lat] = origin(ctx, input, see);
  const from = point([lon, lat]);
  const maxKm = readSettings(ctx.db).nearestMaxKm;
  const ranked = listAvailablePlaced(ctx.db, { kind: input.kind, language: input.language }, staleRule(ctx))
    .flatMap((unit) => {
      if (unit.lat === null || unit.lon === null) return [];
      const metres = distance(from, point([unit.lon, unit.lat]), { units: 'meters' });
      if (metres > maxKm * 1000) return [];
      return [
        { unit, distanceM: Math.round(metres), walkMinutes: Math.ceil((metres * DETOUR) / WALK_M_PER_MIN) },
      ];
    })
    .sort((a, b) => a.distanceM - b.distanceM || a.unit.callsign.localeCompare(b.unit.callsign));
  return { maxKm, units: ranked.slice(0, input.limit) };
}

/** [lon, lat] of the point asked for, or of the incident (its point, else its venue's). */
function origin(ctx: Ctx, input: NearestInput, see: SeeIncident): [number, number] {
  if (input.incidentId === undefined) {
    if (input.lat === undefined || input.lon === undefined) {
      throw new ApiError({
        code: 'invalid_input',
        message: 'nearestUnits: lat: give a point (lat and lon) or an incidentId',
        issues: [{ path: 'lat', message: 'give a point (lat and lon) or an incidentId' }],
      });
    }
    return [input.lon, input.lat];
  }
  const incident = see(input.incidentId);
  if (incident.lat !== null && incident.lon !== null) return [incident.lon, incident.lat];
  const venue = incident.venueId ? getVenue(ctx.db, incident.venueId) : null;
  if (venue) return [venue.lon, venue.lat];
  throw new ApiError({
    code: 'invalid_input',
    message: `nearestUnits: incidentId: ${incident.reference} has no map position (no point, no venue)`,
    issues: [{ path: 'incidentId', message: `${incident.reference} has no map position` }],
  });
}
