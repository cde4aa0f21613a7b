// What the report builder reads: plain rows gathered from the database in a few queries
// (electron/store/handover-snapshot.ts), so that building the model is a pure function.
import type { IncidentCategory, IncidentStatus, OperationMode, Priority, UnitStatus } from '../domain.js';
import type { BaseLayers, LonLat, Officer, ReportLang } from './model.js';
import type { Marking } from '../releasability.js';
import type { PlaceCandidate } from '../place-name.js';

/** An incident row as it is now (the builder rewinds it to the window's end). */
export interface SourceIncident {
  id: string;
  reference: string;
  category: IncidentCategory;
  priority: Priority;
  status: IncidentStatus;
  title: string;
  venueId: string | null;
  sector: string | null;
  locationText: string | null;
  lat: number | null;
  lon: number | null;
  createdAt: string;
  acknowledgedAt: string | null;
  onSceneAt: string | null;
  /** Its releasability now (absent: all partners). */
  marking?: Marking;
}

export interface SourceRequest {
  id: string;
  fromDesk: string;
  targetKind: 'desk' | 'role' | 'contingent';
  targetLabel: string;
  text: string;
  byAt: string | null;
  incidentReference: string | null;
  /** Its status at the window's end. */
  status: 'open' | 'accepted' | 'declined' | 'done' | 'cancelled';
  createdAt: string;
}

export interface SourceUnit {
  id: string;
  callsign: string;
  contingentId: string;
  country: string;
  agency: string;
  personnel: number;
  status: UnitStatus;
  sector: string | null;
}

export interface SourceJournalEntry {
  seq: number;
  at: string;
  operator: string;
  desk: string;
  action: string;
  entityType: string;
  entityId: string | null;
  data: unknown;
}

export interface PreviousHandover {
  id: string;
  to: string;
  acknowledgedAt: string;
  outgoing: string | null;
  incoming: string;
}

export interface ReportSource {
  operation: { name: string; mode: OperationMode; timezone: string };
  window: { from: string; to: string };
  previousHandover: PreviousHandover | null;
  /** Incidents created by the window's end that were open then or changed since the journal start. */
  incidents: SourceIncident[];
  /**
   * Journal entries about incidents, units and zones (and overrides) after min(window start,
   * previous handover end), in seq order. Position reports are not needed and not included.
   */
  journal: SourceJournalEntry[];
  /** Every journal entry inside the window, counted. */
  journalCount: number;
  units: SourceUnit[];
  /** Each unit's last fix at or before the window's end. */
  positions: { unitId: string; at: string; lat: number; lon: number }[];
  /** Units working each incident at the window's end. */
  assignments: { incidentId: string; callsign: string }[];
  /** Each incident's last note at or before the window's end. */
  lastNotes: { incidentId: string; at: string; operator: string; text: string }[];
  venues: { id: string; name: string; lat: number; lon: number }[];
  zones: { id: string; name: string; marking?: Marking }[];
  /** Whose staff see everything; named in each item's banner line (absent: FR). */
  hostCountry?: string;
  /** Requests between desks sent by the window's end, each with its status then (absent: none). */
  requests?: SourceRequest[];
  routes: LonLat[][];
  /** The named places incidents' points are described by (absent: sources read before place names). */
  places?: PlaceCandidate[];
  water: LonLat[][];
  /** The built-in base map (absent: sources read before it). */
  base?: BaseLayers;
  staleMinutes: number;
  /** The national alert level at the window's end (absent: sources read before alert levels). */
  alertLevel?: SourceAlertLevel;
  /** Bulletins published in the window or in force at its end (absent: before bulletins). */
  bulletins?: SourceBulletin[];
}

export interface SourceAlertLevel {
  scale: string;
  level: string;
  reason: string;
  setAt: string | null;
  setBy: string | null;
}

export interface SourceBulletin {
  id: string;
  title: string;
  severity: string;
  publishedAt: string;
  publishedBy: string;
  publishedDesk: string;
  validUntil: string | null;
  withdrawnAt: string | null;
  marking: Marking;
  /** Desks that had acknowledged it by the window's end, and those still to. */
  acked: string[];
  pending: string[];
}

export interface ReportInputs {
  status: 'preview' | 'acknowledged';
  lang: ReportLang;
  desk: string;
  outgoing: Officer | null;
  incoming: Officer | null;
  pendingActions: string[];
  generatedAt: string;
  /** Acknowledgement only: the journal's head then (see ReportHeader). */
  journalHead?: { seq: number; hash: string } | undefined;
}
