// The store's shape: five slices joined into one state. Slices hold plain data and view state only
// (never the maplibre Map, never DOM nodes).
import type { StateCreator } from 'zustand';
import type { MapSlice } from './map-slice';
import type { AwarenessSlice } from './awareness-slice';
import type { CallInput, RoomLinkView, Session } from '../../shared/api';
import type { IncidentPoint } from '../../shared/incident-points';
import type {
  Contingent,
  Incident,
  IncidentCategory,
  IncidentDetail,
  IncidentRow,
  IncidentStatus,
  Priority,
  Route,
  Unit,
  UnitStatus,
  Venue,
  Zone,
} from '../../shared/domain';
import type { IncidentAction } from '../../shared/incident-lifecycle';
import type { PushedEntry } from '../live/apply';
import type { RoomStatus } from '../live/stream';

export interface SessionSlice {
  /** `room`: only in a desktop app that has opened a room. */
  session: (Session & { room?: RoomLinkView }) | null;
  /** Why getSession failed (the sign-in screen says so, with a retry). */
  sessionError: string | null;
  /** Why the desk is back on the sign-in screen (a session that ended), shown there. */
  signInNotice: string | null;
  /** Reads the session (public: works before anyone signs in). */
  loadSession: () => Promise<void>;
  /** Signs in on this desk; null on success, else the service's message (never which field was wrong). */
  signIn: (input: SignInInput) => Promise<string | null>;
  signOut: () => Promise<void>;
  /** A call answered 401 (expired or forged session): back to the sign-in screen, saying why. */
  sessionEnded: (message: string) => void;
  /** Puts a session view (getSession, the lock calls) in the store. */
  applySessionView: (view: Session & { room?: RoomLinkView }) => void;
  /** Moves on each change of the exercise clock or its injects (live feed): the director's view re-reads. */
  exerciseSeq: number;
}

export interface SignInInput {
  login: string;
  passphrase: string;
  desk: string;
}

export type LoadState = 'idle' | 'loading' | 'ready' | 'failed';

export interface DataSlice {
  loadState: LoadState;
  loadError: string | null;
  /** Message of the last failed periodic refresh, cleared by the next good one. */
  refreshError: string | null;
  units: Unit[];
  /**
   * Every incident that matches the board's filters as a point (a few fields each, read after the
   * board's first page): drawn on the map, counted for overdue, and where the panels that only need
   * a reference, a sector or the units working it look an incident up. The board shows boardRows.
   */
  incidentPoints: IncidentPoint[];
  /**
   * A map is on screen that cannot draw yet (its code or style still loading): the first read of
   * the points waits for it, so that parsing thousands of them does not compete with the board's
   * first clicks for nothing the officer could see yet.
   */
  mapWaiting: boolean;
  /** Set by the map: true while it loads, false once it draws (or is gone); a held read then runs. */
  setMapWaiting: (waiting: boolean) => void;
  /** With their aliases, for the place search. */
  venues: (Venue & { aliases?: string[] })[];
  routes: Route[];
  zones: Zone[];
  contingents: Contingent[];
  /** Loads the session and every list; safe to call again to retry. */
  loadAll: () => Promise<void>;
  /** Re-reads units, incidents and the open incident's detail. */
  refresh: () => Promise<void>;
  /** Starts the periodic refresh; returns the function that stops it. */
  startPolling: (intervalMs: number) => () => void;
  /** The live feed: whether it is up (polling stands in while not) and the room's state. */
  live: { connected: boolean; room: RoomStatus };
  /** Opens the live feed (browser host); returns the function that closes it. */
  startLive: () => () => void;
  /** Re-reads what these journal entries changed. */
  applyJournal: (entries: PushedEntry[]) => Promise<void>;
  setUnitStatus: (id: string, status: UnitStatus) => Promise<boolean>;
}

export type SelectionKind = 'unit' | 'incident';
/** Where a selection came from: the map eases to it only when it did not come from the map. */
export type SelectionOrigin = 'map' | 'panel';

export interface Selection {
  kind: SelectionKind;
  id: string;
  origin: SelectionOrigin;
}

export interface SelectionSlice {
  selection: Selection | null;
  select: (kind: SelectionKind, id: string, origin: SelectionOrigin) => void;
  clearSelection: () => void;
}

export type Tab = 'units' | 'incidents' | 'requests' | 'bulletins';

export interface Toast {
  id: number;
  message: string;
  kind: 'error' | 'notice';
}

export interface UiSlice {
  tab: Tab;
  /** Text filter of the units list (the incident board has its own filters). */
  unitFilter: string;
  toast: Toast | null;
  /** A point right-clicked on the map: the nearest available units to it are listed. */
  nearestPoint: LatLon | null;
  /** A new request being written from an incident ("Request…"): the Requests tab opens its form. */
  requestDraft: { incidentId: string } | null;
  setTab: (tab: Tab) => void;
  /** Opens the Requests tab's form, about this incident; null closes it. */
  composeRequest: (incidentId: string | null) => void;
  setUnitFilter: (text: string) => void;
  setNearestPoint: (point: LatLon | null) => void;
  showError: (message: string) => void;
  /** A short confirmation (e.g. the reference of a new incident). */
  showNotice: (message: string) => void;
  dismissToast: () => void;
}

