// The request writes of this desk: each answer replaces the row at once (putRequest); a conflict
// shows the request as it is now, with the service's message.
import { useCallback, useState } from 'react';
import type { CallInput } from '../../shared/api';
import type { DeskRequest } from '../../shared/awareness';
import { toApiError } from '../api';
import { appClient } from '../lock/client';
import { useVigie } from '../state/hooks';

export function useRequestActions() {
  const put = useVigie((s) => s.putRequest);
  const showError = useVigie((s) => s.showError);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (write: () => Promise<DeskRequest>): Promise<DeskRequest | null> => {
      setBusy(true);
      try {
        const r = await write();
        put(r);
        return r;
      } catch (err) {
        const e = toApiError(err);
        if (e.code === 'conflict' && e.current) put(e.current as DeskRequest);
        showError(e.message);
        return null;
      } finally {
        setBusy(false);
      }
    },
    [put, showError],
  );
  return {
    busy,
    send: (input: CallInput<'sendRequest'>) => run(() => appClient().sendRequest(input)),
    answer: (input: CallInput<'answerRequest'>) => run(() => appClient().answerRequest(input)),
    cancel: (input: CallInput<'cancelRequest'>) => run(() => appClient().cancelRequest(input)),
  };
}
