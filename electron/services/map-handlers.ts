import type { DomainHandlers } from './dispatch.js';
import type { mapCalls } from '../../shared/api/map.js';
import type { Ctx } from './context.js';
import { listVenues } from '../store/venues.js';
import { listRoutes } from '../store/routes.js';
import { listZones } from '../store/zones.js';

export const mapHandlers = ({ db }: Ctx): DomainHandlers<typeof mapCalls> => ({
  listVenues: () => listVenues(db),
  listRoutes: () => listRoutes(db),
  listZones: () => listZones(db),
});
