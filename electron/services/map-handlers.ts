import type { DomainHandlers } from './dispatch.js';
import type { mapCalls } from '../../shared/api/map.js';
import type { Ctx } from './context.js';
import { listNamedVenues } from '../store/venues.js';
import { nameOf, placeCandidatesFor } from './place-names.js';
import { findStreets } from './street-names.js';
import { listRoutes } from '../store/routes.js';
import { createZone, deleteZone, exportZones, importZones, listZonesFor, updateZone } from './zones.js';
import { getParade, recordParadeActual, retractParadeActual, setParadePlan } from './parade.js';
import { getBasemap, setBasemap } from './basemap.js';

export const mapHandlers = (ctx: Ctx): DomainHandlers<typeof mapCalls> => ({
  listVenues: () => listNamedVenues(ctx.db),
  namePlace: (input, desk) => ({
    place: nameOf(ctx.db, placeCandidatesFor(ctx, desk), input.lat, input.lon),
  }),
  findStreets: (input) => findStreets(ctx.db, input.text, input.lat, input.lon, input.limit),
  listRoutes: () => listRoutes(ctx.db),
  listZones: (_input, desk) => listZonesFor(ctx, desk),
  createZone: (input, desk) => createZone(ctx, desk, input),
  updateZone: (input, desk) => updateZone(ctx, desk, input),
  deleteZone: (input, desk) => deleteZone(ctx, desk, input),
  importZones: (input, desk) => importZones(ctx, desk, input),
  exportZones: (_input, desk) => exportZones(ctx, desk),
  getBasemap: () => getBasemap(ctx),
  setBasemap: (input, desk) => setBasemap(ctx, desk, input.path),
  getParade: (input) => getParade(ctx, input),
  setParadePlan: (input, desk) => setParadePlan(ctx, desk, input),
  recordParadeActual: (input, desk) => recordParadeActual(ctx, desk, input),
  retractParadeActual: (input, desk) => retractParadeActual(ctx, desk, input),
});
