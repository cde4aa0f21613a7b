// The shift handover report as data: one versioned model, built from the database as of the
// window's end, stored when acknowledged, and rendered to JSON, Markdown, HTML and PDF. Every
// list is sorted and every time is an ISO string on the operation clock, so the same database
// and the same inputs give the same model, byte for byte (see canonical.ts).
import type { IncidentCategory, IncidentStatus, OperationMode, Priority, UnitStatus } from '../domain.js';
import type { Overdue } from '../overdue.js';
import type { PlaceName } from '../place-name.js';

export const REPORT_SCHEMA_VERSION = 1;
export const REPORT_LANGS = ['en', 'fr'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

export interface HandoverReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  /** A preview is a draft; only an acknowledged report is stored and journaled. */
  status: 'preview' | 'acknowledged';
  lang: ReportLang;
  header: ReportHeader;
  summary: ReportSummary;
  pendingActions: string[];
  openIncidents: OpenIncident[];
  /** Requests between desks still open or accepted at the window's end (absent in older reports). */
  openRequests?: OpenRequest[];
  openedDuringWindow: IncidentBrief[];
  closedDuringWindow: IncidentBrief[];
  changes: ChangesSinceHandover;
  deployment: UnitDeployment;
  significant: SignificantEntry[];
  map: MapSnapshot;
  /** The national alert level at the window's end (absent in reports made before alert levels). */
  alertLevel?: ReportAlertLevel;
  /** Bulletins published in the window or in force at its end, oldest first. */
  bulletins?: ReportBulletin[];
}

export interface ReportAlertLevel {
  scale: string;
  level: string;
  /** When it was set (null: the operation's default, never set). */
  since: string | null;
  setBy: string | null;
  reason: string;
}

export interface ReportBulletin {
  title: string;
  severity: string;
  publishedAt: string;
  publishedBy: string;
  publishedDesk: string;
  validUntil: string | null;
  withdrawnAt: string | null;
  acknowledged: number;
  /** Desks it was for: those that acknowledged and those pending. */
  expected: number;
  /** Desks still to acknowledge it, sorted. */
  pending: string[];
  releasability: string;
}

export interface Officer {
  name: string;
  role: string | null;
}

export interface ReportHeader {
  operation: { name: string; mode: OperationMode; timezone: string };
  desk: string;
  window: { from: string; to: string };
  /** Null when nobody was signed in (a CLI report over a window without a sign-in). */
  outgoing: Officer | null;
  /** Null only in a CLI preview without --incoming. */
  incoming: Officer | null;
  generatedAt: string;
  /**
   * The journal's head when the report was acknowledged: an anchor of the journal outside the
   * database. Absent in previews and in reports acknowledged before it was recorded.
   */
  journalHead?: { seq: number; hash: string };
}

export type PriorityCounts = Record<`p${Priority}`, number>;
export type UnitStatusCounts = Record<UnitStatus, number>;

export interface ReportSummary {
  openIncidents: number;
  openByPriority: PriorityCounts;
  overdue: number;
  openedDuringWindow: number;
  closedDuringWindow: number;
  units: number;
  personnel: number;
  unitsByStatus: UnitStatusCounts;
  stalePositions: number;
  journalEntries: number;
}

export interface IncidentLocation {
  venue: string | null;
  sector: string | null;
  text: string | null;
  lat: number | null;
  lon: number | null;
  /** The point in words, the nearest named place (absent in reports made before place names). */
  place?: PlaceName | null;
}

export interface OpenIncident {
  reference: string;
  priority: Priority;
  status: IncidentStatus;
  category: IncidentCategory;
  title: string;
  createdAt: string;
  /** Whole minutes from creation to the window's end. */
  ageMinutes: number;
  overdue: Overdue;
  location: IncidentLocation;
  /** Callsigns working it at the window's end, sorted. */
  units: string[];
  lastNote: { at: string; operator: string; text: string } | null;
  /** Its banner line, "RELEASABLE TO FR, ES" (absent in reports made before markings). */
  releasability?: string;
}

export interface OpenRequest {
  /** The desk that asked. */
  from: string;
  /** The desk, role or contingent asked, as people read it (a role as its token). */
  to: string;
  toKind: 'desk' | 'role' | 'contingent';
  text: string;
  /** Operation time it is needed by; null: no deadline. */
  byAt: string | null;
  /** Past its by-time and not yet answered at the window's end. */
  overdue: boolean;
  incidentReference: string | null;
  status: 'open' | 'accepted';
  createdAt: string;
}

export interface IncidentBrief {
  reference: string;
  priority: Priority;
  category: IncidentCategory;
  title: string;
  /** Status at the window's end. */
  status: IncidentStatus;
  createdAt: string;
  /** When it was resolved, closed or cancelled (null while open). */
  finishedAt: string | null;
  releasability?: string;
}

export interface ChangesSinceHandover {
  /** The previous acknowledged handover's window end at this desk, else this window's start. */
  since: string;
  previousHandover: {
    id: string;
    to: string;
    acknowledgedAt: string;
    outgoing: string | null;
    incoming: string;
  } | null;
  newIncidents: IncidentBrief[];
  priorityChanges: { reference: string; at: string; from: Priority; to: Priority; operator: string }[];
  /** Units that came on duty: created, or back from off duty / out of service. */
  unitsArrived: UnitMovement[];
  /** Units that went off duty or out of service. */
  unitsStoodDown: UnitMovement[];
  zonesChanged: { zone: string; at: string; action: string; operator: string; releasability?: string }[];
}

export interface UnitMovement {
  callsign: string;
  country: string;
  at: string;
  /** Null: the unit was created. */
  from: UnitStatus | null;
  to: UnitStatus;
}

export interface DeploymentRow {
  units: number;
  personnel: number;
  byStatus: UnitStatusCounts;
  stale: number;
}

export interface UnitDeployment {
  staleMinutes: number;
  byContingent: (DeploymentRow & { country: string; agency: string })[];
  /** Sector null: units without one. */
  bySector: (DeploymentRow & { sector: string | null })[];
  stalePositions: {
    callsign: string;
    country: string;
    status: UnitStatus;
    sector: string | null;
    positionAt: string;
    ageMinutes: number;
  }[];
}

export interface SignificantEntry {
  seq: number;
  at: string;
  operator: string;
  desk: string;
  action: string;
  /** The incident reference or unit callsign it is about. */
  subject: string | null;
  priority: Priority | null;
  /** Language-neutral detail: a status or priority change, a callsign, a note. */
  detail: { from: string | null; to: string | null; text: string | null };
}

export type LonLat = [lon: number, lat: number];

/** A base map under the markers: parks (filled rings), main roads (lines), district outlines (rings). */
export interface BaseLayers {
  parks: LonLat[][];
  roads: LonLat[][];
  districts: LonLat[][];
}

export interface MapSnapshot {
  bounds: { west: number; south: number; east: number; north: number };
  /** Water polygons' rings (outer rings and holes alike; filled even-odd). */
  water: LonLat[][];
  /** The base map by the operation's places (absent in reports made before it, or none there). */
  base?: BaseLayers;
  /** The ceremony route(s), each a line. */
  routes: LonLat[][];
  venues: { name: string; at: LonLat }[];
  units: { callsign: string; status: UnitStatus; at: LonLat }[];
  incidents: { reference: string; priority: Priority; at: LonLat }[];
}
