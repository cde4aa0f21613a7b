// Which of the units, handover, settings, backups, operators and contact directory views is open. View state only.
import { create } from 'zustand';

export type UnitsView =
  | 'board'
  | 'roster'
  | 'handover'
  | 'after-action'
  | 'settings'
  | 'backups'
  | 'new-operation'
  | 'operators'
  | 'shortcuts'
  | 'directory'
  | 'exchange'
  | 'director'
  | null;

interface ViewState {
  view: UnitsView;
  /** The contingent shown in the contingent dialog (over any view). */
  contingentId: string | null;
  open: (view: UnitsView) => void;
  showContingent: (id: string | null) => void;
}

export const useUnitsView = create<ViewState>()((set) => ({
  view: null,
  contingentId: null,
  open: (view) => set({ view }),
  showContingent: (contingentId) => set({ contingentId }),
}));
