// View state that outlives a component: active tab, the units filter, the sign-in form, the toast,
// the map point whose nearest units are listed.
import type { Slice, UiSlice } from './types';

let toastSeq = 0;

export const createUiSlice: Slice<UiSlice> = (set) => ({
  tab: 'units',
  unitFilter: '',
  signInOpen: false,
  toast: null,
  nearestPoint: null,
  setTab: (tab) => set({ tab }),
  setUnitFilter: (unitFilter) => set({ unitFilter }),
  setSignInOpen: (signInOpen) => set({ signInOpen }),
  setNearestPoint: (nearestPoint) => set({ nearestPoint }),
  showError: (message) => set({ toast: { id: ++toastSeq, message, kind: 'error' } }),
  showNotice: (message) => set({ toast: { id: ++toastSeq, message, kind: 'notice' } }),
  dismissToast: () => set({ toast: null }),
});
