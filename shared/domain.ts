import { DEFAULT_THRESHOLDS, type OverdueThresholds } from './overdue.js';
import type { Marking } from './releasability.js';
import type { PlaceName } from './place-name.js';
import { DEFAULT_TRAVEL, DEFAULT_UNIT_NEEDS, type TravelSettings, type UnitNeeds } from './assignment.js';
import { DEFAULT_K9_WORK_MINUTES } from './k9-rest.js';

export type { Marking } from './releasability.js';
// Domain vocabulary. These tokens are the interchange format (CSV, JSON, CLI); the UI translates them.

export const UNIT_KINDS = [
  'patrol',
  'k9_explosives',
  'k9_patrol',
  'public_order',
  'mounted',
  'river',
  'eod',
  'medical',
  'liaison',
  'cbrn',
  'drone',
  'command',
  'fire_rescue',
  'military',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_STATUSES = [
  'available',
  'assigned',
  'en_route',
  'on_scene',
  'off_duty',
  'out_of_service',
] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export const INCIDENT_STATUSES = [
  'new',
  'acknowledged',
  'dispatched',
  'on_scene',
  'resolved',
  'closed',
  'cancelled',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const INCIDENT_CATEGORIES = [
  'suspicious_package',
  'unattended_bag',
  'crowd_surge',
  'disorder',
  'medical',
  'fire_heat',
  'lost_person',
  'drone_sighting',
  'cyber',
  'traffic_river',
  'other',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const INCIDENT_SOURCES = ['radio', 'phone', 'cctv', 'patrol', 'partner_agency', 'public'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

export const PRIORITIES = [1, 2, 3, 4] as const;
export type Priority = (typeof PRIORITIES)[number];

export const OPERATION_MODES = ['exercise', 'real'] as const;
export type OperationMode = (typeof OPERATION_MODES)[number];

export type LngLat = readonly [lon: number, lat: number];

export interface Operation {
  name: string;
  mode: OperationMode;
  timezone: string;
  /** Scenario start (UTC ISO) for an exercise; null for a real operation. */
  scenarioStart: string | null;
}

export interface Operator {
  /** This sign-in (the journal's 'system' for the app's own entries). */
  id: string;
  /** The account signed in, and its login. */
  accountId?: string;
  login?: string;
  name: string;
  /** A Role (shared/roles.ts), or 'system'. */
  role: string;
  desk: string;
  /** A liaison's contingent. */
  contingentId?: string | null;
  /** The partner nation a liaison or observer reads for; null or absent: host staff. */
  country?: string | null;
}

export interface Contingent {
  id: string;
  country: string;
  agency: string;
  liaisonName: string | null;
  liaisonContact: string | null;
  languages: string[];
  personnel: number;
  arrival: string | null;
  departure: string | null;
  version: number;
}

export interface K9Details {
  handler: string | null;
  dog: string | null;
  detection: string | null;
  /** When the dog must be stood down to rest (UTC ISO); detection dogs work in short spells. */
  restDue: string | null;
}

export interface Unit {
  id: string;
  callsign: string;
  contingentId: string;
  country: string;
  agency: string;
  kind: UnitKind;
  personnel: number;
  armed: boolean;
  status: UnitStatus;
  venueId: string | null;
  sector: string | null;
  lat: number | null;
  lon: number | null;
  positionAt: string | null;
  positionSource: string | null;
  /** The position is older than the stale-position setting, on the operation clock. */
  positionStale: boolean;
  k9: K9Details | null;
  notes: string | null;
  /** Radio channel or talkgroup the unit listens on ("TG 2201"), as the roster gives it. */
  radio: string | null;
  phone: string | null;
  version: number;
}

/** How a desk learned a unit's new position (moveUnit). Seeding and imports use their own. */
/** How a position came: the map, typed, a venue or bridge picked, a unit's report, a tracking gateway. */
export const MOVE_SOURCES = ['map_drag', 'typed', 'venue', 'bridge', 'report', 'tracker'] as const;
export type MoveSource = (typeof MOVE_SOURCES)[number];

/** One fix in a unit's position history (its trail on the map). */
export interface UnitPosition {
  at: string;
  lat: number;
  lon: number;
  source: string;
}

/** A contingent with its units and how many are in each status. */
export interface ContingentDetail {
  contingent: Contingent;
  units: Unit[];
  statusCounts: Record<UnitStatus, number>;
}

/** Console-wide settings; one version covers them all (optimistic concurrency). */
export interface SettingsValues {
  stalePositionMinutes: number;
  /** Incident board deadlines per priority (shared/overdue.ts). */
  overdue: OverdueThresholds;
  /** Nearest-unit searches look no further than this, straight line (km). */
  nearestMaxKm: number;
  /** Unit kinds each incident category usually needs (shared/assignment.ts). */
  unitNeeds: UnitNeeds;
  /** Speeds and detour factor of travel-time estimates. */
  travel: TravelSettings;
  /** A dog's work period: its rest falls due this long after it is assigned with none set. */
  k9WorkMinutes: number;
}
export interface Settings extends SettingsValues {
  version: number;
}
export const DEFAULT_SETTINGS: SettingsValues = {
  stalePositionMinutes: 30,
  overdue: DEFAULT_THRESHOLDS,
  nearestMaxKm: 25,
  unitNeeds: DEFAULT_UNIT_NEEDS,
  travel: DEFAULT_TRAVEL,
  k9WorkMinutes: DEFAULT_K9_WORK_MINUTES,
};
/** The widest a nearest-unit search may look: a metropolitan area, never another continent. */
export const MAX_NEAREST_KM = 500;

export interface Venue {
  id: string;
  name: string;
  kind: string;
  lat: number;
  lon: number;
  note: string | null;
}

export interface Bridge {
  name: string;
  lat: number;
  lon: number;
  chainageKm: number;
}

export interface Route {
  id: string;
  name: string;
  /** [lon, lat] pairs, upstream to downstream. */
  coordinates: [number, number][];
  bridges: Bridge[];
}

export interface Zone {
  id: string;
  name: string;
  kind: string;
  color: string;
  /** GeoJSON Polygon coordinates ([lon, lat] rings). */
  polygon: [number, number][][];
  /** Who may see it (shared/releasability.ts): null, releasable to all partners. */
  marking: Marking;
  version: number;
}

export interface Incident {
  id: string;
  reference: string;
  category: IncidentCategory;
  priority: Priority;
  status: IncidentStatus;
  title: string;
  description: string;
  source: IncidentSource;
  reporter: string | null;
  lat: number | null;
  lon: number | null;
  venueId: string | null;
  sector: string | null;
  locationText: string | null;
  createdAt: string;
  updatedAt: string;
  acknowledgedAt: string | null;
  dispatchedAt: string | null;
  onSceneAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  /** Who may see it (shared/releasability.ts): null, releasable to all partners. */
  marking: Marking;
  version: number;
  /** Its point in words (the nearest named place), worked out when read, never stored. */
  place?: PlaceName | null;
}

/** An incident as the board lists it: with the units working it. */
export interface IncidentRow extends Incident {
  assigned: { unitId: string; callsign: string; country: string }[];
}

export interface IncidentNote {
  id: string;
  incidentId: string;
  at: string;
  operator: string;
  desk: string;
  text: string;
  /** Set when written (notes are append-only); never seen where its incident is not. */
  marking: Marking;
}

export interface AssignmentView {
  id: string;
  unitId: string;
  callsign: string;
  country: string;
  kind: UnitKind;
  unitStatus: UnitStatus;
  assignedAt: string;
  releasedAt: string | null;
}

export interface IncidentDetail {
  incident: Incident;
  notes: IncidentNote[];
  assignments: AssignmentView[];
  timeline: JournalEntry[];
}

export interface JournalEntry {
  seq: number;
  at: string;
  operator: string;
  /** The operator's role when it was written; null in entries older than roles. */
  role: string | null;
  desk: string;
  action: string;
  entityType: string;
  entityId: string | null;
  data: unknown;
  prevHash: string;
  hash: string;
}

/** The journal's after-images replayed against the tables (electron/store/journal-replay.ts). */
export interface ReplayCheck {
  ok: boolean;
  /** False when the schema predates after-images: nothing could be compared. */
  checked: boolean;
  /** The entry the replay started from: the last baseline, or the first entry. */
  fromSeq: number | null;
  /** Entries that carried after-images. */
  entries: number;
  /** Rows of the journaled tables compared. */
  rows: number;
  /** The first differences, one line each ("units 01J… differs from the journal in status (…)"). */
  problems: string[];
  problemCount: number;
  note: string | null;
}

/** The live schema against what the migrations make (electron/store/schema-check.ts). */
export interface SchemaReport {
  ok: boolean;
  missingTables: string[];
  /** As "table.column". */
  missingColumns: string[];
  /** Triggers as "table.trigger"; altered: present but not as made (another body, or disabled). */
  missingTriggers: string[];
  alteredTriggers: string[];
  /** PostgreSQL's trigger functions: missing, or with another body. */
  missingFunctions: string[];
  alteredFunctions: string[];
  /** Triggers no migration made: they could rewrite records, so the schema is not trusted. */
  unexpectedTriggers: string[];
  /** Each problem in a sentence. */
  problems: string[];
}

export interface VerifyResult {
  ok: boolean;
  integrity: string;
  journal: { ok: boolean; entries: number; firstBadSeq: number | null; reason: string | null };
  /** Absent when the chain is broken or tables are missing: such a replay would prove nothing. */
  replay?: ReplayCheck;
  schema?: SchemaReport;
  /** The journal checked against a head anchored outside it (a head file, --expect-head). */
  head?: HeadCheck;
  /**
   * The journal's checkpoint (the entry up to which a Vigie last found the chain good) still
   * holds: that entry is there with the hash checked then. Absent when there is none.
   */
  checkpoint?: { ok: boolean; seq: number; verifiedAt: string; reason: string | null };
}

export interface HeadCheck {
  ok: boolean;
  /** Where the head came from: the head file's path, or "--expect-head". */
  source: string;
  seq: number;
  hash: string | null;
  /** When the head was taken, when known. */
  at: string | null;
  /** The journal's last entry now. */
  journalSeq: number;
  reason: string | null;
}
