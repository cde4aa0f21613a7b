import { call, none } from './call.js';
import type { Route, Venue, Zone } from '../domain.js';

export const mapCalls = {
  listVenues: call<Venue[]>()(none),
  listRoutes: call<Route[]>()(none),
  listZones: call<Zone[]>()(none),
};
