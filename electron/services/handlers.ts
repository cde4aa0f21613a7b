// The contract's handlers, one per call, over a live context. Reads go straight to the store;
// writes go through the services that journal them.
import type { Handlers } from './dispatch.js';
import type { Ctx } from './context.js';
import { getSession, signIn, type SessionState } from './session.js';
import { setUnitStatus } from './units.js';
import { verifyDatabase } from './verify.js';
import { listContingents } from '../store/contingents.js';
import { listUnits } from '../store/units.js';
import { listVenues } from '../store/venues.js';
import { listRoutes } from '../store/routes.js';
import { listZones } from '../store/zones.js';
import { listIncidents } from '../store/incidents.js';
import { listEntries } from '../store/journal.js';

export function createHandlers(ctx: Ctx, state: SessionState): Handlers {
  const { db } = ctx;
  return {
    getSession: (_input, desk) => getSession(ctx, state, desk),
    signIn: (input, desk) => signIn(ctx, desk, input),
    listContingents: () => listContingents(db),
    listUnits: () => listUnits(db),
    listVenues: () => listVenues(db),
    listRoutes: () => listRoutes(db),
    listZones: () => listZones(db),
    listIncidents: (input) => listIncidents(db, input.includeClosed),
    setUnitStatus: (input, desk) => setUnitStatus(ctx, desk, input),
    listJournal: (input) => listEntries(db, input),
    verify: () => verifyDatabase(db),
  };
}
