import { z } from 'zod';
import { call, id, shortText, version } from './call.js';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_SOURCES,
  INCIDENT_STATUSES,
  type Incident,
  type IncidentDetail,
  type IncidentNote,
  type IncidentRow,
  type Unit,
} from '../domain.js';
import { INCIDENT_ACTIONS } from '../incident-lifecycle.js';
import { markingSchema } from '../releasability.js';
import { BOARD_CURSOR } from '../board-cursor.js';
import type { IncidentPointRow } from '../incident-points.js';

const priority = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Where it is: a map point, a venue, a sector, typed text, or several of these. */
const location = {
  lat: lat.nullable().optional(),
  lon: lon.nullable().optional(),
  venueId: id.nullable().optional(),
  sector: optionalText(80),
  locationText: optionalText(300),
};

const bothOrNeither = (v: { lat?: number | null; lon?: number | null }) =>
  (v.lat == null) === (v.lon == null);
const pointRule = { message: 'lat and lon go together', path: ['lon'] };

export const createIncidentInput = z
  .object({
    category: z.enum(INCIDENT_CATEGORIES),
    priority,
    title: shortText,
    description: z.string().trim().max(4000).default(''),
    source: z.enum(INCIDENT_SOURCES),
    reporter: optionalText(200),
    ...location,
    /** Absent: releasable to all partners. */
    marking: markingSchema.optional(),
  })
  .strict()
  .refine(bothOrNeither, pointRule)
  .refine((v) => v.lat != null || v.venueId || v.sector || v.locationText, {
    message: 'give a location: a map point, a venue, a sector or a description',
    path: ['locationText'],
  });

export const updateIncidentInput = z
  .object({
    id,
    version,
    category: z.enum(INCIDENT_CATEGORIES).optional(),
    priority: priority.optional(),
    title: shortText.optional(),
    description: z.string().trim().max(4000).optional(),
    source: z.enum(INCIDENT_SOURCES).optional(),
    reporter: optionalText(200),
    ...location,
    marking: markingSchema.optional(),
  })
  .strict()
  .refine(bothOrNeither, pointRule);

export const listIncidentsInput = z
  .object({
    includeClosed: z.boolean().default(false),
    statuses: z.array(z.enum(INCIDENT_STATUSES)).max(7).optional(),
    priorities: z.array(priority).max(4).optional(),
    categories: z.array(z.enum(INCIDENT_CATEGORIES)).max(INCIDENT_CATEGORIES.length).optional(),
    venueId: id.optional(),
    sector: z.string().max(80).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2, upper case')
      .optional(),
    text: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(100_000).default(10_000),
    /** Keyset paging: only incidents after this one in the board's order (shared/board-cursor.ts). */
    after: z
      .string()
      .regex(BOARD_CURSOR, 'not a board cursor: priority|createdAt|id, as listIncidentPage returns in next')
      .optional(),
  })
  .strict();

/** The largest page the board asks for at once. */
export const BOARD_PAGE_MAX = 1000;

/** One page of the board: its rows, how many incidents match in all, and the cursor of the next page. */
export interface IncidentPage {
  rows: IncidentRow[];
  total: number;
  /** Null on the last page. */
  next: string | null;
}

export const incidentCalls = {
  listIncidents: call<IncidentRow[]>()(listIncidentsInput),
  listIncidentPage: call<IncidentPage>()(
    listIncidentsInput.extend({ limit: z.number().int().min(1).max(BOARD_PAGE_MAX).default(200) }).strict(),
  ),
  /** Every incident the board's filters match, as points (the board's order; shared/incident-points.ts). */
  listIncidentPoints: call<IncidentPointRow[]>()(
    listIncidentsInput.omit({ limit: true, after: true }).strict(),
  ),
  getIncident: call<IncidentDetail>()(z.object({ id }).strict()),
  createIncident: call<Incident>()(createIncidentInput),
  updateIncident: call<Incident>()(updateIncidentInput),
  transitionIncident: call<Incident>()(
    z
      .object({
        id,
        version,
        action: z.enum(INCIDENT_ACTIONS),
        reason: z.string().trim().max(1000).optional(),
      })
      .strict(),
  ),
  addIncidentNote: call<IncidentNote>()(
    z
      .object({
        incidentId: id,
        text: z.string().trim().min(1).max(4000),
        /** Absent: the incident's own marking. */
        marking: markingSchema.optional(),
      })
      .strict(),
  ),
  assignUnit: call<{ incident: Incident; unit: Unit }>()(
    z
      .object({
        incidentId: id,
        unitId: id,
        confirmReassign: z.boolean().default(false),
        /** A dog team past its rest time is assigned only with this set (shared/k9-rest.ts). */
        confirmRest: z.boolean().default(false),
      })
      .strict(),
  ),
  releaseUnit: call<Unit>()(z.object({ incidentId: id, unitId: id }).strict()),
};
