// The after-action report for a window: what happened in it and how fast the centre answered,
// computed from the store's rows and the journal (compute.ts); every renderer reads this one model.
import type { IncidentCategory, IncidentStatus, OperationMode, Priority } from '../domain.js';
import type { RequestStatus } from '../awareness.js';
import type { Marking } from '../releasability.js';
import type { IncidentBrief, ReportLang } from '../report/model.js';

export const AFTER_ACTION_SCHEMA_VERSION = 1;

/** The three response steps, each measured from the incident's creation. */
export const RESPONSE_STEPS = ['acknowledge', 'dispatch', 'onScene'] as const;
export type ResponseStep = (typeof RESPONSE_STEPS)[number];

/** The unit statuses that count as busy, in the order a unit goes through them. */
export const BUSY_STATES = ['assigned', 'en_route', 'on_scene'] as const;
export type BusyState = (typeof BUSY_STATES)[number];

export interface TimelineRow {
  reference: string;
  openedAt: string;
  priority: Priority;
  category: IncidentCategory;
  title: string;
  /** Its status when the report was made. */
  status: IncidentStatus;
  /** Seconds from creation to the step's first time in the journal; null: not (yet) reached. */
  acknowledgeS: number | null;
  dispatchS: number | null;
  onSceneS: number | null;
  /** When it was closed or cancelled, if it was. */
  finishedAt: string | null;
  /** Its banner line, "RELEASABLE TO FR, ES". */
  releasability: string;
}

/** Count, median, 90th percentile (nearest rank) and maximum, in seconds; null when count is 0. */
export interface Stat {
  count: number;
  medianS: number | null;
  p90S: number | null;
  maxS: number | null;
}

export type StepStats = Record<ResponseStep, Stat>;

export interface RequestRow {
  fromDesk: string;
  to: string;
  targetKind: 'desk' | 'role' | 'contingent';
  text: string;
  askedAt: string;
  /** Seconds from asking to the first answer (accepted, declined or done); null: unanswered. */
  answeredS: number | null;
  status: RequestStatus;
}

export interface ContingentBusy {
  contingent: string;
  units: number;
  /** Seconds in each busy state inside the window, all its units together. */
  byState: Record<BusyState, number>;
  totalS: number;
  /** totalS / units. */
  perUnitS: number;
}

export interface AfterActionReport {
  schemaVersion: typeof AFTER_ACTION_SCHEMA_VERSION;
  lang: ReportLang;
  operation: { name: string; mode: OperationMode; timezone: string };
  window: { from: string; to: string };
  generatedAt: string;
  generatedBy: { name: string; role: string; desk: string };
  /** The whole document's banner: what every item in it is releasable to (their intersection). */
  releasability: string;
  incidents: TimelineRow[];
  byPriority: { priority: Priority; stats: StepStats }[];
  byCategory: { category: IncidentCategory; stats: StepStats }[];
  overall: StepStats;
  /** Incidents opened per hour of the window (from the window's start), by priority. */
  perHour: { hourStart: string; priority: Priority; count: number }[];
  requests: RequestRow[];
  requestStats: Stat;
  busy: ContingentBusy[];
}

/** What compute.ts reads: plain rows, gathered by electron/store/after-action.ts. */
export interface AfterActionSource {
  operation: { name: string; mode: OperationMode; timezone: string };
  hostCountry: string;
  window: { from: string; to: string };
  /** Incidents created in [from, to). */
  incidents: (Pick<
    IncidentBrief,
    'reference' | 'priority' | 'category' | 'title' | 'status' | 'createdAt'
  > & {
    id: string;
    /** The row's own step times: what a scenario loads with its incidents, unjournaled. */
    acknowledgedAt: string | null;
    dispatchedAt: string | null;
    onSceneAt: string | null;
    closedAt: string | null;
    cancelledAt: string | null;
    marking: Marking;
  })[];
  /** Their lifecycle steps from the journal, in journal order. */
  steps: { incidentId: string; action: string; at: string }[];
  /** Requests asked in [from, to), each with its first answer time (from the journal). */
  requests: {
    fromDesk: string;
    targetKind: 'desk' | 'role' | 'contingent';
    targetLabel: string;
    text: string;
    createdAt: string;
    answeredAt: string | null;
    status: RequestStatus;
  }[];
  units: { id: string; contingent: string; status: string }[];
  /** Every unit status change (not creations), in journal order. */
  unitChanges: { unitId: string; at: string; from: string | null; to: string }[];
}
