// The session: the operation (name, mode, clock anchor), the signed-in operator and their role,
// journal health. Nothing but the session is read before someone signs in; signing out, or a call
// that answers 401 (an expired or forged session), brings the desk back to the sign-in screen and
// drops what the previous operator was shown.
import type { VigieClient } from '../../shared/api';
import { toApiError } from '../api';
import { deskAlerts } from '../lock/alerts';
import type { SessionSlice, Slice, VigieState } from './types';

const DESK_KEY = 'vigie.desk';

/** The desk name this browser last signed in with (prefills the sign-in form). */
export function rememberedDesk(): string {
  try {
    return localStorage.getItem(DESK_KEY) ?? '';
  } catch {
    return '';
  }
}

function rememberDesk(desk: string): void {
  try {
    localStorage.setItem(DESK_KEY, desk);
  } catch {
    // storage unavailable: the form starts empty next time
  }
}

/** What one operator was shown, dropped before the next one signs in. */
const CLEARED: Partial<VigieState> = {
  loadState: 'idle',
  tab: 'units',
  requestDraft: null,
  units: [],
  incidentPoints: [],
  zones: [],
  pane: null,
  detail: null,
  selection: null,
  conflict: null,
  toast: null,
};

export const createSessionSlice =
  (client: VigieClient): Slice<SessionSlice> =>
  (set, get) => ({
    session: null,
    sessionError: null,
    signInNotice: null,
    exerciseSeq: 0,
    loadSession: async () => {
      try {
        set({ session: await client.getSession({}), sessionError: null });
      } catch (err) {
        set({ sessionError: toApiError(err).message });
      }
    },
    signIn: async (input) => {
      try {
        await client.signIn(input);
        rememberDesk(input.desk);
        // A new sign-in replaces a locked session: the lock screen found by a refused write goes too.
        deskAlerts.setState({ lockedByError: false });
        set({ ...CLEARED, session: await client.getSession({}), signInNotice: null });
        return null;
      } catch (err) {
        return toApiError(err).message;
      }
    },
    signOut: async () => {
      try {
        const session = await client.signOut({});
        set({ ...CLEARED, session, signInNotice: null });
      } catch (err) {
        get().showError(toApiError(err).message);
      }
    },
    sessionEnded: (message) => {
      const session = get().session;
      if (!session?.operator) return;
      set({ ...CLEARED, session: { ...session, operator: null }, signInNotice: message });
    },
    applySessionView: (session) => set({ session }),
  });
