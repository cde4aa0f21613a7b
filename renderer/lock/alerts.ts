// Desk-wide alerts raised by any API call: the desk was found locked by a refused write, or the
// database can no longer be written (disk full, read-only). Plain data, read by the lock screen
// and the storage banner.
import { createStore } from 'zustand/vanilla';

export interface DeskAlerts {
  /** A write was refused with "Desk locked": show the lock screen until the session says otherwise. */
  lockedByError: boolean;
  /** The storage failure message (persistent until the page is reloaded). */
  storageError: string | null;
}

export const deskAlerts = createStore<DeskAlerts>()(() => ({ lockedByError: false, storageError: null }));

/** The service's messages for a database that cannot be written any more. */
export const isStorageFailure = (message: string): boolean =>
  message.startsWith('The disk holding the database is full') || message.includes('can no longer be written');

export const isDeskLocked = (message: string): boolean => message.startsWith('Desk locked');
