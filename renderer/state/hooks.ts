// Typed selector hooks over the store. Components read narrow slices of state through these.
import { useContext } from 'react';
import { useStore } from 'zustand';
import type { Contingent, Incident, Unit } from '../../shared/domain';
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
export const useSelection = () => useVigie((s) => s.selection);
export const useTab = () => useVigie((s) => s.tab);

export const useSelectedUnit = (): Unit | null =>
  useVigie((s) =>
    s.selection?.kind === 'unit' ? (s.units.find((u) => u.id === s.selection?.id) ?? null) : null,
  );

export const useSelectedIncident = (): Incident | null =>
  useVigie((s) =>
    s.selection?.kind === 'incident' ? (s.incidents.find((i) => i.id === s.selection?.id) ?? null) : null,
  );

export const useContingent = (id: string | null): Contingent | null =>
  useVigie((s) => (id ? (s.contingents.find((c) => c.id === id) ?? null) : null));

export const useVenueName = (id: string | null): string | null =>
  useVigie((s) => (id ? (s.venues.find((v) => v.id === id)?.name ?? null) : null));
