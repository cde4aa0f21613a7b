// The session: the operation (name, mode, clock anchor), the signed-in operator, journal health.
import type { VigieClient } from '../../shared/api';
import { toApiError } from '../api';
import type { SessionSlice, Slice } from './types';

export const createSessionSlice =
  (client: VigieClient): Slice<SessionSlice> =>
  (set, get) => ({
    session: null,
    setOperator: (operator) => {
      const session = get().session;
      if (session) set({ session: { ...session, operator } });
    },
    signIn: async (input) => {
      try {
        const operator = await client.signIn(input);
        get().setOperator(operator);
        get().dismissToast();
        return true;
      } catch (err) {
        get().showError(toApiError(err).message);
        return false;
      }
    },
  });
