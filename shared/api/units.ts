import { z } from 'zod';
import { call, id, none, version } from './call.js';
import {
  INCIDENT_CATEGORIES,
  MOVE_SOURCES,
  UNIT_KINDS,
  UNIT_STATUSES,
  MAX_NEAREST_KM,
  type Contingent,
  type IncidentCategory,
  type ContingentDetail,
  type Settings,
  type Unit,
  type UnitKind,
  type UnitPosition,
} from '../domain.js';
import { MAX_ROSTER_BYTES, type RosterImportResult } from '../roster.js';
import { isLanguageCode } from '../languages.js';
import type { Suggestion, SuggestionGroup, TravelMode } from '../assignment.js';
import { MAX_K9_WORK_MINUTES } from '../k9-rest.js';

const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);

export interface NearestUnit {
  unit: Unit;
  /** Straight-line distance, metres. */
  distanceM: number;
  /** On foot, whole minutes rounded up (see services/nearest.ts for the assumptions). */
  walkMinutes: number;
}

/** The nearest available units within the search limit (the setting); none there, an empty list. */
export interface NearestAnswer {
  /** The limit the search used, km. */
  maxKm: number;
  units: NearestUnit[];
}

/** One unit of the assign list, with its contingent's languages and what makes it suggested. */
export type UnitSuggestion = Suggestion<Unit> & { languages: string[] };

/** The assign list of an incident (suggestUnits): what it needs, and every unit in order. */
export interface SuggestionsAnswer {
  incidentId: string;
  needs: UnitKind[];
  units: UnitSuggestion[];
}
export type { SuggestionGroup, TravelMode };

export const moveUnitInput = z
  .object({
    id,
    version,
    lat,
    lon,
    source: z.enum(MOVE_SOURCES),
    /** Absent: the unit keeps its venue; null: it leaves it; an id: it is now at that venue. */
    venueId: id.nullable().optional(),
  })
  .strict()
  .refine((v) => v.source !== 'venue' || Boolean(v.venueId), {
    message: 'a move to a venue names the venue',
    path: ['venueId'],
  });

export const nearestUnitsInput = z
  .object({
    lat: lat.optional(),
    lon: lon.optional(),
    incidentId: id.optional(),
    kind: z.enum(UNIT_KINDS).optional(),
    language: z
      .string()
      .max(8)
      .trim()
      .toLowerCase()
      .refine(isLanguageCode, 'an ISO 639-1 language code, such as "en"')
      .optional(),
    limit: z.number().int().min(1).max(100).default(10),
  })
  .strict()
  .superRefine((v, ctx) => {
    const point = v.lat !== undefined || v.lon !== undefined;
    if (point && v.incidentId !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['incidentId'],
        message: 'give a point (lat, lon) or an incident, not both',
      });
    } else if (!point && v.incidentId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['lat'], message: 'give a point (lat and lon) or an incidentId' });
    } else if (point && (v.lat === undefined || v.lon === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [v.lat === undefined ? 'lat' : 'lon'],
        message: 'lat and lon go together',
      });
    }
  });

export const importRosterInput = z
  .object({
    csv: z
      .string()
      .max(MAX_ROSTER_BYTES)
      .refine((s) => new TextEncoder().encode(s).byteLength <= MAX_ROSTER_BYTES, 'larger than 5 MB'),
    dryRun: z.boolean().default(false),
  })
  .strict();

const minutes = z.number().int().min(1).max(1440).nullable();
const perPriority = z.object({ 1: minutes, 2: minutes, 3: minutes, 4: minutes }).strict();

/** Input schema for configurable thresholds (minutes, or null for no deadline). */
const overdueThresholdsSchema = z
  .object({ acknowledgeMinutes: perPriority, onSceneMinutes: perPriority })
  .strict()
  .refine(
    (t) =>
      ([1, 2, 3, 4] as const).every(
        (p) =>
          t.acknowledgeMinutes[p] === null ||
          t.onSceneMinutes[p] === null ||
          t.acknowledgeMinutes[p] <= t.onSceneMinutes[p],
      ),
    {
      message: 'acknowledgement deadline must not be later than on-scene deadline',
      path: ['acknowledgeMinutes'],
    },
  );

