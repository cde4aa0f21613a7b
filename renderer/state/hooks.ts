// Typed selector hooks over the store. Components read narrow slices of state through these.
import { useCallback, useContext, useMemo } from 'react';
import { useStore } from 'zustand';
import type { CallName } from '../../shared/api';
import type { Bridge, Contingent, Incident, Unit } from '../../shared/domain';
import { may, mayChangeUnit, whyNotChangeUnit } from './can';
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
/** Every incident the board's filters match, as a point (the board's loaded rows: boardRows). */
export const useIncidentPoints = () => useVigie((s) => s.incidentPoints);
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

/** An incident by id: its board row, or the pane's detail when the board's loaded pages miss it. */
function findIncident(s: VigieState, id: string): Incident | null {
  const row = s.boardRows.find((i) => i.id === id) ?? null;
  const fromDetail = s.detail?.incident.id === id ? s.detail.incident : null;
  if (row && fromDetail) return fromDetail.version > row.version ? fromDetail : row;
  return row ?? fromDetail;
}

/**
 * Where the selected incident is, for the map: as above, or its point while its detail is on its
 * way (a point clicked on the map far down the board).
 */
export const useSelectedIncidentAt = (): Pick<Incident, 'id' | 'lat' | 'lon'> | null =>
  useVigie((s) => {
    const sel = s.selection;
    if (sel?.kind !== 'incident') return null;
    return findIncident(s, sel.id) ?? s.incidentPoints.find((p) => p.id === sel.id) ?? null;
  });

export const usePane = () => useVigie((s) => s.pane);

/** The incident the pane shows (or edits). */
export const usePaneIncident = (): Incident | null =>
  useVigie((s) => (s.pane && s.pane.kind !== 'create' ? findIncident(s, s.pane.id) : null));

export const useBoardFilters = () => useVigie((s) => s.boardFilters);

export const useContingent = (id: string | null): Contingent | null =>
  useVigie((s) => (id ? (s.contingents.find((c) => c.id === id) ?? null) : null));

export const useVenueName = (id: string | null): string | null =>
  useVigie((s) => (id ? (s.venues.find((v) => v.id === id)?.name ?? null) : null));

/** Whether the signed-in operator's role may make `call` (clarity only: the services enforce). */
export const useCan = (call: CallName): boolean => useVigie((s) => may(s, call));

export const useMayChangeUnit = (
  unit: { contingentId: string },
  call: 'setUnitStatus' | 'moveUnit' | 'setK9Rest',
) => useVigie((s) => mayChangeUnit(s.session?.operator, unit, call));

/** Why the operator may not change this unit (an i18n key), or null when they may. */
export const useWhyNotChangeUnit = (
  unit: { contingentId: string },
  call: 'setUnitStatus' | 'moveUnit' | 'setK9Rest',
) => useVigie((s) => whyNotChangeUnit(s.session?.operator, unit, call));

/** The unit board's write: setUnitStatus, and why the operator may not change a unit's status. */
export function useUnitBoardRights() {
  const setUnitStatus = useVigie((s) => s.setUnitStatus);
  const who = useVigie((s) => s.session?.operator ?? null);
  const whyNot = useCallback(
    (unit: { contingentId: string }) => whyNotChangeUnit(who, unit, 'setUnitStatus'),
    [who],
  );
  return { setUnitStatus, mayChange: (unit: { contingentId: string }) => whyNot(unit) === null, whyNot };
}
