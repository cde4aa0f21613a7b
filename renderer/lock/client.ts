// The app's one API client, watched: a "Desk locked" refusal from any call shows the lock screen,
// and a storage failure shows the persistent banner. The error is rethrown unchanged.
import type { CallName, VigieClient } from '../../shared/api';
import { createClient, toApiError } from '../api';
import { deskAlerts, isDeskLocked, isStorageFailure } from './alerts';

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
