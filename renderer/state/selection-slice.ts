// What the watch officer has selected (one unit or one incident), and where the click came from.
import type { SelectionSlice, Slice } from './types';

export const createSelectionSlice: Slice<SelectionSlice> = (set) => ({
  selection: null,
  select: (kind, id, origin) =>
    set({ selection: { kind, id, origin }, tab: kind === 'unit' ? 'units' : 'incidents' }),
  clearSelection: () => set({ selection: null }),
});
