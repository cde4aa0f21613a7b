// What the watch officer has selected (one unit or one incident), and where the click came from.
// Selecting an incident also opens it in the incident pane, unless a form is open there (a
// half-typed incident is never thrown away by a click elsewhere).
import type { SelectionSlice, Slice } from './types';

export const createSelectionSlice: Slice<SelectionSlice> = (set, get) => ({
  selection: null,
  select: (kind, id, origin) => {
    set({ selection: { kind, id, origin }, tab: kind === 'unit' ? 'units' : 'incidents' });
    const pane = get().pane;
    if (kind === 'incident' && pane?.kind !== 'create' && pane?.kind !== 'edit') get().openIncident(id);
  },
  clearSelection: () => set({ selection: null }),
});
