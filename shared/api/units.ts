import { z } from 'zod';
import { call, id, none, version } from './call.js';
import { UNIT_STATUSES, type Contingent, type Unit } from '../domain.js';

export const unitCalls = {
  listContingents: call<Contingent[]>()(none),
  listUnits: call<Unit[]>()(none),
  setUnitStatus: call<Unit>()(z.object({ id, status: z.enum(UNIT_STATUSES), version }).strict()),
};
