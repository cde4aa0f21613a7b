// The store's shape: four slices joined into one state. Slices hold plain data and view state only
// (never the maplibre Map, never DOM nodes).
import type { StateCreator } from 'zustand';
import type { Session } from '../../shared/api';
import type {
  Contingent,
  Incident,
  Operator,
  Route,
  Unit,
  UnitStatus,
  Venue,
  Zone,
} from '../../shared/domain';

export interface SessionSlice {
  session: Session | null;
  /** Replaces the operator after a successful sign-in. */
  setOperator: (operator: Operator) => void;
  signIn: (input: { name: string; role: string; desk: string }) => Promise<boolean>;
}

export type LoadState = 'idle' | 'loading' | 'ready' | 'failed';

export interface DataSlice {
  loadState: LoadState;
  loadError: string | null;
  /** Message of the last failed periodic refresh, cleared by the next good one. */
  refreshError: string | null;
  units: Unit[];
  incidents: Incident[];
  venues: Venue[];
  routes: Route[];
  zones: Zone[];
  contingents: Contingent[];
  /** Loads the session and every list; safe to call again to retry. */
  loadAll: () => Promise<void>;
  /** Re-reads units and incidents. */
  refresh: () => Promise<void>;
  /** Starts the periodic refresh; returns the function that stops it. */
  startPolling: (intervalMs: number) => () => void;
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

export type Tab = 'units' | 'incidents';

export interface Toast {
  id: number;
  message: string;
}

export interface UiSlice {
  tab: Tab;
  filters: Record<Tab, string>;
  signInOpen: boolean;
  toast: Toast | null;
  setTab: (tab: Tab) => void;
  setFilter: (tab: Tab, text: string) => void;
  setSignInOpen: (open: boolean) => void;
  showError: (message: string) => void;
  dismissToast: () => void;
}

export type VigieState = SessionSlice & DataSlice & SelectionSlice & UiSlice;

export type Slice<T> = StateCreator<VigieState, [], [], T>;
