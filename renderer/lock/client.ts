// The app's one API client, watched: a "Desk locked" refusal from any call shows the lock screen,
// a storage failure shows the persistent banner, and a 401 (the session expired, was forged or
// signed out elsewhere) sends the desk back to the sign-in screen. The error is rethrown unchanged.
import type { CallName, VigieClient } from '../../shared/api';
import { createClient, toApiError } from '../api';
import { deskAlerts, isDeskLocked, isStorageFailure } from './alerts';

/** Calls whose 401 is a refused passphrase, not a session that ended. */
const PASSPHRASE_CALLS: readonly CallName[] = ['signIn', 'unlockSession', 'acknowledgeHandover'];

const sessionEndedListeners = new Set<(message: string) => void>();

/** Called with the service's message whenever a call finds the session gone; returns the unsubscriber. */
export function onSessionEnded(listener: (message: string) => void): () => void {
  sessionEndedListeners.add(listener);
  return () => sessionEndedListeners.delete(listener);
}

export function watchClient(inner: VigieClient): VigieClient {
  const watched: Record<string, unknown> = {};
  for (const name of Object.keys(inner) as CallName[]) {
    const fn = inner[name] as (input: unknown) => Promise<unknown>;
    watched[name] = async (input: unknown) => {
      try {
        return await fn(input);
      } catch (err) {
        const e = toApiError(err);
        if (e.code === 'forbidden' && isDeskLocked(e.message)) deskAlerts.setState({ lockedByError: true });
        if (e.code === 'internal' && isStorageFailure(e.message))
          deskAlerts.setState({ storageError: e.message });
        if (e.code === 'unauthorized' && !PASSPHRASE_CALLS.includes(name)) {
          deskAlerts.setState({ lockedByError: false });
          for (const listener of sessionEndedListeners) listener(e.message);
        }
        throw e;
      }
    };
  }
  return watched as unknown as VigieClient;
}

let client: VigieClient | null = null;

/** The client shared by the store and the units, handover and lock views. */
export function appClient(): VigieClient {
  client ??= watchClient(createClient());
  return client;
}