// Each category names distinct kinds; every category is listed, so a stored map is always whole.
const kinds = z
  .array(z.enum(UNIT_KINDS))
  .max(UNIT_KINDS.length)
  .refine((k) => new Set(k).size === k.length, 'a kind is listed twice');
const unitNeedsSchema = z
  .object(
    Object.fromEntries(INCIDENT_CATEGORIES.map((c) => [c, kinds])) as Record<IncidentCategory, typeof kinds>,
  )
  .strict();

/** Speeds of a city during an event (km/h) and the detour over the straight line. */
const travelSchema = z
  .object({
    footKmh: z.number().min(1).max(15),
    roadKmh: z.number().min(1).max(130),
    riverKmh: z.number().min(1).max(60),
    detour: z.number().min(1).max(3),
  })
  .strict();

/** Either a rest time (UTC ISO with offset; null clears it) or "rested now": due after a work period. */
export const setK9RestInput = z
  .object({
    id,
    version,
    restDue: z.iso.datetime({ offset: true }).max(40).nullable().optional(),
    rested: z.literal(true).optional(),
  })
  .strict()
  .refine((v) => (v.restDue === undefined) !== (v.rested === undefined), {
    message: 'give restDue (a time, or null) or rested: true, not both',
    path: ['restDue'],
  });

/** Most moves in one batch: a tracking gateway's update of every unit that moved in a second. */
export const MAX_BATCH_MOVES = 5000;

/** Where the batch of a tracking gateway (or a unit's reports) puts each unit. */
export interface MovesResult {
  moved: number;
  /** Operation time of the fixes. */
  at: string;
}

/**
 * A batch of positions, written in one transaction (all or nothing). A move may carry the version
 * it was read at: then another desk's change in between is a conflict; without, the newest fix wins
 * (a tracker knows where the unit is, not what a desk did to its row).
 */
export const moveUnitsInput = z
  .object({
    source: z.enum(['tracker', 'report']).default('tracker'),
    moves: z
      .array(z.object({ id, lat, lon, version: version.optional() }).strict())
      .min(1)
      .max(MAX_BATCH_MOVES),
  })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.moves.forEach((m, i) => {
      if (seen.has(m.id))
        ctx.addIssue({
          code: 'custom',
          path: ['moves', i, 'id'],
          message: `unit ${m.id} is moved twice in one batch`,
        });
      seen.add(m.id);
    });
  });

export const unitCalls = {
  listContingents: call<Contingent[]>()(none),
  getContingent: call<ContingentDetail>()(z.object({ id }).strict()),
  listUnits: call<Unit[]>()(none),
  setUnitStatus: call<Unit>()(z.object({ id, status: z.enum(UNIT_STATUSES), version }).strict()),
  moveUnit: call<Unit>()(moveUnitInput),
  moveUnits: call<MovesResult>()(moveUnitsInput),
  listUnitPositions: call<UnitPosition[]>()(
    z.object({ id, limit: z.number().int().min(1).max(1000).default(100) }).strict(),
  ),
  nearestUnits: call<NearestAnswer>()(nearestUnitsInput),
  importRoster: call<RosterImportResult>()(importRosterInput),
  getSettings: call<Settings>()(none),
  updateSettings: call<Settings>()(
    z
      .object({
        version,
        stalePositionMinutes: z.number().int().min(1).max(1440).optional(),
        overdue: overdueThresholdsSchema.optional(),
        nearestMaxKm: z.number().min(0.1).max(MAX_NEAREST_KM).optional(),
        unitNeeds: unitNeedsSchema.optional(),
        travel: travelSchema.optional(),
        k9WorkMinutes: z.number().int().min(5).max(MAX_K9_WORK_MINUTES).optional(),
      })
      .strict(),
  ),
  suggestUnits: call<SuggestionsAnswer>()(z.object({ incidentId: id }).strict()),
  setK9Rest: call<Unit>()(setK9RestInput),
};
