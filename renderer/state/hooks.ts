// Typed selector hooks over the store. Components read narrow slices of state through these.
import { useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import type { Bridge, Contingent, Incident, Unit } from '../../shared/domain';
import { StoreContext } from './context';
import type { VigieStore } from './store';
import type { VigieState } from './types';

export function useStoreApi(): VigieStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('The Vigie store is missing: wrap the app in <StoreContext value={store}>.');
  return store;
}

export function useVigie<T>(selector: (s: VigieState) => T): T {
  return useStore(useStoreApi(), selector);
}

export const useSession = () => useVigie((s) => s.session);
export const useUnits = () => useVigie((s) => s.units);
export const useIncidents = () => useVigie((s) => s.incidents);
export const useVenues = () => useVigie((s) => s.venues);
export const useRoutes = () => useVigie((s) => s.routes);
export const useZones = () => useVigie((s) => s.zones);

/** Every bridge of every route, keyed route:index (bridge names repeat across routes). */
export function useBridges(): (Bridge & { key: string })[] {
  const routes = useRoutes();
  return useMemo(
    () => routes.flatMap((r) => r.bridges.map((b, i) => ({ key: `${r.id}:${i}`, ...b }))),
    [routes],
  );
}
export const useSelection = () => useVigie((s) => s.selection);
export const useTab = () => useVigie((s) => s.tab);

export const useSelectedUnit = (): Unit | null =>
  useVigie((s) =>
    s.selection?.kind === 'unit' ? (s.units.find((u) => u.id === s.selection?.id) ?? null) : null,
  );

/** An incident by id: its board row, or the pane's detail when the board does not show it. */
function findIncident(s: VigieState, id: string): Incident | null {
  const row = s.incidents.find((i) => i.id === id) ?? null;
  const fromDetail = s.detail?.incident.id === id ? s.detail.incident : null;
  if (row && fromDetail) return fromDetail.version > row.version ? fromDetail : row;
  return row ?? fromDetail;
}

export const useSelectedIncident = (): Incident | null =>
  useVigie((s) => (s.selection?.kind === 'incident' ? findIncident(s, s.selection.id) : null));

export const usePane = () => useVigie((s) => s.pane);

/** The incident the pane shows (or edits). */
export const usePaneIncident = (): Incident | null =>
  useVigie((s) => (s.pane && s.pane.kind !== 'create' ? findIncident(s, s.pane.id) : null));

export const useBoardFilters = () => useVigie((s) => s.boardFilters);
export const useSignedIn = () => useVigie((s) => Boolean(s.session?.operator));

export const useContingent = (id: string | null): Contingent | null =>
  useVigie((s) => (id ? (s.contingents.find((c) => c.id === id) ?? null) : null));

export const useVenueName = (id: string | null): string | null =>
  useVigie((s) => (id ? (s.venues.find((v) => v.id === id)?.name ?? null) : null));