/** What the incident pane between the map and the side panel shows. */
export type Pane = { kind: 'incident'; id: string } | { kind: 'create' } | { kind: 'edit'; id: string };

/** The board's filters; every one is applied by the server (listIncidents). */
export interface BoardFilters {
  /** Full-text search over title, description and notes (word prefixes). */
  text: string;
  status: IncidentStatus | '';
  priorities: Priority[];
  category: IncidentCategory | '';
  venueId: string;
  sector: string;
  /** ISO country of a unit assigned to the incident. */
  country: string;
  showClosed: boolean;
}

export type IncidentPatch = Omit<CallInput<'updateIncident'>, 'id' | 'version'>;
export type NewIncident = CallInput<'createIncident'>;

/** The write that met a conflict, kept so the officer can retry it on the fresh row. */
export type PendingWrite =
  { kind: 'transition'; action: IncidentAction; reason?: string } | { kind: 'update'; patch: IncidentPatch };

/** Another desk changed the incident first: what this desk had, what it is now, what was tried. */
export interface IncidentConflict {
  message: string;
  yours: Incident;
  current: Incident;
  pending: PendingWrite | null;
}

export type AssignOutcome =
  | { ok: true }
  | { ok: false; needsConfirmation: true; reference: string | null }
  /** restDue: set when the unit is a dog team past its rest time, to assign only once confirmed. */
  | { ok: false; needsConfirmation: false; restDue: string | null };

export interface LatLon {
  lat: number;
  lon: number;
}

/** The point of the incident being created or edited, and how it was chosen. */
export interface DraftPoint extends LatLon {
  source: 'map' | 'bridge' | 'venue';
}

export interface IncidentSlice {
  boardFilters: BoardFilters;
  boardLoading: boolean;
  /** The board's loaded pages, in board order (the first page, more as it is scrolled). */
  boardRows: IncidentRow[];
  /** How many incidents match the filters in all. */
  boardTotal: number;
  /** Where the next page starts; null when every matching incident is loaded. */
  boardNext: string | null;
  pane: Pane | null;
  /** Detail (notes, assignments, timeline) of the incident in the pane. */
  detail: IncidentDetail | null;
  detailError: string | null;
  conflict: IncidentConflict | null;
  /** "Pick on map": the next map click places the incident being created or edited. */
  picking: boolean;
  /** The point chosen for the incident being created or edited (drawn as a marker). */
  draftPoint: DraftPoint | null;
  setBoardFilters: (patch: Partial<BoardFilters>) => void;
  clearBoardFilters: () => void;
  /**
   * Re-reads the board (as many rows as are loaded) and every matching incident's point with the
   * current filters (the latest request wins); false if it failed.
   */
  loadIncidents: () => Promise<boolean>;
  /** Re-reads the board's loaded range only; false if it failed. */
  loadBoard: () => Promise<boolean>;
  /** Re-reads the point of every incident that matches the filters; false if it failed. */
  loadIncidentPoints: () => Promise<boolean>;
  /** Loads the board's next page (nothing when all is loaded or a page is on its way). */
  loadMoreIncidents: () => Promise<void>;
  openIncident: (id: string) => void;
  closePane: () => void;
  openCreate: () => void;
  openEdit: () => void;
  /** Leaves the create or edit form for the incident it came from (or nothing). */
  closeForm: () => void;
  loadDetail: () => Promise<void>;
  setPicking: (picking: boolean) => void;
  setDraftPoint: (point: DraftPoint | null) => void;
  createIncident: (input: NewIncident) => Promise<Incident | null>;
  /** Saves the changed fields on top of `incident`: the row as it was when the form opened. */
  updateIncident: (incident: Incident, patch: IncidentPatch) => Promise<boolean>;
  /**
   * Moves the pane's incident; `base` is the row the officer decided on (a reason form keeps the
   * row as it was when it opened), else the freshest row this desk has.
   */
  transitionIncident: (action: IncidentAction, reason?: string, base?: Incident) => Promise<boolean>;
  addNote: (text: string) => Promise<boolean>;
  assignUnit: (unitId: string, confirmReassign?: boolean, confirmRest?: boolean) => Promise<AssignOutcome>;
  releaseUnit: (unitId: string) => Promise<boolean>;
  /** Drops the conflict and shows the incident as it is now. */
  reloadAfterConflict: () => void;
  /** Runs the refused write again on the current version. */
  retryAfterConflict: () => Promise<boolean>;
}

export type VigieState = SessionSlice &
  DataSlice &
  SelectionSlice &
  UiSlice &
  IncidentSlice &
  MapSlice &
  AwarenessSlice;

export type Slice<T> = StateCreator<VigieState, [], [], T>;
