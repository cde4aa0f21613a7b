// View state that outlives a component: active tab, list filters, the sign-in form, the error toast.
import type { Slice, UiSlice } from './types';

let toastSeq = 0;

export const createUiSlice: Slice<UiSlice> = (set) => ({
  tab: 'units',
  filters: { units: '', incidents: '' },
  signInOpen: false,
  toast: null,
  setTab: (tab) => set({ tab }),
  setFilter: (tab, text) => set((s) => ({ filters: { ...s.filters, [tab]: text } })),
  setSignInOpen: (signInOpen) => set({ signInOpen }),
  showError: (message) => set({ toast: { id: ++toastSeq, message } }),
  dismissToast: () => set({ toast: null }),
});
