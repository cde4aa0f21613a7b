// View state that outlives a component: active tab, the units filter, the toast,
// the map point whose nearest units are listed.
import type { Slice, UiSlice } from './types';

let toastSeq = 0;

export const createUiSlice: Slice<UiSlice> = (set) => ({
  tab: 'units',
  unitFilter: '',
  toast: null,
  nearestPoint: null,
  requestDraft: null,
  setTab: (tab) => set({ tab }),
  composeRequest: (incidentId) =>
    set(incidentId === null ? { requestDraft: null } : { requestDraft: { incidentId }, tab: 'requests' }),
  setUnitFilter: (unitFilter) => set({ unitFilter }),
  setNearestPoint: (nearestPoint) => set({ nearestPoint }),
  showError: (message) => set({ toast: { id: ++toastSeq, message, kind: 'error' } }),
  showNotice: (message) => set({ toast: { id: ++toastSeq, message, kind: 'notice' } }),
  dismissToast: () => set({ toast: null }),
});
